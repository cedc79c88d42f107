package validate_test

import (
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

// The rules a Validator lists are copies: a caller who edits one (its
// severity, its sources, a param's words) changes no verdict of the
// Validator, which concurrent calls share.
func TestRulesAreCopies(t *testing.T) {
	v := newValidator(t)
	f := exampleFilings(t)["hunan-two-websites.yaml"]
	before := reportJSON(t, v, f)
	for _, r := range v.Rules() {
		r.Severity = rules.SeverityInfo
		r.Message.Zh, r.Message.En = "改过", "changed"
		r.Supersedes = append(r.Supersedes[:0:0], "x")
		for i := range r.Sources {
			r.Sources[i].Publisher = "changed"
		}
		for k, p := range r.Params {
			if words, ok := p.([]string); ok && len(words) > 0 {
				words[0] = "改过"
			}
			r.Params[k] = "changed"
		}
	}
	if after := reportJSON(t, v, f); string(after) != string(before) {
		t.Errorf("editing the listed rules changed the report:\nbefore %s\nafter  %s", before, after)
	}
	for _, r := range v.Rules() {
		if r.Message.En == "changed" || r.Severity == rules.SeverityInfo && r.Title.En == "" {
			t.Fatalf("rule %s kept a caller's edit", r.ID)
		}
	}
}
