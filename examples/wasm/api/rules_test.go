package api

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/validate"
)

func scopesOf(summaries []validate.RuleSummary) []string {
	var out []string
	for _, s := range summaries {
		if !slices.Contains(out, s.Scope) {
			out = append(out, s.Scope)
		}
	}
	slices.Sort(out)
	return out
}

func TestRules(t *testing.T) {
	v := validator(t)
	for _, c := range []struct {
		province string
		o        Options
		want     []string
	}{
		{"hunan", Options{}, []string{"hunan", "national"}},
		{"", Options{Provider: "huaweicloud"}, []string{"huaweicloud", "national"}},
		{"湖南省", Options{Lang: "en", Provider: "huaweicloud"}, []string{"huaweicloud", "hunan", "national"}},
	} {
		got, ok := Rules(v, c.province, c.o).([]validate.RuleSummary)
		if !ok {
			t.Fatalf("%s: got %#v", c.province, Rules(v, c.province, c.o))
		}
		if s := scopesOf(got); !slices.Equal(s, c.want) {
			t.Errorf("%s %+v: scopes %v, want %v", c.province, c.o, s, c.want)
		}
	}
	if got := errorBody(t, Rules(v, "atlantis", Options{})); got.Path != "province" {
		t.Errorf("unknown province: path %q, want province", got.Path)
	}
}

// Rules writes patterns as Fields does, [*] for any index, and a second
// call sees the rule set's own patterns unchanged.
func TestRulesPatterns(t *testing.T) {
	v := validator(t)
	want := []string{"services[*].platforms[*].os", "services[*].platforms[*].package", "services[*].platforms[*].public_key", "services[*].platforms[*].signature_md5"}
	for range 2 {
		var got []string
		for _, s := range Rules(v, "hunan", Options{}).([]validate.RuleSummary) {
			if s.ID == "national.required.app-platform" {
				got = s.Patterns
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("patterns of national.required.app-platform (-want +got):\n%s", diff)
		}
	}
}
