package api

import (
	"github.com/icpcheck/icpcheck/validate"
)

// Field is one value a filing must hold: a rule of category "required", and
// the fields it marks. A rule may require a field only under a condition
// (units only, websites only); its title says which.
type Field struct {
	Rule     string            `json:"rule"`
	Scope    string            `json:"scope"`
	Severity validate.Severity `json:"severity"`
	Each     string            `json:"each,omitempty"`
	Path     string            `json:"path,omitempty"`
	// Patterns are the wire-form paths the rule's violations can have, with
	// [*] for any index: "services[*].principal.mobile". A form marks the
	// fields whose path matches one.
	Patterns []string `json:"patterns"`
	Title    string   `json:"title"`
}

// Fields lists the required fields of a filing in province, from the rules
// Rules lists whose category is "required", with titles in o.Lang.
func Fields(v *validate.Validator, province string, o Options) any {
	summaries, bad := rulesFor(v, province, o)
	if bad != nil {
		return *bad
	}
	out := []Field{} // [] rather than null when no rule is of category required
	for _, s := range summaries {
		if s.Category != "required" {
			continue
		}
		out = append(out, Field{Rule: s.ID, Scope: s.Scope, Severity: s.Severity, Each: s.Each, Path: s.Path, Patterns: wirePatterns(s.Patterns), Title: s.Title})
	}
	return out
}
