package validate_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/validate"
)

// FuzzDisabledRemovesOnlyThatRule checks that WithDisabled(id) takes out
// that rule's entries (violations, undecided, errors) and changes nothing
// else. The fuzzer's index picks the rule among those that have entries in
// the filing's report or supersede another rule of the filing's scopes,
// where disabling can go wrong and where the picks of many inputs share a
// few validators; an index with its top bit set picks among all rules
// (disabling a rule that never runs must change nothing either).
//
// The one exception is documented by Set.Evaluate: a rule R that
// supersedes a rule X takes X's place at the paths where R applied, so
// with R disabled X's entries there come back. For such an X the report
// with R disabled must hold exactly X's raw entries, the ones X gives with
// nothing superseding it; those come from a validator of the national
// rule files alone, in which no rule supersedes another. Where another
// rule of the filing's scopes supersedes X too, the paths where it applied
// cannot be seen from outside, so X's entries are only bounded: at least
// those of the full report, at most the raw ones; an X outside the
// national rules, whose raw entries no validator gives independently, is
// bounded below only.
//
// Every validator lists all violations (no truncation) and every undecided
// path. A filing whose full report has rule errors is skipped: a spent call
// budget couples the rules, so that one rule fewer lets another run.
func FuzzDisabledRemovesOnlyThatRule(f *testing.F) {
	opts := []validate.Option{validate.WithDate("2026-03-02"), validate.WithMaxViolations(math.MaxInt32)}
	full, err := validate.New(opts...)
	if err != nil {
		f.Fatal(err)
	}
	for _, data := range fuzzFilingSeeds(f) {
		f.Add(data, uint16(0x8000)) // the first of all rules: one validator for all these seeds
	}
	// Filings with a rule that supersedes another: where its place is taken
	// exactly, where two rules of a province supersede one national rule,
	// where a reminder names a warning it does not supersede, and where the
	// superseded rule is a province's own.
	for _, seed := range []struct{ file, rule string }{
		{"guizhou-principal-not-legal-rep.yaml", "guizhou.subject-principal-legal-rep"},
		{"shanghai-certificates-expiring.yaml", "shanghai.document-validity.principal-certificate"},
		{"jiangsu-personal-blog.yaml", "jiangsu.personal-name-form"},
		{"guangxi-clean.yaml", "guangxi.subject-principal-legal-rep"},
		{"sichuan-six-domains-no-statement.json", "sichuan.one-domain-per-site"},
		{"shanghai-clean.yaml", "shanghai.name.news-network"},
	} {
		data, err := os.ReadFile(filepath.Join("../examples/filings", seed.file))
		if err != nil {
			f.Fatal(err)
		}
		filing, err := model.DecodeFile(seed.file, data)
		if err != nil {
			f.Fatal(err)
		}
		report, err := full.Validate(context.Background(), filing)
		if err != nil {
			f.Fatal(err)
		}
		k := slices.IndexFunc(pickable(full.Rules(), filing, report), func(r *rules.Rule) bool { return r.ID == seed.rule })
		if k < 0 {
			f.Fatalf("seed %s: rule %s is not one the index picks from", seed.file, seed.rule)
		}
		f.Add(data, uint16(k))
	}
	raw := nationalOnly(f, opts)
	all := full.Rules()
	// supersededBy maps a rule to the rules that take its place, as the
	// engine counts them: a reminder (info) supersedes only reminders.
	severity := map[string]rules.Severity{}
	for _, r := range all {
		severity[r.ID] = r.Severity
	}
	supersededBy := map[string][]*rules.Rule{}
	for _, r := range all {
		for _, id := range r.Supersedes {
			if r.Severity != rules.SeverityInfo || severity[id] == rules.SeverityInfo {
				supersededBy[id] = append(supersededBy[id], r)
			}
		}
	}
	without := &validatorsWithout{opts: opts, byRule: map[string]*validate.Validator{}}
	f.Fuzz(func(t *testing.T, data []byte, index uint16) {
		for _, decode := range fuzzDecoders {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			want, wantErr := full.Validate(context.Background(), filing, validate.AllUndecided())
			candidates := all
			if index&0x8000 == 0 && wantErr == nil {
				candidates = pickable(all, filing, want)
			}
			r := candidates[int(index&0x7fff)%len(candidates)]
			got, gotErr := without.get(t, r.ID).Validate(context.Background(), filing, validate.AllUndecided())
			if errText(wantErr) != errText(gotErr) {
				t.Fatalf("with %s disabled the error is %v, without it %v", r.ID, gotErr, wantErr)
			}
			if wantErr != nil || len(want.Errors) > 0 {
				continue
			}
			if got.Province != want.Province || got.Truncated != nil {
				t.Errorf("with %s disabled: province %q, truncated %+v; want %q and nil", r.ID, got.Province, got.Truncated, want.Province)
			}
			hasError := slices.ContainsFunc(got.Violations, func(x validate.Violation) bool { return x.Severity == validate.SeverityError })
			if got.OK == (hasError || len(got.Errors) > 0) {
				t.Errorf("with %s disabled: ok = %v with violations %+v", r.ID, got.OK, got.Violations)
			}
			// Every rule but R and the rules R supersedes: the same entries
			// in the same order.
			restored := map[string]bool{}
			for _, x := range supersededByRule(supersededBy, r.ID) {
				restored[x] = true
			}
			others := func(e reportEntry) bool { return e.rule != r.ID && !restored[e.rule] }
			if diff := cmp.Diff(filterEntries(reportEntries(want), others), filterEntries(reportEntries(got), others), cmp.AllowUnexported(reportEntry{})); diff != "" {
				t.Fatalf("disabling %s changed other rules' entries (-all rules +%s disabled):\n%s", r.ID, r.ID, diff)
			}
			for x := range restored {
				checkRestored(t, r, x, filing, want, got, raw, supersededBy[x])
			}
		}
	})
}

