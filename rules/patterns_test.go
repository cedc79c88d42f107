package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/rules"
)

// A rule's field patterns say where its violations point, for a form to
// mark the fields: each collection's elements stand where its table says.
func TestFieldPatterns(t *testing.T) {
	for _, c := range []struct {
		rule rules.Rule
		want []string
	}{
		{rules.Rule{Path: "province"}, []string{"province"}},
		{rules.Rule{Each: "services", Path: "name"}, []string{"services[].name"}},
		{rules.Rule{Each: "services"}, []string{"services[]"}},
		{rules.Rule{Each: "domains"}, []string{"services[].domains[]"}},
		{rules.Rule{Each: "sdks", Required: []string{"vendor", "type"}}, []string{"services[].sdks[].vendor", "services[].sdks[].type"}},
		{rules.Rule{Each: "materials", Path: "kind"}, []string{"materials[].kind"}},
		{rules.Rule{Each: "principals", Path: "mobile"}, []string{"subject.principal.mobile", "services[].principal.mobile"}},
		{rules.Rule{Required: []string{"type", "subject.name"}}, []string{"type", "subject.name"}},
	} {
		if diff := cmp.Diff(c.want, c.rule.FieldPatterns()); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", c.rule, diff)
		}
	}
}
