package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/validate"
)

func TestAccessLog(t *testing.T) {
	v, err := testValidator()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	h := documented(t, newHandler(v, testLimits, slog.New(slog.NewJSONHandler(&buf, nil))))
	rec := postYAML("/v1/validate?lang=en", readFiling(t, "henan-banned-name.yaml")).serve(t, h)
	report := decodeBody[validate.Report](t, rec, http.StatusOK)
	get("/v1/nothing").serve(t, h)

	type reportFields struct {
		OK                                 bool
		Errors, Warnings, Infos, Undecided int
		RuleErrors                         int `json:"rule_errors"`
	}
	type line struct {
		Level, Msg, Method, Path string
		Status, Bytes            int
		Duration                 int64 // nanoseconds
		Report                   *reportFields
	}
	var got []line
	for _, s := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var l line
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			t.Fatalf("log line %q: %v", s, err)
		}
		if l.Duration <= 0 {
			t.Errorf("log line %q: no duration", s)
		}
		got = append(got, l)
	}
	errs, warnings, infos := report.Counts()
	want := []line{
		{Level: "INFO", Msg: "request", Method: "POST", Path: "/v1/validate", Status: 200, Bytes: rec.Body.Len(),
			Report: &reportFields{OK: false, Errors: errs, Warnings: warnings, Infos: infos, Undecided: len(report.Undecided)}},
		{Level: "INFO", Msg: "request", Method: "GET", Path: "/v1/nothing", Status: 404, Bytes: len(`{"error":{"message":"接口 /v1/nothing 不存在"}}` + "\n")},
	}
	if errs != 2 {
		t.Errorf("the report has %d errors, want the two banned-word rules", errs)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(line{}, "Duration")); diff != "" {
		t.Errorf("log lines (-want +got):\n%s", diff)
	}
}

func TestAccessLogLevels(t *testing.T) {
	var buf bytes.Buffer
	h := documented(t, newHandler(validatorWith(t, failingResolver{}), testLimits, slog.New(slog.NewTextHandler(&buf, nil))))
	postYAML("/v1/validate", readFiling(t, "hunan-clean.yaml")).serve(t, h)
	// The cause the client is not told is in the log.
	if s := buf.String(); !strings.Contains(s, "level=ERROR") || !strings.Contains(s, "status=500") || !strings.Contains(s, "the attribution database is down") {
		t.Errorf("log %q: want an ERROR line with the status and the resolver's error", s)
	}
}
