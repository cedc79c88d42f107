package rules

import (
	"errors"
	"maps"
	"slices"
	"sort"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/model"
)

// Set is a compiled collection of rules. It is immutable and safe for
// concurrent use.
type Set struct {
	budget     uint64
	wordLists  []*WordList // sorted by id
	national   *group
	byProvince map[model.Province]*group
	byProvider map[string]*group
	predicates []compiledPredicate
	// superseded maps a rule id to the ids of the rules that supersede it.
	superseded map[string][]string
	// version is the Version a bundle recorded for these rules; empty
	// when the set is not all of a bundle's rules.
	version string
}

type compiledPredicate struct {
	name string
	prg  *program
}

// group is the rules of one scope, compiled once, on first use when the
// set is lazy.
type group struct {
	rules []*Rule // as applied, sorted by id
	// load, when set, gives the rules instead, on first use: a bundle's,
	// decoded from its files.
	load     func() ([]*Rule, error)
	loadOnce sync.Once
	loadErr  error
	compile  func([]*Rule) ([]*compiledRule, error)
	once     sync.Once
	compiled []*compiledRule
	err      error
}

// members returns the group's rules, loading them on first use.
func (g *group) members() ([]*Rule, error) {
	g.loadOnce.Do(func() {
		if g.load != nil {
			g.rules, g.loadErr = g.load()
		}
	})
	return g.rules, g.loadErr
}

func (g *group) get() ([]*compiledRule, error) {
	if g == nil {
		return nil, nil
	}
	g.once.Do(func() {
		rs, err := g.members()
		if err != nil {
			g.err = err
			return
		}
		g.compiled, g.err = g.compile(rs)
	})
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
// runs, so it needs an execution frame of its own; the others share one,
// which watches the call's context inside the comprehensions of those that
// could run long.
type program struct {
	cel.Program
	metered  bool      // counts its cost against the limit and the call's budget
	deferred *deferred // set when Program is planned on first use (see values.go)
	// small is a metered program planned without metering, for the
	// evaluations of a small filing (see smallFiling); nil when it would
	// be metered there too.
	small *program
}

// on is the plan of p to run on a filing that is small or not.
func (p *program) on(small bool) *program {
	if small && p.small != nil {
		return p.small
	}
	return p
}

// condition is a conjunction of programs, each one conjunct of an
// expression as its author wrote it; an empty condition holds.
type condition []*program

// Rules returns the rules of the set as they apply, sorted by id: copies,
// so that changing one changes nothing the set evaluates.
func (s *Set) Rules() []*Rule {
	all := s.all()
	out := make([]*Rule, len(all))
	for i, r := range all {
		out[i] = r.copy()
	}
	return out
}

// all is every rule of the set as applied, sorted by id. A scope whose
// rules a bundle holds corrupt has none here; its error is compiling's.
func (s *Set) all() []*Rule {
	var out []*Rule
	for _, g := range s.groups() {
		rs, _ := g.members()
		out = append(out, rs...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
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
		if err := g.prepare(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// groupFor is the group of one scope, made when it has none.
func (s *Set) groupFor(scope string, compile func([]*Rule) ([]*compiledRule, error)) *group {
	if g := s.group(scope); g != nil {
		return g
	}
	g := &group{compile: compile}
	switch {
	case scope == "national":
		s.national = g
	case isProvince(scope):
		s.byProvince[model.Province(scope)] = g
	default:
		s.byProvider[scope] = g
	}
	return g
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
