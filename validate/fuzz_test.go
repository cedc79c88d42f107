package validate_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// fuzzEdgeShapes are small filings at the edges of what rules look at:
// empty values, every collection at once, identifiers and domains that are
// almost valid, dates at the ends of the calendar, indexes out of range.
var fuzzEdgeShapes = []string{
	"{}", "province: hunan\n", `{"province": "湖南", "provider": "huaweicloud"}`,
	"province: guangdong\nsubmitted_at: 0001-01-01\n",
	"province: beijing\nsubmitted_at: \"9999-12-31T23:59:59+14:00\"\n",
	"province: henan\nsubject: {nature: individual, name: 设计工作室}\nservices: [{kind: website, name: 老赵设计工作室, domains: [a.cn]}]\n",
	"province: hunan\nservices: [{kind: website}, {kind: app}, {kind: website, domains: [\"\", \".\", a..cn, -a.cn, xn--, 中国.cn, A.CN, \"a.cn.\"]}]\n",
	"province: hubei\nservices:\n  - kind: app\n    platforms: [{os: android}, {}]\n    icon: {format: gif, size_bytes: -1}\n    sdks: [{}]\n    pre_approvals: [{}]\n",
	"province: shanghai\nservices: [{kind: website, ips: [\"\", 1.2.3.4, 10.0.0.0/8, \"::1\", 256.0.0.1, 1.2.3.4-1.2.3.1]}]\n",
	"province: jiangsu\nmaterials: [{kind: commitment_letter, service: -1}, {kind: authorization_letter, service: 99}, {kind: other, size_bytes: 0}]\n",
	"province: guangdong\nresource: {type: ecs, billing: subscription, months: -5}\nverification: {face_verified: false, sms_verified_at: 2026-03-02}\n",
	"subject:\n  nature: individual\n  certificate: {type: resident_id, number: \"43010419000229123X\", valid_from: 2030-01-01, valid_until: 2020-01-01, long_term: true}\n  principal: {certificate: {type: resident_id, number: \"000000000000000000\"}, mobile: \"1\", legal_representative: false}\n",
	"province: sichuan\nsubject: {nature: enterprise, certificate: {type: business_license, number: 91510100MA61XXXXXX}}\nservices: [{kind: website, name: \"\\u200b\\u3000 \", principal: {name: \"\\uFEFF\"}}]\n",
	"province: xizang\nsubmitted_at: \"2026-03-02T00:00:00-12:00\"\nservices: [{kind: website, domains: [{name: a.cn, holder_name: x, holder_certificate_number: y, realname_verified: false}]}]\n",
}

// FuzzValidate decodes each input as a JSON and as a YAML filing and
// validates what decodes against every embedded rule. No input may panic
// (a panic inside a rule, which Evaluate turns into an internal error,
// counts as one); the same filing must give byte-identical reports twice;
// Validate must leave the filing as it was; the only error is a
// *model.DecodeError, with no report; and no embedded rule may fail to
// evaluate on a filing that decodes: an implausible value is a violation of
// the rule that checks it, never an evaluation error of another.
func FuzzValidate(f *testing.F) {
	for _, data := range fuzzFilingSeeds(f) {
		f.Add(data)
	}
	v, err := validate.New(validate.WithDate("2026-03-02"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, decode := range fuzzDecoders {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			// A second decoding is a deep copy that shares nothing with filing.
			before, err := decode(data)
			if err != nil {
				t.Fatalf("the second decoding failed: %v", err)
			}
			first, firstErr := validateJSON(t, v, filing)
			if diff := cmp.Diff(before, filing); diff != "" {
				t.Fatalf("Validate changed the filing (-before +after):\n%s", diff)
			}
			second, secondErr := validateJSON(t, v, filing)
			if string(first) != string(second) || errText(firstErr) != errText(secondErr) {
				t.Fatalf("two validations differ:\n%s\n%v\n%s\n%v", first, firstErr, second, secondErr)
			}
		}
	})
}

