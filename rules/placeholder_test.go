package rules

import (
	"regexp"
	"strings"
	"testing"
)

// The placeholders found by hand are those of the regular expression that
// describes them, at the same places.
func TestPlaceholdersAreThePatterns(t *testing.T) {
	pattern := regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)
	texts := []string{"", "{", "}", "{}", "{a}", "{{a}}", "{a}{b}", "x{a_1}y", "{A}", "{1a}", "{a-b}", "{ab{cd}", "{ab", "ab}",
		"网站{site}的名称{name}不符", "{field}", "{a}}", "{{", "{_a}", "{a b}", "{é}", "{z9_}"}
	for _, text := range texts {
		var want, got []string
		for _, m := range pattern.FindAllStringSubmatchIndex(text, -1) {
			want = append(want, text[m[2]:m[3]]+"@"+text[m[0]:m[1]])
		}
		eachPlaceholder(text, func(name string, start, end int) {
			got = append(got, name+"@"+text[start:end])
		})
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q: placeholders %q, want %q", text, got, want)
		}
		filled := fillPlaceholders(text, strings.ToUpper)
		if want := pattern.ReplaceAllStringFunc(text, func(m string) string { return strings.ToUpper(m[1 : len(m)-1]) }); filled != want {
			t.Errorf("%q: filled %q, want %q", text, filled, want)
		}
	}
}
