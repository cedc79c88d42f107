package rules

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
)

// DefaultCostLimit bounds the CEL cost of one evaluation of one expression.
// The engine iterates `each` collections in Go, so an expression's own cost
// stays small unless it builds comprehensions over the whole filing.
const DefaultCostLimit = 1_000_000

// CompileOption configures Compile.
type CompileOption func(*compileConfig)

type compileConfig struct {
	costLimit uint64
	lazy      bool
	// celOnly leaves every conjunct of when to CEL; the tests use it to
	// show that fieldGuards change no answer.
	celOnly bool
}

// Lazy defers compiling each scope's rules (national, a province, a
// provider) to the first evaluation that needs them, so that a program that
// checks one province does not pay for all 31. Files are still parsed, and
// ids and word lists checked, at once; an expression error in a scope
// surfaces from the first Evaluate that uses the scope.
func Lazy() CompileOption {
	return func(c *compileConfig) { c.lazy = true }
}

// WithCostLimit sets the CEL cost limit of every expression (DefaultCostLimit
// when not given). An evaluation that exceeds it is stopped and reported.
func WithCostLimit(limit uint64) CompileOption {
	return func(c *compileConfig) { c.costLimit = limit }
}

// Set is a compiled collection of rules. It is immutable and safe for
// concurrent use.
type Set struct {
	rules      []*Rule     // sorted by id
	wordLists  []*WordList // sorted by id
	national   *group
	byProvince map[model.Province]*group
	byProvider map[string]*group
}

// group is the rules of one scope, compiled once, on first use when the
// set is lazy.
type group struct {
	rules    []*Rule
	compile  func([]*Rule) ([]*compiledRule, error)
	once     sync.Once
	compiled []*compiledRule
	err      error
}

func (g *group) get() ([]*compiledRule, error) {
	if g == nil {
		return nil, nil
	}
	g.once.Do(func() { g.compiled, g.err = g.compile(g.rules) })
	return g.compiled, g.err
}

type compiledRule struct {
	rule *Rule
	each string
	// filingWhen and serviceWhen are the conjuncts of when that read only
	// the filing, or only the filing and the service of a per-domain (ip,
	// platform, pre-approval) rule: evaluated once per filing or service
	// instead of once per element, so that a rule for APPs costs nothing on
	// a website's 20 domains. when keeps the other conjuncts.
	filingWhen, serviceWhen, when condition
	needs, check                  condition
	values                        []compiledValue
}

type compiledValue struct {
	name string
	prg  *program
}

// program is a planned expression. A metered one counts its cost as it
// runs, so it needs an execution frame of its own; the others share one.
type program struct {
	cel.Program
	metered bool
}

// Rules returns the rules of the set, sorted by id.
func (s *Set) Rules() []*Rule {
	return append([]*Rule(nil), s.rules...)
}

var (
	pathPattern        = regexp.MustCompile(`^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*$`)
	placeholderPattern = regexp.MustCompile(`\{([a-z_]+)\}`)
)

