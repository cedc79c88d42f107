package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// richJSON is EncodeJSON's output for richFiling.
const richJSON = `{
  "type": "first_filing",
  "province": "hunan",
  "submitted_at": "2024-05-01T10:00:00+08:00",
  "provider": "huaweicloud",
  "subject": {
    "nature": "enterprise",
    "name": "长沙示例科技有限公司",
    "certificate": {
      "type": "business_license",
      "number": "91430100MA4L00000X",
      "address": "湖南省长沙市岳麓区示例路1号",
      "valid_from": "2015-06-01",
      "valid_until": "2035-05-31",
      "long_term": false
    },
    "mailing_address": "湖南省长沙市岳麓区示例路1号A栋101",
    "principal": {
      "name": "张三",
      "certificate": {
        "type": "resident_id",
        "number": "430104199001011234",
        "address": "湖南省长沙市芙蓉区示例街2号",
        "valid_from": "2020-01-01",
        "long_term": true
      },
      "mobile": "13800138000",
      "emergency_phone": "0731-88888888",
      "email": "zhangsan@example.com",
      "legal_representative": true
    }
  },
  "services": [
    {
      "kind": "website",
      "name": "示例科技官网",
      "domains": [
        "example.com",
        {
          "name": "example.cn",
          "holder_name": "长沙示例科技有限公司",
          "holder_certificate_number": "91430100MA4L00000X",
          "realname_verified": false
        }
      ],
      "ips": [
        "192.0.2.1",
        "2001:db8::1",
        "192.0.2.10-192.0.2.20"
      ],
      "content": [
        "企业官网"
      ],
      "languages": [
        "zh-Hans",
        "英语"
      ],
      "pre_approvals": [
        {
          "category": "新闻",
          "document_number": "湘新审2024001号"
        }
      ],
      "principal": {
        "name": "李四",
        "certificate": {
          "type": "resident_id",
          "number": "43010419920202345X"
        },
        "mobile": "13900139000",
        "email": "lisi@example.com",
        "legal_representative": false
      },
      "remarks": "第一行\n第二行"
    },
    {
      "kind": "app",
      "name": "示例",
      "domains": [
        "api.example.com"
      ],
      "principal": {
        "name": "张三",
        "certificate": {
          "type": "resident_id",
          "number": "430104199001011234",
          "address": "湖南省长沙市芙蓉区示例街2号",
          "valid_from": "2020-01-01",
          "long_term": true
        },
        "mobile": "13800138000",
        "emergency_phone": "0731-88888888",
        "email": "zhangsan@example.com",
        "legal_representative": true
      },
      "homepage": "https://api.example.com/app",
      "icon": {
        "format": "png",
        "size_bytes": 20480
      },
      "platforms": [
        {
          "os": "android",
          "package": "com.example.app",
          "public_key": "MIIBIjANBgkq",
          "signature_md5": "0123456789abcdef0123456789abcdef"
        },
        {
          "os": "ios",
          "package": "com.example.app"
        }
      ],
      "sdks": [
        {
          "vendor": "腾讯",
          "type": "推送"
        }
      ]
    }
  ],
  "resource": {
    "type": "ecs",
    "billing": "subscription",
    "months": 12
  },
  "materials": [
    {
      "kind": "identity_document",
      "file": "id.jpg",
      "size_bytes": 102400
    },
    {
      "kind": "app_fraud_risk_assessment",
      "service": 1,
      "file": "涉诈风险自评估报告.pdf"
    },
    {
      "kind": "domain_certificate",
      "service": 0
    }
  ],
  "verification": {
    "face_verified": false,
    "sms_verified_at": "2024-05-01T10:30:00+08:00"
  }
}
`

