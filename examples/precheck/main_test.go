package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.yaml.in/yaml/v3"
)

// expectedErrors reads, for each example filing, the rules that must give
// its error violations.
func expectedErrors(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("testdata/expected.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]string
	if err := yaml.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

func runCLI(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestExampleFilings(t *testing.T) {
	files, err := filepath.Glob("../filings/*")
	if err != nil {
		t.Fatal(err)
	}
	expected := expectedErrors(t)
	if len(files) != len(expected) {
		t.Errorf("examples/filings has %d files, testdata/expected.yaml %d: keep them in step", len(files), len(expected))
	}
	for _, file := range files {
		want, known := expected[filepath.Base(file)]
		if !known {
			t.Errorf("%s is not in testdata/expected.yaml", file)
			continue
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			status, stdout, stderr := runCLI(t, "", "-format", "json", file)
			wantStatus := exitOK
			if len(want) > 0 {
				wantStatus = exitViolated
			}
			if status != wantStatus {
				t.Fatalf("status %d, want %d; stderr: %s", status, wantStatus, stderr)
			}
			var line struct {
				File       string `json:"file"`
				OK         bool   `json:"ok"`
				Violations []struct {
					Rule, Severity string
				} `json:"violations"`
			}
			if err := json.Unmarshal([]byte(stdout), &line); err != nil {
				t.Fatalf("output is not one JSON report: %v\n%s", err, stdout)
			}
			var got []string
			for _, v := range line.Violations {
				if v.Severity == "error" {
					got = append(got, v.Rule)
				}
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("error rules (-want +got):\n%s", diff)
			}
			if line.File != file {
				t.Errorf("file = %q, want %q", line.File, file)
			}
		})
	}
}

func TestManyFilesOneRun(t *testing.T) {
	status, stdout, _ := runCLI(t, "", "-format", "json", "../filings/hunan-clean.yaml", "../filings/henan-banned-name.yaml", "../filings/jiangsu-clean.yaml")
	if status != exitViolated {
		t.Errorf("status %d, want %d", status, exitViolated)
	}
	if n := strings.Count(stdout, "\n"); n != 3 {
		t.Errorf("%d report lines, want 3:\n%s", n, stdout)
	}
}

func TestTextReportInEnglish(t *testing.T) {
	status, stdout, _ := runCLI(t, "", "-lang", "en", "../filings/henan-banned-name.yaml")
	if status != exitViolated {
		t.Errorf("status %d, want %d", status, exitViolated)
	}
	for _, want := range []string{"FAIL", "services[0].name", "henan.banned-name-words", "website name 老赵设计工作室 contains words Henan bans for personal sites: 设计, 工作室"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestDateFlagAppliesToFilingsWithoutSubmittedAt(t *testing.T) {
	filing := `{"province":"guangdong","subject":{"nature":"individual","name":"黄粤"},"services":[{"kind":"website","name":"南海拾贝","domains":["nanhai-shibei.cn"]}]}`
	before, _, _ := runCLI(t, filing, "-format", "json", "-date", "2021-06-20", "-")
	after, _, _ := runCLI(t, filing, "-format", "json", "-date", "2021-06-21", "-")
	if before != exitOK || after != exitViolated {
		t.Errorf("status before/after Guangdong's commitment rule = %d/%d, want %d/%d", before, after, exitOK, exitViolated)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, file string
		want       []string // fragments of the error message
	}{
		{"number where a string belongs", write("mobile.json", "{\"province\": \"hunan\",\n \"subject\": {\"principal\": {\"mobile\": 13800138000}}}\n"), []string{"mobile.json:2:38", "subject.principal.mobile", "string"}},
		{"unknown key", write("typo.json", "{\n  \"province\": \"hunan\",\n  \"services\": [{\"kind\": \"website\", \"nmae\": \"x\"}]\n}\n"), []string{"typo.json:3", "services[0]", "nmae"}},
		{"unknown enum", write("enum.yaml", "services:\n  - kind: webbsite\n"), []string{"enum.yaml:2", "services[0].kind", "webbsite"}},
		{"Hong Kong", write("hk.yaml", "province: 香港\n"), []string{"hk.yaml:1", "province", "香港"}},
		{"missing file", filepath.Join(dir, "absent.yaml"), []string{"absent.yaml"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, stdout, stderr := runCLI(t, "", "-format", "json", c.file, "../filings/hunan-clean.yaml")
			if status != exitBadInput {
				t.Errorf("status %d, want %d", status, exitBadInput)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, stderr)
				}
			}
			// The good file after the bad one is still checked.
			if !strings.Contains(stdout, `"file":"../filings/hunan-clean.yaml","ok":true`) {
				t.Errorf("the second file was not reported:\n%s", stdout)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"-format", "xml", "x.yaml"}, {"-date", "2021-02-30", "x.yaml"}, {"-nope"}} {
		if status, _, _ := runCLI(t, "", args...); status != exitBadInput {
			t.Errorf("%q: status %d, want %d", args, status, exitBadInput)
		}
	}
}
