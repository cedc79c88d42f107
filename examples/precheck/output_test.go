package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// sample is a report with one entry of each kind, its texts in Chinese.
var sample = &validate.Report{
	OK: false, Province: "hunan", RulesVersion: "2026-03-01+0123456789abcdef",
	Violations: []validate.Violation{
		{Rule: "hunan.one-service-per-submission", Severity: validate.SeverityError, Path: "services", Message: "一次只能提交一个网站", Fix: "分开提交"},
		{Rule: "national.person.service-principal-authorisation", Severity: validate.SeverityWarning, Path: "services[1].principal", Message: "没有授权书"},
		{Rule: "national.reminder", Severity: validate.SeverityInfo, Message: "提醒"},
	},
	Undecided: []validate.Undecided{{Rule: "hunan.mobile-locality", Path: "subject.principal.mobile", Reason: "归属地未知"}},
	Errors:    []validate.RuleError{{Rule: "hunan.min-age", Path: "subject.principal", Message: "计算失败"}},
}

func TestTextInChinese(t *testing.T) {
	var buf bytes.Buffer
	writeText(&buf, "a.yaml", sample, validate.Chinese, true)
	want := `a.yaml:未通过(省份:湖南省;错误 1 项,警告 1 项,提示 1 项,未判定 1 项)
  错误 services  [hunan.one-service-per-submission]
      一次只能提交一个网站
      修改建议:分开提交
  警告 services[1].principal  [national.person.service-principal-authorisation]
      没有授权书
  提示 -  [national.reminder]
      提醒
  规则执行失败 subject.principal  [hunan.min-age]:计算失败
  未判定 subject.principal.mobile  [hunan.mobile-locality]:归属地未知
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	// No English word of our own: take out the file name, the rule ids
	// and the paths, and no Latin letter is left.
	ours := []string{"a.yaml"}
	for _, v := range sample.Violations {
		ours = append(ours, v.Rule, v.Path)
	}
	for _, e := range sample.Errors {
		ours = append(ours, e.Rule, e.Path)
	}
	for _, u := range sample.Undecided {
		ours = append(ours, u.Rule, u.Path)
	}
	slices.SortFunc(ours, func(a, b string) int { return len(b) - len(a) }) // services[1].principal before services
	rest := buf.String()
	for _, s := range ours {
		rest = strings.ReplaceAll(rest, s, "")
	}
	if latin := regexp.MustCompile(`[A-Za-z]+`).FindAllString(rest, -1); len(latin) > 0 {
		t.Errorf("English words in the Chinese text: %q", latin)
	}
}

func TestTextInEnglish(t *testing.T) {
	var buf bytes.Buffer
	writeText(&buf, "a.yaml", &validate.Report{OK: true, Province: "hunan", Undecided: sample.Undecided}, validate.English, false)
	want := "a.yaml: ok (province hunan: 0 errors, 0 warnings, 0 reminders, 1 undecided)\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestUndecidedFlag(t *testing.T) {
	file := "../filings/hunan-clean.yaml"
	_, shown, _ := runCLI(t, "", file)
	status, hidden, _ := runCLI(t, "", "-undecided=false", file)
	if status != exitOK {
		t.Errorf("status %d, want %d", status, exitOK)
	}
	if !strings.Contains(shown, "\n  未判定 ") {
		t.Fatalf("hunan-clean.yaml has no undecided line to hide:\n%s", shown)
	}
	var want []string
	for line := range strings.Lines(shown) {
		if !strings.HasPrefix(line, "  未判定 ") {
			want = append(want, line)
		}
	}
	if diff := cmp.Diff(strings.Join(want, ""), hidden); diff != "" {
		t.Errorf("-undecided=false (-want +got):\n%s", diff)
	}
}

func TestVersion(t *testing.T) {
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := runCLI(t, "", "-version")
	if status != exitOK || stdout != v.RulesVersion()+"\n" || stderr != "" {
		t.Errorf("status %d, stdout %q, stderr %q; want 0 and %q", status, stdout, stderr, v.RulesVersion())
	}
}

func TestRuleFailurePrintsTheReport(t *testing.T) {
	// A cost limit no rule stays under: every rule fails, yet the filing
	// was read, so it gets its report and status 1, not 2.
	opts := []validate.Option{validate.WithCostLimit(1)}
	status, stdout, _ := runWith(t, opts, "", "-lang", "en", "../filings/hunan-clean.yaml")
	if status != exitViolated || !strings.Contains(stdout, "FAIL") || !strings.Contains(stdout, "\n  rule failed ") {
		t.Errorf("status %d, want %d and a report listing the failures:\n%s", status, exitViolated, stdout)
	}
}

func TestJSONErrorLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mobile.json")
	if err := os.WriteFile(file, []byte("{\"province\": \"hunan\",\n \"subject\": {\"principal\": {\"mobile\": 13800138000}}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, _ := runCLI(t, "", "-format", "json", "-lang", "en", file)
	if status != exitBadInput {
		t.Errorf("status %d, want %d", status, exitBadInput)
	}
	var got validate.ErrorBody
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not an error body: %v\n%s", err, stdout)
	}
	if got.Error.Message == "" {
		t.Error("no message")
	}
	got.Error.Message = ""
	want := validate.InputError{File: file, Path: "subject.principal.mobile", Line: 2, Column: 38}
	if diff := cmp.Diff(want, got.Error); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

func TestNamedFilesHaveTheDecodersLimits(t *testing.T) {
	dir := t.TempDir()
	big := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, bytes.Repeat([]byte("#"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	files := []string{
		big("large.yaml", model.DefaultLimits().MaxYAMLBytes+1),
		big("large.json", model.DefaultLimits().MaxBytes+1),
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		files = append(files, "/dev/zero") // endless: read only up to the limit
	}
	for _, file := range files {
		status, stdout, stderr := runCLI(t, "", "-format", "json", file)
		if status != exitBadInput {
			t.Errorf("%s: status %d, want %d", file, status, exitBadInput)
		}
		var got validate.ErrorBody
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("%s: not an error body: %v\n%s", file, err, stdout)
		}
		if !got.Error.Limit || got.Error.File != file || !strings.Contains(stderr, file) {
			t.Errorf("%s: error %+v, stderr %q; want a limit error naming the file", file, got.Error, stderr)
		}
	}
	// Under the limit the same kind of content is read, and refused for
	// what it is.
	status, stdout, _ := runCLI(t, "", "-format", "json", big("small.yaml", 100))
	if status != exitBadInput || strings.Contains(stdout, `"limit":true`) {
		t.Errorf("a 100-byte comment: status %d, %s; want a decode error that is not a limit", status, stdout)
	}
}

func TestReadFilingWrapsErrLimit(t *testing.T) {
	_, err := readFiling("-", strings.NewReader(strings.Repeat(" ", model.DefaultLimits().MaxBytes+10)))
	if de, ok := errors.AsType[*model.DecodeError](err); !ok || !errors.Is(err, model.ErrLimit) || de.File == "" {
		t.Errorf("error %v: want a *model.DecodeError naming the file and wrapping model.ErrLimit", err)
	}
}
