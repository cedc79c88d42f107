package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/validate"
)

// testValidator compiles the embedded rules once for all tests.
var testValidator = sync.OnceValues(func() (*validate.Validator, error) { return validate.New() })

func newTestHandler(t *testing.T, maxBytes int64) http.Handler {
	t.Helper()
	v, err := testValidator()
	if err != nil {
		t.Fatal(err)
	}
	return newHandler(v, maxBytes)
}

func readFiling(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../filings/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// request describes one request to the handler.
type request struct {
	method, target string
	header         map[string]string
	body           string
}

func (rq request) serve(t *testing.T, h http.Handler) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(rq.method, rq.target, strings.NewReader(rq.body))
	for k, v := range rq.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func postYAML(target, body string) request {
	return request{method: http.MethodPost, target: target, header: map[string]string{"Content-Type": "application/yaml"}, body: body}
}

func postJSON(target, body string) request {
	return request{method: http.MethodPost, target: target, header: map[string]string{"Content-Type": "application/json"}, body: body}
}

// decodeBody checks the status and the JSON content type and decodes the body.
func decodeBody[T any](t *testing.T, rec *httptest.ResponseRecorder, wantStatus int) T {
	t.Helper()
	if rec.Code != wantStatus {
		t.Fatalf("status %d, want %d; body: %s", rec.Code, wantStatus, rec.Body)
	}
	if ct, want := rec.Header().Get("Content-Type"), "application/json; charset=utf-8"; ct != want {
		t.Errorf("Content-Type %q, want %q", ct, want)
	}
	var v T
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("body is not the expected JSON: %v", err)
	}
	return v
}

func TestValidateExampleFilings(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	clean := decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, h), http.StatusOK)
	if !clean.OK || clean.Province != "hunan" {
		t.Errorf("hunan-clean.yaml: ok %v, province %q; want true, hunan; violations: %+v", clean.OK, clean.Province, clean.Violations)
	}

	banned := decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "henan-banned-name.yaml")).serve(t, h), http.StatusOK)
	if banned.OK {
		t.Error("henan-banned-name.yaml: ok true, want false")
	}
	type at struct{ Rule, Path string }
	var got []at
	for _, v := range banned.Violations {
		if v.Severity == "error" {
			got = append(got, at{v.Rule, v.Path})
		}
	}
	want := []at{{"henan.banned-name-words", "services[0].name"}, {"national.name.personal-banned-words", "services[0].name"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("henan-banned-name.yaml error violations (-want +got):\n%s", diff)
	}
}

func TestValidateLanguage(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	filing := readFiling(t, "henan-banned-name.yaml")
	english := func(rq request) request { rq.header["Accept-Language"] = "en-US,en;q=0.9"; return rq }
	tests := []struct {
		name       string
		rq         request
		wantPrefix string
	}{
		{"default", postYAML("/v1/validate", filing), "网站名称"},
		{"query", postYAML("/v1/validate?lang=en", filing), "website name"},
		{"header", english(postYAML("/v1/validate", filing)), "website name"},
		{"query wins", english(postYAML("/v1/validate?lang=zh", filing)), "网站名称"},
		{"malformed header ignored", func() request {
			rq := postYAML("/v1/validate", filing)
			rq.header["Accept-Language"] = "en;q=nonsense"
			return rq
		}(), "网站名称"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report := decodeBody[validate.Report](t, tt.rq.serve(t, h), http.StatusOK)
			if len(report.Violations) == 0 {
				t.Fatal("no violations")
			}
			if msg := report.Violations[0].Message; !strings.HasPrefix(msg, tt.wantPrefix) {
				t.Errorf("message %q, want it to start with %q", msg, tt.wantPrefix)
			}
		})
	}
}

