package main

import (
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/validate"
)

// ruleIDs asks for the rules at target and returns them by id.
func ruleIDs(t *testing.T, h http.Handler, target string) map[string]validate.RuleSummary {
	t.Helper()
	rec := get(target).serve(t, h)
	list := decodeBody[[]validate.RuleSummary](t, rec, http.StatusOK)
	if vary := rec.Header().Get("Vary"); vary != "Accept-Language" {
		t.Errorf("%s: Vary %q, want Accept-Language", target, vary)
	}
	byID := map[string]validate.RuleSummary{}
	for _, r := range list {
		byID[r.ID] = r
	}
	return byID
}

func TestRules(t *testing.T) {
	h := newTestHandler(t, testLimits)
	all := ruleIDs(t, h, "/v1/rules")
	ofScopes := func(scopes ...string) []string {
		var ids []string
		for id, r := range all {
			if slices.Contains(scopes, r.Scope) {
				ids = append(ids, id)
			}
		}
		return ids
	}
	keys := func(m map[string]validate.RuleSummary) []string {
		var ids []string
		for id := range m {
			ids = append(ids, id)
		}
		return ids
	}
	sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	for _, tt := range []struct {
		query  string
		scopes []string
	}{
		{"scope=hunan", []string{"hunan"}},
		{"scope=" + url.QueryEscape("湖南"), []string{"hunan"}},
		{"scope=" + url.QueryEscape("湖南省"), []string{"hunan"}},
		{"scope=43", []string{"hunan"}},
		{"scope=Hunan", []string{"hunan"}},
		{"scope=national&scope=" + url.QueryEscape("内蒙古自治区"), []string{"national", "neimenggu"}},
		{"scope=huaweicloud", []string{"huaweicloud"}},
	} {
		got := keys(ruleIDs(t, h, "/v1/rules?"+tt.query))
		want := ofScopes(tt.scopes...)
		if len(want) == 0 {
			t.Fatalf("no rule has scope %v", tt.scopes)
		}
		if diff := cmp.Diff(want, got, sorted); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.query, diff)
		}
	}

	const id = "hunan.one-service-per-submission"
	zh, en := all[id], ruleIDs(t, h, "/v1/rules?lang=en")[id]
	if zh.Title == "" || zh.Title == en.Title {
		t.Errorf("titles of %s: zh %q, en %q; want two different ones", id, zh.Title, en.Title)
	}
	want := validate.RuleSummary{ID: id, Scope: "hunan", Severity: "error", Category: "one-service", Path: "services", Patterns: []string{"services"}, Title: en.Title, Source: zh.Source}
	if diff := cmp.Diff(want, en); diff != "" || zh.Source == "" {
		t.Errorf("en entry (-want +got):\n%s\nwith a source %q", diff, zh.Source)
	}
}

func TestRulesBadRequests(t *testing.T) {
	h := newTestHandler(t, testLimits)
	for _, tt := range []struct{ target, want string }{
		{"/v1/rules?scope=" + url.QueryEscape("香港"), "scope「香港」不是省份,也不是 huaweicloud, national 之一"},
		{"/v1/rules?scope=hunnan&lang=en", `scope "hunnan" is neither a province nor one of huaweicloud, national`},
		{"/v1/rules?scopes=hunan&lang=en", `unknown query parameter "scopes"; this endpoint accepts: lang, scope`},
		{"/v1/rules?lang=fr", "查询参数 lang 的值「fr」无效,应为 zh 或 en"},
		{"/v1/rules?lang=en&lang=zh", `query parameter "lang" is given more than once`},
	} {
		got := errorBody(t, get(tt.target).serve(t, h), http.StatusBadRequest)
		if diff := cmp.Diff(validate.InputError{Message: tt.want}, got); diff != "" {
			t.Errorf("%s: error body (-want +got):\n%s", tt.target, diff)
		}
	}
}
