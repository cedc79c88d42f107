package validate

import (
	"strconv"
	"strings"

	"github.com/icpcheck/icpcheck/rules"
)

// Report is what validation returns, in the wire format's shape.
type Report struct {
	// OK is true when no violation has severity error and every rule
	// that applied could be evaluated (Errors is empty).
	OK       bool   `json:"ok"`
	Province string `json:"province"`
	// RulesVersion names the rule set that judged the filing (see
	// Validator.RulesVersion), so that a stored verdict can be traced to
	// the rules that gave it.
	RulesVersion string `json:"rules_version"`
	// Violations are sorted by path, then rule, so that the same input gives
	// byte-identical output.
	Violations []Violation `json:"violations"`
	// Undecided lists the rules that applied but could not decide for lack
	// of a fact, one entry per rule and reason; a rule never guesses.
	Undecided []Undecided `json:"undecided,omitempty"`
	// Errors lists the rules whose evaluation failed. The rest of the
	// report stands, but it is not a verdict: OK is false.
	Errors []RuleError `json:"errors,omitempty"`
	// Truncated says what the report left out to stay within its bounds
	// (see WithMaxViolations); nil when it holds everything.
	Truncated *Truncated `json:"truncated,omitempty"`
}

// Truncated counts what a report left out: the violations after the
// first MaxViolations, by severity, and rule errors after the first 100.
// OK and Counts take them into account.
type Truncated struct {
	Errors     int `json:"errors,omitempty"`
	Warnings   int `json:"warnings,omitempty"`
	Infos      int `json:"infos,omitempty"`
	RuleErrors int `json:"rule_errors,omitempty"`
}

// Severity says how sure a violation is to get the filing rejected.
type Severity = rules.Severity

// The severities, from most to least serious.
const (
	SeverityError   = rules.SeverityError
	SeverityWarning = rules.SeverityWarning
	SeverityInfo    = rules.SeverityInfo
)

// Violation is one rule that fired, at one path of the filing.
type Violation struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Province string   `json:"province"`
	// Category says what kind of rule fired; "required" marks a value the
	// filing must hold and does not, which a form can show as "still to
	// fill".
	Category string `json:"category"`
	Message  string `json:"message"`
	// Fix says what the applicant should change, in the report's language.
	Fix    string `json:"fix,omitempty"`
	Source string `json:"source"`
}

// RuleError is a rule whose evaluation failed at a path.
type RuleError struct {
	Rule    string `json:"rule"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// Undecided is a rule that could not decide, and why, with where: Path is
// the first place, Count how many there are, and Paths the first of them
// (all of them with the call option AllUndecided) when there are several.
type Undecided struct {
	Rule   string   `json:"rule"`
	Path   string   `json:"path,omitempty"`
	Reason string   `json:"reason"`
	Count  int      `json:"count,omitempty"`
	Paths  []string `json:"paths,omitempty"`
}

// Counts returns how many violations have each severity.
func (r *Report) Counts() (errors, warnings, infos int) {
	for _, v := range r.Violations {
		switch v.Severity {
		case SeverityError:
			errors++
		case SeverityWarning:
			warnings++
		default:
			infos++
		}
	}
	if t := r.Truncated; t != nil {
		errors, warnings, infos = errors+t.Errors, warnings+t.Warnings, infos+t.Infos
	}
	return errors, warnings, infos
}

// comparePaths orders key paths with list indexes compared as numbers, so
// services[2] comes before services[10].
func comparePaths(a, b string) int {
	// Skip the common prefix, backed up to the start of any number the
	// first difference falls in: sorting compares paths that mostly share
	// a long start, such as services[3].domains[1] and services[3].name.
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	for k > 0 && a[k-1] >= '0' && a[k-1] <= '9' {
		k--
	}
	a, b = a[k:], b[k:]
	for a != "" && b != "" {
		na, ra := leadingNumber(a)
		nb, rb := leadingNumber(b)
		if na >= 0 && nb >= 0 {
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return strings.Compare(a, b)
}

// leadingNumber returns the decimal number at the start of s and the rest,
// or -1 when s does not start with a digit.
func leadingNumber(s string) (int, string) {
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return -1, s
	}
	n, err := strconv.Atoi(s[:end])
	if err != nil {
		return -1, s
	}
	return n, s[end:]
}