func TestValidateBadRequests(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	tests := []struct {
		name       string
		rq         request
		wantStatus int
		want       errorBody // Error is checked to contain want.Error
	}{
		{"unknown key", postJSON("/v1/validate", "{\"type\": \"first_filing\",\n  \"provnce\": \"hunan\"}"),
			http.StatusBadRequest, errorBody{Error: `unknown key "provnce"`, Path: "provnce", Line: 2, Column: 3}},
		{"number for mobile in JSON", postJSON("/v1/validate", `{"subject": {"principal": {"mobile": 13800138000}}}`),
			http.StatusBadRequest, errorBody{Error: "expected a string, got number", Path: "subject.principal.mobile", Line: 1, Column: 38}},
		{"tagged number for mobile in YAML", postYAML("/v1/validate", "subject:\n  principal:\n    mobile: !!int 13800138000\n"),
			http.StatusBadRequest, errorBody{Error: "expected a string, got number", Path: "subject.principal.mobile", Line: 3, Column: 13}},
		{"JSON by default", request{method: http.MethodPost, target: "/v1/validate", body: "type: first_filing\n"},
			http.StatusBadRequest, errorBody{Error: "invalid JSON", Line: 1, Column: 2}},
		{"bad date", postYAML("/v1/validate?date=2026-02-30", readFiling(t, "hunan-clean.yaml")),
			http.StatusBadRequest, errorBody{Error: `query date: invalid date "2026-02-30"`}},
		{"bad lang", postYAML("/v1/validate?lang=not_a_tag!", readFiling(t, "hunan-clean.yaml")),
			http.StatusBadRequest, errorBody{Error: `query lang "not_a_tag!"`}},
		{"unsupported type", request{method: http.MethodPost, target: "/v1/validate", header: map[string]string{"Content-Type": "text/plain"}, body: "{}"},
			http.StatusUnsupportedMediaType, errorBody{Error: `Content-Type "text/plain" is not supported`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeBody[errorBody](t, tt.rq.serve(t, h), tt.wantStatus)
			if !strings.Contains(got.Error, tt.want.Error) {
				t.Errorf("error %q, want it to contain %q", got.Error, tt.want.Error)
			}
			got.Error = tt.want.Error
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateBodyTooLarge(t *testing.T) {
	h := newTestHandler(t, 1024)
	body := "# " + strings.Repeat("x", 4<<10) + "\n" + readFiling(t, "hunan-clean.yaml")
	got := decodeBody[errorBody](t, postYAML("/v1/validate", body).serve(t, h), http.StatusRequestEntityTooLarge)
	if diff := cmp.Diff(errorBody{Error: "request body is larger than 1024 bytes"}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
	// The same filing under the limit passes, so it was the size that failed.
	decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, newTestHandler(t, 4<<10)), http.StatusOK)
}

func TestValidateRuleFailure(t *testing.T) {
	// A cost limit no rule can stay under makes every evaluation fail: the
	// filing was read, so the answer is 200 with a report that lists the
	// failures and is not ok.
	v, err := validate.New(validate.WithCostLimit(1))
	if err != nil {
		t.Fatal(err)
	}
	rec := postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, newHandler(v, 1<<20))
	got := decodeBody[validate.Report](t, rec, http.StatusOK)
	if got.OK || len(got.Errors) == 0 || got.Province != "hunan" {
		t.Errorf("got ok=%v, %d errors, province %q; want a failed report for hunan", got.OK, len(got.Errors), got.Province)
	}
}

func TestValidateDate(t *testing.T) {
	// Jiangsu requires the authenticity materials from 2021-06-01 on; the
	// filing lacks the video and, without submitted_at, takes the query's day.
	filing := strings.Replace(readFiling(t, "jiangsu-missing-video.yaml"), "submitted_at: 2026-03-02\n", "", 1)
	h := newTestHandler(t, 1<<20)
	for date, wantFired := range map[string]bool{"2021-05-31": false, "2021-06-01": true} {
		report := decodeBody[validate.Report](t, postYAML("/v1/validate?date="+date, filing).serve(t, h), http.StatusOK)
		fired := false
		for _, v := range report.Violations {
			fired = fired || v.Rule == "jiangsu.authenticity-materials"
		}
		if fired != wantFired {
			t.Errorf("date=%s: jiangsu.authenticity-materials fired %v, want %v", date, fired, wantFired)
		}
	}
}

func TestValidateUsesRequestContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/validate", strings.NewReader(readFiling(t, "hunan-clean.yaml")))
	req.Header.Set("Content-Type", "application/yaml")
	rec := httptest.NewRecorder()
	newTestHandler(t, 1<<20).ServeHTTP(rec, req)
	got := decodeBody[errorBody](t, rec, http.StatusInternalServerError)
	if diff := cmp.Diff(errorBody{Error: context.Canceled.Error()}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
}

func TestValidateIsDeterministic(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	rq := postYAML("/v1/validate?lang=en", readFiling(t, "hunan-two-websites.yaml"))
	first := rq.serve(t, h)
	second := rq.serve(t, h)
	if first.Code != http.StatusOK {
		t.Fatalf("status %d, want 200; body: %s", first.Code, first.Body)
	}
	if !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) {
		t.Errorf("bodies differ:\n%s\n%s", first.Body, second.Body)
	}
	// With several violations the order is what could differ.
	if report := decodeBody[validate.Report](t, first, http.StatusOK); len(report.Violations) < 2 {
		t.Errorf("want several violations, got %+v", report.Violations)
	}
}

func TestValidateLeavesHTMLCharactersReadable(t *testing.T) {
	filing := strings.Replace(readFiling(t, "henan-banned-name.yaml"), "老赵设计工作室", "老赵<设计>&工作室", 1)
	rec := postYAML("/v1/validate?lang=en", filing).serve(t, newTestHandler(t, 1<<20))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "website name 老赵<设计>&工作室 contains") {
		t.Errorf("status %d, body %s; want 200 and the name as written", rec.Code, rec.Body)
	}
}

