package api

import (
	"context"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// Validate checks a filing given as JSON or YAML text, with o.Extra
// overlaid on it, and returns its *validate.Report, or a
// validate.ErrorBody for input that cannot be read. An error in o.Extra has
// file "extra", so a page can show it beside its own editor.
func Validate(v *validate.Validator, text string, o Options) any {
	lang, bad := o.language()
	if bad != nil {
		return *bad
	}
	filing, err := decode(text, o.Extra)
	if err != nil {
		return validate.NewErrorBody(err, lang)
	}
	opts := []validate.CallOption{validate.InLanguage(lang)}
	if o.Date != "" {
		opts = append(opts, validate.OnDate(model.Date(o.Date)))
	}
	report, err := v.Validate(context.Background(), filing, opts...)
	if err != nil {
		return validate.NewErrorBody(err, lang)
	}
	return report
}
