package validate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// Validator checks filings against compiled rules. It is immutable after New
// and safe for concurrent use by many goroutines.
type Validator struct {
	set           *rules.Set
	lang          Language
	date          model.Date
	now           func() time.Time
	resolver      Resolver
	version       string
	maxViolations int
}

type ruleSource struct {
	fsys     fs.FS
	patterns []string
	embedded bool // the files icpcheck ships
}

// load reads a source's rule files: the embedded ones from their bundle,
// already compiled, a caller's from YAML (see loadFiles).
func (src ruleSource) load() ([]*rules.File, error) {
	if !src.embedded {
		return loadFiles(src.fsys, src.patterns)
	}
	data, err := embeddedBundle()
	if err != nil {
		return nil, err
	}
	return rules.DecodeBundle(data)
}

// embeddedBundle is the bundle of the embedded rules, copied out once: the
// rules read from it keep parts of it, which they only read, so every
// Validator can share one copy (making it was a third of New's time).
var embeddedBundle = sync.OnceValues(provinces.Bundle)

// compileSources compiles the rule files of the sources; callerScopes are
// the scopes of the files not embedded. The embedded files alone compile
// straight from their bundle, which knows its set's version.
func compileSources(sources []ruleSource, opts []rules.CompileOption) (set *rules.Set, callerScopes []string, err error) {
	if len(sources) == 1 && sources[0].embedded {
		data, err := embeddedBundle()
		if err != nil {
			return nil, nil, fmt.Errorf("validate: loading rules: %w", err)
		}
		set, err = rules.CompileBundle(data, opts...)
		if err != nil {
			return nil, nil, fmt.Errorf("validate: compiling rules: %w", err)
		}
		return set, nil, nil
	}
	var files []*rules.File
	for _, src := range sources {
		loaded, err := src.load()
		if err != nil {
			return nil, nil, fmt.Errorf("validate: loading rules: %w", err)
		}
		files = append(files, loaded...)
		if !src.embedded {
			for _, f := range loaded {
				callerScopes = append(callerScopes, f.Scope)
			}
		}
	}
	set, err = rules.Compile(files, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("validate: compiling rules: %w", err)
	}
	return set, callerScopes, nil
}

type settings struct {
	sources       []ruleSource
	embedded      bool
	disabled      []string
	lang          Language
	date          model.Date
	now           func() time.Time
	costLimit     uint64
	resolver      Resolver
	compile       compileMode
	providers     []string
	maxViolations int
	budget        *uint64
	celOnly       bool
}

// compileMode says when New compiles which rules.
type compileMode int

const (
	// callerFilesNow compiles the files given with WithRules in New and the
	// embedded ones on first use: the embedded files are compiled in full
	// by their own tests, so deferring them hides no error, while an error
	// in a caller's file is reported by New.
	callerFilesNow compileMode = iota
	allLater                   // WithLazyCompile
	allNow                     // WithEagerCompile
)

// Resolver supplies facts that a filing cannot hold, such as a mobile
// number's attribution or whether a domain is already filed; rules.KnownFacts
// lists them. Validate asks once per fact, with the filing's distinct keys,
// and passes what it gets to the rules. A fact left out of the answer is
// unknown: the rules that need it are reported as undecided.
type Resolver interface {
	Resolve(ctx context.Context, fact string, keys []string) (map[string]string, error)
}

// WithResolver lets rules use the facts r supplies. Without one, every rule
// that needs such a fact is listed in the report's undecided.
func WithResolver(r Resolver) Option {
	return func(s *settings) error {
		s.resolver = r
		return nil
	}
}

// Option configures New.
type Option func(*settings) error

// WithRules adds the rule files in fsys matching the glob patterns (all
// top-level *.yaml files when none are given) to the embedded ones. A
// build with the tag icpcheck_bundled (the browser's) cannot compile them:
// New refuses the option there.
func WithRules(fsys fs.FS, patterns ...string) Option {
	return func(s *settings) error {
		s.sources = append(s.sources, ruleSource{fsys: fsys, patterns: patterns})
		return nil
	}
}

