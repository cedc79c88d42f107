package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

// A misspelt province is not read as a provider whose rules never apply:
// it is refused at the scope's own line and column.
func TestMisspeltScope(t *testing.T) {
	f, err := rules.ParseFile("hunan.yaml", []byte("# Hunan\nscope: hunna\nrules:\n"+strings.Replace(header, "acme.r", "hunna.r", 1)+"    check: \"true\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rules.Compile([]*rules.File{f}, rules.Providers("huaweicloud"))
	var re *rules.Error
	if !errors.As(err, &re) || re.File != "hunan.yaml" || re.Line != 2 || re.Column != 8 || !strings.Contains(err.Error(), `scope "hunna" is not national, shared, a province slug or a declared provider (huaweicloud)`) {
		t.Errorf("error %v, want hunan.yaml:2:8 naming the scope", err)
	}
}

// A problem at the end of a file without a final line break is placed at
// the end of its last line, not on a line the file does not have.
func TestErrorsAtTheEndOfTheFile(t *testing.T) {
	for text, want := range map[string]string{
		"---":                            "f.yaml:1:4: rule file must be a mapping",
		"scope: acme\nrules: {":          "f.yaml:2:",
		"scope: acme\nrules:\n  - id: [": "f.yaml:3:",
	} {
		_, err := rules.ParseFile("f.yaml", []byte(text))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: error %v, want it to start %q", text, err, want)
		}
	}
}
