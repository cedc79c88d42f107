package rules

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"

	"github.com/icpcheck/icpcheck/model"
)

// DefaultCostLimit bounds the CEL cost of one evaluation of one expression.
// The engine iterates `each` collections in Go, so an expression's own cost
// stays small unless it builds comprehensions over the whole filing.
const DefaultCostLimit = 1_000_000

// CompileOption configures Compile.
type CompileOption func(*compileConfig)

type compileConfig struct {
	costLimit uint64
	budget    uint64
	record    bool // keep what compiling finds, for EncodeBundle
	lazy      bool
	celOnly   bool
	providers []string
	disabled  []string
}

// Lazy defers compiling each scope's rules (national, a province, a
// provider) to the first evaluation that needs them, so that a program that
// checks one province does not pay for all 31. Files are still parsed, and
// ids, scopes and word lists checked, at once; an expression error in a
// scope surfaces from Prepare or the first Evaluate that uses the scope.
func Lazy() CompileOption {
	return func(c *compileConfig) { c.lazy = true }
}

// WithCostLimit sets the CEL cost limit of every expression (DefaultCostLimit
// when not given). An evaluation that exceeds it is stopped and reported.
func WithCostLimit(limit uint64) CompileOption {
	return func(c *compileConfig) { c.costLimit = limit }
}

// DefaultCallBudget bounds the cost of all the metered expressions of one
// evaluation together: a rule's cost limit bounds one evaluation of one
// expression, and each element of a long list is one.
const DefaultCallBudget = 100_000_000

// CallBudget sets the total cost the metered expressions of one Evaluate
// may spend (DefaultCallBudget when not given; 0 for no bound). Once it is
// spent, every further metered expression fails with ErrBudget, reported
// in Result.Errors, so that a filing's report says what was not checked.
func CallBudget(cost uint64) CompileOption {
	return func(c *compileConfig) {
		c.budget = cost
		if cost == 0 {
			c.budget = math.MaxUint64
		}
	}
}

// CELOnly decides every rule's applies_to in CEL, as a condition
// generated from it, instead of in Go. The answers are the same (a fuzz
// test compares the two); only the time differs. It exists so that the
// native path can always be checked against, and set aside for, CEL.
func CELOnly() CompileOption {
	return func(c *compileConfig) { c.celOnly = true }
}

// Providers declares the access providers whose rule layers the files may
// hold: a file's scope must be national, a province slug or one of them, so
// that a misspelt province is refused instead of read as a provider whose
// rules never apply.
func Providers(names ...string) CompileOption {
	return func(c *compileConfig) { c.providers = append(c.providers, names...) }
}

// Disabled leaves out the rules with these ids; an id that names no rule is
// an error, so that a typo cannot leave a rule on.
func Disabled(ids ...string) CompileOption {
	return func(c *compileConfig) { c.disabled = append(c.disabled, ids...) }
}

// Set is a compiled collection of rules. It is immutable and safe for
// concurrent use.
type Set struct {
	budget     uint64
	rules      []*Rule     // as applied, sorted by id
	wordLists  []*WordList // sorted by id
	national   *group
	byProvince map[model.Province]*group
	byProvider map[string]*group
	predicates []compiledPredicate
	// superseded maps a rule id to the ids of the rules that supersede it.
	superseded map[string][]string
}

type compiledPredicate struct {
	name string
	prg  *program
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
	coll *collection // nil for a rule over the whole filing
	// applies is decided in Go, before any CEL; empty under CELOnly,
	// where it is part of filingWhen, serviceWhen and when.
	applies AppliesTo
	// filingWhen and serviceWhen are the conjuncts of when that read only
	// the filing, or only the filing and the service of a rule over a list
	// inside each service: evaluated once per filing or service instead of
	// once per element. when keeps the other conjuncts.
	filingWhen, serviceWhen, when condition
	needs, check                  condition
	required                      []requiredField
	variables                     []compiledValue
	values                        []compiledValue
	params                        ref.Val
	supersedes                    bool // another rule names it in supersedes
	supersedesOthers              bool // it names others
}

type compiledValue struct {
	name   string
	zh, en *program // en is nil when one expression serves both languages
	// perRule: a variable that reads no element (nor a variable that
	// does) is computed once per run of its rule, not once per element.
	perRule bool
}

