package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func ptr[T any](v T) *T { return &v }

// richFiling is a filing that uses every struct, both domain forms, pointers
// set to false and zero, dates and date-times. It returns a fresh value each
// time, so tests may change it.
func richFiling() *Filing {
	boss := Person{
		Name: "张三",
		Certificate: Certificate{
			Type:      ResidentID,
			Number:    "430104199001011234",
			Address:   "湖南省长沙市芙蓉区示例街2号",
			ValidFrom: "2020-01-01",
			LongTerm:  ptr(true),
		},
		Mobile:              "13800138000",
		EmergencyPhone:      "0731-88888888",
		Email:               "zhangsan@example.com",
		LegalRepresentative: ptr(true),
	}
	return &Filing{
		Type:        FirstFiling,
		Province:    "hunan",
		SubmittedAt: "2024-05-01T10:00:00+08:00",
		Provider:    "huaweicloud",
		Subject: Subject{
			Nature: Enterprise,
			Name:   "长沙示例科技有限公司",
			Certificate: Certificate{
				Type:       BusinessLicenseCert,
				Number:     "91430100MA4L00000X",
				Address:    "湖南省长沙市岳麓区示例路1号",
				ValidFrom:  "2015-06-01",
				ValidUntil: "2035-05-31",
				LongTerm:   ptr(false),
			},
			MailingAddress: "湖南省长沙市岳麓区示例路1号A栋101",
			Principal:      boss,
		},
		Services: []Service{
			{
				Kind: Website,
				Name: "示例科技官网",
				Domains: []Domain{
					{Name: "example.com"},
					{Name: "example.cn", HolderName: "长沙示例科技有限公司", HolderCertificateNumber: "91430100MA4L00000X", RealnameVerified: ptr(false)},
				},
				IPs:          []string{"192.0.2.1", "2001:db8::1", "192.0.2.10-192.0.2.20"},
				Content:      []string{"企业官网"},
				Languages:    []string{"zh-Hans", "英语"},
				PreApprovals: []PreApproval{{Category: "新闻", DocumentNumber: "湘新审2024001号"}},
				Principal: Person{
					Name:                "李四",
					Certificate:         Certificate{Type: ResidentID, Number: "43010419920202345X"},
					Mobile:              "13900139000",
					Email:               "lisi@example.com",
					LegalRepresentative: ptr(false),
				},
				Remarks: "第一行\n第二行",
			},
			{
				Kind:     App,
				Name:     "示例",
				Domains:  []Domain{{Name: "api.example.com"}},
				Homepage: "https://api.example.com/app",
				Icon:     &Icon{Format: "png", SizeBytes: ptr(20480)},
				Platforms: []Platform{
					{OS: "android", Package: "com.example.app", PublicKey: "MIIBIjANBgkq", SignatureMD5: "0123456789abcdef0123456789abcdef"},
					{OS: "ios", Package: "com.example.app"},
				},
				SDKs:      []SDK{{Vendor: "腾讯", Type: "推送"}},
				Principal: boss,
			},
		},
		Resource: &Resource{Type: ECS, Billing: Subscription, Months: ptr(12)},
		Materials: []Material{
			{Kind: IdentityDocument, File: "id.jpg", SizeBytes: ptr(102400)},
			{Kind: AppFraudRiskAssessment, Service: ptr(1), File: "涉诈风险自评估报告.pdf"},
			{Kind: DomainCertificate, Service: ptr(0)},
		},
		Verification: &Verification{FaceVerified: ptr(false), SMSVerifiedAt: "2024-05-01T10:30:00+08:00"},
	}
}