// fuzzFilingSeeds are the seeds of the fuzz targets that read a filing:
// every example filing and the edge shapes.
func fuzzFilingSeeds(f *testing.F) [][]byte {
	files, err := filepath.Glob("../examples/filings/*")
	if err != nil || len(files) == 0 {
		f.Fatalf("no example filings: %v", err)
	}
	var seeds [][]byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	for _, s := range fuzzEdgeShapes {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// fuzzDecoders read a fuzz input as a filing three ways: as JSON, as YAML,
// and as the text of a filing built in Go, which no decoder has checked.
var fuzzDecoders = []func([]byte) (*model.Filing, error){model.DecodeJSON, model.DecodeYAML, textFiling}

// textFiling builds a filing in Go, as a caller that skips the decoder
// does, with the input's lines as its free text: names, identifiers,
// domains, IPs, phone numbers, e-mail, content, app signatures. The first
// byte picks the province, the subject's nature and the provider. Built
// twice from the same bytes, it gives two equal filings that share nothing.
func textFiling(data []byte) (*model.Filing, error) {
	var b byte
	if len(data) > 0 {
		b = data[0]
	}
	lines := strings.Split(string(data), "\n")
	k := 0
	text := func() string {
		s := lines[k%len(lines)]
		k++
		return s
	}
	person := func() model.Person {
		return model.Person{Name: text(), Certificate: model.Certificate{Type: model.ResidentID, Number: text(), Address: text()},
			Mobile: text(), EmergencyPhone: text(), Email: text()}
	}
	f := &model.Filing{
		Type:     model.FirstFiling,
		Province: model.Provinces()[int(b>>2)%len(model.Provinces())].Slug,
		Subject: model.Subject{Nature: model.Enterprise, Name: text(), MailingAddress: text(), Principal: person(),
			Certificate: model.Certificate{Type: model.BusinessLicenseCert, Number: text(), Address: text()}},
	}
	if b&1 != 0 {
		f.Subject.Nature, f.Subject.Certificate.Type = model.Individual, model.ResidentID
	}
	if b&2 != 0 {
		f.Provider = "huaweicloud"
	}
	for i, kind := range []model.ServiceKind{model.Website, model.App} {
		f.Services = append(f.Services, model.Service{
			Kind: kind, Name: text(), Principal: person(), Remarks: text(), Homepage: text(),
			Domains:      []model.Domain{{Name: text()}, {Name: text(), HolderName: text(), HolderCertificateNumber: text()}},
			IPs:          []string{text(), text()},
			Content:      []string{text()},
			Languages:    []string{text()},
			PreApprovals: []model.PreApproval{{Category: text(), DocumentNumber: text()}},
			Icon:         &model.Icon{Format: text()},
			Platforms:    []model.Platform{{OS: text(), Package: text(), PublicKey: text(), SignatureMD5: text()}},
			SDKs:         []model.SDK{{Vendor: text(), Type: text()}},
		})
		f.Materials = append(f.Materials, model.Material{Kind: model.AuthorizationLetter, Service: &i, File: text()})
	}
	return f, nil
}

// validateJSON validates f and returns the report as JSON, after checking
// that the error is of a documented kind.
func validateJSON(t *testing.T, v *validate.Validator, f *model.Filing) ([]byte, error) {
	t.Helper()
	r, err := v.Validate(context.Background(), f)
	var de *model.DecodeError
	switch {
	case err == nil:
	case errors.As(err, &de):
		// A decoded filing is canonical; only submitted_at, whose day
		// must exist, is checked again.
		if r != nil {
			t.Fatalf("a report came back with the error %v", err)
		}
		return nil, err
	default:
		t.Fatalf("error %v (%T) is of no documented kind", err, err)
	}
	if r == nil {
		t.Fatal("no report and no error")
	}
	hasError := false
	for _, x := range r.Violations {
		if x.Rule == "" || x.Severity == "" {
			t.Errorf("violation %+v lacks its rule or severity", x)
		}
		hasError = hasError || x.Severity == "error"
	}
	if len(r.Errors) > 0 {
		t.Errorf("embedded rules failed to evaluate: %+v", r.Errors)
	}
	if r.OK == (hasError || len(r.Errors) > 0) {
		t.Errorf("ok = %v with violations %+v and errors %+v", r.OK, r.Violations, r.Errors)
	}
	data, err2 := json.Marshal(r)
	if err2 != nil {
		t.Fatal(err2)
	}
	return data, err
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
