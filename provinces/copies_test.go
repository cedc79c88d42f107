package provinces_test

import (
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// A requirement that several provinces share is one shared rule that they
// apply, not a copy in each file: no two files may hold a rule with the
// same collection, when, needs and check.
func TestNoRuleBodyIsCopiedAcrossFiles(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	seen := map[string]string{}
	for _, f := range files {
		for _, r := range f.Rules {
			if r.Check.Source == "" || len(r.Supersedes) > 0 {
				// A rule of required fields says what it is by its fields;
				// a rule that supersedes another sharpens it on purpose.
				continue
			}
			key := strings.Join([]string{r.Each, squash(r.When.Source), squash(r.Needs.Source), squash(r.Check.Source)}, " | ")
			if other, ok := seen[key]; ok && !strings.HasPrefix(other, f.Name+":") {
				t.Errorf("%s:%d: rule %s copies the body of %s; write it once in shared.yaml and apply it", f.Name, r.Line, r.ID, other)
				continue
			}
			seen[key] = f.Name + ":" + r.ID
		}
	}
}
