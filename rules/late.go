package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/rules/check"
)

// The functions that read a host name or an e-mail address are bound late:
// each Evaluate supplies them through its activation, over a memo of what
// it has computed, so that the several rules that read one domain parse it
// once, and those that read one address (each principal's, often the same)
// check it once.

// lateFunction is a late-bound function of one string.
type lateFunction struct {
	name string
	out  *cel.Type
	get  func(m *callMemo, s string) ref.Val
}

var lateFunctions = []lateFunction{
	{"hostname_valid", cel.BoolType, func(m *callMemo, s string) ref.Val { return types.Bool(m.host(s).err == nil) }},
	{"hostname_problem", problemType, func(m *callMemo, s string) ref.Val { return problemOf(m.host(s).err) }},
	{"domain_level", cel.IntType, func(m *callMemo, s string) ref.Val { return types.Int(m.host(s).level) }},
	{"label_count", cel.IntType, func(m *callMemo, s string) ref.Val { return types.Int(m.host(s).labels) }},
	{"registrable_domain", cel.StringType, func(m *callMemo, s string) ref.Val { return types.String(m.host(s).registrable) }},
	{"main_label", cel.StringType, func(m *callMemo, s string) ref.Val { return types.String(m.host(s).mainLabel) }},
	{"email_valid", cel.BoolType, func(m *callMemo, s string) ref.Val { return types.Bool(m.email(s) == nil) }},
	{"email_problem", problemType, func(m *callMemo, s string) ref.Val { return problemOf(m.email(s)) }},
}

// lateByOverload finds a late-bound function by its overload's id.
var lateByOverload = func() map[string]*lateFunction {
	out := map[string]*lateFunction{}
	for k := range lateFunctions {
		out[lateFunctions[k].name+"_string"] = &lateFunctions[k]
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
	hosts  map[string]*hostInfo
	emails map[string]error
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

// call implements every late-bound function for one evaluation: one
// closure per call of Evaluate rather than one per function.
func (m *callMemo) call(overloadID string, args ...ref.Val) ref.Val {
	f, ok := lateByOverload[overloadID]
	if !ok {
		return types.NewErr("no late-bound overload %s", overloadID)
	}
	s, ok := args[0].(types.String)
	if !ok {
		return types.NewErr("%s: not a string", f.name)
	}
	return f.get(m, string(s))
}
