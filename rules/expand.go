package rules

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// expand applies the shared rules in the provinces whose files name them:
// one rule per application, with id <province>.<rule> (or <province>.<as>),
// the province's params, and its severity, sources, notes and dates where
// it sets them.
// Shared rules that no province applies are left out.
func expand(files []*File) ([]*Rule, []error) {
	shared := map[string]*Rule{}
	var out []*Rule
	for _, f := range files {
		for _, r := range f.Rules {
			if f.Scope == SharedScope {
				shared[r.ID] = r
			} else {
				out = append(out, r)
			}
		}
	}
	var errs []error
	for _, f := range files {
		for k := range f.Apply {
			a := &f.Apply[k]
			r, ok := shared[a.Rule]
			if !ok {
				errs = append(errs, &Error{File: f.Name, Line: a.Line, Err: fmt.Errorf("apply: %q is not a shared rule", a.Rule)})
				continue
			}
			c := *r
			c.ID = f.Scope + "." + cmp.Or(a.As, r.ID)
			c.Scope = f.Scope
			c.Shared, c.Applied = r, a
			c.Params = maps.Clone(r.Params)
			if c.Params == nil && len(a.Params) > 0 {
				c.Params = map[string]any{}
			}
			for k, v := range a.Params {
				if _, ok := r.Params[k]; !ok {
					errs = append(errs, &Error{File: f.Name, Line: a.Line, Rule: c.ID, Err: fmt.Errorf("param %s is not one of the shared rule's params (%s)", k, strings.Join(slices.Sorted(maps.Keys(r.Params)), ", "))})
				}
				c.Params[k] = v
			}
			c.Sources = append(slices.Clone(a.Sources), r.Sources...)
			c.Tests = append(slices.Clone(r.Tests), a.Tests...)
			if a.Severity != "" {
				c.Severity = a.Severity
			}
			if m := r.Reminder; m != nil && c.Severity == SeverityInfo {
				c.Title, c.Message = m.Title, m.Message
				if m.Fix.Zh != "" {
					c.Fix = m.Fix
				}
			}
			if a.Notes != "" {
				c.Notes = strings.TrimSpace(r.Notes + "\n" + a.Notes)
			}
			if a.EffectiveFrom != "" {
				c.EffectiveFrom = a.EffectiveFrom
			}
			if a.EffectiveUntil != "" {
				c.EffectiveUntil = a.EffectiveUntil
			}
			if len(c.Sources) == 0 {
				errs = append(errs, &Error{File: f.Name, Line: a.Line, Rule: c.ID, Err: fmt.Errorf("a rule needs a source: where the rule comes from")})
				continue
			}
			out = append(out, &c)
		}
	}
	return out, errs
}

// definedAt is where the rule is written: for a shared rule applied in a
// province, the application.
func (r *Rule) definedAt() (file string, line int) {
	if r.Applied != nil {
		return r.Applied.File, r.Applied.Line
	}
	return r.File, r.Line
}

func disable(rs []*Rule, ids []string) ([]*Rule, error) {
	if len(ids) == 0 {
		return rs, nil
	}
	off := map[string]bool{}
	for _, id := range ids {
		off[id] = true
	}
	var kept []*Rule
	for _, r := range rs {
		if off[r.ID] {
			delete(off, r.ID)
			continue
		}
		kept = append(kept, r)
	}
	if len(off) > 0 {
		return nil, fmt.Errorf("rules: disabled ids that name no rule: %s", strings.Join(slices.Sorted(maps.Keys(off)), ", "))
	}
	return kept, nil
}
