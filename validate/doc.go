// Package validate is the one call users make: build a Validator once with
// New, then call Validate for each filing and read its Report.
//
//	v, err := validate.New()
//	if err != nil { … }
//	report, err := v.Validate(ctx, filing)
//
// New compiles the embedded rules (the national baseline, every province,
// the provider layers) plus any added with WithRules; options choose the
// message language, disable rules by id, and set the date assumed when a
// filing has no submitted_at. A Validator is safe for concurrent use.
package validate
