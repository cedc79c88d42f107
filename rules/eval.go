package rules

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unsafe"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"

	"github.com/icpcheck/icpcheck/model"
)

// In returns the text in language l.
func (t Text) In(l model.Language) string {
	if l == model.English {
		return t.En
	}
	return t.Zh
}

// Finding is one violation: a rule that fired at a path.
type Finding struct {
	Rule   *Rule
	Path   string
	values []namedValue
}

type namedValue struct {
	name string
	val  ref.Val
}

// Message renders the rule's message in language l with the values
// computed when it fired.
func (f Finding) Message(l model.Language) string {
	msg := f.Rule.Message.In(l)
	for _, v := range f.values {
		msg = strings.ReplaceAll(msg, "{"+v.name+"}", format(v.val, l))
	}
	return msg
}

// Undecided is a rule that applied but could not decide, because the filing
// (or the caller) lacks a fact it needs.
type Undecided struct {
	Rule *Rule
	Path string
}

// Reason says, in language l, what fact was missing.
func (u Undecided) Reason(l model.Language) string { return u.Rule.NeedsReason.In(l) }

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

// Evaluate runs every rule that applies to f, on the submission day date,
// with the facts a caller supplied (nil for none), and returns what they
// found. It never modifies f. The error is non-nil only when ctx ends first;
// failures of single rules are in Result.Errors.
func (s *Set) Evaluate(ctx context.Context, f *model.Filing, date model.Date, facts Facts) (res *Result, err error) {
	ev := &evaluator{ctx: ctx, filing: f, res: &Result{}}
	ev.act.filing = f
	ev.act.date = types.String(date)
	ev.act.facts = facts.complete()
	if ev.frame, err = interpreter.NewExecutionFrame(&ev.act); err != nil {
		return nil, err
	}
	defer ev.frame.Close()
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
	return ev.res, nil
}

type evaluator struct {
	ctx      context.Context
	filing   *model.Filing
	act      activation
	res      *Result
	frame    *interpreter.ExecutionFrame // over act, for programs that are not metered
	elements int                         // evaluated so far, to look at ctx now and then
	err      error                       // ctx.Err() once the context has ended
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
	a.reset()
	if !ev.hoisted(cr, &cr.filingWhen, -1) {
		return
	}
	switch cr.each {
	case "":
		ev.element(cr)
	case "services":
		for i := range f.Services {
			a.i, a.service = i, &f.Services[i]
			ev.element(cr)
		}
	case "domains":
		eachInServices(ev, cr, func(s *model.Service) []model.Domain { return s.Domains }, func(a *activation, d *model.Domain) { a.domain = d })
	case "ips":
		eachInServices(ev, cr, func(s *model.Service) []string { return s.IPs }, func(a *activation, ip *string) { a.ip = *ip })
	case "platforms":
		eachInServices(ev, cr, func(s *model.Service) []model.Platform { return s.Platforms }, func(a *activation, p *model.Platform) { a.platform = p })
	case "pre_approvals":
		eachInServices(ev, cr, func(s *model.Service) []model.PreApproval { return s.PreApprovals }, func(a *activation, p *model.PreApproval) { a.preApproval = p })
	case "materials":
		for i := range f.Materials {
			a.i, a.material = i, &f.Materials[i]
			ev.element(cr)
		}
	case "principals":
		a.i, a.role, a.person, a.service = -1, "subject", &f.Subject.Principal, &emptyService
		ev.element(cr)
		for i := range f.Services {
			a.i, a.role, a.person, a.service = i, "service", &f.Services[i].Principal, &f.Services[i]
			ev.element(cr)
		}
	}
}

var emptyService model.Service

// eachInServices runs cr on every item of one list of each service that
// its service-level when admits; bind puts the item in the activation.
func eachInServices[T any](ev *evaluator, cr *compiledRule, list func(*model.Service) []T, bind func(*activation, *T)) {
	a := &ev.act
	for i := range ev.filing.Services {
		a.i, a.service = i, &ev.filing.Services[i]
		if !ev.serviceApplies(cr, i) {
			continue
		}
		items := list(a.service)
		for j := range items {
			a.j = j
			bind(a, &items[j])
			ev.element(cr)
		}
	}
}

func (ev *evaluator) element(cr *compiledRule) {
	if ev.stopped() {
		return
	}
	if ok, good := ev.holds(cr, &cr.when); !good || !ok {
		return
	}
	ok, good := ev.holds(cr, &cr.needs)
	if !good {
		return
	}
	if !ok {
		ev.res.Undecided = append(ev.res.Undecided, Undecided{Rule: cr.rule, Path: ev.path(cr)})
		return
	}
	if ok, good := ev.holds(cr, &cr.check); !good || ok {
		return
	}
	finding := Finding{Rule: cr.rule, Path: ev.path(cr)}
	for _, v := range cr.values {
		val, err := ev.eval(v.prg)
		if err != nil {
			ev.fail(cr, fmt.Errorf("value %s: %w", v.name, err))
			return
		}
		finding.values = append(finding.values, namedValue{name: v.name, val: val})
	}
	ev.res.Findings = append(ev.res.Findings, finding)
}