// WithProviders declares the access providers whose rule layers the files
// added with WithRules hold (a file's scope is national, a province slug,
// or a declared provider), so that a misspelt province is refused rather
// than read as a provider whose rules never apply. The providers of the
// embedded files (huaweicloud) are declared already.
func WithProviders(names ...string) Option {
	return func(s *settings) error {
		s.providers = append(s.providers, names...)
		return nil
	}
}

// WithoutEmbeddedRules leaves out the rule files icpcheck ships, so that
// only the files given with WithRules apply.
func WithoutEmbeddedRules() Option {
	return func(s *settings) error {
		s.embedded = false
		return nil
	}
}

// WithDisabled turns rules off by id. An id that names no rule is an error
// from New, so that a typo cannot leave a rule on.
func WithDisabled(ids ...string) Option {
	return func(s *settings) error {
		s.disabled = append(s.disabled, ids...)
		return nil
	}
}

// WithLanguage sets the language of every text in a report: Chinese (the
// default) or English. To follow a caller's preferences, pass
// model.MatchLanguage(tags...) or model.ParseLanguage(header).
func WithLanguage(l Language) Option {
	return func(s *settings) error {
		s.lang = l
		return nil
	}
}

// WithDate sets the submission day assumed for filings without submitted_at.
func WithDate(d model.Date) Option {
	return func(s *settings) error {
		if _, err := model.ParseDate(string(d)); err != nil {
			return fmt.Errorf("validate: WithDate: %w", err)
		}
		s.date = d
		return nil
	}
}

// WithClock sets the clock used for filings without submitted_at when no
// WithDate is given; the day is taken in China Standard Time.
func WithClock(now func() time.Time) Option {
	return func(s *settings) error {
		s.now = now
		return nil
	}
}

// WithLazyCompile compiles every scope's rules, the caller's files too, on
// first use: an error in an added file then surfaces from the first Validate
// that needs it instead of from New. By default only the embedded rules are
// compiled lazily (see New).
func WithLazyCompile() Option {
	return func(s *settings) error {
		s.compile = allLater
		return nil
	}
}

// WithEagerCompile compiles every scope's rules in New, for a long-running
// service that would rather pay at start than on the first filing of each
// province.
func WithEagerCompile() Option {
	return func(s *settings) error {
		s.compile = allNow
		return nil
	}
}

// WithMaxViolations bounds the violations a report lists
// (DefaultMaxViolations when not given); the rest are counted in its
// Truncated. OK counts them all.
func WithMaxViolations(n int) Option {
	return func(s *settings) error {
		if n < 1 {
			return fmt.Errorf("validate: WithMaxViolations(%d): want at least 1", n)
		}
		s.maxViolations = n
		return nil
	}
}

// WithCallBudget bounds the total cost of the metered rule expressions of
// one Validate (rules.DefaultCallBudget when not given; 0 for no bound), so
// that many rules, or one rule over many elements, cannot together run
// long. Once it is spent, the rules still to run are listed in the
// report's errors and the report is not ok.
func WithCallBudget(cost uint64) Option {
	return func(s *settings) error {
		s.budget = &cost
		return nil
	}
}

// WithCELOnly decides every rule's applies_to, and the fields a required
// rule asks for, in CEL generated from them instead of in Go: the reports
// are the same (FuzzNativeAndCELAgree holds the two to it), only slower. It
// is there to check the native path against CEL, or to set it aside.
func WithCELOnly() Option {
	return func(s *settings) error {
		s.celOnly = true
		return nil
	}
}

// WithCostLimit sets the CEL cost limit of every rule expression.
func WithCostLimit(limit uint64) Option {
	return func(s *settings) error {
		s.costLimit = limit
		return nil
	}
}

