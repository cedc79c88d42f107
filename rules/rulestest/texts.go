package rulestest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

// A rule's texts speak to the applicant in one language each. In Chinese,
// Latin letters only spell what the form itself spells: acronyms (APP, IP,
// MD5), file types, and example domains or addresses. In English, Chinese
// only appears quoted, as a value the applicant types or picks.
var (
	placeholder = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)
	latinWord   = regexp.MustCompile(`\.?[A-Za-z][A-Za-z0-9]*([.@_-][A-Za-z0-9]+)*`)
	formWord    = regexp.MustCompile(`^([A-Z][A-Za-z0-9]*|jpe?g|png|pdf|https?|\.[a-z.]+|[A-Za-z0-9_-]+([.@][A-Za-z0-9_-]+)+)$`)
	quoted      = regexp.MustCompile(`"[^"]*"|“[^”]*”|「[^」]*」|《[^》]*》`)
	hanRun      = regexp.MustCompile(`\p{Han}+`)
)

// EnglishWords returns the words of a Chinese text that break the policy:
// Latin words other than acronyms, file types and example domains or
// addresses. A caller checking a rendered report leaves out the ones that
// are the filing's own.
func EnglishWords(zh string) []string {
	var out []string
	for _, w := range latinWord.FindAllString(zh, -1) {
		if !formWord.MatchString(w) {
			out = append(out, w)
		}
	}
	return out
}

// UnquotedChinese returns the runs of Chinese in an English text that
// stand outside quotes (“…”, "…", 「…」, 《…》).
func UnquotedChinese(en string) []string {
	return hanRun.FindAllString(quoted.ReplaceAllString(en, ""), -1)
}

// textProblems says what is wrong with the texts of r: an error or a
// warning tells the applicant what to change (fix); a reminder (info) says
// that it is one in its title; no text mixes the languages.
func textProblems(r *rules.Rule) []string {
	var out []string
	if r.Severity != rules.SeverityInfo && (r.Fix.Zh == "" || r.Fix.En == "") {
		out = append(out, fmt.Sprintf("an %s rule needs a fix: what the applicant should change", r.Severity))
	}
	if r.Severity == rules.SeverityInfo && (!strings.HasPrefix(r.Title.Zh, "提醒:") || !strings.HasPrefix(r.Title.En, "Reminder: ")) {
		out = append(out, fmt.Sprintf("an info rule's title says it is a reminder: 提醒:… and Reminder: …, got %q and %q", r.Title.Zh, r.Title.En))
	}
	for _, tx := range []rules.Text{r.Title, r.Message, r.Fix, r.NeedsReason} {
		for _, w := range EnglishWords(placeholder.ReplaceAllString(tx.Zh, "")) {
			out = append(out, fmt.Sprintf("the Chinese text %q has the English word %q", tx.Zh, w))
		}
		if len(UnquotedChinese(tx.En)) > 0 {
			out = append(out, fmt.Sprintf("the English text %q has Chinese outside quotes", tx.En))
		}
	}
	return out
}

func requireTexts(t *testing.T, r *rules.Rule) {
	t.Helper()
	for _, p := range textProblems(r) {
		t.Errorf("%s:%d: rule %s: %s", r.File, r.Line, r.ID, p)
	}
}
