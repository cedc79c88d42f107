package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/validate"
)

// testValidator compiles the embedded rules once for all tests.
var testValidator = sync.OnceValues(func() (*validate.Validator, error) { return validate.New() })

// testLimits are the defaults of the flags, with a fixed number of slots.
var testLimits = limits{maxBytes: 1 << 20, maxValidations: 4, maxQueue: 32, timeout: 10 * time.Second}

// newTestHandler serves the embedded rules within lim, logging nowhere,
// and fails the test on any answer the OpenAPI document does not list.
func newTestHandler(t *testing.T, lim limits) http.Handler {
	t.Helper()
	v, err := testValidator()
	if err != nil {
		t.Fatal(err)
	}
	return handlerFor(t, v, lim)
}

// handlerFor is newTestHandler for any validator.
func handlerFor(t *testing.T, v *validate.Validator, lim limits) http.Handler {
	return documented(t, newHandler(v, lim, slog.New(slog.DiscardHandler)))
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
	return rq.serveWith(context.Background(), h)
}

func (rq request) serveWith(ctx context.Context, h http.Handler) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, rq.method, rq.target, strings.NewReader(rq.body))
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

func get(target string) request { return request{method: http.MethodGet, target: target} }

// decodeBody checks the status and the JSON content type and decodes the
// body, refusing keys that T does not have.
func decodeBody[T any](t *testing.T, rec *httptest.ResponseRecorder, wantStatus int) T {
	t.Helper()
	if rec.Code != wantStatus {
		t.Fatalf("status %d, want %d; body: %s", rec.Code, wantStatus, rec.Body)
	}
	if ct, want := rec.Header().Get("Content-Type"), "application/json; charset=utf-8"; ct != want {
		t.Errorf("Content-Type %q, want %q", ct, want)
	}
	var v T
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("body is not the expected JSON: %v", err)
	}
	return v
}

// errorBody decodes an error answer.
func errorBody(t *testing.T, rec *httptest.ResponseRecorder, wantStatus int) validate.InputError {
	t.Helper()
	return decodeBody[validate.ErrorBody](t, rec, wantStatus).Error
}

func TestValidateExampleFilings(t *testing.T) {
	h := newTestHandler(t, testLimits)
	clean := decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, h), http.StatusOK)
	if !clean.OK || clean.Province != "hunan" {
		t.Errorf("hunan-clean.yaml: ok %v, province %q; want true, hunan; violations: %+v", clean.OK, clean.Province, clean.Violations)
	}
	v, _ := testValidator()
	if clean.RulesVersion != v.RulesVersion() || clean.RulesVersion == "" {
		t.Errorf("rules_version %q, want the validator's %q", clean.RulesVersion, v.RulesVersion())
	}

	banned := decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "henan-banned-name.yaml")).serve(t, h), http.StatusOK)
	if banned.OK {
		t.Error("henan-banned-name.yaml: ok true, want false")
	}
	type at struct{ Rule, Path string }
	var got []at
	for _, v := range banned.Violations {
		if v.Severity == validate.SeverityError {
			got = append(got, at{v.Rule, v.Path})
		}
	}
	want := []at{{"henan.banned-name-words", "services[0].name"}, {"national.name.personal-banned-words", "services[0].name"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("henan-banned-name.yaml error violations (-want +got):\n%s", diff)
	}
}

func TestValidateLanguage(t *testing.T) {
	h := newTestHandler(t, testLimits)
	filing := readFiling(t, "henan-banned-name.yaml")
	withHeader := func(rq request, value string) request { rq.header["Accept-Language"] = value; return rq }
	tests := []struct {
		name       string
		rq         request
		wantPrefix string
	}{
		{"default", postYAML("/v1/validate", filing), "网站名称"},
		{"query", postYAML("/v1/validate?lang=en", filing), "website name"},
		{"query as a tag", postYAML("/v1/validate?lang=en-GB", filing), "website name"},
		{"header", withHeader(postYAML("/v1/validate", filing), "en-US,en;q=0.9"), "website name"},
		{"query wins", withHeader(postYAML("/v1/validate?lang=zh", filing), "en"), "网站名称"},
		{"malformed header ignored", withHeader(postYAML("/v1/validate", filing), "en;q=nonsense"), "网站名称"},
		{"unwritten language in the header", withHeader(postYAML("/v1/validate", filing), "fr"), "网站名称"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.rq.serve(t, h)
			report := decodeBody[validate.Report](t, rec, http.StatusOK)
			if len(report.Violations) == 0 {
				t.Fatal("no violations")
			}
			if msg := report.Violations[0].Message; !strings.HasPrefix(msg, tt.wantPrefix) {
				t.Errorf("message %q, want it to start with %q", msg, tt.wantPrefix)
			}
			if vary := rec.Header().Get("Vary"); vary != "Accept-Language" {
				t.Errorf("Vary %q, want Accept-Language", vary)
			}
		})
	}
}