// New loads the rules and compiles them once. The files added with
// WithRules are compiled here; the embedded rules of a scope (national, a
// province, a provider) are compiled by the first Validate that needs them,
// so that a program checking one province does not pay for 31 (see
// WithEagerCompile and WithLazyCompile). Errors in rule files are
// *rules.Error values (reach them with errors.As) naming file, line, column
// and rule.
func New(opts ...Option) (*Validator, error) {
	s := settings{embedded: true, now: time.Now, costLimit: rules.DefaultCostLimit, maxViolations: DefaultMaxViolations}
	for _, o := range opts {
		if err := o(&s); err != nil {
			return nil, err
		}
	}
	var sources []ruleSource
	providers := s.providers
	if s.embedded {
		sources = append(sources, ruleSource{embedded: true})
		providers = append(providers, provinces.Providers()...)
	}
	sources = append(sources, s.sources...)
	compileOpts := []rules.CompileOption{rules.WithCostLimit(s.costLimit), rules.Lazy(),
		rules.Providers(providers...), rules.Disabled(s.disabled...)}
	if s.budget != nil {
		compileOpts = append(compileOpts, rules.CallBudget(*s.budget))
	}
	if s.celOnly {
		compileOpts = append(compileOpts, rules.CELOnly())
	}
	set, callerScopes, err := compileSources(sources, compileOpts)
	if err != nil {
		return nil, err
	}
	switch s.compile {
	case callerFilesNow:
		if len(callerScopes) > 0 {
			err = set.Prepare(callerScopes...)
		}
	case allNow:
		err = set.Prepare()
	}
	if err != nil {
		return nil, fmt.Errorf("validate: compiling rules: %w", err)
	}
	return &Validator{set: set, lang: s.lang, date: s.date, now: s.now, resolver: s.resolver, version: set.Version(), maxViolations: s.maxViolations}, nil
}

// CallOption adjusts one Validate call.
type CallOption func(*call)

type call struct {
	lang         Language
	allUndecided bool
	date         model.Date
}

// InLanguage sets this call's language (see WithLanguage).
func InLanguage(l Language) CallOption {
	return func(c *call) { c.lang = l }
}

// AllUndecided lists every path of an undecided rule in the report, not
// only the first ten of them.
func AllUndecided() CallOption {
	return func(c *call) { c.allUndecided = true }
}

// OnDate sets this call's submission day for a filing without submitted_at.
func OnDate(d model.Date) CallOption {
	return func(c *call) { c.date = d }
}

// chinaTime is China Standard Time, fixed so that no time-zone database is
// needed (the browser build has none).
var chinaTime = time.FixedZone("CST", 8*60*60)

// Validate checks one filing and returns its report. The filing is never
// modified. The error is non-nil only when the filing could not be checked
// at all: a filing built in Go with a non-canonical value (an unknown enum,
// a malformed date) gives a *model.DecodeError naming the path; an ended
// context gives ctx.Err(); a failing Resolver gives its error. A rule whose
// evaluation fails does not stop the others: it is listed in the report's
// Errors, and the report is not OK.
func (v *Validator) Validate(ctx context.Context, f *model.Filing, opts ...CallOption) (*Report, error) {
	if f == nil {
		return nil, errors.New("validate: nil filing")
	}
	c := call{lang: v.lang, date: v.date}
	for _, o := range opts {
		o(&c)
	}
	if c.date != "" {
		if _, err := model.ParseDate(string(c.date)); err != nil {
			return nil, fmt.Errorf("validate: OnDate: %w", err)
		}
	}
	if err := model.Check(f); err != nil {
		return nil, err
	}
	date, err := v.day(f, c.date)
	if err != nil {
		return nil, err
	}
	facts, err := v.resolve(ctx, f)
	if err != nil {
		return nil, err
	}
	res, err := v.set.Evaluate(ctx, f, date, facts)
	if err != nil {
		return nil, err
	}
	return v.report(f, res, c), nil
}

