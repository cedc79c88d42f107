package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/icpcheck/model"
)

// appliesTo checks a rule's applies_to and, under CELOnly, turns it into
// conditions of CEL that say the same, placed where hoisting would put
// them: the filing's part before the rule's other conjuncts, the
// service's kind once per service.
func (c *compiler) appliesTo(r *Rule, cr *compiledRule) {
	a := r.AppliesTo
	if a.Kind != "" && (cr.coll == nil || !cr.coll.inService && cr.coll.name != "services" && cr.coll.name != "principals") {
		c.fail(r, r.Line, 0, "applies_to.kind needs a rule over services, principals or a list inside each service")
		return
	}
	if !c.celOnly {
		cr.applies = a
		return
	}
	quoted := func(values []string) string {
		q := make([]string, len(values))
		for i, v := range values {
			q[i] = strconv.Quote(v)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	var filing []string
	if len(a.Natures) > 0 {
		filing = append(filing, "filing.subject.nature in "+quoted(toStrings(a.Natures)))
	}
	if len(a.FilingTypes) > 0 {
		filing = append(filing, "filing.type in "+quoted(toStrings(a.FilingTypes)))
	}
	if len(a.Resources) > 0 {
		filing = append(filing, "has(filing.resource) && filing.resource.type in "+quoted(toStrings(a.Resources)))
	}
	at := Expr{Line: r.Line}
	if len(filing) > 0 {
		at.Source = strings.Join(filing, " && ")
		cr.filingWhen = append(condition{c.expr(r, "applies_to", at, true)}, cr.filingWhen...)
	}
	if a.Kind != "" {
		at.Source = "service.kind == " + strconv.Quote(string(a.Kind))
		if cr.coll.inService {
			cr.serviceWhen = append(condition{c.expr(r, "applies_to", at, true)}, cr.serviceWhen...)
		} else {
			cr.when = append(condition{c.expr(r, "applies_to", at, true)}, cr.when...)
		}
	}
}

func toStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// filing reports whether a filing is one the rule is for.
func (a *AppliesTo) filing(f *model.Filing) bool {
	return (len(a.Natures) == 0 || slices.Contains(a.Natures, f.Subject.Nature)) &&
		(len(a.FilingTypes) == 0 || slices.Contains(a.FilingTypes, f.Type)) &&
		(len(a.Resources) == 0 || f.Resource != nil && slices.Contains(a.Resources, f.Resource.Type))
}

// service reports whether a service is one the rule is for.
func (a *AppliesTo) service(s *model.Service) bool {
	return a.Kind == "" || s != nil && s.Kind == a.Kind
}
