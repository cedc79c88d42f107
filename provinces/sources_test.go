package provinces_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// Every province's file says what it was reconciled with: UCloud's page
// for the province and at least one other provider's, as issue 15 asks;
// and the baseline and every provider layer say it in one of their files.
// The loader accepts a file without reconciled_with, so this test is what
// refuses one.
func TestEveryScopeIsReconciled(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	publishers := map[string][]string{}
	for _, f := range files {
		for _, s := range f.ReconciledWith {
			if !slices.Contains(publishers[f.Scope], s.Publisher) {
				publishers[f.Scope] = append(publishers[f.Scope], s.Publisher)
			}
		}
		isProvince := slices.ContainsFunc(model.Provinces(), func(p model.ProvinceInfo) bool { return string(p.Slug) == f.Scope })
		if isProvince && len(f.ReconciledWith) == 0 {
			t.Errorf("%s: a province's file has no reconciled_with", f.Name)
		}
	}
	for _, scope := range append([]string{"national"}, provinces.Providers()...) {
		if len(publishers[scope]) == 0 {
			t.Errorf("no file of scope %s has a reconciled_with", scope)
		}
	}
	for _, p := range model.Provinces() {
		got := publishers[string(p.Slug)]
		if !slices.Contains(got, "UCloud") || len(got) < 2 {
			t.Errorf("%s is reconciled with %v; want UCloud and at least one other provider", p.Slug, got)
		}
	}
}

// undated lists the sources that have no retrieved date, as file, where
// in it, and publisher. The list may only shrink: the test fails on a new
// undated source and on an entry that is now dated or gone, so that it is
// struck off. Each needs the day its copy was read, or a standard's
// edition, from the rule files' maintainers; none is invented here.
var undated = []string{
	// National standards cited by number: GB 11643 (resident ID numbers),
	// GB 32100 (unified social credit codes).
	"anhui.yaml: apply sole-proprietor: SAC (national standard)",
	"shaanxi.yaml: apply sole-proprietor: SAC",
	"shanxi.yaml: shanxi.principals-local-id-number: SAC (national standard)",
	"shared.yaml: personal-local-id-number: SAC (national standard)",
	"shared.yaml: personal-residence-proof-id-number: SAC (national standard)",
	"zhejiang.yaml: apply sole-proprietor: SAC (national standard)",
	// Stored copies of Baidu AI Cloud pages that show no date, and a blog
	// post.
	"guangxi.yaml: apply mobile-locality: Baidu AI Cloud",
	"guangxi.yaml: reconciled_with: Baidu AI Cloud",
	"henan.yaml: henan.banned-name-words-unconfirmed: bkzhishi.com",
	"hubei.yaml: apply one-service-per-submission: Baidu AI Cloud",
	"hubei.yaml: reconciled_with: Baidu AI Cloud",
	"hunan.yaml: apply one-service-per-submission: Baidu AI Cloud",
	"hunan.yaml: reconciled_with: Baidu AI Cloud",
}

// Every source says when it was read. The loader accepts a source without
// a date, so this test is what refuses one (see undated).
func TestEverySourceIsDated(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	check := func(file, where string, ss rules.Sources) {
		for _, s := range ss {
			if s.Retrieved == "" {
				got = append(got, file+": "+where+": "+s.Publisher)
			}
		}
	}
	for _, f := range files {
		check(f.Name, "reconciled_with", f.ReconciledWith)
		for _, a := range f.Apply {
			check(f.Name, "apply "+a.Rule, a.Sources)
		}
		for _, r := range f.Rules {
			check(f.Name, r.ID, r.Sources)
		}
	}
	want := slices.Sorted(slices.Values(undated))
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources without a retrieved date (-known +found); date the new ones, strike the dated ones off undated:\n%s", diff)
	}
}
