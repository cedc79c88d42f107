package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/icpcheck/icpcheck/model"
)

// Problem is what a check found wrong: a stable code such as
// "resident-id.check-character" and the values its text names, in order.
// Every error the checks return is a *Problem, so that a caller can show it
// in the reader's language (Text) or act on the code, instead of showing a
// Go error string.
type Problem struct {
	Code string
	Args []string
}

// Error returns the problem in English, for Go logs.
func (p *Problem) Error() string { return p.Text(model.English) }

// Text returns the problem wholly in language l, with its values as the
// input wrote them. It is a clause without a final full stop, so that it
// reads both alone and after "…无效:" or "… is invalid: ".
func (p *Problem) Text(l model.Language) string {
	t, ok := problemTexts[p.Code]
	if !ok {
		// Unreachable for the package's own problems (TestProblemTexts).
		return p.Code + " " + strings.Join(p.Args, " ")
	}
	tmpl := t.zh
	if l == model.English {
		tmpl = t.en
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		if i+2 < len(tmpl) && tmpl[i+1] >= '1' && tmpl[i+1] <= '9' && tmpl[i+2] == '}' {
			if n := int(tmpl[i+1] - '1'); n < len(p.Args) {
				b.WriteString(p.Args[n])
			}
			tmpl = tmpl[i+3:]
			continue
		}
		b.WriteByte('{') // a brace of the text itself
		tmpl = tmpl[i+1:]
	}
}

// ProblemCodes lists every code the checks can report, sorted.
func ProblemCodes() []string {
	codes := make([]string, 0, len(problemTexts))
	for code := range problemTexts {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}

// texts are a problem's Chinese and English templates; {1} to {9} stand
// for its Args.
type texts struct{ zh, en string }

// problemTexts gathers the templates that each check's file declares
// beside the check.
var problemTexts = mergeTexts(residentIDTexts, usccTexts, hostTexts, ipTexts, phoneTexts, emailTexts)

func mergeTexts(tables ...map[string]texts) map[string]texts {
	all := map[string]texts{}
	for _, table := range tables {
		for code, t := range table {
			if _, dup := all[code]; dup {
				panic("check: problem code " + code + " declared twice")
			}
			all[code] = t
		}
	}
	return all
}

func newProblem(code string, args ...string) *Problem {
	return &Problem{Code: code, Args: args}
}

// charArg writes one character of the input for a problem's text: as it is
// when it can be seen, as U+XXXX when it cannot (a space, a zero-width or
// control character).
func charArg(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return string(r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// byteArg is charArg for a byte of ASCII input; other bytes are parts of
// UTF-8 sequences the callers have already refused.
func byteArg(c byte) string { return charArg(rune(c)) }

// itoa writes a count or position.
func itoa(n int) string { return strconv.Itoa(n) }
