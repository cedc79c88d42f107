package rules

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/functions"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"

	"github.com/icpcheck/icpcheck/model"
)

// Finding is one violation: a rule that fired at a path.
type Finding struct {
	Rule   *Rule
	Path   string
	values []namedValue
}

type namedValue struct {
	name   string
	zh, en ref.Val
}

// Message renders the rule's message in language l with the values
// computed when it fired.
func (f Finding) Message(l model.Language) string { return f.render(f.Rule.Message, l) }

// Fix renders what the applicant should change, in language l; "" when the
// rule has no fix.
func (f Finding) Fix(l model.Language) string { return f.render(f.Rule.Fix, l) }

func (f Finding) render(t Text, l model.Language) string {
	return render(t.In(l), l, f.Rule, f.Path, f.values)
}

// render fills a text's placeholders: the rule's values, its params,
// {province}, the name of the province whose rule it is, and {field}, the
// name of the field at path.
func render(text string, l model.Language, r *Rule, path string, values []namedValue) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return fillPlaceholders(text, func(name string) string {
		for _, v := range values {
			if v.name == name {
				if l == model.English && v.en != nil {
					return format(v.en, l)
				}
				return format(v.zh, l)
			}
		}
		if p, ok := r.Params[name]; ok {
			return format(types.DefaultTypeAdapter.NativeToValue(p), l)
		}
		switch name {
		case "province":
			return model.Province(r.Scope).Name(l)
		case "field":
			return model.FieldName(path, l)
		}
		return "{" + name + "}"
	})
}

// Undecided is a rule that applied but could not decide, because the filing
// (or the caller) lacks a fact it needs.
type Undecided struct {
	Rule *Rule
	Path string
}

// Reason says, in language l, what fact was missing.
func (u Undecided) Reason(l model.Language) string {
	return render(u.Rule.NeedsReason.In(l), l, u.Rule, u.Path, nil)
}

// ErrBudget is the error of a rule that could not run because the call's
// budget (see CallBudget) was spent by the rules before it.
var ErrBudget = errors.New("the call's cost budget is spent")

// EvalError is a rule whose evaluation failed (for example, it exceeded its
// cost limit). It is reported, never swallowed.
type EvalError struct {
	Rule string
	Path string
	Err  error
}

func (e *EvalError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("rule %s: %v", e.Rule, e.Err)
	}
	return fmt.Sprintf("rule %s at %s: %v", e.Rule, e.Path, e.Err)
}

func (e *EvalError) Unwrap() error { return e.Err }

// Result is what evaluating a set of rules against one filing found.
type Result struct {
	Findings  []Finding
	Undecided []Undecided
	Errors    []*EvalError
}

// inForce reports whether date lies within the rule's effective dates.
func (r *Rule) inForce(date model.Date) bool {
	return (r.EffectiveFrom == "" || date >= r.EffectiveFrom) && (r.EffectiveUntil == "" || date <= r.EffectiveUntil)
}

// Evaluate runs every rule that applies to f — national, f's province and
// f's provider — on the submission day date, with the facts a caller
// supplied (nil for none), and returns what they found. It never modifies
// f. The error is non-nil only when ctx ends first, or when a scope's rules
// fail to compile; failures of single rules are in Result.Errors.
//
// A rule that supersedes another (a province sharpening a national rule)
// takes its place at every path where the province's rule applied: there
// the other rule's findings and undecided entries are left out, so that
// one fault gives one entry.
func (s *Set) Evaluate(ctx context.Context, f *model.Filing, date model.Date, facts Facts) (res *Result, err error) {
	ev := &evaluator{ctx: ctx, filing: f, res: &Result{}, set: s, budget: s.budget}
	ev.act.filing = f
	ev.act.date = types.String(date)
	ev.act.facts = facts.value()
	ev.act.predicates = s.predicates
	ev.act.predicateValues = make([]ref.Val, len(s.predicates))
	ev.act.late = ev.act.memo.call
	ev.act.small = isSmall(f, date, facts)
	if ev.frame, err = interpreter.NewExecutionFrame(&ev.act); err != nil {
		return nil, err
	}
	defer ev.frame.Close()
	if ctx.Done() != nil {
		// The programs that could run long look at ctx inside their
		// comprehensions through the frame they share.
		if err := ev.frame.SetContext(ctx, interruptEvery); err != nil {
			return nil, err
		}
	}
	defer func() {
		// A panic in a rule must not take the caller's service down.
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("rules: internal error while evaluating: %v", p)
		}
	}()
	for _, g := range []*group{s.national, s.byProvince[f.Province], s.byProvider[f.Provider]} {
		compiled, err := g.get()
		if err != nil {
			return nil, err
		}
		// The groups are the filing's scopes, so only the dates remain to check.
		for _, cr := range compiled {
			if !cr.rule.inForce(date) {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ev.run(cr)
			if ev.err != nil {
				return nil, ev.err
			}
		}
	}
	ev.dropSuperseded()
	return ev.res, nil
}

