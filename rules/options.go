package rules

import (
	"math"
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

// newCompileConfig applies opts to the defaults.
func newCompileConfig(opts []CompileOption) compileConfig {
	cfg := compileConfig{costLimit: DefaultCostLimit, budget: DefaultCallBudget}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
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