// serviceApplies evaluates the service-level part of a rule's when for
// service i, bound in the activation.
func (ev *evaluator) serviceApplies(cr *compiledRule, i int) bool {
	return ev.hoisted(cr, &cr.serviceWhen, i)
}

// eval runs a program on the current element. The programs that are not
// metered share one execution frame over the activation, which saves
// cel-go from setting up and releasing a frame per evaluation.
func (ev *evaluator) eval(p *program) (ref.Val, error) {
	if p.metered {
		out, _, err := p.Eval(&ev.act)
		return out, err
	}
	out, _, err := p.Eval(ev.frame)
	return out, err
}

// hoisted evaluates a part of when hoisted out of the rule's elements; a
// failure is recorded at service's path, or at the filing's for -1.
func (ev *evaluator) hoisted(cr *compiledRule, c *condition, service int) bool {
	if !guardsHold(c.guards, &ev.act) {
		return false
	}
	if c.prg == nil {
		return true
	}
	if ev.stopped() {
		return false
	}
	ok, err := ev.boolean(c.prg)
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
func (ev *evaluator) holds(cr *compiledRule, c *condition) (ok, good bool) {
	if !guardsHold(c.guards, &ev.act) {
		return false, true
	}
	if c.prg == nil {
		return true, true
	}
	ok, err := ev.boolean(c.prg)
	if err != nil {
		ev.fail(cr, err)
		return false, false
	}
	return ok, true
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
	ev.res.Errors = append(ev.res.Errors, &EvalError{Rule: cr.rule.ID, Path: ev.path(cr), Err: err})
}

// path is the wire-form key path of the current element joined with the
// rule's own path.
func (ev *evaluator) path(cr *compiledRule) string {
	a := &ev.act
	var prefix string
	switch cr.each {
	case "":
		return cr.rule.Path
	case "services":
		prefix = "services[" + strconv.Itoa(a.i) + "]"
	case "domains":
		prefix = "services[" + strconv.Itoa(a.i) + "].domains[" + strconv.Itoa(a.j) + "]"
	case "ips":
		prefix = "services[" + strconv.Itoa(a.i) + "].ips[" + strconv.Itoa(a.j) + "]"
	case "platforms":
		prefix = "services[" + strconv.Itoa(a.i) + "].platforms[" + strconv.Itoa(a.j) + "]"
	case "pre_approvals":
		prefix = "services[" + strconv.Itoa(a.i) + "].pre_approvals[" + strconv.Itoa(a.j) + "]"
	case "materials":
		prefix = "materials[" + strconv.Itoa(a.i) + "]"
	case "principals":
		prefix = "subject.principal"
		if a.role == "service" {
			prefix = "services[" + strconv.Itoa(a.i) + "].principal"
		}
	}
	if cr.rule.Path == "" {
		return prefix
	}
	return prefix + "." + cr.rule.Path
}

// activation binds the variables of one element. One is reused for every
// element and rule of an evaluation instead of building a map each time.
type activation struct {
	filing      *model.Filing
	date        types.String
	facts       map[string]map[string]string
	service     *model.Service
	domain      *model.Domain
	ip          string
	platform    *model.Platform
	preApproval *model.PreApproval
	material    *model.Material
	person      *model.Person
	role        string
	i, j        int
	locals      [maxLocals]unsafe.Pointer // the elements exists guards are at
}

func (a *activation) reset() {
	a.service, a.domain, a.ip, a.platform, a.preApproval, a.material, a.person, a.role, a.i, a.j = nil, nil, "", nil, nil, nil, nil, "", 0, 0
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "filing":
		return a.filing, true
	case "filing_date":
		return a.date, true
	case "facts":
		return a.facts, true
	case "service":
		return a.service, a.service != nil
	case "domain":
		return a.domain, a.domain != nil
	case "ip":
		return types.String(a.ip), true
	case "platform":
		return a.platform, a.platform != nil
	case "pre_approval":
		return a.preApproval, a.preApproval != nil
	case "material":
		return a.material, a.material != nil
	case "person":
		return a.person, a.person != nil
	case "role":
		return types.String(a.role), true
	case "i":
		return types.Int(a.i), true
	case "j":
		return types.Int(a.j), true
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

// format writes a value into a message: lists joined in the language's way.
func format(v ref.Val, l model.Language) string {
	switch x := v.(type) {
	case types.String:
		return string(x)
	case types.Int:
		return strconv.FormatInt(int64(x), 10)
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
