package ruletable

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// Fields renders the field table: every field a rule of category required
// asks for, with when it is required and what the seed's form says of it.
// It is made from the rules alone, so that the table and the checks cannot
// disagree.
func Fields(d Data) string {
	var b strings.Builder
	b.WriteString("| field | 字段 | required when | rule | the form says |\n| --- | --- | --- | --- | --- |\n")
	var required []*rules.Rule
	for _, r := range d.Rules {
		if r.Category == "required" && r.Scope == "national" {
			required = append(required, r)
		}
	}
	// In the order of the rule file, which follows the seed's forms.
	slices.SortFunc(required, func(a, b *rules.Rule) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	n := 0
	for _, r := range required {
		for _, p := range r.FieldPatterns() {
			n++
			fmt.Fprintf(&b, "| `%s` | %s | %s | `%s` | %s |\n", p, escape(model.FieldName(p, model.Chinese)), requiredWhen(r), r.ID, escape(formSays(r)))
		}
	}
	fmt.Fprintf(&b, "\n%d fields. A condition is the rule's CEL over the filing, with these predicates:\n\n", n)
	for _, f := range d.Files {
		for _, p := range f.Predicates {
			if slices.ContainsFunc(required, func(r *rules.Rule) bool { return strings.Contains(r.When.Source, p.Name) }) {
				fmt.Fprintf(&b, "- `%s`: `%s`\n", p.Name, strings.Join(strings.Fields(p.Expr.Source), " "))
			}
		}
	}
	return b.String()
}

// requiredWhen says when r asks for its fields, as a table cell: the kinds
// of subject, filing or service its applies_to names, and its when as code.
func requiredWhen(r *rules.Rule) string {
	var parts []string
	a := r.AppliesTo
	if len(a.Natures) > 0 {
		parts = append(parts, "nature "+joinAny(a.Natures))
	}
	if len(a.FilingTypes) > 0 {
		parts = append(parts, "filing type "+joinAny(a.FilingTypes))
	}
	if len(a.Resources) > 0 {
		parts = append(parts, "resource "+joinAny(a.Resources))
	}
	if a.Kind != "" {
		parts = append(parts, string(a.Kind)+"s")
	}
	if when := strings.Join(strings.Fields(r.When.Source), " "); when != "" {
		parts = append(parts, "`"+strings.ReplaceAll(when, "|", `\|`)+"`")
	}
	if len(parts) == 0 {
		return "always"
	}
	return strings.Join(parts, "; ")
}

func joinAny[T ~string](list []T) string {
	words := make([]string, len(list))
	for i, x := range list {
		words[i] = string(x)
	}
	return strings.Join(words, " or ")
}

// formSays is what r's first source that quotes its page, the seed's
// form table, says.
func formSays(r *rules.Rule) string {
	for _, s := range r.Sources {
		if s.Says != "" {
			return s.Says
		}
	}
	return "—"
}