// resolve asks the resolver, if any, for every known fact about f.
func (v *Validator) resolve(ctx context.Context, f *model.Filing) (rules.Facts, error) {
	if v.resolver == nil {
		return nil, nil
	}
	facts := rules.Facts{}
	for _, fact := range rules.KnownFacts() {
		keys := fact.Keys(f)
		if len(keys) == 0 {
			continue
		}
		values, err := resolveOne(ctx, v.resolver, fact.Name, keys)
		if err != nil {
			return nil, fmt.Errorf("validate: resolving %s: %w", fact.Name, err)
		}
		facts[fact.Name] = values
	}
	return facts, nil
}

// resolveOne asks r for one fact, in a goroutine of its own: a Resolver
// that panics gives an error naming the fact, and one that blocks past
// the call's context is left behind (it runs on until it returns) with
// ctx's error.
func resolveOne(ctx context.Context, r Resolver, fact string, keys []string) (map[string]string, error) {
	type answer struct {
		values map[string]string
		err    error
	}
	done := make(chan answer, 1) // buffered: a late answer never blocks the resolver
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- answer{err: fmt.Errorf("the resolver panicked: %v", p)}
			}
		}()
		values, err := r.Resolve(ctx, fact, keys)
		done <- answer{values, err}
	}()
	select {
	case a := <-done:
		return a.values, a.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// day is the submission day: submitted_at, else the option's date, else
// today in China.
func (v *Validator) day(f *model.Filing, date model.Date) (model.Date, error) {
	if f.SubmittedAt != "" {
		d, err := f.SubmittedAt.Date()
		if err != nil {
			return "", &model.DecodeError{Path: "submitted_at", Err: err}
		}
		return d, nil
	}
	if date != "" {
		return date, nil
	}
	return model.Date(v.now().In(chinaTime).Format("2006-01-02")), nil
}

// RulesVersion names the rule set in force: the newest effective_from
// among its rules, then a digest of every rule and word list as they judge
// (tests and file layout left out), as in "2026-03-01+3f9a1c2b7d4e5f60".
// Every report carries it. A back office that stores verdicts stores it
// beside each one, to tell later which rules gave an old verdict and
// whether a re-check under today's rules could differ.
func (v *Validator) RulesVersion() string { return v.version }

// Rules returns the compiled rules, sorted by id. They are copies: a
// Validator is shared by concurrent calls, and changing a rule it returns
// changes no verdict.
func (v *Validator) Rules() []*rules.Rule { return v.set.Rules() }

// RuleSummary is a rule as a user interface lists it.
type RuleSummary struct {
	ID       string   `json:"id"`
	Scope    string   `json:"scope"`
	Severity Severity `json:"severity"`
	Category string   `json:"category"`
	// Each and Path say where the rule's violations point: Path below each
	// element of the collection Each, or the absolute Path when Each is
	// empty. A form marks the fields of "required" rules from them.
	Each string `json:"each,omitempty"`
	Path string `json:"path,omitempty"`
	// Patterns are the paths the rule's violations can have, with [] for
	// any index: "services[].principal.mobile".
	Patterns []string `json:"patterns"`
	Title    string   `json:"title"`
	Source   string   `json:"source"`
}

// Summaries lists the rules whose scope is one of scopes (every rule when
// none is given), sorted by id, with titles in language lang.
func (v *Validator) Summaries(lang Language, scopes ...string) []RuleSummary {
	out := []RuleSummary{} // [] rather than null when no rule matches
	for _, r := range v.set.Rules() {
		if len(scopes) > 0 && !slices.Contains(scopes, r.Scope) {
			continue
		}
		out = append(out, RuleSummary{ID: r.ID, Scope: r.Scope, Severity: r.Severity, Category: r.Category, Each: r.Each, Path: r.Path, Patterns: r.FieldPatterns(), Title: r.Render(r.Title, lang), Source: r.Source()})
	}
	return out
}