func TestRules(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	scopes := func(target string) map[string]validate.RuleSummary {
		t.Helper()
		list := decodeBody[[]validate.RuleSummary](t, request{method: http.MethodGet, target: target}.serve(t, h), http.StatusOK)
		byID := map[string]validate.RuleSummary{}
		for _, r := range list {
			byID[r.ID] = r
		}
		return byID
	}

	hunan := scopes("/v1/rules?scope=hunan")
	if _, ok := hunan["hunan.one-service-per-submission"]; !ok {
		t.Error("scope=hunan: no hunan.one-service-per-submission")
	}
	for id, r := range hunan {
		if r.Scope != "hunan" {
			t.Errorf("scope=hunan: %s has scope %q", id, r.Scope)
		}
	}

	all := scopes("/v1/rules")
	both := scopes("/v1/rules?scope=national&scope=hunan")
	var wantBoth []string
	for id, r := range all {
		if r.Scope == "national" || r.Scope == "hunan" {
			wantBoth = append(wantBoth, id)
		}
	}
	var gotBoth []string
	for id := range both {
		gotBoth = append(gotBoth, id)
	}
	if diff := cmp.Diff(wantBoth, gotBoth, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("scope=national&scope=hunan (-want +got):\n%s", diff)
	}

	const id = "hunan.one-service-per-submission"
	zh, en := all[id], scopes("/v1/rules?lang=en")[id]
	if zh.Title == "" || zh.Title == en.Title {
		t.Errorf("titles of %s: zh %q, en %q; want two different ones", id, zh.Title, en.Title)
	}
	if want := (validate.RuleSummary{ID: id, Scope: "hunan", Severity: "error", Category: "one-service", Path: "services", Title: en.Title, Source: zh.Source}); en != want || zh.Source == "" {
		t.Errorf("en entry %+v, want %+v with a source", en, want)
	}
}

func TestRoutes(t *testing.T) {
	h := newTestHandler(t, 1<<20)
	tests := []struct {
		method, target string
		wantStatus     int
		wantBody       string // checked when not empty
		wantAllow      string
	}{
		{http.MethodGet, "/healthz", http.StatusOK, "ok\n", ""},
		{http.MethodGet, "/v1/validate", http.StatusMethodNotAllowed, "", "POST"},
		{http.MethodPost, "/v1/rules", http.StatusMethodNotAllowed, "", "GET, HEAD"},
		{http.MethodGet, "/v1/nothing", http.StatusNotFound, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := request{method: tt.method, target: tt.target}.serve(t, h)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if tt.wantBody != "" && rec.Body.String() != tt.wantBody {
				t.Errorf("body %q, want %q", rec.Body, tt.wantBody)
			}
			if allow := rec.Header().Get("Allow"); allow != tt.wantAllow {
				t.Errorf("Allow %q, want %q", allow, tt.wantAllow)
			}
		})
	}
}
