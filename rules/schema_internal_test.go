package rules

import (
	"encoding/json"
	"regexp"
	"testing"
)

// The schema's name patterns are written by hand in its generator, as the
// parser's regular expressions cannot be read from outside the package:
// they must be the parser's. A shared rule's id is checked as "x."+id.
func TestFileSchemaPatternsAreTheParsers(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(FileSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	for def, want := range map[string]*regexp.Regexp{"ruleId": idPattern, "scope": namePattern, "word": wordPattern} {
		if got := schema.Defs[def].Pattern; got != want.String() {
			t.Errorf("$defs.%s.pattern = %q, want the parser's %q", def, got, want)
		}
	}
	shared, err := regexp.Compile(schema.Defs["sharedRuleId"].Pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"", "a", "min-age", "principal.min-age", "a.b.c-d", "-a", "a-", "a--b", "a..b", ".a", "a.", "A", "a_b", "中"} {
		if got, want := shared.MatchString(id), idPattern.MatchString("x."+id); got != want {
			t.Errorf("sharedRuleId matches %q: %v, the parser: %v", id, got, want)
		}
	}
}
