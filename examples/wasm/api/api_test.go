package api

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

var (
	shared     *validate.Validator
	sharedErr  error
	sharedOnce sync.Once
)

// validator is one Validator for the package's tests, as the page has one.
func validator(t *testing.T) *validate.Validator {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = validate.New() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// cleanJSON is a clean Hunan filing as JSON, as the page's form sends it.
func cleanJSON(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../filings/hunan-clean.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := model.DecodeYAML(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := model.EncodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func report(t *testing.T, got any) *validate.Report {
	t.Helper()
	r, ok := got.(*validate.Report)
	if !ok {
		t.Fatalf("got %#v, want a report", got)
	}
	return r
}

func errorBody(t *testing.T, got any) validate.InputError {
	t.Helper()
	b, ok := got.(validate.ErrorBody)
	if !ok {
		t.Fatalf("got %#v, want an error body", got)
	}
	return b.Error
}

// rulesAt lists "rule@path" of a report's violations.
func rulesAt(r *validate.Report) []string {
	var out []string
	for _, x := range r.Violations {
		out = append(out, x.Rule+"@"+x.Path)
	}
	return out
}

func TestValidateCleanFiling(t *testing.T) {
	r := report(t, Validate(validator(t), cleanJSON(t), Options{}))
	if !r.OK || len(r.Violations) != 0 {
		t.Errorf("clean filing: ok %v, violations %v", r.OK, rulesAt(r))
	}
}

// The raw editor's overlay is YAML or JSON; the placeholder's own example
// must work. Before the fix, the merged document of a JSON filing and a
// YAML overlay was read as JSON and refused.
func TestValidateOverlay(t *testing.T) {
	v := validator(t)
	base := cleanJSON(t)
	const months = "huaweicloud.ecs-min-3-months@resource.months"
	const onDemand = "huaweicloud.on-demand-refused@resource.billing"
	for _, c := range []struct {
		name, extra string
		want        []string // among the violations
		notWant     []string
	}{
		{"the placeholder's YAML", "resource: {type: ecs, billing: subscription, months: 12}", nil, []string{months}},
		{"block YAML", "resource:\n  type: ecs\n  billing: subscription\n  months: 2\n", []string{months}, nil},
		{"JSON", `{"resource": {"type": "ecs", "billing": "on_demand"}}`, []string{onDemand}, nil},
		{"comments only", "# nothing yet\n", nil, []string{months, onDemand}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := rulesAt(report(t, Validate(v, base, Options{Extra: c.extra})))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("want %s among %v", w, got)
				}
			}
			for _, w := range c.notWant {
				if slices.Contains(got, w) {
					t.Errorf("do not want %s among %v", w, got)
				}
			}
		})
	}
}

// A null in the overlay deletes the key: without its resource, the clean
// filing's resource rules have nothing to check.
func TestValidateOverlayDeletes(t *testing.T) {
	v := validator(t)
	base := cleanJSON(t)
	withResource := report(t, Validate(v, base, Options{Extra: "resource: {months: 1}"}))
	without := report(t, Validate(v, base, Options{Extra: "resource: null"}))
	if !slices.Contains(rulesAt(withResource), "huaweicloud.ecs-min-3-months@resource.months") {
		t.Fatalf("months 1 overlaid: %v", rulesAt(withResource))
	}
	if slices.Contains(rulesAt(without), "huaweicloud.ecs-min-3-months@resource.months") {
		t.Errorf("resource deleted: %v", rulesAt(without))
	}
}

func TestValidateErrors(t *testing.T) {
	v := validator(t)
	base := cleanJSON(t)
	for _, c := range []struct {
		name, text string
		o          Options
		want       validate.InputError
	}{
		{"an unknown key in the overlay names its line there", base, Options{Extra: "resource:\n  type: ecs\n  montsh: 2\n"},
			validate.InputError{File: ExtraFile, Path: "resource.montsh", Line: 3, Column: 3}},
		{"a YAML syntax error in the overlay", base, Options{Extra: "services: [\n"},
			validate.InputError{File: ExtraFile, Line: 2}},
		{"a wrong type in the filing names its line there", "{\n  \"province\": \"hunan\",\n  \"services\": 5\n}", Options{Extra: "resource: {type: ecs}"},
			validate.InputError{Path: "services", Line: 3, Column: 15}},
		{"an unknown province", `{"province": "atlantis"}`, Options{}, validate.InputError{Path: "province", Line: 1, Column: 14}},
		{"a date that is not a day", base, Options{Date: "2026-02-30"}, validate.InputError{}},
		{"a language icpcheck does not write", base, Options{Lang: "fr"}, validate.InputError{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := errorBody(t, Validate(v, c.text, c.o))
			if got.Message == "" {
				t.Error("no message")
			}
			got.Message = ""
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateLanguage(t *testing.T) {
	v := validator(t)
	text := `{"province": "hunan", "subject": {"principal": {"mobile": "1380731123"}}}`
	for lang, want := range map[string]string{"": "不是有效的中国大陆手机号码", "zh-CN": "不是有效的中国大陆手机号码", "en": "is not a valid mainland China mobile number"} {
		r := report(t, Validate(v, text, Options{Lang: lang}))
		var found bool
		for _, x := range r.Violations {
			found = found || x.Path == "subject.principal.mobile" && strings.Contains(x.Message, want)
		}
		if !found {
			t.Errorf("lang %q: no violation at subject.principal.mobile saying %q in %v", lang, want, r.Violations)
		}
	}
}
