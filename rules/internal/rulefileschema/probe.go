package rulefileschema

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/icpcheck/icpcheck/rules"
)

// The parser's vocabulary is read from the parser itself: most of its key
// lists are written inline in rules/parse.go, out of reach of any other
// package, so the generator asks rules.ParseFile. It parses rule files
// with an unknown key at every place of the format and an each that names
// no collection, and reads what the errors list as allowed. A key the
// parser gains or drops thus changes the generated schema, and the test
// that compares it with the checked-in file fails until it is regenerated.

// probe is the unknown key, and the unknown collection, put everywhere.
const probe = "x-probe"

// probeFiles reach every mapping of the format: a province's file has
// apply entries, and only a shared file has reminders.
var probeFiles = []string{`
scope: hunan
x-probe: 0
word_lists: [{x-probe: 0}]
apply: [{x-probe: 0}]
rules:
  - x-probe: 0
    each: x-probe
    title: {x-probe: 0}
    source: {x-probe: 0}
    applies_to: {x-probe: 0}
    values: {v: {x-probe: 0}}
    tests: [{x-probe: 0, facts: {x-probe: 0}}]
`, `
scope: shared
rules: [{reminder: {x-probe: 0}}]
`}

var (
	unknownKey  = regexp.MustCompile(`^unknown key "` + probe + `" in (.+) \(allowed: (.*)\)$`)
	unknownEach = regexp.MustCompile(`^each "` + probe + `" is not a collection \(want one of (.*)\)$`)
)

// vocabulary is what the parser allows.
type vocabulary struct {
	keys        map[string][]string // place ("rule", "source", "value", ...) → its keys, in the parser's order
	collections []string            // what each may name
}

// askParser reads the vocabulary from the parser's errors.
func askParser() (*vocabulary, error) {
	v := &vocabulary{keys: map[string][]string{}}
	for i, file := range probeFiles {
		_, err := rules.ParseFile(fmt.Sprintf("probe%d.yaml", i), []byte(file))
		for _, e := range ruleErrors(err) {
			msg := e.Err.Error()
			if m := unknownKey.FindStringSubmatch(msg); m != nil {
				// The probe's value is named v, and the parser names
				// its mapping "value v".
				v.keys[strings.TrimSuffix(m[1], " v")] = strings.Split(m[2], ", ")
			} else if m := unknownEach.FindStringSubmatch(msg); m != nil {
				v.collections = strings.Split(m[1], ", ")
			}
		}
	}
	if len(v.collections) == 0 {
		return nil, errors.New("rulefileschema: the parser did not list the collections each may name")
	}
	return v, nil
}

// ruleErrors flattens what ParseFile returns: one *rules.Error, or several
// joined.
func ruleErrors(err error) []*rules.Error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*rules.Error
		for _, e := range joined.Unwrap() {
			out = append(out, ruleErrors(e)...)
		}
		return out
	}
	var e *rules.Error
	if errors.As(err, &e) {
		return []*rules.Error{e}
	}
	return nil
}
