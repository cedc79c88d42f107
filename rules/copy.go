package rules

import (
	"maps"
	"slices"
)

// copy returns r with its own lists and maps, so that a caller who changes
// the copy (a severity, a source, a param's words) changes nothing in the
// Set that evaluates r. Expressions, tests and the shared rule stay shared:
// none of their exported fields is read again once r is compiled.
func (r *Rule) copy() *Rule {
	c := *r
	c.AppliesTo = AppliesTo{
		Natures:     slices.Clone(r.AppliesTo.Natures),
		FilingTypes: slices.Clone(r.AppliesTo.FilingTypes),
		Resources:   slices.Clone(r.AppliesTo.Resources),
		Kind:        r.AppliesTo.Kind,
	}
	c.Variables = slices.Clone(r.Variables)
	c.Values = slices.Clone(r.Values)
	c.Required = slices.Clone(r.Required)
	c.Supersedes = slices.Clone(r.Supersedes)
	c.Sources = slices.Clone(r.Sources)
	c.Tests = slices.Clone(r.Tests)
	if r.Params != nil {
		c.Params = maps.Clone(r.Params)
		for k, v := range c.Params {
			if list, ok := v.([]string); ok {
				c.Params[k] = slices.Clone(list)
			}
		}
	}
	if r.Reminder != nil {
		m := *r.Reminder
		c.Reminder = &m
	}
	return &c
}