// Compile compiles the rules of the files against the filing's real types,
// so that a misspelt field is an error at load time with the file's own line
// and column. All problems are reported, each as an *Error, joined.
func Compile(files []*File, opts ...CompileOption) (*Set, error) {
	cfg := compileConfig{costLimit: DefaultCostLimit}
	for _, o := range opts {
		o(&cfg)
	}
	var errs []error
	matchers := map[string]*check.Matcher{}
	var lists []*WordList
	listAt := map[string]string{}
	byName := map[string]*File{}
	for _, f := range files {
		byName[f.Name] = f
		for _, wl := range f.WordLists {
			if at, dup := listAt[wl.ID]; dup {
				errs = append(errs, &Error{File: f.Name, Line: wl.Line, Err: fmt.Errorf("word list %s is already defined at %s", wl.ID, at)})
				continue
			}
			listAt[wl.ID] = fmt.Sprintf("%s:%d", f.Name, wl.Line)
			matchers[wl.ID] = check.NewMatcher(wl.Words)
			lists = append(lists, wl)
		}
	}
	envs, err := newEnvs(matchers)
	if err != nil {
		return nil, err
	}
	compileGroup := func(rs []*Rule) ([]*compiledRule, error) {
		var out []*compiledRule
		var errs []error
		for _, r := range rs {
			c := &compiler{file: byName[r.File], env: envs[r.Each], matchers: matchers, costLimit: cfg.costLimit, celOnly: cfg.celOnly}
			cr := c.rule(r)
			if len(c.errs) > 0 {
				errs = append(errs, c.errs...)
				continue
			}
			out = append(out, cr)
		}
		return out, joinErrors(errs)
	}
	sort.Slice(lists, func(i, j int) bool { return lists[i].ID < lists[j].ID })
	set := &Set{wordLists: lists, byProvince: map[model.Province]*group{}, byProvider: map[string]*group{}}
	add := func(g **group, r *Rule) {
		if *g == nil {
			*g = &group{compile: compileGroup}
		}
		(*g).rules = append((*g).rules, r)
	}
	ruleAt := map[string]string{}
	for _, f := range files {
		for _, r := range f.Rules {
			if at, dup := ruleAt[r.ID]; dup {
				errs = append(errs, &Error{File: f.Name, Line: r.Line, Rule: r.ID, Err: fmt.Errorf("rule id is already defined at %s", at)})
				continue
			}
			ruleAt[r.ID] = fmt.Sprintf("%s:%d", f.Name, r.Line)
			set.rules = append(set.rules, r)
			switch {
			case r.Scope == "national":
				add(&set.national, r)
			case isProvince(r.Scope):
				g := set.byProvince[model.Province(r.Scope)]
				add(&g, r)
				set.byProvince[model.Province(r.Scope)] = g
			default:
				g := set.byProvider[r.Scope]
				add(&g, r)
				set.byProvider[r.Scope] = g
			}
		}
	}
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	sort.Slice(set.rules, func(i, j int) bool { return set.rules[i].ID < set.rules[j].ID })
	if !cfg.lazy {
		if err := set.Prepare(); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// Prepare compiles the rules of the named scopes now (of every scope when
// none is named), so that their errors surface here and the first
// evaluation that needs them does not pay for compiling. A lazy set uses it
// for rules whose errors the caller wants at load time. Scopes without
// rules are ignored; a scope is compiled once, however often it is named.
func (s *Set) Prepare(scopes ...string) error {
	groups := s.groups()
	if len(scopes) > 0 {
		groups = groups[:0]
		seen := map[*group]bool{}
		for _, scope := range scopes {
			g := s.group(scope)
			if g != nil && !seen[g] {
				seen[g] = true
				groups = append(groups, g)
			}
		}
	}
	var errs []error
	for _, g := range groups {
		if _, err := g.get(); err != nil {
			errs = append(errs, err)
		}
	}
	return joinErrors(errs)
}

// group is the group of one scope, or nil.
func (s *Set) group(scope string) *group {
	switch {
	case scope == "national":
		return s.national
	case isProvince(scope):
		return s.byProvince[model.Province(scope)]
	}
	return s.byProvider[scope]
}

// groups returns every group of the set in a fixed order, so that errors
// are reported the same way each time.
func (s *Set) groups() []*group {
	out := []*group{}
	if s.national != nil {
		out = append(out, s.national)
	}
	for _, p := range model.Provinces {
		if g := s.byProvince[p.Slug]; g != nil {
			out = append(out, g)
		}
	}
	providers := make([]string, 0, len(s.byProvider))
	for name := range s.byProvider {
		providers = append(providers, name)
	}
	sort.Strings(providers)
	for _, name := range providers {
		out = append(out, s.byProvider[name])
	}
	return out
}

func isProvince(scope string) bool {
	_, ok := model.Province(scope).Info()
	return ok
}

type compiler struct {
	file      *File
	env       *cel.Env
	matchers  map[string]*check.Matcher
	costLimit uint64
	celOnly   bool
	errs      []error
}

func (c *compiler) fail(r *Rule, line, col int, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: c.file.Name, Line: line, Column: col, Rule: r.ID, Err: fmt.Errorf(format, args...)})
}

func (c *compiler) rule(r *Rule) *compiledRule {
	cr := &compiledRule{rule: r, each: r.Each}
	// has() guards of when prove pointers for needs, and those of needs
	// for check: each runs only after the one before it held.
	b := &guardBuilder{scope: rootScope, proven: map[string]bool{}}
	if r.When.Source != "" {
		if when := c.checked(r, "when", r.When, true); when != nil {
			c.splitWhen(r, cr, when, b)
		}
	}
	if r.Needs.Source != "" {
		cr.needs = c.condition(r, "needs", r.Needs, b)
	}
	cr.check = c.condition(r, "check", r.Check, b)
	names := map[string]bool{}
	for _, v := range r.Values {
		names[v.Name] = true
		cr.values = append(cr.values, compiledValue{name: v.Name, prg: c.expr(r, "value "+v.Name, v.Expr, false)})
	}
	for _, msg := range []string{r.Message.Zh, r.Message.En} {
		for _, m := range placeholderPattern.FindAllStringSubmatch(msg, -1) {
			if !names[m[1]] {
				c.fail(r, r.Line, 0, "message uses {%s} but the rule has no value named %s", m[1], m[1])
			}
		}
	}
	if r.Path != "" && !pathPattern.MatchString(r.Path) {
		c.fail(r, r.Line, 0, "path %q is not a key path such as services or subject.principal.mobile", r.Path)
	}
	return cr
}