type evaluator struct {
	ctx      context.Context
	filing   *model.Filing
	set      *Set
	act      activation
	res      *Result
	frame    *interpreter.ExecutionFrame // over act, for programs that are not metered
	elements int                         // evaluated so far, to look at ctx now and then
	err      error                       // ctx.Err() once the context has ended
	path     []byte
	// spent is the cost of the metered programs run so far; at budget
	// they fail with ErrBudget.
	spent, budget uint64
	// applied holds, for each rule that supersedes others, the paths
	// where it applied.
	applied map[string]map[string]bool
}

// stopped reports whether the context has ended, looking every 64 elements
// so that a rule over a huge collection stops promptly without paying for
// a check per element.
func (ev *evaluator) stopped() bool {
	ev.elements++
	if ev.err == nil && ev.elements%64 == 0 {
		ev.err = ev.ctx.Err()
	}
	return ev.err != nil
}

// run evaluates a rule once for the filing, or once per element of its
// collection; iterating in Go keeps expressions small and linear.
func (ev *evaluator) run(cr *compiledRule) {
	f, a := ev.filing, &ev.act
	if !cr.applies.filing(f) {
		return
	}
	a.reset(cr)
	if !ev.hoisted(cr, cr.filingWhen, -1) {
		return
	}
	c := cr.coll
	switch {
	case c == nil:
		ev.element(cr)
	case c.inService:
		for i := range f.Services {
			s := &f.Services[i]
			if !cr.applies.service(s) {
				continue
			}
			a.i, a.service = i, s
			if !ev.hoisted(cr, cr.serviceWhen, i) {
				continue
			}
			for k, n := 0, c.size(f, s); k < n; k++ {
				c.bind(a, f, s, k)
				ev.element(cr)
			}
		}
	default:
		for k, n := 0, c.size(f, nil); k < n; k++ {
			c.bind(a, f, nil, k)
			if cr.applies.Kind != "" && !cr.applies.service(a.service) {
				continue
			}
			ev.element(cr)
		}
	}
}

func (ev *evaluator) element(cr *compiledRule) {
	if ev.stopped() {
		return
	}
	ev.act.newElement()
	if ok, good := ev.holds(cr, cr.when); !good || !ok {
		return
	}
	if cr.supersedesOthers {
		ev.markApplied(cr)
	}
	ok, good := ev.holds(cr, cr.needs)
	if !good {
		return
	}
	if !ok {
		ev.res.Undecided = append(ev.res.Undecided, Undecided{Rule: cr.rule, Path: ev.pathOf(cr)})
		return
	}
	if len(cr.required) > 0 {
		ev.requiredFields(cr)
		return
	}
	if ok, good := ev.holds(cr, cr.check); !good || ok {
		return
	}
	ev.fire(cr, ev.pathOf(cr))
}

// requiredFields reports each required field of the element that holds no
// value, at its own path.
func (ev *evaluator) requiredFields(cr *compiledRule) {
	var elem reflect.Value
	if cr.coll == nil {
		elem = reflect.ValueOf(ev.filing)
	} else {
		elem = reflect.ValueOf(ev.act.elem)
	}
	prefix := ev.pathOf(cr)
	for k := range cr.required {
		rf := &cr.required[k]
		var present bool
		if rf.prg != nil {
			ok, err := ev.boolean(rf.prg)
			if err != nil {
				ev.fail(cr, err)
				continue
			}
			present = ok
		} else {
			present = rf.present(elem)
		}
		if !present {
			path := rf.path
			if prefix != "" {
				path = prefix + "." + rf.path
			}
			ev.fire(cr, path)
		}
	}
}

