// Package validate is the one call users make: build a Validator once with
// New, then call Validate for each filing and read its Report.
//
//	v, err := validate.New()
//	if err != nil { … }
//	report, err := v.Validate(ctx, filing)
//
// New loads the embedded rules (the national baseline, every province, the
// provider layers) plus any added with WithRules. The added files compile
// in New, so their errors come from New; each embedded scope compiles on
// the first Validate that needs it (WithEagerCompile compiles all in New,
// WithLazyCompile defers the added files too). Options choose the message
// language, disable rules by id, supply facts through a Resolver, and set
// the date assumed when a filing has no submitted_at. A Validator is safe
// for concurrent use.
package validate
