// The test adds a rule file of its own, which a build with the tag
// icpcheck_bundled (the browser's) cannot compile.

//go:build !icpcheck_bundled

package api

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/validate"
)

func TestFields(t *testing.T) {
	own := fstest.MapFS{"acme.yaml": {Data: []byte(`scope: hunan
rules:
  - id: hunan.acme-mobile-required
    title: {zh: 负责人须填写手机号码, en: Principals give a mobile number}
    message: {zh: 未填写手机号码, en: no mobile number}
    severity: error
    category: required
    each: principals
    path: mobile
    check: person.mobile != ""
    source: test
`)}}
	v, err := validate.New(validate.WithRules(own))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Fields(v, "hunan", Options{Lang: "en"}).([]Field)
	if !ok {
		t.Fatalf("got %#v", Fields(v, "hunan", Options{}))
	}
	want := Field{Rule: "hunan.acme-mobile-required", Scope: "hunan", Severity: "error", Each: "principals", Path: "mobile",
		Patterns: []string{"subject.principal.mobile", "services[*].principal.mobile"}, Title: "Principals give a mobile number"}
	var mine []Field
	for _, f := range got {
		if f.Scope == "hunan" && f.Rule == want.Rule {
			mine = append(mine, f)
		}
		if f.Rule == "" || len(f.Patterns) == 0 {
			t.Errorf("field without rule or patterns: %+v", f)
		}
	}
	if diff := cmp.Diff([]Field{want}, mine); diff != "" {
		t.Errorf("the added rule's field (-want +got):\n%s", diff)
	}
	for _, f := range Fields(v, "henan", Options{}).([]Field) {
		if f.Rule == want.Rule {
			t.Errorf("Henan lists Hunan's rule %s", f.Rule)
		}
	}
}
