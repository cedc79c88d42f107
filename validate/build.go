package validate

import (
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// A report's bounds, so that its size grows with what is wrong with a
// filing, not with the filing's size: a filing at the decoder's limits
// (1 000 services of 1 000 domains) gives a report of a few hundred KB.
const (
	// DefaultMaxViolations is how many violations a report lists unless
	// WithMaxViolations says otherwise.
	DefaultMaxViolations = 1000
	// maxUndecidedPaths is how many paths an undecided entry lists without
	// AllUndecided.
	maxUndecidedPaths = 10
	// maxRuleErrors is how many rule errors a report lists.
	maxRuleErrors = 100
)

// report builds the report of a filing from what its rules found: the
// violations in path order, then by rule, rendered in the call's language
// up to the bound; the undecided entries grouped by rule and reason.
func (v *Validator) report(f *model.Filing, res *rules.Result, c call) *Report {
	r := &Report{OK: true, Province: string(f.Province), RulesVersion: v.version, Violations: []Violation{}}
	findings := res.Findings
	slices.SortStableFunc(findings, func(a, b rules.Finding) int {
		if c := comparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Rule.ID, b.Rule.ID)
	})
	for k, fd := range findings {
		if fd.Rule.Severity == rules.SeverityError {
			r.OK = false
		}
		if k >= v.maxViolations {
			r.truncate(fd.Rule.Severity)
			continue
		}
		province := ""
		if _, ok := model.Province(fd.Rule.Scope).Info(); ok {
			province = fd.Rule.Scope
		}
		r.Violations = append(r.Violations, Violation{
			Rule:     fd.Rule.ID,
			Severity: fd.Rule.Severity,
			Path:     fd.Path,
			Province: province,
			Category: fd.Rule.Category,
			Message:  fd.Message(c.lang),
			Fix:      fd.Fix(c.lang),
			Source:   fd.Rule.Source(),
		})
	}
	r.Undecided = groupUndecided(res.Undecided, c.lang, c.allUndecided)
	for k, e := range res.Errors {
		r.OK = false
		if k >= maxRuleErrors {
			if r.Truncated == nil {
				r.Truncated = &Truncated{}
			}
			r.Truncated.RuleErrors++
			continue
		}
		r.Errors = append(r.Errors, RuleError{Rule: e.Rule, Path: e.Path, Message: e.Err.Error()})
	}
	return r
}

func (r *Report) truncate(s Severity) {
	if r.Truncated == nil {
		r.Truncated = &Truncated{}
	}
	switch s {
	case SeverityError:
		r.Truncated.Errors++
	case SeverityWarning:
		r.Truncated.Warnings++
	default:
		r.Truncated.Infos++
	}
}

// groupUndecided makes one entry of each rule and reason, at its first
// path, with the count and the first paths (all with all), in path order.
func groupUndecided(us []rules.Undecided, l Language, all bool) []Undecided {
	if len(us) == 0 {
		return nil
	}
	type key struct{ rule, reason string }
	index := map[key]int{}
	var out []Undecided
	for _, u := range us {
		k := key{u.Rule.ID, u.Reason(l)}
		i, seen := index[k]
		if !seen {
			index[k] = len(out)
			out = append(out, Undecided{Rule: k.rule, Path: u.Path, Reason: k.reason, Count: 1})
			continue
		}
		g := &out[i]
		if g.Count == 1 {
			g.Paths = append(g.Paths, g.Path)
		}
		g.Count++
		if all || len(g.Paths) < maxUndecidedPaths {
			g.Paths = append(g.Paths, u.Path)
		}
	}
	for i := range out {
		slices.SortStableFunc(out[i].Paths, comparePaths)
		if len(out[i].Paths) > 0 {
			out[i].Path = out[i].Paths[0]
		}
		if out[i].Count == 1 {
			out[i].Count = 0 // one place: path says it all
		}
	}
	slices.SortStableFunc(out, func(a, b Undecided) int {
		if c := comparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}