// richYAMLOut is EncodeYAML's output for richFiling.
const richYAMLOut = `type: first_filing
province: hunan
submitted_at: "2024-05-01T10:00:00+08:00"
provider: huaweicloud
subject:
  nature: enterprise
  name: 长沙示例科技有限公司
  certificate:
    type: business_license
    number: 91430100MA4L00000X
    address: 湖南省长沙市岳麓区示例路1号
    valid_from: "2015-06-01"
    valid_until: "2035-05-31"
    long_term: false
  mailing_address: 湖南省长沙市岳麓区示例路1号A栋101
  principal:
    name: 张三
    certificate:
      type: resident_id
      number: "430104199001011234"
      address: 湖南省长沙市芙蓉区示例街2号
      valid_from: "2020-01-01"
      long_term: true
    mobile: "13800138000"
    emergency_phone: 0731-88888888
    email: zhangsan@example.com
    legal_representative: true
services:
  - kind: website
    name: 示例科技官网
    domains:
      - example.com
      - name: example.cn
        holder_name: 长沙示例科技有限公司
        holder_certificate_number: 91430100MA4L00000X
        realname_verified: false
    ips:
      - 192.0.2.1
      - 2001:db8::1
      - 192.0.2.10-192.0.2.20
    content:
      - 企业官网
    languages:
      - zh-Hans
      - 英语
    pre_approvals:
      - category: 新闻
        document_number: 湘新审2024001号
    principal:
      name: 李四
      certificate:
        type: resident_id
        number: 43010419920202345X
      mobile: "13900139000"
      email: lisi@example.com
      legal_representative: false
    remarks: |-
      第一行
      第二行
  - kind: app
    name: 示例
    domains:
      - api.example.com
    principal:
      name: 张三
      certificate:
        type: resident_id
        number: "430104199001011234"
        address: 湖南省长沙市芙蓉区示例街2号
        valid_from: "2020-01-01"
        long_term: true
      mobile: "13800138000"
      emergency_phone: 0731-88888888
      email: zhangsan@example.com
      legal_representative: true
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
resource:
  type: ecs
  billing: subscription
  months: 12
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

func TestEncodeGolden(t *testing.T) {
	tests := []struct {
		name   string
		encode func(*Filing) ([]byte, error)
		f      *Filing
		want   string
	}{
		{"json", EncodeJSON, richFiling(), richJSON},
		{"yaml", EncodeYAML, richFiling(), richYAMLOut},
		{"json zero", EncodeJSON, &Filing{}, "{}\n"},
		{"yaml zero", EncodeYAML, &Filing{}, "{}\n"},
		{"json no html escaping", EncodeJSON, &Filing{Provider: "a<b>&c", Services: []Service{{Domains: []Domain{{Name: "a&b.cn"}, {Name: "c.cn", HolderName: "A&B"}}}}},
			"{\n  \"provider\": \"a<b>&c\",\n  \"services\": [\n    {\n      \"domains\": [\n        \"a&b.cn\",\n        {\n          \"name\": \"c.cn\",\n          \"holder_name\": \"A&B\"\n        }\n      ]\n    }\n  ]\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.encode(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(got), tt.want) {
				t.Errorf("output (-want +got):\n%s", cmp.Diff(tt.want, string(got)))
			}
		})
	}
}

func TestDomainMarshalJSON(t *testing.T) {
	tests := []struct {
		d    Domain
		want string
	}{
		{Domain{Name: "example.com"}, `"example.com"`},
		{Domain{}, `""`},
		{Domain{Name: "example.com", RealnameVerified: ptr(false)}, `{"name":"example.com","realname_verified":false}`},
		{Domain{Name: "example.com", HolderName: "张三"}, `{"name":"example.com","holder_name":"张三"}`},
		{Domain{HolderCertificateNumber: "X"}, `{"name":"","holder_certificate_number":"X"}`},
	}
	for _, tt := range tests {
		got, err := json.Marshal(tt.d)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("json.Marshal(%+v) = %s, want %s", tt.d, got, tt.want)
		}
	}
}

// trickyFiling holds strings that YAML would read as something else, or that
// need escaping, in places of every kind.
func trickyFiling() *Filing {
	tricky := []string{
		"", "yes", "no", "on", "null", "~", "true", "False", "123", "0x1F", "1e3", ".inf", "-", "2030-01-01",
		"2024-05-01T10:00:00Z", "a: b", "- x", "#c", "a #c", " lead", "trail ", "multi\nline", "multi\nline\n",
		"\n\nblank lines\n\n", "\ttab", "cr\r\nlf", `"quoted"`, "'single'", "{flow}", "[flow]", "&anchor", "*alias",
		"!tag", "%percent", "@at", "`tick", "|", ">", "<<", "中文", "\u0085nel", "\u2028ls", "del\x7f", "\u00a0nbsp",
		"\ufeffbom", "emoji 😀", "<>&", `back\slash`, strings.Repeat("long words ", 20),
	}
	f := &Filing{Provider: "0731", Subject: Subject{Name: "010", Principal: Person{Mobile: "+8613800138000"}}}
	for i, s := range tricky {
		f.Services = append(f.Services, Service{
			Name:      s,
			Remarks:   s + "\n" + s,
			Domains:   []Domain{{Name: s}, {Name: s, HolderName: s}},
			Content:   []string{s},
			Principal: Person{Email: s},
		})
		f.Materials = append(f.Materials, Material{Kind: OtherMaterial, Service: ptr(i), File: s, SizeBytes: ptr(-i)})
	}
	return f
}