// pickable lists the rules, of all, that have an entry in the report of
// filing or supersede another and are of its scopes (national, its province
// or its provider); all when there are none.
func pickable(all []*rules.Rule, filing *model.Filing, report *validate.Report) []*rules.Rule {
	inReport := map[string]bool{}
	for _, e := range reportEntries(report) {
		inReport[e.rule] = true
	}
	scopes := []string{"national", string(filing.Province), filing.Provider}
	var out []*rules.Rule
	for _, r := range all {
		if inReport[r.ID] || len(r.Supersedes) > 0 && slices.Contains(scopes, r.Scope) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// checkRestored checks the entries of x, which r supersedes, in got (r
// disabled) against want (every rule) and the raw entries of x.
func checkRestored(t *testing.T, r *rules.Rule, x string, filing *model.Filing, want, got *validate.Report, raw *validate.Validator, superseders []*rules.Rule) {
	t.Helper()
	of := func(e reportEntry) bool { return e.rule == x }
	wantX, gotX := filterEntries(reportEntries(want), of), filterEntries(reportEntries(got), of)
	if missing := entriesMinus(wantX, gotX); len(missing) > 0 {
		t.Fatalf("disabling %s took away entries of %s, which it supersedes: %+v", r.ID, x, missing)
	}
	if !slices.ContainsFunc(raw.Rules(), func(rr *rules.Rule) bool { return rr.ID == x }) {
		return
	}
	rawReport, err := raw.Validate(context.Background(), filing, validate.AllUndecided())
	if err != nil {
		t.Fatalf("the national rules alone: %v", err)
	}
	if len(rawReport.Errors) > 0 {
		return
	}
	rawX := filterEntries(reportEntries(rawReport), of)
	if extra := entriesMinus(gotX, rawX); len(extra) > 0 {
		t.Fatalf("with %s disabled, %s has entries it does not have on its own: %+v", r.ID, x, extra)
	}
	scopes := []string{"national", string(filing.Province), filing.Provider}
	for _, s := range superseders {
		if s.ID != r.ID && slices.Contains(scopes, s.Scope) {
			return // s may have taken x's place anywhere: bounds only
		}
	}
	if missing := entriesMinus(rawX, gotX); len(missing) > 0 {
		t.Fatalf("with %s disabled, nothing supersedes %s, yet these of its entries are missing: %+v", r.ID, x, missing)
	}
}

// supersededByRule lists the rules that r takes the place of.
func supersededByRule(supersededBy map[string][]*rules.Rule, r string) []string {
	var out []string
	for x, by := range supersededBy {
		if slices.ContainsFunc(by, func(s *rules.Rule) bool { return s.ID == r }) {
			out = append(out, x)
		}
	}
	return out
}

// nationalOnly is a validator of the embedded rule files of scope national
// and nothing else; no rule there may supersede another, so that it gives
// each national rule's entries as they are before any supersedes.
func nationalOnly(f *testing.F, opts []validate.Option) *validate.Validator {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		f.Fatal(err)
	}
	var names []string
	for _, file := range files {
		if file.Scope == "national" {
			names = append(names, file.Name)
		}
	}
	v, err := validate.New(append([]validate.Option{validate.WithoutEmbeddedRules(), validate.WithRules(provinces.FS(), names...)}, opts...)...)
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range v.Rules() {
		if len(r.Supersedes) > 0 {
			f.Fatalf("national rule %s supersedes %v: the national rules alone no longer give raw entries", r.ID, r.Supersedes)
		}
	}
	return v
}

// validatorsWithout keeps a validator for each disabled rule, compiling
// lazily; a fuzzing process holds at most 16, as each compiles the scopes
// it checks.
type validatorsWithout struct {
	opts   []validate.Option
	mu     sync.Mutex
	byRule map[string]*validate.Validator
	order  []string
}

func (c *validatorsWithout) get(t *testing.T, id string) *validate.Validator {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.byRule[id]; ok {
		return v
	}
	v, err := validate.New(append([]validate.Option{validate.WithDisabled(id)}, c.opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.order) == 16 {
		delete(c.byRule, c.order[0])
		c.order = c.order[1:]
	}
	c.byRule[id] = v
	c.order = append(c.order, id)
	return v
}

// reportEntry is one entry of a report: a violation, one path of an
// undecided rule, or a rule error; text holds the rest of it.
type reportEntry struct {
	kind, rule, path, text string
}

// reportEntries lists a report's entries in its order.
func reportEntries(r *validate.Report) []reportEntry {
	var out []reportEntry
	for _, v := range r.Violations {
		out = append(out, reportEntry{"violation", v.Rule, v.Path, strings.Join([]string{string(v.Severity), v.Province, v.Category, v.Message, v.Fix, v.Source}, "\n")})
	}
	for _, u := range r.Undecided {
		paths := u.Paths
		if len(paths) == 0 {
			paths = []string{u.Path}
		}
		for _, p := range paths {
			out = append(out, reportEntry{"undecided", u.Rule, p, u.Reason})
		}
	}
	for _, e := range r.Errors {
		out = append(out, reportEntry{"error", e.Rule, e.Path, e.Message})
	}
	return out
}

func filterEntries(es []reportEntry, keep func(reportEntry) bool) []reportEntry {
	var out []reportEntry
	for _, e := range es {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// entriesMinus is a with each entry of b taken out once.
func entriesMinus(a, b []reportEntry) []reportEntry {
	left := map[reportEntry]int{}
	for _, e := range b {
		left[e]++
	}
	var out []reportEntry
	for _, e := range a {
		if left[e] > 0 {
			left[e]--
			continue
		}
		out = append(out, e)
	}
	return out
}