// fire records a finding of cr at path, with its values.
func (ev *evaluator) fire(cr *compiledRule, path string) {
	finding := Finding{Rule: cr.rule, Path: path}
	for _, v := range cr.values {
		nv := namedValue{name: v.name}
		err := v.ready()
		if err == nil {
			nv.zh, err = ev.eval(v.zh)
		}
		if err == nil && v.en != nil {
			nv.en, err = ev.eval(v.en)
		}
		if err != nil {
			ev.fail(cr, fmt.Errorf("value %s: %w", v.name, err))
			return
		}
		finding.values = append(finding.values, nv)
	}
	ev.res.Findings = append(ev.res.Findings, finding)
}

func (ev *evaluator) markApplied(cr *compiledRule) {
	if ev.applied == nil {
		ev.applied = map[string]map[string]bool{}
	}
	if ev.applied[cr.rule.ID] == nil {
		ev.applied[cr.rule.ID] = map[string]bool{}
	}
	ev.applied[cr.rule.ID][ev.pathOf(cr)] = true
}

// dropSuperseded leaves out the findings and undecided entries of a rule
// at the paths where a rule that supersedes it applied.
func (ev *evaluator) dropSuperseded() {
	if len(ev.applied) == 0 {
		return
	}
	taken := func(id, path string) bool {
		for _, by := range ev.set.superseded[id] {
			if ev.applied[by][path] {
				return true
			}
		}
		return false
	}
	kept := ev.res.Findings[:0]
	for _, fd := range ev.res.Findings {
		if !taken(fd.Rule.ID, fd.Path) {
			kept = append(kept, fd)
		}
	}
	ev.res.Findings = kept
	keptU := ev.res.Undecided[:0]
	for _, u := range ev.res.Undecided {
		if !taken(u.Rule.ID, u.Path) {
			keptU = append(keptU, u)
		}
	}
	ev.res.Undecided = keptU
}

// eval runs a program on the current element. The programs that are not
// metered share one execution frame over the activation, which saves
// cel-go from setting up and releasing a frame per evaluation; a metered
// one needs a frame of its own to count its cost.
func (ev *evaluator) eval(p *program) (ref.Val, error) {
	p = p.on(ev.act.small)
	if p.metered {
		if ev.spent >= ev.budget {
			return nil, ErrBudget
		}
		var out ref.Val
		var det *cel.EvalDetails
		var err error
		if ev.ctx.Done() == nil {
			// A context that can never end needs no interrupt checks,
			// and ContextEval would set one up per evaluation.
			out, det, err = p.Eval(&ev.act)
		} else {
			out, det, err = p.ContextEval(ev.ctx, &ev.act)
		}
		if cost := det.ActualCost(); cost != nil {
			ev.spent += *cost
		}
		if err != nil && ev.ctx.Err() != nil {
			ev.err = ev.ctx.Err()
		}
		return out, err
	}
	out, _, err := p.Eval(ev.frame)
	if err != nil && ev.ctx.Err() != nil {
		ev.err = ev.ctx.Err()
	}
	return out, err
}

// hoisted evaluates a part of when hoisted out of the rule's elements; a
// failure is recorded at service's path, or at the filing's for -1.
func (ev *evaluator) hoisted(cr *compiledRule, c condition, service int) bool {
	if len(c) == 0 {
		return true
	}
	if ev.stopped() {
		return false
	}
	ok, err := ev.all(c)
	if err != nil {
		path := ""
		if service >= 0 {
			path = "services[" + strconv.Itoa(service) + "]"
		}
		ev.res.Errors = append(ev.res.Errors, &EvalError{Rule: cr.rule.ID, Path: path, Err: err})
	}
	return ok
}

// holds evaluates a condition on the current element; good is false when
// it failed, and the failure is recorded.
func (ev *evaluator) holds(cr *compiledRule, c condition) (ok, good bool) {
	if len(c) == 0 {
		return true, true
	}
	ok, err := ev.all(c)
	if err != nil {
		ev.fail(cr, err)
		return false, false
	}
	return ok, true
}

// all evaluates a conjunction as CEL's && does: false if any part is
// false, even one after a part that failed; else the first failure; else
// true.
func (ev *evaluator) all(c condition) (bool, error) {
	var first error
	for _, p := range c {
		ok, err := ev.boolean(p)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		if !ok {
			return false, nil
		}
	}
	return first == nil, first
}

// boolean evaluates a boolean program.
func (ev *evaluator) boolean(p *program) (bool, error) {
	out, err := ev.eval(p)
	if err != nil {
		return false, err
	}
	b, isBool := out.(types.Bool)
	if !isBool {
		return false, fmt.Errorf("expression gave %s, not a bool", out.Type())
	}
	return bool(b), nil
}