// richYAML is richFiling as a person would write it: enumerations in mixed
// case, the province by its Chinese name, dates quoted and unquoted, an
// anchor and alias, flow and block style, a null.
const richYAML = `# 首次备案
type: First_Filing
province: 湖南省
submitted_at: 2024-05-01T10:00:00+08:00
provider: huaweicloud
subject:
  nature: ENTERPRISE
  name: 长沙示例科技有限公司
  certificate:
    type: business_license
    number: 91430100MA4L00000X
    address: 湖南省长沙市岳麓区示例路1号
    valid_from: 2015-06-01
    valid_until: "2035-05-31"
    long_term: false
  mailing_address: 湖南省长沙市岳麓区示例路1号A栋101
  principal: &boss
    name: 张三
    certificate:
      type: Resident_ID
      number: "430104199001011234"
      address: 湖南省长沙市芙蓉区示例街2号
      valid_from: '2020-01-01'
      long_term: True
    mobile: "13800138000"
    emergency_phone: 0731-88888888
    email: zhangsan@example.com
    legal_representative: true
services:
  - kind: Website
    name: 示例科技官网
    domains:
      - example.com
      - name: example.cn
        holder_name: 长沙示例科技有限公司
        holder_certificate_number: 91430100MA4L00000X
        realname_verified: false
    ips: [192.0.2.1, "2001:db8::1", 192.0.2.10-192.0.2.20]
    content: [企业官网]
    languages:
      - zh-Hans
      - 英语
    pre_approvals:
      - {category: 新闻, document_number: 湘新审2024001号}
    principal:
      name: 李四
      certificate: {type: resident_id, number: 43010419920202345X}
      mobile: "13900139000"
      email: lisi@example.com
      legal_representative: false
    remarks: |-
      第一行
      第二行
  - kind: APP
    name: 示例
    domains: [api.example.com]
    homepage: https://api.example.com/app
    icon:
      format: png
      size_bytes: 20480
    platforms:
      - os: android
        package: com.example.app
        public_key: MIIBIjANBgkq
        signature_md5: 0123456789abcdef0123456789abcdef
      - os: ios
        package: com.example.app
    sdks:
      - vendor: 腾讯
        type: 推送
    principal: *boss
resource:
  type: ECS
  billing: subscription
  months: 12
  authorization_code: null
materials:
  - kind: identity_document
    file: id.jpg
    size_bytes: 102400
  - kind: app_fraud_risk_assessment
    service: 1
    file: 涉诈风险自评估报告.pdf
  - kind: domain_certificate
    service: 0
verification:
  face_verified: false
  sms_verified_at: "2024-05-01T10:30:00+08:00"
`

func decodeAs(format string) func([]byte) (*Filing, error) {
	if format == "json" {
		return DecodeJSON
	}
	return DecodeYAML
}

