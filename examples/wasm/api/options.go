package api

import (
	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// Options are the second argument of every call: {lang, date, extra,
// provider}. A call ignores the ones it has no use for.
type Options struct {
	Lang     string // a BCP 47 tag or Accept-Language value; empty is Chinese
	Date     string // YYYY-MM-DD, the submission day for a filing without submitted_at
	Extra    string // a partial filing (YAML or JSON) overlaid on the filing
	Provider string // a provider scope such as "huaweicloud", for Rules and Fields
}

// language reads o.Lang. An unknown language is refused, in Chinese, the
// default, as the command line's -lang is.
func (o Options) language() (validate.Language, *validate.ErrorBody) {
	l, err := model.ParseLanguage(o.Lang)
	if err != nil {
		body := validate.NewErrorBody(err, validate.Chinese)
		return l, &body
	}
	return l, nil
}
