package ruletable

import (
	"fmt"
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// scopeView is one scope as the reconciliation shows it: what its files
// were compared with, its rules, and the conflicts their notes record.
type scopeView struct {
	name       string
	reconciled rules.Sources // every file's reconciled_with, in file order
	rules      []*rules.Rule // sorted by id
	conflicts  []conflict
}

// views gathers each scope of the table, in its order; the shared file is
// no scope of its own, its rules being shown where a province applies them.
func views(d Data) []scopeView {
	list, all := scopes(d.Rules)
	at := map[string]int{}
	out := make([]scopeView, len(list))
	for i, s := range list {
		at[s] = i
		out[i].name = s
	}
	for _, f := range d.Files {
		if i, ok := at[f.Scope]; ok {
			out[i].reconciled = append(out[i].reconciled, f.ReconciledWith...)
		}
	}
	for _, r := range all {
		i := at[r.Scope]
		out[i].rules = append(out[i].rules, r)
	}
	for i := range out {
		out[i].conflicts = conflicts(out[i].rules)
	}
	return out
}

// Reconciliation renders a line per scope with its counts and dates, then
// each scope in full: what its files were reconciled with, its rules by
// requirement family with whose pages they follow and how old, the national
// rules it replaces, and the conflicts its notes record.
func Reconciliation(d Data) string {
	vs := views(d)
	byID := map[string]*rules.Rule{}
	for _, r := range d.Rules {
		byID[r.ID] = r
	}
	var b strings.Builder
	b.WriteString("For each scope: the providers' pages its file was last compared with (`reconciled_with`), " +
		"its rules by requirement family with the publishers and dates of the sources each follows, " +
		"where a province replaces a national rule, and the conflicts the rules' notes record. " +
		"The national rules apply in every province and are listed once, under national. " +
		"*Sources* counts the distinct pages a scope's rules cite and its files were reconciled with " +
		"(in brackets those without a date); *oldest* and *newest* are their dates.\n\n")
	b.WriteString(conflictCriterion)
	b.WriteString("\n| scope | rules (error / warning / info) | sources (undated) | oldest | newest | reconciled with | conflicts (open) |\n" +
		"| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, v := range vs {
		summaryLine(&b, v)
	}
	for _, v := range vs {
		b.WriteString("\n### " + v.name + "\n")
		reconciledWith(&b, v)
		families(&b, v)
		replaced(&b, v, byID)
		conflictList(&b, v)
	}
	return b.String()
}

func summaryLine(b *strings.Builder, v scopeView) {
	count := map[rules.Severity]int{}
	var cited rules.Sources
	for _, r := range v.rules {
		count[r.Severity]++
		cited = append(cited, r.Sources...)
	}
	all := distinct(append(cited, v.reconciled...))
	oldest, newest, undated := dateRange(all)
	var with []string
	for _, s := range v.reconciled {
		if !slices.Contains(with, s.Publisher) {
			with = append(with, s.Publisher)
		}
	}
	slices.Sort(with)
	open := 0
	for _, c := range v.conflicts {
		if c.state == "open" {
			open++
		}
	}
	fmt.Fprintf(b, "| [%s](#%s) | %d (%d / %d / %d) | %d (%d) | %s | %s | %s | %d (%d) |\n",
		v.name, v.name, len(v.rules), count[rules.SeverityError], count[rules.SeverityWarning], count[rules.SeverityInfo],
		len(all), undated, orDash(string(oldest)), orDash(string(newest)), orDash(escape(strings.Join(with, ", "))), len(v.conflicts), open)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// reconciledWith lists the pages the scope's files were compared with.
func reconciledWith(b *strings.Builder, v scopeView) {
	if len(v.reconciled) == 0 {
		b.WriteString("\nReconciled with: nothing recorded.\n")
		return
	}
	b.WriteString("\nReconciled with:\n\n")
	for _, s := range v.reconciled {
		page := escape(strings.TrimSpace(s.Document + " " + s.Section))
		switch {
		case page == "":
			page = "<" + s.URL + ">"
		case s.URL != "":
			page = "[" + page + "](" + s.URL + ")"
		}
		fmt.Fprintf(b, "- %s: %s, %s\n", escape(s.Publisher), page, orUndated(s.Retrieved))
	}
}

func orUndated(d model.Date) string {
	if d == "" {
		return "undated"
	}
	return string(d)
}

// families renders the scope's rules grouped by category, in the order of
// rules.Categories, each with whose pages it follows and how old they are.
func families(b *strings.Builder, v scopeView) {
	if len(v.rules) == 0 {
		b.WriteString("\nNo rules of its own: the national rules apply.\n")
		return
	}
	rank := func(c string) int {
		if i := slices.Index(rules.Categories(), c); i >= 0 {
			return i
		}
		return len(rules.Categories())
	}
	rs := slices.Clone(v.rules)
	slices.SortStableFunc(rs, func(a, b *rules.Rule) int {
		if d := rank(a.Category) - rank(b.Category); d != 0 {
			return d
		}
		return strings.Compare(a.Category, b.Category)
	})
	b.WriteString("\n| family | rule | severity | what it does | sources |\n| --- | --- | --- | --- | --- |\n")
	for i, r := range rs {
		family := r.Category
		if i > 0 && rs[i-1].Category == family {
			family = ""
		}
		what := r.Render(r.Title, model.English)
		if f := inForce(r); f != "always" {
			what += " (" + f + ")"
		}
		fmt.Fprintf(b, "| %s | `%s` | %s | %s | %s |\n", family, r.ID, r.Severity, escape(what), escape(publishers(r.Sources)))
	}
}

// replaced lists the national rules that the scope's rules take the place
// of, which is where the scope departs from the baseline. A reminder
// replaces only reminders (see rules.Rule.Supersedes), so a reminder's
// claim on a warning or an error is left out: the national rule applies.
func replaced(b *strings.Builder, v scopeView, byID map[string]*rules.Rule) {
	by := map[string][]string{}
	for _, r := range v.rules {
		for _, id := range r.Supersedes {
			n := byID[id]
			if n == nil || n.Scope != "national" || r.Severity == rules.SeverityInfo && n.Severity != rules.SeverityInfo {
				continue
			}
			by[id] = append(by[id], "`"+r.ID+"`")
		}
	}
	if len(by) == 0 {
		return
	}
	b.WriteString("\nReplaces national rules:\n\n")
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		n := byID[id]
		fmt.Fprintf(b, "- `%s` (%s: %s) by %s\n", id, n.Severity, escape(n.Render(n.Title, model.English)), strings.Join(by[id], ", "))
	}
}

// conflictList lists the conflicts the scope's notes record, each with
// its notes shortened.
func conflictList(b *strings.Builder, v scopeView) {
	if len(v.conflicts) == 0 {
		b.WriteString("\nConflicts: none recorded in the notes.\n")
		return
	}
	b.WriteString("\nConflicts:\n\n")
	for _, c := range v.conflicts {
		label := string(c.rule.Severity)
		if c.state != "" {
			label += ", " + c.state
		}
		fmt.Fprintf(b, "- `%s` (%s): %s\n", c.rule.ID, label, escape(trimNote(ownNotes(c.rule), noteLimit)))
	}
}