// expr compiles one expression; a boolean one must have type bool.
func (c *compiler) expr(r *Rule, what string, e Expr, boolean bool) *program {
	checked := c.checked(r, what, e, boolean)
	if checked == nil {
		return nil
	}
	return c.program(r, what, e, checked)
}

// checked parses and type-checks one expression, or records why not.
func (c *compiler) checked(r *Rule, what string, e Expr, boolean bool) *cel.Ast {
	checked, iss := c.env.Compile(e.Source)
	if iss.Err() != nil {
		for _, ce := range iss.Errors() {
			line, col := c.file.position(e, ce.Location.Line(), ce.Location.Column())
			c.fail(r, line, col, "%s: %s", what, ce.Message)
		}
		return nil
	}
	if boolean && !checked.OutputType().IsExactType(types.BoolType) {
		c.fail(r, e.Line, e.Column, "%s must be a boolean expression, not %s", what, checked.OutputType())
		return nil
	}
	before := len(c.errs)
	c.wordListArgs(r, e, checked)
	if len(c.errs) > before {
		return nil
	}
	return checked
}

// program plans a checked expression, with a run-time cost limit where the
// static estimate cannot bound it.
func (c *compiler) program(r *Rule, what string, e Expr, checked *cel.Ast) *program {
	opts := []cel.ProgramOption{cel.EvalOptions(cel.OptOptimize)}
	est, err := c.env.EstimateCost(checked, sizeBounds{})
	metered := err != nil || est.Max > c.costLimit
	if metered {
		// The worst case is unknown or too high: count the cost as it runs.
		opts = append(opts, cel.CostLimit(c.costLimit))
	}
	prg, err := c.env.Program(checked, opts...)
	if err != nil {
		c.fail(r, e.Line, e.Column, "%s: %v", what, err)
		return nil
	}
	return &program{Program: prg, metered: metered}
}

// wordListArgs makes a misspelt word-list name a load-time error: the list
// argument of has_words and found_words must be a known literal. It also
// refuses distinct(), so that no rule is quadratic in a filing's size.
func (c *compiler) wordListArgs(r *Rule, e Expr, checked *cel.Ast) {
	native := checked.NativeRep()
	ast.PreOrderVisit(native.Expr(), ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() != ast.CallKind {
			return
		}
		call := x.AsCall()
		if call.FunctionName() == "distinct" {
			loc := native.SourceInfo().GetStartLocation(x.ID())
			line, col := c.file.position(e, loc.Line(), loc.Column())
			c.fail(r, line, col, "distinct() is quadratic in the list's length; use unique(list)")
			return
		}
		if fn := call.FunctionName(); (fn != "has_words" && fn != "found_words" && fn != "prefix_words") || len(call.Args()) != 2 {
			return
		}
		arg := call.Args()[1]
		loc := native.SourceInfo().GetStartLocation(arg.ID())
		line, col := c.file.position(e, loc.Line(), loc.Column())
		if arg.Kind() != ast.LiteralKind {
			c.fail(r, line, col, "the word list of %s must be a string literal", call.FunctionName())
			return
		}
		name, _ := arg.AsLiteral().Value().(string)
		if _, ok := c.matchers[name]; !ok {
			c.fail(r, line, col, "unknown word list %q", name)
		}
	}))
}

// position maps a position inside an expression (1-based line, 0-based
// column, as cel-go reports them) to the rule file's own line and column.
// The expression's lines are found in the file's text from the scalar's
// line on, so block scalars (| and >), indentation and quoting all map.
func (f *File) position(e Expr, line, col int) (int, int) {
	exprLines := strings.Split(e.Source, "\n")
	if line < 1 || line > len(exprLines) || e.Line < 1 {
		return e.Line, e.Column
	}
	at := e.Line - 1
	for k := 0; k < line; k++ {
		want := strings.TrimSpace(exprLines[k])
		if want == "" {
			continue
		}
		found := -1
		for n := at; n < len(f.lines) && n < at+50; n++ {
			if strings.Contains(f.lines[n], want) {
				found = n
				break
			}
		}
		if found < 0 {
			return e.Line, e.Column
		}
		at = found
		if k == line-1 {
			exprRunes := []rune(exprLines[k])
			lead := len(exprRunes) - len([]rune(strings.TrimLeft(exprLines[k], " \t")))
			start := utf8.RuneCountInString(f.lines[at][:strings.Index(f.lines[at], want)]) + 1
			return at + 1, start + max(0, col-lead)
		}
		if k < line-1 {
			at++
		}
	}
	return e.Line, e.Column
}

