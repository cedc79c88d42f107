package api

import (
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// Rules lists the rules that apply to a filing in province (any spelling
// model.ParseProvince accepts): the national ones, the province's and, when
// o.Provider is set, the provider's, as []validate.RuleSummary with titles
// in o.Lang and patterns written with [*] for any index, as Fields writes
// them. An empty province lists the national and provider rules only,
// for a form whose province is not chosen yet. An unknown province gives a
// validate.ErrorBody at path "province".
func Rules(v *validate.Validator, province string, o Options) any {
	summaries, bad := rulesFor(v, province, o)
	if bad != nil {
		return *bad
	}
	for i := range summaries {
		summaries[i].Patterns = wirePatterns(summaries[i].Patterns)
	}
	return summaries
}

// wirePatterns writes the rule engine's "[]" (any index) as "[*]", which
// reads as a wildcard in a path and cannot be taken for an empty list. It
// returns a new slice: the summaries may share their patterns with the
// rule set.
func wirePatterns(patterns []string) []string {
	out := make([]string, len(patterns))
	for i, p := range patterns {
		out[i] = strings.ReplaceAll(p, "[]", "[*]")
	}
	return out
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
