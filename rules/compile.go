package rules

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"

	"github.com/icpcheck/icpcheck/model"
)

// reservedNames are the variables every rule sees; predicates and rule
// variables may not take them.
var reservedNames = []string{"filing", "filing_date", "facts", "params"}

// Compile compiles the rules of the files against the filing's real types,
// so that a misspelt field is an error at load time with the file's own line
// and column. All problems are reported, each as an *Error, joined.
func Compile(files []*File, opts ...CompileOption) (*Set, error) {
	return compile(files, nil, newCompileConfig(opts))
}

// compile compiles the files, or, when src is given, the bundle whose
// index they are: files without rules, each scope's rules decoded from
// src when the scope is compiled. The index holds what the whole set
// needs of them, checked when the bundle was made.
func compile(files []*File, src *bundleSource, cfg compileConfig) (*Set, error) {
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
	set := &Set{budget: cfg.budget, wordLists: lists, byProvince: map[model.Province]*group{}, byProvider: map[string]*group{}, superseded: map[string][]string{}}
	var all []*Rule
	if src == nil {
		var ruleErrs []error
		all, ruleErrs = set.collect(files, cfg.disabled)
		errs = append(errs, ruleErrs...)
	} else {
		set.superseded, set.version = src.index.Superseded, src.index.Version
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	envs, err := newEnvs(matchers, predicates)
	if err != nil {
		return nil, err
	}
	pc := &compiler{env: envs.base, envs: envs, costLimit: cfg.costLimit, matchers: matchers, record: cfg.record}
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
			c := &compiler{env: envs.base, envs: envs, each: r.Each, costLimit: cfg.costLimit, matchers: matchers, celOnly: cfg.celOnly, record: cfg.record}
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
	for _, r := range all {
		g := set.groupFor(r.Scope, compileGroup)
		g.rules = append(g.rules, r)
	}
	if src != nil {
		for _, scope := range src.scopes() {
			set.groupFor(scope, compileGroup).load = func() ([]*Rule, error) { return src.scopeRules(scope) }
		}
	}
	if !cfg.lazy {
		if err := set.Prepare(); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// collect expands the files' rules and leaves out the disabled ones,
// refusing a duplicate id or a supersedes that names no rule; it records
// which rules supersede which, and returns the rules sorted by id.
func (s *Set) collect(files []*File, disabled []string) ([]*Rule, []error) {
	all, errs := expand(files)
	all, err := disable(all, disabled)
	if err != nil {
		errs = append(errs, err)
	}
	var kept []*Rule
	byID := map[string]*Rule{}
	for _, r := range all {
		if prev, dup := byID[r.ID]; dup {
			file, line := r.definedAt()
			prevFile, prevLine := prev.definedAt()
			errs = append(errs, &Error{File: file, Line: line, Rule: r.ID, Err: fmt.Errorf("rule id is already defined at %s:%d", prevFile, prevLine)})
			continue
		}
		byID[r.ID] = r
		kept = append(kept, r)
	}
	for _, r := range kept {
		for k, id := range r.Supersedes {
			if _, ok := byID[id]; !ok && !slices.Contains(disabled, id) {
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
			s.superseded[id] = append(s.superseded[id], r.ID)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	return kept, errs
}

type compiler struct {
	fileName string
	env      *cel.Env // the base environment, which plans programs
	// envs, each and pending give the environment that declares the
	// rule's element and variables, which checking needs (see typed):
	// pending are the variables it has yet to declare.
	envs      *envSet
	each      string
	typedEnv  *cel.Env
	pending   []cel.EnvOption
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
		c.pending = append(c.pending, cel.Variable(v.Name, checked.OutputType()))
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
		cv := compiledValue{name: v.Name, zh: c.value(r, "value "+v.Name, v.Expr)}
		if v.En != nil {
			cv.en = c.value(r, "value "+v.Name, *v.En)
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

// placeholders refuses a {name} in a text that names no value of the rule,
// at the placeholder's own line and column.
func (c *compiler) placeholders(r *Rule, text string, at *scalar, names map[string]bool) {
	eachPlaceholder(text, func(name string, start, _ int) {
		if !names[name] {
			line, col := at.atByte(start)
			c.fail(r, line, col, "{%s} names no value of the rule (values: %s)", name, strings.Join(slices.Sorted(maps.Keys(names)), ", "))
		}
	})
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
