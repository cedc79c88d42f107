package e2e

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// expectEntry waits for the rule's summary entry and checks it names the
// place as the filer knows it.
func expectEntry(t *testing.T, ctx context.Context, rule, where string) {
	t.Helper()
	waitFor(t, ctx, "the summary entry of "+rule, `document.querySelector('#summary .entry[data-rule="`+rule+`"]')`)
	for _, e := range summary(t, ctx) {
		if e.Rule == rule {
			if !strings.Contains(e.Where, where) {
				t.Errorf("entry of %s names %q, want %q", rule, e.Where, where)
			}
			return
		}
	}
}

// checkOneEntry checks that a fault at a person copied into a service is
// one summary entry naming both places, and one note beside the field the
// filer can edit.
func checkOneEntry(t *testing.T, ctx context.Context, rule, paths string, places ...string) {
	t.Helper()
	var mine []entry
	for _, e := range summary(t, ctx) {
		if e.Rule == rule {
			mine = append(mine, e)
		}
	}
	if len(mine) != 1 || mine[0].Paths != paths {
		t.Fatalf("entries of %s: %+v; want one for %s", rule, mine, paths)
	}
	for _, p := range places {
		if !strings.Contains(mine[0].Where, p) {
			t.Errorf("entry names %q; want it to name %q", mine[0].Where, p)
		}
	}
	var beside []string
	for _, n := range notes(t, ctx) {
		if n.Rule == rule {
			beside = append(beside, n.For)
		}
	}
	if !slices.Equal(beside, []string{"subject.principal.mobile"}) {
		t.Errorf("notes of %s beside %v; want one, beside subject.principal.mobile", rule, beside)
	}
}

// checkFixes checks that every problem that carries a fix shows it, in the
// summary and beside its field.
func checkFixes(t *testing.T, ctx context.Context) {
	t.Helper()
	var got struct {
		WithFix int
		Missing []string
	}
	eval(t, ctx, `(() => {
		const r = window.icpcheckPage.result();
		const withFix = r.violations.filter((v) => v.fix);
		const shown = (sel, v) => Array.from(document.querySelectorAll(sel)).some((el) => el.dataset.rule === v.rule && el.textContent.includes(v.fix));
		return {WithFix: withFix.length, Missing: withFix.filter((v) => !shown("#summary .entry", v) || !shown(".violation", v)).map((v) => v.rule)};
	})()`, &got)
	if len(got.Missing) > 0 {
		t.Errorf("fixes not shown for %v", got.Missing)
	}
	t.Logf("%d problems on the page carry a fix, each shown", got.WithFix)
}

// measureValidate times icpcheck.validate on the page's filing. Chromium
// coarsens performance.now() for pages that are not cross-origin isolated,
// so single calls show only the spread; means come from 200 calls timed as
// one batch. V8 first runs wasm from its baseline compiler and optimises
// hot functions in the background, so the batch is timed twice: right
// away, and again after 1000 more calls.
func measureValidate(t *testing.T, ctx context.Context) {
	var times []float64
	run(t, ctx, chromedp.Evaluate(`(() => { window.icpcheckTimings.validations = []; for (let i = 0; i < 50; i++) window.icpcheckPage.validateNow(); return window.icpcheckTimings.validations; })()`, &times))
	sort.Float64s(times)
	var batch struct {
		First float64 `json:"first"`
		Later float64 `json:"later"`
		Bytes int     `json:"bytes"`
	}
	run(t, ctx, chromedp.Evaluate(`(() => {
		const [text, options] = window.icpcheckPage.request();
		const mean = (n) => {
			const start = performance.now();
			for (let i = 0; i < n; i++) window.icpcheck.validate(text, options);
			return (performance.now() - start) / n;
		};
		const first = mean(200);
		mean(1000);
		return {first, later: mean(200), bytes: text.length};
	})()`, &batch))
	t.Logf("one icpcheck.validate call on the page's filing (%d characters of JSON): mean of 200 back to back %.3f ms, and %.3f ms after 1000 more; 50 single calls (with rendering): median %.2f ms, max %.2f ms",
		batch.Bytes, batch.First, batch.Later, times[len(times)/2], times[len(times)-1])
}

// expectVerdict waits for the verdict's state and checks its title.
func expectVerdict(t *testing.T, ctx context.Context, state, title string) {
	t.Helper()
	waitFor(t, ctx, "the verdict "+state, `document.querySelector("#verdict").dataset.state === `+jsString(state))
	var got string
	run(t, ctx, chromedp.Text("#verdict-title", &got, chromedp.ByQuery))
	if !strings.HasPrefix(got, title) {
		t.Errorf("verdict %q, want %q", got, title)
	}
}

// expectClean waits until the form's filing is checked and checks that
// nothing is shown beside a field and the verdict is ok, in the page's
// language.
func expectClean(t *testing.T, ctx context.Context, ok string) {
	t.Helper()
	expectVerdict(t, ctx, "ok", ok)
	var got struct {
		Violations []struct{ Rule, Path string }
		Errors     []struct{ Rule string }
	}
	eval(t, ctx, `window.icpcheckPage.result()`, &got)
	if len(got.Violations) > 0 || len(got.Errors) > 0 {
		t.Errorf("the complete filing: violations %+v, rule errors %+v", got.Violations, got.Errors)
	}
	if n := notes(t, ctx); len(n) > 0 {
		t.Errorf("the complete filing shows notes beside fields: %+v", n)
	}
}

// onlyQuoted checks that every Han character of an English text is one of
// the filing's values, so that the text itself is wholly English.
func onlyQuoted(t *testing.T, text string, values ...string) {
	t.Helper()
	for _, r := range text {
		if r >= 0x2E80 && !slices.ContainsFunc(values, func(v string) bool { return strings.ContainsRune(v, r) }) {
			t.Errorf("English text %q holds %q, which is in no value of the filing", text, r)
			return
		}
	}
}

// checkRequiredInputs checks that each path a required rule names
// (icpcheck.fields, index 0 for [*]) has a visible field of that path,
// marked required, on a form with an APP service and one row in each of
// its lists. A few paths are typed in a visible field of a shorter path:
// the icon is its format, a service's domains are typed one per line, and
// each material is a tick box of its kind.
func checkRequiredInputs(t *testing.T, ctx context.Context, province string) {
	t.Helper()
	var got struct {
		Patterns []string
		Missing  []string
	}
	eval(t, ctx, `(() => {
		const standIn = {"services[0].icon.format": "services[0].icon", "services[0].domains[0]": "services[0].domains", "materials[0].kind": "materials"};
		const patterns = [...new Set(icpcheck.fields(`+jsString(province)+`).flatMap((f) => f.patterns))];
		const missing = patterns.filter((p) => {
			const path = p.replaceAll("[*]", "[0]");
			const el = document.querySelector('[data-path="' + (standIn[path] ?? path) + '"]');
			return !el || el.offsetParent === null || !(path in standIn || el.classList.contains("req"));
		});
		return {Patterns: patterns, Missing: missing};
	})()`, &got)
	if len(got.Patterns) == 0 {
		t.Fatalf("icpcheck.fields(%q) lists no required field", province)
	}
	if len(got.Missing) > 0 {
		t.Errorf("required paths without a visible field marked required: %v", got.Missing)
	}
	t.Logf("the %d paths the required rules name in %s each have a field on the form", len(got.Patterns), province)
}
