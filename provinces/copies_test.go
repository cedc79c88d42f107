package provinces_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// A requirement that several provinces share is one shared rule that they
// apply, not a copy in each file: no two files may hold a rule with the
// same collection, when, needs and check. Two provinces' copies differ in
// what names the province (its word lists, '<scope>.local-places'; its slug,
// "gansu"; its name, 甘肃 or 甘肃省), so those are read as one placeholder.
func TestNoRuleBodyIsCopiedAcrossFiles(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, f := range files {
		body := bodyOf(f.Scope)
		for _, r := range f.Rules {
			if r.Check.Source == "" || len(r.Supersedes) > 0 {
				// A rule of required fields says what it is by its fields;
				// a rule that supersedes another sharpens it on purpose.
				continue
			}
			key := strings.Join([]string{r.Each, body(r.When.Source), body(r.Needs.Source), body(r.Check.Source)}, " | ")
			other, ok := seen[key]
			if !ok {
				seen[key] = f.Name + ":" + r.ID
				continue
			}
			if otherFile, _, _ := strings.Cut(other, ":"); otherFile == f.Name {
				continue
			}
			t.Errorf("%s:%d: rule %s copies the body of %s; write it once in shared.yaml and apply it", f.Name, r.Line, r.ID, other)
		}
	}
}

// bodyOf returns what a rule expression of a file of scope says once its
// spacing is squashed and the province it names is a placeholder.
func bodyOf(scope string) func(string) string {
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	info, ok := model.Province(scope).Info()
	if !ok {
		return squash
	}
	quote := regexp.QuoteMeta
	// The full name before the short one, which it starts with.
	names := regexp.MustCompile(`'` + quote(scope) + `\.[a-z0-9-]+'|["']` + quote(scope) + `["']|` + quote(info.Full) + `|` + quote(info.Short))
	return func(s string) string { return names.ReplaceAllString(squash(s), "‹province›") }
}

// Copies in two provinces read the same once their names are placeholders;
// another province's name, and a national word list, are kept.
func TestBodyOfReplacesOnlyTheProvinceOwnNames(t *testing.T) {
	same := []struct{ scopeA, a, scopeB, b string }{
		{"gansu", `size(prefix_words(a, 'gansu.local-places')) > 0 && p == "gansu"`,
			"ningxia", `size(prefix_words(a,  'ningxia.local-places')) > 0 && p == "ningxia"`},
		{"anhui", `normalize(x).startsWith("安徽") || prefix_words(x, 'national.region-names') == ["安徽省"]`,
			"fujian", `normalize(x).startsWith("福建") || prefix_words(x, 'national.region-names') == ["福建省"]`},
	}
	for _, c := range same {
		if a, b := bodyOf(c.scopeA)(c.a), bodyOf(c.scopeB)(c.b); a != b {
			t.Errorf("the bodies of %s and %s differ:\n%s\n%s", c.scopeA, c.scopeB, a, b)
		}
	}
	kept := []struct{ scope, expr string }{
		{"gansu", `prefix_words(x, 'national.region-names') == ["四川"] && p == "sichuan"`},
		{"national", `prefix_words(x, 'national.region-names') == ["甘肃"] && p == "gansu"`},
	}
	for _, c := range kept {
		if got := bodyOf(c.scope)(c.expr); got != c.expr {
			t.Errorf("bodyOf(%s) changed %s to %s", c.scope, c.expr, got)
		}
	}
}
