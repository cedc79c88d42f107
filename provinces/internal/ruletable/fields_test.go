package ruletable

import (
	"strings"
	"testing"
)

// The field table has a row for every field a required rule asks for,
// named in Chinese, with its condition, and explains the predicates the
// conditions use.
func TestFields(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	out := Fields(d)
	for _, want := range []string{
		"| `province` | 备案地域 | always | `national.required.filing` |",
		"| `subject.principal.mobile` | 主体负责人手机号码 | `subject_on_form` | `national.required.subject-principal` |",
		"| `services[].platforms[].os` | 每个网站/APP的每个运行平台的平台类型 | apps | `national.required.app-platform` |",
		"- `subject_on_form`: `filing.type in [",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the field table lacks %q", want)
		}
	}
	rows := 0
	for _, r := range d.Rules {
		if r.Category == "required" && r.Scope == "national" {
			for _, p := range r.FieldPatterns() {
				rows++
				if !strings.Contains(out, "| `"+p+"` |") {
					t.Errorf("no row for %s of %s", p, r.ID)
				}
			}
		}
	}
	if got := strings.Count(out, "\n| `"); got != rows {
		t.Errorf("%d rows, want %d", got, rows)
	}
}
