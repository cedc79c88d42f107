package api

import (
	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// Rules lists the rules that apply to a filing in province (any spelling
// model.ParseProvince accepts): the national ones, the province's and, when
// o.Provider is set, the provider's, as []validate.RuleSummary with titles
// in o.Lang. An empty province lists the national and provider rules only,
// for a form whose province is not chosen yet. An unknown province gives a
// validate.ErrorBody at path "province".
func Rules(v *validate.Validator, province string, o Options) any {
	summaries, bad := rulesFor(v, province, o)
	if bad != nil {
		return *bad
	}
	return summaries
}

func rulesFor(v *validate.Validator, province string, o Options) ([]validate.RuleSummary, *validate.ErrorBody) {
	lang, bad := o.language()
	if bad != nil {
		return nil, bad
	}
	scopes := []string{"national"}
	if province != "" {
		p, err := model.ParseProvince(province)
		if err != nil {
			body := validate.NewErrorBody(&model.DecodeError{Path: "province", Err: err}, lang)
			return nil, &body
		}
		scopes = append(scopes, string(p))
	}
	if o.Provider != "" {
		scopes = append(scopes, o.Provider)
	}
	return v.Summaries(lang, scopes...), nil
}