func TestDecodeRich(t *testing.T) {
	variant := strings.NewReplacer(
		`"type": "first_filing"`, `"type": "FIRST_FILING"`,
		`"province": "hunan"`, `"province": "４３"`,
		`"kind": "app"`, `"kind": "App"`,
		`"valid_from": "2015-06-01"`, "\n\"valid_from\"\t:\r\n \"2015-06-01\"",
	).Replace(richJSON)
	if strings.Count(variant, "\"") != strings.Count(richJSON, "\"") || variant == richJSON {
		t.Fatal("the JSON variant is not what the test means")
	}
	fromFile := func(name string) func([]byte) (*Filing, error) {
		return func(data []byte) (*Filing, error) { return DecodeFile(name, data) }
	}
	tests := []struct {
		name   string
		decode func([]byte) (*Filing, error)
		in     string
	}{
		{"yaml", DecodeYAML, richYAML},
		{"json", DecodeJSON, richJSON},
		{"json in other spellings", DecodeJSON, variant},
		{"file.yml", fromFile("filing.yml"), richYAML},
		{"file.YAML", fromFile("FILING.YAML"), richYAML},
		{"file.json", fromFile("filing.json"), richJSON},
		{"stdin json", fromFile("-"), " \n\t" + richJSON},
		{"stdin yaml", fromFile("-"), richYAML},
		{"no extension json", fromFile("filing"), richJSON},
		{"no extension yaml", fromFile("filing.txt"), richYAML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(richFiling(), got); diff != "" {
				t.Errorf("decoded filing (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeForms covers the accepted spellings that the rich filing does not.
func TestDecodeForms(t *testing.T) {
	tests := []struct {
		name, format, in string
		want             *Filing
	}{
		{"yaml nulls are absent", "yaml",
			"type: ~\nprovince: null\nsubmitted_at:\nsubject: ~\nservices: null\nresource: ~\nverification: {face_verified: Null}\n",
			&Filing{Verification: &Verification{}}},
		{"json nulls are absent", "json",
			`{"type": null, "province": null, "subject": null, "services": null, "resource": null, "verification": {"face_verified": null}}`,
			&Filing{Verification: &Verification{}}},
		{"yaml empty lists are absent", "yaml", "services: []\nmaterials: []\n", &Filing{}},
		{"json empty lists are absent", "json", `{"services": [], "materials": []}`, &Filing{}},
		{"empty objects are present", "json", `{"resource": {}, "verification": {}, "services": [{"icon": {}}]}`,
			&Filing{Resource: &Resource{}, Verification: &Verification{}, Services: []Service{{Icon: &Icon{}}}}},
		{"yaml integer forms", "yaml", "resource: {months: 0x0C}\nmaterials:\n  - {kind: other, service: +1, size_bytes: 1__000_}\n",
			&Filing{Resource: &Resource{Months: ptr(12)}, Materials: []Material{{Kind: OtherMaterial, Service: ptr(1), SizeBytes: ptr(1000)}}}},
		{"json negative and zero", "json", `{"resource": {"months": -0}, "materials": [{"kind": "other", "service": -1}]}`,
			&Filing{Resource: &Resource{Months: ptr(0)}, Materials: []Material{{Kind: OtherMaterial, Service: ptr(-1)}}}},
		{"yaml explicit tags", "yaml", "provider: !!str 12\nresource: {months: !!int \"7\"}\n",
			&Filing{Provider: "12", Resource: &Resource{Months: ptr(7)}}},
		{"yaml plain date and date-time", "yaml", "submitted_at: 2024-05-01\nverification: {sms_verified_at: 2024-05-01T02:00:00Z}\n",
			&Filing{SubmittedAt: "2024-05-01", Verification: &Verification{SMSVerifiedAt: "2024-05-01T02:00:00Z"}}},
		{"json date and date-time", "json", `{"submitted_at": "2024-05-01", "verification": {"sms_verified_at": "2024-05-01T02:00:00.5+08:00"}}`,
			&Filing{SubmittedAt: "2024-05-01", Verification: &Verification{SMSVerifiedAt: "2024-05-01T02:00:00.5+08:00"}}},
		{"yaml full-width province code", "yaml", "province: ４３\n", &Filing{Province: "hunan"}},
		{"yaml province 陕西", "yaml", "province: 陕西\n", &Filing{Province: "shaanxi"}},
		{"json province 山西省", "json", `{"province": "山西省"}`, &Filing{Province: "shanxi"}},
		{"json byte order mark", "json", "\ufeff{\"type\": \"Change\"}", &Filing{Type: Change}},
		{"yaml document markers", "yaml", "%YAML 1.1\n---\ntype: change\n...\n", &Filing{Type: Change}},
		{"yaml bool spellings", "yaml", "verification: {face_verified: TRUE}\n", &Filing{Verification: &Verification{FaceVerified: ptr(true)}}},
		{"domain forms", "json", `{"services": [{"domains": ["a.cn", {"name": "b.cn"}, {"name": "c.cn", "realname_verified": true}]}]}`,
			&Filing{Services: []Service{{Domains: []Domain{{Name: "a.cn"}, {Name: "b.cn"}, {Name: "c.cn", RealnameVerified: ptr(true)}}}}}},
		{"yaml alias of a scalar", "yaml", "provider: &p huaweicloud\nsubject: {name: *p}\n",
			&Filing{Provider: "huaweicloud", Subject: Subject{Name: "huaweicloud"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeAs(tt.format)([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("decoded filing (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, format, in string
		path             string
		line, col        int // col 0: not checked
		msg              string
	}{
		{"unknown top-level key", "yaml", "type: change\nprovnce: hunan\n",
			"provnce", 2, 1, `unknown key "provnce" (allowed keys: type, province, submitted_at,`},
		{"unknown top-level key", "json", "{\n  \"type\": \"change\",\n  \"provnce\": \"hunan\"\n}",
			"provnce", 3, 3, `unknown key "provnce"`},
		{"unknown nested key", "yaml", "services:\n  - kind: website\n  - kind: app\n    principal:\n      mobil: \"13800138000\"\n",
			"services[1].principal.mobil", 5, 7, `unknown key "mobil" (allowed keys: name, certificate, mobile, emergency_phone, email, legal_representative)`},
		{"unknown nested key", "json", `{
  "services": [
    {"kind": "website"},
    {"kind": "app", "principal": {"mobil": "13800138000"}}
  ]
}`, "services[1].principal.mobil", 4, 35, `unknown key "mobil"`},
		{"unknown key in domain object", "yaml", "services:\n  - domains:\n      - name: example.com\n        holder: x\n",
			"services[0].domains[0].holder", 4, 9, `unknown key "holder"`},
		{"tagged number for string", "yaml", "subject:\n  principal:\n    mobile: !!int 13800138000\n",
			"subject.principal.mobile", 3, 13, "expected a string, got number 13800138000"},
		{"number for string", "json", `{"subject": {"principal": {"mobile": 13800138000}}}`,
			"subject.principal.mobile", 1, 38, "expected a string, got number 13800138000"},
		{"bool for string", "json", `{"subject": {"name": true}}`,
			"subject.name", 1, 22, "expected a string, got boolean true"},
		{"tagged bool for string", "yaml", "subject:\n  name: !!bool True\n",
			"subject.name", 2, 9, "expected a string, got boolean True"},
		{"string for int", "yaml", "resource:\n  months: \"12\"\n",
			"resource.months", 2, 11, `expected an integer, got string "12"`},
		{"string for int", "json", `{"resource": {"months": "12"}}`,
			"resource.months", 1, 25, `expected an integer, got string "12"`},
		{"fraction for int", "yaml", "resource:\n  months: 1.5\n",
			"resource.months", 2, 11, "expected an integer, got number 1.5"},
		{"exponent for int", "json", `{"resource": {"months": 1e2}}`,
			"resource.months", 1, 25, "expected an integer, got number 1e2"},
		{"int out of range", "json", `{"materials": [{"size_bytes": 99999999999999999999}]}`,
			"materials[0].size_bytes", 1, 31, "integer 99999999999999999999 is out of range"},
		{"plain yes for bool", "yaml", "subject:\n  certificate:\n    long_term: yes\n",
			"subject.certificate.long_term", 3, 16, `expected a boolean, got string "yes"`},
		{"string for bool", "json", `{"verification": {"face_verified": "true"}}`,
			"verification.face_verified", 1, 36, `expected a boolean, got string "true"`},
		{"object for string", "yaml", "subject:\n  name:\n    first: 张\n",
			"subject.name", 3, 5, "expected a string, got object"},
		{"object for string", "json", `{"subject": {"name": {"first": "张"}}}`,
			"subject.name", 1, 22, "expected a string, got object"},
		{"list for object", "yaml", "subject: [a, b]\n",
			"subject", 1, 10, "expected an object, got list"},
		{"list for object", "json", `{"subject": ["a"]}`,
			"subject", 1, 13, "expected an object, got list"},
		{"string for list", "yaml", "services:\n  - ips: 192.0.2.1\n",
			"services[0].ips", 2, 10, `expected a list, got string "192.0.2.1"`},
		{"null in a list", "yaml", "services:\n  - ips: [~]\n",
			"services[0].ips[0]", 2, 11, "expected a string, got null"},
		{"number for domain", "json", `{"services": [{"domains": ["example.com", 42]}]}`,
			"services[0].domains[1]", 1, 43, "expected a string or an object, got number 42"},
		{"unknown enum", "yaml", "services:\n  - kind: webbsite\n",
			"services[0].kind", 2, 11, `unknown service kind "webbsite" (want one of website, app)`},
		{"unknown enum", "json", `{"services": [{"kind": "webbsite"}]}`,
			"services[0].kind", 1, 24, `unknown service kind "webbsite"`},
		{"columns count characters", "yaml", "subject: {name: 张三, nature: x}\n",
			"subject.nature", 1, 29, `unknown subject nature "x"`},
		{"columns count characters", "json", `{"subject": {"name": "张三", "nature": "x"}}`,
			"subject.nature", 1, 38, `unknown subject nature "x"`},
		{"number for enum", "json", `{"resource": {"type": 1}}`,
			"resource.type", 1, 23, "expected a string, got number 1"},
		{"plain number for enum", "yaml", "resource: {type: 1}\n",
			"resource.type", 1, 18, `unknown resource type "1"`},
		{"bad date", "yaml", "subject:\n  certificate:\n    valid_until: 2023-02-30\n",
			"subject.certificate.valid_until", 3, 18, `invalid date "2023-02-30"`},
		{"bad date", "json", `{"subject": {"certificate": {"valid_until": "2023-02-30"}}}`,
			"subject.certificate.valid_until", 1, 45, `invalid date "2023-02-30"`},
		{"unpadded date", "yaml", "subject:\n  certificate:\n    valid_from: 2023-2-3\n",
			"subject.certificate.valid_from", 3, 17, `invalid date "2023-2-3"`},
		{"bad date-time", "yaml", "submitted_at: 2024-13-01T10:00:00Z\n",
			"submitted_at", 1, 15, "invalid date or date-time"},
		{"Hong Kong", "yaml", "province: 香港\n", "province", 1, 11, "Hong Kong is not a mainland province"},
		{"Macao", "json", `{"province": "澳门"}`, "province", 1, 14, "Macao is not a mainland province"},
		{"Taiwan", "yaml", "province: 台湾\n", "province", 1, 11, "Taiwan is not a mainland province"},
		{"atlantis", "json", `{"province": "atlantis"}`, "province", 1, 14, `unknown province "atlantis"`},
		{"duplicate key", "yaml", "type: change\nsubject:\n  name: a\n  name: b\n",
			"subject.name", 4, 3, `duplicate key "name" (first at line 3)`},
		{"duplicate key", "json", "{\n  \"type\": \"change\",\n  \"type\": \"deregister\"\n}",
			"type", 3, 3, `duplicate key "type" (first at line 2)`},
		{"first error in document order", "yaml", "subject:\n  name: [1]\n  name: 2\n",
			"subject.name", 2, 9, "expected a string, got list"},
		{"yaml parser error", "yaml", "type: change\nsubject: {name: a\n",
			"", 2, 0, "invalid YAML: did not find expected ',' or '}'"},
		{"yaml scanner error", "yaml", "type: change\nprovince: hunan: x\n",
			"", 2, 0, "invalid YAML: mapping values are not allowed in this context"},
		{"yaml unknown anchor", "yaml", "type: change\nprovider: [a, *nope]\n", "", 2, 15, "invalid YAML: unknown anchor 'nope' referenced"},
		{"yaml parser error on the first line", "yaml", "{a: [}\n", "", 1, 0, "invalid YAML: did not find expected node content"},
		{"yaml scanner error on the first line", "yaml", "type: a: b\n", "", 1, 0, "invalid YAML: mapping values are not allowed in this context"},
		{"yaml control character", "yaml", "type: change\nprovider: a\x01b\n", "", 2, 12, "invalid YAML: control characters are not allowed"},
		{"json missing comma", "json", "{\n  \"type\": \"change\"\n  \"province\": \"hunan\"\n}",
			"", 3, 3, `invalid JSON: invalid character '"' after object key:value pair`},
		{"json bad literal", "json", "{\n  \"verification\": {\"face_verified\": tru}\n}",
			"", 2, 40, "invalid JSON: invalid character '}' in literal true"},
		{"json truncated", "json", "{\n  \"type\": \"change\",\n", "", 3, 1, "invalid JSON: unexpected end of input"},
		{"json empty", "json", "", "", 1, 1, "invalid JSON: unexpected end of input"},
		{"json two values", "json", "{}\n{}", "", 2, 1, "invalid JSON: invalid character '{' after top-level value"},
		{"multi-document yaml", "yaml", "type: change\n---\ntype: deregister\n",
			"", 2, 1, "more than one YAML document"},
		{"empty yaml", "yaml", "# nothing\n", "", 2, 1, "empty document"},
		{"top-level list", "yaml", "- type: change\n", "", 1, 1, "the top level must be an object, got list"},
		{"top-level list", "json", "[{}]", "", 1, 1, "the top level must be an object, got list"},
		{"top-level string", "json", `"filing"`, "", 1, 1, `the top level must be an object, got string "filing"`},
		{"alias inside its anchor", "yaml", "services: &s [*s]\n", "services[0]", 1, 15, "alias *s is used inside its own anchor"},
		{"merge key", "yaml", "subject:\n  <<: {name: a}\n", "subject", 2, 3, "merge keys (<<) are not supported"},
		{"complex key", "yaml", "? [a]\n: 1\n", "", 1, 3, "a key must be a string, got list"},
		{"unsupported tag", "yaml", "provider: !!binary aGk=\n", "provider", 1, 11, "unsupported YAML tag !!binary"},
		{"long value shortened", "json", `{"provider": ` + strings.Repeat("9", 50) + "}",
			"provider", 1, 14, "got number " + strings.Repeat("9", 40) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.format+" "+tt.name, func(t *testing.T) {
			f, err := decodeAs(tt.format)([]byte(tt.in))
			if err == nil {
				t.Fatalf("decoded without error: %+v", f)
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
			}
			if f != nil {
				t.Errorf("filing %+v returned with the error", f)
			}
			if de.Path != tt.path || de.Line != tt.line || (tt.col != 0 && de.Column != tt.col) || de.File != "" {
				t.Errorf("error at file %q path %q %d:%d, want path %q %d:%d", de.File, de.Path, de.Line, de.Column, tt.path, tt.line, tt.col)
			}
			if !strings.Contains(de.Err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", de.Err, tt.msg)
			}
		})
	}
}

func TestJSONSyntaxErrorUnwraps(t *testing.T) {
	_, err := DecodeJSON([]byte(`{"type": }`))
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v does not wrap a *json.SyntaxError", err)
	}
}

func TestDecodeFileErrors(t *testing.T) {
	const mobile = "subject:\n  principal:\n    mobile: [13800138000]\n"
	tests := []struct{ name, in, want string }{
		{"filing.yaml", mobile, "filing.yaml:3:13: subject.principal.mobile: expected a string, got list"},
		{"-", mobile, "<stdin>:3:13: subject.principal.mobile: expected a string, got list"},
		{"-", `{"type": "x"}`, `<stdin>:1:10: type: unknown filing type "x"`},
		// The extension decides, whatever the content.
		{"filing.json", "type: change\n", "filing.json:1:2: invalid JSON: invalid character 'y' in literal true (expecting 'r')"},
		{"filing.json", strings.Repeat(" ", MaxInputBytes+1), "filing.json: JSON input is 8388609 bytes, more than the limit of 8388608 (8 MiB)"},
		{"filing.yaml", strings.Repeat(" ", DefaultLimits().MaxYAMLBytes+1), "filing.yaml: YAML input is 524289 bytes, more than the limit of 524288 (512 KiB)"},
		{"-", `{"type": "x"` + strings.Repeat(" ", DefaultLimits().MaxYAMLBytes) + "}", `<stdin>:1:10: type: unknown filing type "x"`}, // JSON may be larger
		{"-", "#" + strings.Repeat(" ", DefaultLimits().MaxYAMLBytes), "<stdin>: YAML input is 524289 bytes, more than the limit of 524288 (512 KiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeFile(tt.name, []byte(tt.in))
			if err == nil {
				t.Fatal("decoded without error")
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("error\n%s\ndoes not start with\n%s", got, tt.want)
			}
		})
	}
}

func TestDecodeErrorString(t *testing.T) {
	sentinel := errors.New("boom")
	tests := []struct {
		err  DecodeError
		want string
	}{
		{DecodeError{File: "f.yaml", Path: "services[1].name", Line: 12, Column: 7, Err: sentinel}, "f.yaml:12:7: services[1].name: boom"},
		{DecodeError{Path: "services[1].name", Line: 12, Column: 7, Err: sentinel}, "12:7: services[1].name: boom"},
		{DecodeError{File: "f.yaml", Line: 12, Err: sentinel}, "f.yaml:12: boom"},
		{DecodeError{File: "f.yaml", Path: "type", Err: sentinel}, "f.yaml: type: boom"},
		{DecodeError{Path: "type", Err: sentinel}, "type: boom"},
		{DecodeError{Err: sentinel}, "boom"},
		{DecodeError{Path: "type"}, "type: invalid filing"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if err := error(&DecodeError{Err: sentinel}); !errors.Is(err, sentinel) {
		t.Error("DecodeError does not unwrap to its Err")
	}
}

// assertTokenSourcesAgree checks that scanToken builds from valid JSON the
// tree, or the limit error, that encoding/json's token stream builds.
func assertTokenSourcesAgree(t *testing.T, data []byte, lim Limits) {
	t.Helper()
	lim = lim.resolved()
	want, wantErr := parseJSONTokens(data, &lim, true)
	got, gotErr := parseJSONTokens(data, &lim, false)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(node{})); diff != "" {
		t.Errorf("tree of %q (-stream +scan):\n%s", data, diff)
	}
	if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
		t.Errorf("error of %q: stream %v, scan %v", data, wantErr, gotErr)
	}
}

func TestJSONTokenSourcesAgree(t *testing.T) {
	rich, err := EncodeJSON(richFiling())
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{
		richJSON, string(rich),
		`{"a": "x\"y\\z\/\b\f\n\r\t\u00e9\ud83d\ude00", "b\\": "\\", "c": "\"", "d": ""}`,
		`{"lone": ["\ud800", "\udc00x", "\ud800\u0041", "a\ud83d"]}`,
		"{\"bad\": [\"\xff\", \"张\xff三\", \"\xc0\\n\"], \"\xfe\": 1}",
		`[-0, 1.5e+10, 0E-1, 123, -7.25E2, 1e5]`,
		"[true,false,null,[null,[]],{},{\"k\":{}}]",
		"\r\n\t{ \"姓名\" :\t\"张三\" ,\r\n \"x\":[ 1 ,2 ] }\n\n",
		`{"na\u006de": {"子": ["一", "二", {"三": null}]}}`,
		`"top-level string"`, `42`, `null`,
	}
	for _, doc := range docs {
		assertTokenSourcesAgree(t, []byte(doc), DefaultLimits())
	}
	// Where a limit stops the parse, both sources stop at the same value.
	for _, lim := range []Limits{{MaxNodes: 10}, {MaxNodes: 57}, {MaxDepth: 1}, {MaxDepth: 3}} {
		assertTokenSourcesAgree(t, rich, lim)
	}
}