func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}

// innerCollections are the each collections iterated inside a service.
var innerCollections = map[string]bool{"domains": true, "ips": true, "platforms": true, "pre_approvals": true}

// elementVariables are the variables that an each collection binds anew for
// every element; filing, filing_date and facts stay the same throughout.
var elementVariables = map[string]bool{
	"service": true, "i": true, "domain": true, "j": true, "ip": true, "platform": true,
	"pre_approval": true, "material": true, "person": true, "role": true,
}

// splitWhen sorts the conjuncts of a rule's when into those that read only
// the filing, those that read only the filing and the service (for
// collections inside a service), and the rest, and makes a condition of
// each group. CEL's && is commutative, errors included, so evaluating the
// groups in that order gives the rule's own answer.
func (c *compiler) splitWhen(r *Rule, cr *compiledRule, when *cel.Ast, b *guardBuilder) {
	native := when.NativeRep()
	b.info = native.SourceInfo()
	var filing, service, rest []ast.Expr
	for _, conj := range conjuncts(native.Expr()) {
		vars := variablesOf(conj)
		switch {
		case r.Each == "" || len(vars) > 0 && !(innerCollections[r.Each] && onlyServiceVariables(vars)):
			rest = append(rest, conj)
		case len(vars) == 0:
			filing = append(filing, conj)
		default:
			service = append(service, conj)
		}
	}
	cr.filingWhen = c.split(r, "when", r.When, filing, nil, b)
	cr.serviceWhen = c.split(r, "when", r.When, service, nil, b)
	if len(filing)+len(service) > 0 {
		when = nil // hoisted: the rest is not the whole
	}
	cr.when = c.split(r, "when", r.When, rest, when, b)
}

// condition compiles a boolean expression of the rule as a condition.
func (c *compiler) condition(r *Rule, what string, e Expr, b *guardBuilder) condition {
	checked := c.checked(r, what, e, true)
	if checked == nil {
		return condition{}
	}
	native := checked.NativeRep()
	b.info = native.SourceInfo()
	return c.split(r, what, e, conjuncts(native.Expr()), checked, b)
}

// split makes a condition of conjuncts: the guards for Go, in order, and
// the && of the others, written back to source, for CEL. When the conjuncts
// are all of whole and none is a guard, whole is compiled as written.
func (c *compiler) split(r *Rule, what string, e Expr, exprs []ast.Expr, whole *cel.Ast, b *guardBuilder) condition {
	var cond condition
	var rest []ast.Expr
	for _, x := range exprs {
		if !c.celOnly {
			if g := b.guard(x); g != nil {
				cond.guards = append(cond.guards, g)
				continue
			}
		}
		rest = append(rest, x)
	}
	if len(cond.guards) == 0 && whole != nil {
		return condition{prg: c.program(r, what, e, whole)}
	}
	if len(rest) == 0 {
		return cond
	}
	parts := make([]string, len(rest))
	for k, x := range rest {
		src, err := cel.ExprToString(x, b.info)
		if err != nil {
			c.fail(r, e.Line, e.Column, "%s: %v", what, err)
			return condition{}
		}
		parts[k] = "(" + src + ")"
	}
	cond.prg = c.expr(r, what, Expr{Source: strings.Join(parts, " && "), Line: e.Line, Column: e.Column}, true)
	return cond
}

func onlyServiceVariables(vars map[string]bool) bool {
	for v := range vars {
		if v != "service" && v != "i" {
			return false
		}
	}
	return true
}

// conjuncts flattens a tree of && into its operands.
func conjuncts(e ast.Expr) []ast.Expr {
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == operators.LogicalAnd {
		var out []ast.Expr
		for _, arg := range e.AsCall().Args() {
			out = append(out, conjuncts(arg)...)
		}
		return out
	}
	return []ast.Expr{e}
}

// variablesOf returns the element variables e reads.
func variablesOf(e ast.Expr) map[string]bool {
	vars := map[string]bool{}
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() == ast.IdentKind && elementVariables[x.AsIdent()] {
			vars[x.AsIdent()] = true
		}
	}))
	return vars
}