// roomy decodes what the encoders wrote: the round trip is about losing
// nothing, not about size, and YAML aliases that decoded within the limits
// are written out expanded.
var roomy = Limits{MaxBytes: 1 << 30, MaxYAMLBytes: 1 << 30, MaxNodes: 1 << 30, MaxListItems: 1 << 30, MaxStringBytes: 1 << 30}

// assertRoundTrip checks that f survives JSON → JSON, YAML → YAML and
// JSON → YAML → JSON unchanged.
func assertRoundTrip(t *testing.T, f *Filing) {
	t.Helper()
	j, err := EncodeJSON(f)
	if err != nil {
		t.Fatalf("EncodeJSON: %v", err)
	}
	y, err := EncodeYAML(f)
	if err != nil {
		t.Fatalf("EncodeYAML: %v", err)
	}
	fromJSON, err := roomy.DecodeJSON(j)
	if err != nil {
		t.Fatalf("DecodeJSON of\n%s: %v", j, err)
	}
	if diff := cmp.Diff(f, fromJSON); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	fromYAML, err := roomy.DecodeYAML(y)
	if err != nil {
		t.Fatalf("DecodeYAML of\n%s: %v", y, err)
	}
	if diff := cmp.Diff(f, fromYAML); diff != "" {
		t.Errorf("YAML round trip (-want +got):\n%s", diff)
	}
	j2, err := EncodeJSON(fromYAML)
	if err != nil {
		t.Fatalf("EncodeJSON after YAML: %v", err)
	}
	if !bytes.Equal(j, j2) {
		t.Errorf("JSON → YAML → JSON changed the JSON:\n%s", cmp.Diff(string(j), string(j2)))
	}
}

func TestRoundTrip(t *testing.T) {
	fromYAML, err := DecodeYAML([]byte(richYAML))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    *Filing
	}{
		{"rich", richFiling()},
		{"rich decoded from yaml", fromYAML},
		{"tricky strings", trickyFiling()},
		{"zero", &Filing{}},
		{"empty pointers", &Filing{Resource: &Resource{}, Verification: &Verification{}, Services: []Service{{Icon: &Icon{}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertRoundTrip(t, tt.f) })
	}
}

func TestEncodeRefusesNonCanonical(t *testing.T) {
	for name, encode := range map[string]func(*Filing) ([]byte, error){"json": EncodeJSON, "yaml": EncodeYAML} {
		t.Run(name, func(t *testing.T) {
			out, err := encode(&Filing{Services: []Service{{Kind: "Website"}}})
			var de *DecodeError
			if !errors.As(err, &de) || de.Path != "services[0].kind" || out != nil {
				t.Errorf("got %q, %v; want a *DecodeError at services[0].kind", out, err)
			}
			if _, err := encode(nil); err == nil {
				t.Error("encoding nil succeeded")
			}
		})
	}
}