func (ev *evaluator) fail(cr *compiledRule, err error) {
	ev.res.Errors = append(ev.res.Errors, &EvalError{Rule: cr.rule.ID, Path: ev.pathOf(cr), Err: err})
}

// pathOf is the wire-form key path of the current element joined with the
// rule's own path.
func (ev *evaluator) pathOf(cr *compiledRule) string {
	if cr.coll == nil {
		return cr.rule.Path
	}
	b := cr.coll.path(ev.path[:0], &ev.act)
	if cr.rule.Path != "" {
		b = append(append(b, '.'), cr.rule.Path...)
	}
	ev.path = b
	return string(b)
}

// activation binds the variables of one element. One is reused for every
// element and rule of an evaluation instead of building a map each time.
type activation struct {
	filing *model.Filing
	date   ref.Val // filing_date, a value boxed once per call
	facts  ref.Val
	params ref.Val
	memo   callMemo
	late   functions.LateBoundOp // memo.call
	small  bool                  // the inputs lie within smallFiling

	elemName string // the variable the rule's collection binds
	elem     any
	service  *model.Service
	role     ref.Val // a value boxed once (see roleSubject), "" when none
	i, j     int

	// predicates are computed on first use in a call, rule variables on
	// first use for an element.
	predicates      []compiledPredicate
	predicateValues []ref.Val
	variables       []compiledValue
	variableValues  []ref.Val
}

// reset prepares the activation for rule cr.
func (a *activation) reset(cr *compiledRule) {
	a.service, a.elem, a.role, a.i, a.j = nil, nil, noRole, 0, 0
	a.elemName = ""
	if cr.coll != nil {
		a.elemName = cr.coll.elem
	}
	a.params = cr.params
	a.variables = cr.variables
	if cap(a.variableValues) < len(cr.variables) {
		a.variableValues = make([]ref.Val, len(cr.variables))
	}
	a.variableValues = a.variableValues[:len(cr.variables)]
	clear(a.variableValues)
}

// newElement forgets the rule variables computed for the last element,
// and keeps those that read no element.
func (a *activation) newElement() {
	for k := range a.variables {
		if !a.variables[k].perRule {
			a.variableValues[k] = nil
		}
	}
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "filing":
		return a.filing, true
	case "filing_date":
		return a.date, true
	case "facts":
		return a.facts, true
	case "params":
		return a.params, true
	case "service":
		return a.service, a.service != nil
	case "role":
		return a.role, true
	case "i":
		return types.Int(a.i), true
	case "j":
		return types.Int(a.j), true
	case a.elemName:
		if s, ok := a.elem.(string); ok {
			return types.String(s), true
		}
		return a.elem, a.elem != nil
	}
	for k, v := range a.variables {
		if v.name == name {
			if a.variableValues[k] == nil {
				a.variableValues[k] = a.compute(v.zh)
			}
			return a.variableValues[k], true
		}
	}
	for k, p := range a.predicates {
		if p.name == name {
			if a.predicateValues[k] == nil {
				a.predicateValues[k] = a.compute(p.prg)
			}
			return a.predicateValues[k], true
		}
	}
	return nil, false
}

// compute evaluates a predicate or a rule variable on its first use, in a
// frame of its own, since it runs inside another program's evaluation.
func (a *activation) compute(p *program) ref.Val {
	out, _, err := p.on(a.small).Eval(a)
	if err != nil {
		return types.WrapErr(err)
	}
	return out
}

func (a *activation) Parent() interpreter.Activation { return nil }

// ResolveFunction supplies the late-bound functions of the evaluation,
// which CEL asks for by the name of a function declared late-bound.
func (a *activation) ResolveFunction(string) (functions.LateBoundOp, bool) {
	return a.late, true
}

// format writes a value into a message: lists joined in the language's way.
func format(v ref.Val, l model.Language) string {
	switch x := v.(type) {
	case types.String:
		return string(x)
	case types.Int:
		return strconv.FormatInt(int64(x), 10)
	case localized:
		return x.text.In(l)
	case traits.Lister:
		sep := "、"
		if l == model.English {
			sep = ", "
		}
		n := int64(x.Size().(types.Int))
		parts := make([]string, 0, n)
		for i := int64(0); i < n; i++ {
			parts = append(parts, format(x.Get(types.Int(i)), l))
		}
		return strings.Join(parts, sep)
	}
	return fmt.Sprint(v.Value())
}
