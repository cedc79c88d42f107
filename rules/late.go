package rules

import (
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/rules/check"
)

// The functions that read a host name, an e-mail address or words in a
// text are bound late: each Evaluate supplies them through its activation,
// over a memo of what it has computed, so that the several rules that read
// one domain parse it once, those that read one address (each principal's,
// often the same) check it once, and a name read against several word
// lists, or against one list by several rules, is folded once.

// lateFunction is a late-bound function of strings.
type lateFunction struct {
	name string
	args int // how many strings it takes: 1 or 2
	out  *cel.Type
	get  func(m *callMemo, a, b string) ref.Val // b is "" for a function of one string
}

// overloadID is the id CEL knows the function's one overload by.
func (f *lateFunction) overloadID() string {
	return f.name + strings.Repeat("_string", f.args)
}

// overload declares the function to CEL.
func (f *lateFunction) overload() cel.EnvOption {
	args := make([]*cel.Type, f.args)
	for k := range args {
		args[k] = cel.StringType
	}
	return cel.Function(f.name, cel.Overload(f.overloadID(), args, f.out, cel.LateFunctionBinding()))
}

var lateFunctions = []lateFunction{
	{"hostname_valid", 1, cel.BoolType, func(m *callMemo, a, _ string) ref.Val { return types.Bool(m.host(a).err == nil) }},
	{"hostname_problem", 1, problemType, func(m *callMemo, a, _ string) ref.Val { return problemOf(m.host(a).err) }},
	{"domain_level", 1, cel.IntType, func(m *callMemo, a, _ string) ref.Val { return types.Int(m.host(a).level) }},
	{"label_count", 1, cel.IntType, func(m *callMemo, a, _ string) ref.Val { return types.Int(m.host(a).labels) }},
	{"registrable_domain", 1, cel.StringType, func(m *callMemo, a, _ string) ref.Val { return types.String(m.host(a).registrable) }},
	{"main_label", 1, cel.StringType, func(m *callMemo, a, _ string) ref.Val { return types.String(m.host(a).mainLabel) }},
	{"email_valid", 1, cel.BoolType, func(m *callMemo, a, _ string) ref.Val { return types.Bool(m.email(a) == nil) }},
	{"email_problem", 1, problemType, func(m *callMemo, a, _ string) ref.Val { return problemOf(m.email(a)) }},
	{"normalize", 1, cel.StringType, func(m *callMemo, a, _ string) ref.Val { return m.normalized(a) }},
	{"has_words", 2, cel.BoolType, func(m *callMemo, a, b string) ref.Val { return m.words(hasWords, a, b) }},
	{"found_words", 2, cel.ListType(cel.StringType), func(m *callMemo, a, b string) ref.Val { return m.words(foundWords, a, b) }},
	{"prefix_words", 2, cel.ListType(cel.StringType), func(m *callMemo, a, b string) ref.Val { return m.words(prefixWords, a, b) }},
}

// lateByOverload finds a late-bound function by its overload's id.
var lateByOverload = func() map[string]*lateFunction {
	out := map[string]*lateFunction{}
	for k := range lateFunctions {
		out[lateFunctions[k].overloadID()] = &lateFunctions[k]
	}
	return out
}()

// hostInfo is what the host functions know of one name.
type hostInfo struct {
	err         error
	level       int
	labels      int
	registrable string
	mainLabel   string
}

// wordFunction is one of the three functions that read a text against a
// word list.
type wordFunction uint8

const (
	hasWords wordFunction = iota
	foundWords
	prefixWords
)

type wordQuery struct {
	fn         wordFunction
	text, list string
}

// A call's memo keeps the answers for texts of a real filing's size, and
// so many of them, at most: a rule that makes texts (in a comprehension,
// say) cannot make it hold more than that.
const (
	memoTextBytes = 1 << 10
	memoEntries   = 1 << 10
)

// keep reports whether a memo that holds n entries takes one for text.
func keep(text string, n int) bool { return len(text) <= memoTextBytes && n < memoEntries }

// callMemo is what the late-bound functions have computed in one
// evaluation.
type callMemo struct {
	lists   map[string]*wordList // the set's, by id
	hosts   map[string]*hostInfo
	emails  map[string]error
	folded  map[string]types.String // Normalize of a text
	answers map[wordQuery]ref.Val
}

func (m *callMemo) host(s string) *hostInfo {
	h, ok := m.hosts[s]
	if !ok {
		p, err := check.ParseHost(s)
		h = &hostInfo{err: err, level: p.Level, labels: p.Labels, registrable: p.Registrable, mainLabel: p.MainLabel}
		if keep(s, len(m.hosts)) {
			if m.hosts == nil {
				m.hosts = map[string]*hostInfo{}
			}
			m.hosts[s] = h
		}
	}
	return h
}

func (m *callMemo) email(s string) error {
	err, ok := m.emails[s]
	if !ok {
		err = check.Email(s)
		if keep(s, len(m.emails)) {
			if m.emails == nil {
				m.emails = map[string]error{}
			}
			m.emails[s] = err
		}
	}
	return err
}

func (m *callMemo) normalized(s string) types.String {
	n, ok := m.folded[s]
	if !ok {
		n = types.String(check.Normalize(s))
		if keep(s, len(m.folded)) {
			if m.folded == nil {
				m.folded = map[string]types.String{}
			}
			m.folded[s] = n
		}
	}
	return n
}

// words answers fn for text and the word list named list.
func (m *callMemo) words(fn wordFunction, text, list string) ref.Val {
	q := wordQuery{fn, text, list}
	if v, ok := m.answers[q]; ok {
		return v
	}
	wl, ok := m.lists[list]
	if !ok {
		return types.NewErr("unknown word list %q", list)
	}
	matcher, norm := wl.matcher(), string(m.normalized(text))
	var v ref.Val
	switch fn {
	case hasWords:
		v = types.Bool(matcher.ContainsNormalized(norm))
	case foundWords:
		v = types.NewStringList(types.DefaultTypeAdapter, matcher.FindNormalized(norm))
	case prefixWords:
		// The words the text starts with, both normalized alike.
		var out []string
		for _, w := range matcher.FindNormalized(norm) {
			if strings.HasPrefix(norm, string(m.normalized(w))) {
				out = append(out, w)
			}
		}
		v = types.NewStringList(types.DefaultTypeAdapter, out)
	}
	if keep(text, len(m.answers)) {
		if m.answers == nil {
			m.answers = map[wordQuery]ref.Val{}
		}
		m.answers[q] = v
	}
	return v
}

// call implements every late-bound function for one evaluation: one
// closure per call of Evaluate rather than one per function.
func (m *callMemo) call(overloadID string, args ...ref.Val) ref.Val {
	f, ok := lateByOverload[overloadID]
	if !ok || len(args) != f.args {
		return types.NewErr("no late-bound overload %s", overloadID)
	}
	var s [2]string
	for k, a := range args {
		v, ok := a.(types.String)
		if !ok {
			return types.NewErr("%s: not a string", f.name)
		}
		s[k] = string(v)
	}
	return f.get(m, s[0], s[1])
}