func TestValidateBadRequests(t *testing.T) {
	h := newTestHandler(t, testLimits)
	clean := readFiling(t, "hunan-clean.yaml")
	tests := []struct {
		name       string
		rq         request
		wantStatus int
		want       validate.InputError // Message is checked to contain want.Message
	}{
		{"unknown key", postJSON("/v1/validate?lang=en", "{\"type\": \"first_filing\",\n  \"provnce\": \"hunan\"}"),
			http.StatusBadRequest, validate.InputError{Message: `"provnce"`, Path: "provnce", Line: 2, Column: 3}},
		{"number for mobile in JSON", postJSON("/v1/validate?lang=en", `{"subject": {"principal": {"mobile": 13800138000}}}`),
			http.StatusBadRequest, validate.InputError{Message: "13800138000", Path: "subject.principal.mobile", Line: 1, Column: 38}},
		{"tagged number for mobile in YAML", postYAML("/v1/validate?lang=en", "subject:\n  principal:\n    mobile: !!int 13800138000\n"),
			http.StatusBadRequest, validate.InputError{Message: "13800138000", Path: "subject.principal.mobile", Line: 3, Column: 13}},
		{"JSON by default", request{method: http.MethodPost, target: "/v1/validate?lang=en", body: "type: first_filing\n"},
			http.StatusBadRequest, validate.InputError{Line: 1, Column: 2}},
		{"bad date", postYAML("/v1/validate?date=2026-02-30", clean),
			http.StatusBadRequest, validate.InputError{Message: "查询参数 date 的值「2026-02-30」不是有效日期"}},
		{"bad date in English", postYAML("/v1/validate?date=2026-02-30&lang=en", clean),
			http.StatusBadRequest, validate.InputError{Message: `query parameter date "2026-02-30" is not a valid date`}},
		{"malformed lang", postYAML("/v1/validate?lang=not_a_tag!", clean),
			http.StatusBadRequest, validate.InputError{Message: "查询参数 lang 的值「not_a_tag!」无效"}},
		{"a language icpcheck does not write", postYAML("/v1/validate?lang=fr", clean),
			http.StatusBadRequest, validate.InputError{Message: "查询参数 lang 的值「fr」无效"}},
		{"unknown parameter", postYAML("/v1/validate?lang=en&province=hunan", clean),
			http.StatusBadRequest, validate.InputError{Message: `unknown query parameter "province"; this endpoint accepts: date, lang`}},
		{"repeated parameter", postYAML("/v1/validate?date=2026-03-01&date=2026-03-02", clean),
			http.StatusBadRequest, validate.InputError{Message: "查询参数「date」只能给一次"}},
		{"unsupported type", request{method: http.MethodPost, target: "/v1/validate?lang=en", header: map[string]string{"Content-Type": "text/plain"}, body: "{}"},
			http.StatusUnsupportedMediaType, validate.InputError{Message: `Content-Type "text/plain" is not supported`}},
		{"another charset", request{method: http.MethodPost, target: "/v1/validate", header: map[string]string{"Content-Type": "application/json; charset=gbk"}, body: "{}"},
			http.StatusUnsupportedMediaType, validate.InputError{Message: "不支持 Content-Type「application/json; charset=gbk」"}},
		{"malformed type", request{method: http.MethodPost, target: "/v1/validate", header: map[string]string{"Content-Type": "application/"}, body: "{}"},
			http.StatusUnsupportedMediaType, validate.InputError{Message: "无法解析 Content-Type「application/」"}},
		{"YAML over the decoder's limit", postYAML("/v1/validate", "# "+strings.Repeat("x", 600<<10)+"\n"+clean),
			http.StatusRequestEntityTooLarge, validate.InputError{Limit: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorBody(t, tt.rq.serve(t, h), tt.wantStatus)
			if !strings.Contains(got.Message, tt.want.Message) {
				t.Errorf("message %q, want it to contain %q", got.Message, tt.want.Message)
			}
			got.Message = tt.want.Message
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateBodyTooLarge(t *testing.T) {
	lim := testLimits
	lim.maxBytes = 1024
	body := "# " + strings.Repeat("x", 4<<10) + "\n" + readFiling(t, "hunan-clean.yaml")
	got := errorBody(t, postYAML("/v1/validate?lang=en", body).serve(t, newTestHandler(t, lim)), http.StatusRequestEntityTooLarge)
	if diff := cmp.Diff(validate.InputError{Message: "request body is larger than 1024 bytes", Limit: true}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
	// The same filing under the limit passes, so it was the size that failed.
	lim.maxBytes = 4 << 10
	decodeBody[validate.Report](t, postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, newTestHandler(t, lim)), http.StatusOK)
}

func TestValidateRuleFailure(t *testing.T) {
	// A cost limit no rule can stay under makes every evaluation fail: the
	// filing was read, so the answer is 200 with a report that lists the
	// failures and is not ok.
	v, err := validate.New(validate.WithCostLimit(1))
	if err != nil {
		t.Fatal(err)
	}
	rec := postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, handlerFor(t, v, testLimits))
	got := decodeBody[validate.Report](t, rec, http.StatusOK)
	if got.OK || len(got.Errors) == 0 || got.Province != "hunan" {
		t.Errorf("got ok=%v, %d errors, province %q; want a failed report for hunan", got.OK, len(got.Errors), got.Province)
	}
}

func TestValidateDate(t *testing.T) {
	// Jiangsu requires the authenticity materials from 2021-06-01 on; the
	// filing lacks the video and, without submitted_at, takes the query's day.
	filing := strings.Replace(readFiling(t, "jiangsu-missing-video.yaml"), "submitted_at: 2026-03-02\n", "", 1)
	h := newTestHandler(t, testLimits)
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

func TestValidateIsDeterministic(t *testing.T) {
	h := newTestHandler(t, testLimits)
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
	rec := postYAML("/v1/validate?lang=en", filing).serve(t, newTestHandler(t, testLimits))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "website name 老赵<设计>&工作室 contains") {
		t.Errorf("status %d, body %s; want 200 and the name as written", rec.Code, rec.Body)
	}
}
