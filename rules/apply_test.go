package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/icpcheck/icpcheck/rules"
)

// A province may apply one shared rule twice, with other params, when the
// second application has a name of its own (as); without one, the two
// would share an id, and the second is refused at its own line.
func TestApplyAs(t *testing.T) {
	compile := func(hubei string) (*rules.Set, error) {
		return compileWithShared("    params: {who: all}\n    check: params.who != \"\"\n", hubei)
	}

	t.Run("two applications, one named", func(t *testing.T) {
		set, err := compile("scope: hubei\napply:\n  - rule: r\n    params: {who: unit}\n    source: a\n" +
			"  - rule: r\n    as: personal-r\n    params: {who: individual}\n    source: b\n")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]any{}
		for _, r := range set.Rules() {
			got[r.ID] = r.Params["who"]
		}
		if diff := cmp.Diff(map[string]any{"hubei.r": "unit", "hubei.personal-r": "individual"}, got); diff != "" {
			t.Errorf("rules and their params (-want +got):\n%s", diff)
		}
	})

	for _, tt := range []struct {
		name, hubei string
		line        int
		says        string
	}{
		{"two applications, neither named",
			"scope: hubei\napply:\n  - rule: r\n    source: a\n  - rule: r\n    source: b\n",
			5, "rule id is already defined at hubei.yaml:3"},
		{"a name that is not kebab-case",
			"scope: hubei\napply:\n  - rule: r\n    as: Personal_R\n    source: a\n",
			4, "as names the application in kebab-case words"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile(tt.hubei)
			var re *rules.Error
			if !errors.As(err, &re) || re.File != "hubei.yaml" || re.Line != tt.line || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %v, want one at hubei.yaml:%d saying %q", err, tt.line, tt.says)
			}
		})
	}
}

// compileWithShared compiles a shared.yaml of one rule r, the header's
// with rest after it, and hubei.yaml; the first error is returned.
func compileWithShared(rest, hubei string) (*rules.Set, error) {
	shared := "scope: shared\nrules:\n" + strings.Replace(header, "acme.r", "r", 1) + rest
	var files []*rules.File
	for _, f := range []struct{ name, text string }{{"shared.yaml", shared}, {"hubei.yaml", hubei}} {
		file, err := rules.ParseFile(f.name, []byte(f.text))
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return rules.Compile(files)
}