// program is a planned expression. A metered one counts its cost as it
// runs, so it needs an execution frame of its own; the others share one.
type program struct {
	cel.Program
	metered bool // counts its cost against the limit and the call's budget
	long    bool // looks at the call's context as it runs
}

// condition is a conjunction of programs, each one conjunct of an
// expression as its author wrote it; an empty condition holds.
type condition []*program

// Rules returns the rules of the set as they apply, sorted by id: copies,
// so that changing one changes nothing the set evaluates.
func (s *Set) Rules() []*Rule {
	out := make([]*Rule, len(s.rules))
	for i, r := range s.rules {
		out[i] = r.copy()
	}
	return out
}

var placeholderPattern = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// reservedNames are the variables every rule sees; predicates and rule
// variables may not take them.
var reservedNames = []string{"filing", "filing_date", "facts", "params"}

// Compile compiles the rules of the files against the filing's real types,
// so that a misspelt field is an error at load time with the file's own line
// and column. All problems are reported, each as an *Error, joined.
func Compile(files []*File, opts ...CompileOption) (*Set, error) {
	cfg := compileConfig{costLimit: DefaultCostLimit, budget: DefaultCallBudget}
	for _, o := range opts {
		o(&cfg)
	}
	var errs []error
	for _, f := range files {
		if f.Scope != "national" && f.Scope != SharedScope && !isProvince(f.Scope) && !slices.Contains(cfg.providers, f.Scope) {
			errs = append(errs, &Error{File: f.Name, Line: f.scopeAt.line, Column: f.scopeAt.col, Err: fmt.Errorf("scope %q is not national, shared, a province slug or a declared provider (%s)", f.Scope, strings.Join(cfg.providers, ", "))})
		}
	}
	matchers := map[string]*wordList{}
	var lists []*WordList
	listAt := map[string]string{}
	for _, f := range files {
		for _, wl := range f.WordLists {
			if at, dup := listAt[wl.ID]; dup {
				errs = append(errs, &Error{File: f.Name, Line: wl.Line, Err: fmt.Errorf("word list %s is already defined at %s", wl.ID, at)})
				continue
			}
			listAt[wl.ID] = fmt.Sprintf("%s:%d", f.Name, wl.Line)
			matchers[wl.ID] = &wordList{words: wl.Words}
			lists = append(lists, wl)
		}
	}
	sort.Slice(lists, func(i, j int) bool { return lists[i].ID < lists[j].ID })
	var predicates []NamedExpr
	var predicateFiles []string
	predicateAt := map[string]string{}
	for _, f := range files {
		for _, p := range f.Predicates {
			at := fmt.Sprintf("%s:%d", f.Name, p.Expr.Line)
			switch {
			case predicateAt[p.Name] != "":
				errs = append(errs, &Error{File: f.Name, Line: p.Expr.Line, Err: fmt.Errorf("predicate %s is already defined at %s", p.Name, predicateAt[p.Name])})
			case slices.Contains(reservedNames, p.Name) || elementVariables()[p.Name]:
				errs = append(errs, &Error{File: f.Name, Line: p.Expr.Line, Err: fmt.Errorf("predicate %s takes the name of a variable every rule sees", p.Name)})
			default:
				predicateAt[p.Name] = at
				predicates = append(predicates, p)
				predicateFiles = append(predicateFiles, f.Name)
			}
		}
	}
	all, expandErrs := expand(files)
	errs = append(errs, expandErrs...)
	all, err := disable(all, cfg.disabled)
	if err != nil {
		errs = append(errs, err)
	}
	set := &Set{budget: cfg.budget, wordLists: lists, byProvince: map[model.Province]*group{}, byProvider: map[string]*group{}, superseded: map[string][]string{}}
	byID := map[string]*Rule{}
	for _, r := range all {
		if prev, dup := byID[r.ID]; dup {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Rule: r.ID, Err: fmt.Errorf("rule id is already defined at %s:%d", prev.File, prev.Line)})
			continue
		}
		byID[r.ID] = r
		set.rules = append(set.rules, r)
	}
	for _, r := range set.rules {
		for k, id := range r.Supersedes {
			if _, ok := byID[id]; !ok && !slices.Contains(cfg.disabled, id) {
				e := &Error{File: r.File, Line: r.Line, Rule: r.ID, Err: fmt.Errorf("supersedes %s, which is no rule", id)}
				if k < len(r.supersedesAt) {
					e.Line, e.Column = r.supersedesAt[k].line, r.supersedesAt[k].col
				}
				errs = append(errs, e)
				continue
			}
			if other := byID[id]; other != nil && r.Severity == SeverityInfo && other.Severity != SeverityInfo {
				continue
			}
			set.superseded[id] = append(set.superseded[id], r.ID)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(set.rules, func(i, j int) bool { return set.rules[i].ID < set.rules[j].ID })

	envs, base, err := newEnvs(matchers, predicates)
	if err != nil {
		return nil, err
	}
	pc := &compiler{env: base, costLimit: cfg.costLimit, matchers: matchers, record: cfg.record}
	for k, p := range predicates {
		pc.fileName = predicateFiles[k]
		set.predicates = append(set.predicates, compiledPredicate{name: p.Name, prg: pc.expr(&Rule{}, "predicate "+p.Name, p.Expr, true)})
	}
	if err := errors.Join(pc.errs...); err != nil {
		return nil, err
	}
	compileGroup := func(rs []*Rule) ([]*compiledRule, error) {
		var out []*compiledRule
		var errs []error
		for _, r := range rs {
			c := &compiler{env: envs[r.Each], costLimit: cfg.costLimit, matchers: matchers, celOnly: cfg.celOnly, record: cfg.record}
			cr := c.rule(r)
			if len(c.errs) > 0 {
				errs = append(errs, c.errs...)
				continue
			}
			_, cr.supersedes = set.superseded[r.ID]
			cr.supersedesOthers = len(r.Supersedes) > 0
			out = append(out, cr)
		}
		return out, errors.Join(errs...)
	}
	add := func(g **group, r *Rule) {
		if *g == nil {
			*g = &group{compile: compileGroup}
		}
		(*g).rules = append((*g).rules, r)
	}
	for _, r := range set.rules {
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
	if !cfg.lazy {
		if err := set.Prepare(); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// expand applies the shared rules in the provinces whose files name them:
// one rule per application, with id <province>.<rule>, the province's
// params, and its severity, sources, notes and dates where it sets them.
// Shared rules that no province applies are left out.
func expand(files []*File) ([]*Rule, []error) {
	shared := map[string]*Rule{}
	var out []*Rule
	for _, f := range files {
		for _, r := range f.Rules {
			if f.Scope == SharedScope {
				shared[r.ID] = r
			} else {
				out = append(out, r)
			}
		}
	}
	var errs []error
	for _, f := range files {
		for k := range f.Apply {
			a := &f.Apply[k]
			r, ok := shared[a.Rule]
			if !ok {
				errs = append(errs, &Error{File: f.Name, Line: a.Line, Err: fmt.Errorf("apply: %q is not a shared rule", a.Rule)})
				continue
			}
			c := *r
			c.ID = f.Scope + "." + r.ID
			c.Scope = f.Scope
			c.Shared, c.Applied = r, a
			c.Params = maps.Clone(r.Params)
			if c.Params == nil && len(a.Params) > 0 {
				c.Params = map[string]any{}
			}
			for k, v := range a.Params {
				if _, ok := r.Params[k]; !ok {
					errs = append(errs, &Error{File: f.Name, Line: a.Line, Rule: c.ID, Err: fmt.Errorf("param %s is not one of the shared rule's params (%s)", k, strings.Join(slices.Sorted(maps.Keys(r.Params)), ", "))})
				}
				c.Params[k] = v
			}
			c.Sources = append(slices.Clone(a.Sources), r.Sources...)
			c.Tests = append(slices.Clone(r.Tests), a.Tests...)
			if a.Severity != "" {
				c.Severity = a.Severity
			}
			if m := r.Reminder; m != nil && c.Severity == SeverityInfo {
				c.Title, c.Message = m.Title, m.Message
				if m.Fix.Zh != "" {
					c.Fix = m.Fix
				}
			}
			if a.Notes != "" {
				c.Notes = strings.TrimSpace(r.Notes + "\n" + a.Notes)
			}
			if a.EffectiveFrom != "" {
				c.EffectiveFrom = a.EffectiveFrom
			}
			if a.EffectiveUntil != "" {
				c.EffectiveUntil = a.EffectiveUntil
			}
			if len(c.Sources) == 0 {
				errs = append(errs, &Error{File: f.Name, Line: a.Line, Rule: c.ID, Err: fmt.Errorf("a rule needs a source: where the rule comes from")})
				continue
			}
			out = append(out, &c)
		}
	}
	return out, errs
}

func disable(rs []*Rule, ids []string) ([]*Rule, error) {
	if len(ids) == 0 {
		return rs, nil
	}
	off := map[string]bool{}
	for _, id := range ids {
		off[id] = true
	}
	var kept []*Rule
	for _, r := range rs {
		if off[r.ID] {
			delete(off, r.ID)
			continue
		}
		kept = append(kept, r)
	}
	if len(off) > 0 {
		return nil, fmt.Errorf("rules: disabled ids that name no rule: %s", strings.Join(slices.Sorted(maps.Keys(off)), ", "))
	}
	return kept, nil
}

// Prepare compiles the rules of the named scopes now (of every scope when
// none is named), so that their errors surface here and the first
// evaluation that needs them does not pay for compiling. Scopes without
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
	return errors.Join(errs...)
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
	for _, p := range model.Provinces() {
		if g := s.byProvince[p.Slug]; g != nil {
			out = append(out, g)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.byProvider)) {
		out = append(out, s.byProvider[name])
	}
	return out
}

func isProvince(scope string) bool {
	_, ok := model.Province(scope).Info()
	return ok
}

// newEnvs builds the one base environment every rule compiles against, and
// one extension of it per collection. Building an environment is the slow
// part of compiling, so this happens once per Compile, not once per rule.
func newEnvs(matchers map[string]*wordList, predicates []NamedExpr) (map[string]*cel.Env, *cel.Env, error) {
	opts := []cel.EnvOption{
		ext.NativeTypes(reflect.TypeOf(&model.Filing{}), ext.ParseStructTag("json")),
		cel.Variable("filing", filingType),
		cel.Variable("filing_date", cel.StringType),
		cel.Variable("facts", cel.MapType(cel.StringType, cel.MapType(cel.StringType, cel.StringType))),
		cel.Variable("params", cel.MapType(cel.StringType, cel.DynType)),
		ext.Strings(),
		ext.Lists(),
		ext.Sets(),
		ext.Bindings(),
		ext.TwoVarComprehensions(),
		// Macro calls are kept so that a hoisted part of a when is the
		// author's own AST, exists() and all() included.
		cel.EnableMacroCallTracking(),
	}
	for _, p := range predicates {
		opts = append(opts, cel.Variable(p.Name, cel.BoolType))
	}
	base, err := cel.NewEnv(append(append(opts, library(matchers)...), costModels())...)
	if err != nil {
		return nil, nil, fmt.Errorf("rules: building the CEL environment: %w", err)
	}
	envs := map[string]*cel.Env{"": base}
	for _, c := range collectionTable {
		env, err := base.Extend(c.vars()...)
		if err != nil {
			return nil, nil, fmt.Errorf("rules: CEL environment for %s: %w", c.name, err)
		}
		envs[c.name] = env
	}
	return envs, base, nil
}

type compiler struct {
	fileName  string
	env       *cel.Env
	matchers  map[string]*wordList
	costLimit uint64
	celOnly   bool
	record    bool // keep what compiling finds in the expressions, for a bundle
	errs      []error
	// ruleVars are the names of the rule's variables, which hoisting
	// treats as element variables.
	ruleVars map[string]bool
}

func (c *compiler) fail(r *Rule, line, col int, format string, args ...any) {
	name := r.File
	if name == "" {
		name = c.fileName
	}
	c.errs = append(c.errs, &Error{File: name, Line: line, Column: col, Rule: r.ID, Err: fmt.Errorf(format, args...)})
}

func (c *compiler) rule(r *Rule) *compiledRule {
	cr := &compiledRule{rule: r, coll: collectionNamed(r.Each)}
	if r.Params != nil {
		cr.params = types.DefaultTypeAdapter.NativeToValue(r.Params)
	} else {
		cr.params = noParams
	}
	c.ruleVars = map[string]bool{}
	for _, v := range r.Variables {
		if slices.Contains(reservedNames, v.Name) || elementVariables()[v.Name] || c.env.HasFunction(v.Name) {
			c.fail(r, v.Expr.Line, v.Expr.Column, "variable %s takes the name of a variable or function every rule sees", v.Name)
			continue
		}
		checked := c.checked(r, "variable "+v.Name, v.Expr, false)
		if checked == nil {
			continue
		}
		perRule := len(c.variablesOf(checked.NativeRep().Expr(), elementVariables())) == 0
		cr.variables = append(cr.variables, compiledValue{name: v.Name, zh: c.program(r, "variable "+v.Name, v.Expr, checked), perRule: perRule})
		env, err := c.env.Extend(cel.Variable(v.Name, checked.OutputType()))
		if err != nil {
			c.fail(r, v.Expr.Line, v.Expr.Column, "variable %s: %v", v.Name, err)
			continue
		}
		c.env = env
		if !perRule {
			c.ruleVars[v.Name] = true
		}
	}
	if r.When.Source != "" {
		if when := c.checked(r, "when", r.When, true); when != nil {
			c.splitWhen(r, cr, when)
		}
	}
	if r.Needs.Source != "" {
		cr.needs = c.condition(r, "needs", r.Needs)
	}
	if r.Check.Source != "" {
		cr.check = c.condition(r, "check", r.Check)
	}
	c.appliesTo(r, cr)
	c.required(r, cr)
	names := map[string]bool{"province": isProvince(r.Scope), "field": true}
	for k := range r.Params {
		names[k] = true
	}
	for _, v := range r.Values {
		names[v.Name] = true
		cv := compiledValue{name: v.Name, zh: c.expr(r, "value "+v.Name, v.Expr, false)}
		if v.En != nil {
			cv.en = c.expr(r, "value "+v.Name, *v.En, false)
		}
		cr.values = append(cr.values, cv)
	}
	for _, t := range []Text{r.Title, r.Message, r.Fix} {
		c.placeholders(r, t.Zh, t.zhAt, names)
		c.placeholders(r, t.En, t.enAt, names)
	}
	if r.Path != "" {
		root := reflect.TypeFor[model.Filing]()
		if cr.coll != nil {
			root = cr.coll.goType
		}
		if err := checkPath(root, r.Path); err != nil {
			c.fail(r, r.pathAt.line, r.pathAt.col, "path %q: %v", r.Path, err)
		}
	}
	return cr
}

// requiredField is one field a rule requires: read in Go through the
// indexes of its path, or, under CELOnly, by a generated CEL test.
type requiredField struct {
	path  string
	index [][]int // the field index of each step of the path
	prg   *program
}

// required prepares a rule's required fields.
func (c *compiler) required(r *Rule, cr *compiledRule) {
	if len(r.Required) == 0 {
		return
	}
	if r.Path != "" {
		c.fail(r, r.Line, 0, "a rule with required fields reports each at its own path, so it has no path")
		return
	}
	root, variable := reflect.TypeFor[model.Filing](), "filing"
	if cr.coll != nil {
		root, variable = cr.coll.goType, cr.coll.elem
	}
	for _, path := range r.Required {
		rf := requiredField{path: path}
		t := root
		var tests []string
		expr := variable
		for k, step := range strings.Split(path, ".") {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			f, ok := fieldByKey(t, step)
			if t.Kind() != reflect.Struct || !ok {
				c.fail(r, r.Line, 0, "required: %q is not a field of %s", path, root.Name())
				return
			}
			rf.index = append(rf.index, f.Index)
			expr += "." + step
			t = f.Type
			if t.Kind() == reflect.Pointer && k < strings.Count(path, ".") {
				tests = append(tests, "has("+expr+")")
			}
		}
		switch t.Kind() {
		case reflect.String:
			tests = append(tests, expr+` != ""`)
		case reflect.Slice:
			tests = append(tests, "size("+expr+") > 0")
		case reflect.Pointer:
			tests = append(tests, "has("+expr+")")
		default:
			c.fail(r, r.Line, 0, "required: %q is a %s, which always has a value", path, t.Kind())
			return
		}
		if c.celOnly {
			rf.prg = c.expr(r, "required "+path, Expr{Source: strings.Join(tests, " && "), Line: r.Line}, true)
		}
		cr.required = append(cr.required, rf)
	}
}

// present reports whether the field holds a value in v, an element of
// the rule's collection or the filing.
func (rf *requiredField) present(v reflect.Value) bool {
	for _, index := range rf.index {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(index)
	}
	switch v.Kind() {
	case reflect.String, reflect.Slice:
		return v.Len() > 0
	}
	return !v.IsNil()
}

// appliesTo checks a rule's applies_to and, under CELOnly, turns it into
// conditions of CEL that say the same, placed where hoisting would put
// them: the filing's part before the rule's other conjuncts, the
// service's kind once per service.
func (c *compiler) appliesTo(r *Rule, cr *compiledRule) {
	a := r.AppliesTo
	if a.Kind != "" && (cr.coll == nil || !cr.coll.inService && cr.coll.name != "services" && cr.coll.name != "principals") {
		c.fail(r, r.Line, 0, "applies_to.kind needs a rule over services, principals or a list inside each service")
		return
	}
	if !c.celOnly {
		cr.applies = a
		return
	}
	quoted := func(values []string) string {
		q := make([]string, len(values))
		for i, v := range values {
			q[i] = strconv.Quote(v)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	var filing []string
	if len(a.Natures) > 0 {
		filing = append(filing, "filing.subject.nature in "+quoted(toStrings(a.Natures)))
	}
	if len(a.FilingTypes) > 0 {
		filing = append(filing, "filing.type in "+quoted(toStrings(a.FilingTypes)))
	}
	if len(a.Resources) > 0 {
		filing = append(filing, "has(filing.resource) && filing.resource.type in "+quoted(toStrings(a.Resources)))
	}
	at := Expr{Line: r.Line}
	if len(filing) > 0 {
		at.Source = strings.Join(filing, " && ")
		cr.filingWhen = append(condition{c.expr(r, "applies_to", at, true)}, cr.filingWhen...)
	}
	if a.Kind != "" {
		at.Source = "service.kind == " + strconv.Quote(string(a.Kind))
		if cr.coll.inService {
			cr.serviceWhen = append(condition{c.expr(r, "applies_to", at, true)}, cr.serviceWhen...)
		} else {
			cr.when = append(condition{c.expr(r, "applies_to", at, true)}, cr.when...)
		}
	}
}

func toStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// filing reports whether a filing is one the rule is for.
func (a *AppliesTo) filing(f *model.Filing) bool {
	return (len(a.Natures) == 0 || slices.Contains(a.Natures, f.Subject.Nature)) &&
		(len(a.FilingTypes) == 0 || slices.Contains(a.FilingTypes, f.Type)) &&
		(len(a.Resources) == 0 || f.Resource != nil && slices.Contains(a.Resources, f.Resource.Type))
}

// service reports whether a service is one the rule is for.
func (a *AppliesTo) service(s *model.Service) bool {
	return a.Kind == "" || s != nil && s.Kind == a.Kind
}

// interruptEvery is how many iterations of a comprehension a program that
// could run long runs between looks at the call's context; a program whose
// worst case is above interruptAbove could (a cost unit is a few ns).
const (
	interruptEvery = 64
	interruptAbove = 100_000
)

var noParams = types.NewStringInterfaceMap(types.DefaultTypeAdapter, map[string]any{})

// placeholders refuses a {name} in a text that names no value of the rule,
// at the placeholder's own line and column.
func (c *compiler) placeholders(r *Rule, text string, at *scalar, names map[string]bool) {
	for _, m := range placeholderPattern.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if !names[name] {
			line, col := at.atByte(m[0])
			c.fail(r, line, col, "{%s} names no value of the rule (values: %s)", name, strings.Join(slices.Sorted(maps.Keys(names)), ", "))
		}
	}
}

// checkPath makes sure path leads to a field of t, in the wire form's keys.
func checkPath(t reflect.Type, path string) error {
	for _, step := range strings.Split(path, ".") {
		key, rest, indexed := strings.Cut(step, "[")
		if indexed && (!strings.HasSuffix(rest, "]") || strings.Trim(rest[:len(rest)-1], "0123456789") != "" || len(rest) < 2) {
			return fmt.Errorf("%q is not a key with an index such as domains[0]", step)
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return fmt.Errorf("%s is not a field of a %s", key, t)
		}
		f, ok := fieldByKey(t, key)
		if !ok {
			return fmt.Errorf("%s has no field %q", t.Name(), key)
		}
		t = f.Type
		if indexed {
			if t.Kind() != reflect.Slice {
				return fmt.Errorf("%s is not a list", key)
			}
			t = t.Elem()
		}
	}
	return nil
}

// fieldByKey finds the field of struct type t whose wire key is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
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
	if e.pre != nil {
		ast, err := e.pre.checked()
		if err != nil {
			c.fail(r, e.Line, e.Column, "%s: %v", what, err)
			return nil
		}
		if ast != nil {
			return ast // compiled when the bundle was made
		}
	}
	checked, iss := c.env.Compile(e.Source)
	if iss.Err() != nil {
		for _, ce := range iss.Errors() {
			line, col := e.at.atLineCol(ce.Location.Line(), ce.Location.Column())
			c.fail(r, line, col, "%s: %s", what, ce.Message)
		}
		return nil
	}
	if boolean && !checked.OutputType().IsExactType(types.BoolType) {
		c.fail(r, e.Line, e.Column, "%s must be a boolean expression, not %s", what, checked.OutputType())
		return nil
	}
	before := len(c.errs)
	c.refuse(r, e, checked)
	if len(c.errs) > before {
		return nil
	}
	if c.record && e.pre != nil {
		e.pre.ast = checked
	}
	return checked
}

// program plans a checked expression, with a run-time cost limit where the
// static estimate cannot bound it.
func (c *compiler) program(r *Rule, what string, e Expr, checked *cel.Ast) *program {
	opts := []cel.ProgramOption{cel.EvalOptions(cel.OptOptimize)}
	worst, err := c.estimate(e, checked)
	metered := err != nil || worst > c.costLimit
	if metered {
		// The worst case is unknown or too high: count the cost as it runs.
		opts = append(opts, cel.CostLimit(c.costLimit))
	}
	if metered || worst > interruptAbove {
		// It could run long: look at the call's context inside its
		// comprehensions.
		opts = append(opts, cel.InterruptCheckFrequency(interruptEvery))
	}
	prg, err := c.env.Program(checked, opts...)
	if err != nil {
		c.fail(r, e.Line, e.Column, "%s: %v", what, err)
		return nil
	}
	return &program{Program: prg, metered: metered, long: metered || worst > interruptAbove}
}

// estimate is the worst-case cost of checked, an expression of e (the
// whole of it, or a hoisted part), as the bundle recorded it or as the
// checker estimates it.
func (c *compiler) estimate(e Expr, checked *cel.Ast) (uint64, error) {
	whole := e.pre != nil && e.pre.ast == checked
	if whole && e.pre.costKnown {
		return e.pre.cost, nil
	}
	est, err := c.env.EstimateCost(checked, sizeBounds{})
	if err != nil {
		return 0, err
	}
	if whole && c.record {
		e.pre.cost, e.pre.costKnown = est.Max, true
	}
	return est.Max, nil
}

// refuse makes a misspelt word-list name a load-time error (the list
// argument of has_words, found_words and prefix_words must be a known
// literal) and refuses distinct(), so that no rule is quadratic in a
// filing's size.
func (c *compiler) refuse(r *Rule, e Expr, checked *cel.Ast) {
	native := checked.NativeRep()
	at := func(x ast.Expr) (int, int) {
		loc := native.SourceInfo().GetStartLocation(x.ID())
		return e.at.atLineCol(loc.Line(), loc.Column())
	}
	ast.PreOrderVisit(native.Expr(), ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() != ast.CallKind {
			return
		}
		call := x.AsCall()
		if call.FunctionName() == "distinct" {
			line, col := at(x)
			c.fail(r, line, col, "distinct() is quadratic in the list's length; use unique(list)")
			return
		}
		if call.FunctionName() == "matches" {
			// A pattern is compiled once, at load time, when it is a
			// literal; one built from filing text would be compiled on
			// every evaluation, at a cost no limit sees.
			args := call.Args()
			if len(args) == 0 || args[len(args)-1].Kind() != ast.LiteralKind {
				line, col := at(x)
				c.fail(r, line, col, "the pattern of matches() must be a string literal")
			}
			return
		}
		if fn := call.FunctionName(); (fn != "has_words" && fn != "found_words" && fn != "prefix_words") || len(call.Args()) != 2 {
			return
		}
		arg := call.Args()[1]
		line, col := at(arg)
		var name string
		switch {
		case arg.Kind() == ast.LiteralKind:
			name, _ = arg.AsLiteral().Value().(string)
		case arg.Kind() == ast.SelectKind && arg.AsSelect().Operand().Kind() == ast.IdentKind && arg.AsSelect().Operand().AsIdent() == "params":
			// A shared rule's word list may be a param, which each
			// province that applies it names.
			param := arg.AsSelect().FieldName()
			if r.Shared == nil {
				return // the shared rule as written: checked where applied
			}
			name, _ = r.Params[param].(string)
			if name == "" {
				c.fail(r, line, col, "param %s of %s must name a word list", param, r.ID)
				return
			}
		default:
			c.fail(r, line, col, "the word list of %s must be a string literal or a param", call.FunctionName())
			return
		}
		if _, ok := c.matchers[name]; !ok {
			c.fail(r, line, col, "unknown word list %q", name)
		}
	}))
}

// splitWhen sorts the conjuncts of a rule's when into those that read only
// the filing, those that read only the filing and the service (for
// collections inside a service), and the rest. CEL's && is commutative,
// errors included, so evaluating the groups in that order gives the rule's
// own answer; each conjunct runs as the author's own AST.
func (c *compiler) splitWhen(r *Rule, cr *compiledRule, when *cel.Ast) {
	native := when.NativeRep()
	elementVars := elementVariables()
	var filing, service, rest []ast.Expr
	for _, conj := range conjuncts(native.Expr()) {
		vars := c.variablesOf(conj, elementVars)
		switch {
		case cr.coll == nil || len(vars) > 0 && !(cr.coll.inService && onlyService(vars)):
			rest = append(rest, conj)
		case len(vars) == 0:
			filing = append(filing, conj)
		default:
			service = append(service, conj)
		}
	}
	if len(filing)+len(service) == 0 {
		cr.when = condition{c.program(r, "when", r.When, when)}
		return
	}
	cr.filingWhen = c.parts(r, r.When, when, filing)
	cr.serviceWhen = c.parts(r, r.When, when, service)
	cr.when = c.parts(r, r.When, when, rest)
}

// condition compiles a boolean expression of the rule, whole.
func (c *compiler) condition(r *Rule, what string, e Expr) condition {
	checked := c.checked(r, what, e, true)
	if checked == nil {
		return nil
	}
	return condition{c.program(r, what, e, checked)}
}

// parts plans each of exprs, conjuncts of whole, as a program of its own.
func (c *compiler) parts(r *Rule, e Expr, whole *cel.Ast, exprs []ast.Expr) condition {
	var out condition
	native := whole.NativeRep()
	for _, x := range exprs {
		sub := ast.NewCheckedAST(ast.NewAST(x, native.SourceInfo()), native.TypeMap(), native.ReferenceMap())
		pb, err := ast.ToProto(sub)
		if err != nil {
			c.fail(r, e.Line, e.Column, "when: %v", err)
			continue
		}
		out = append(out, c.program(r, "when", e, cel.CheckedExprToAst(pb)))
	}
	return out
}

func onlyService(vars map[string]bool) bool {
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

// variablesOf returns the element variables and rule variables e reads.
func (c *compiler) variablesOf(e ast.Expr, elementVars map[string]bool) map[string]bool {
	vars := map[string]bool{}
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() == ast.IdentKind && (elementVars[x.AsIdent()] || c.ruleVars[x.AsIdent()]) {
			vars[x.AsIdent()] = true
		}
	}))
	return vars
}
