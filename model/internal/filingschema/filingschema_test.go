package filingschema

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/rules"
)

// The national required rules without a when become required keys at the
// locations their each and path name, with their values non-empty; the
// others do not.
func TestRequiredFromRules(t *testing.T) {
	files := []*rules.File{{Rules: []*rules.Rule{
		{ID: "national.province-required", Scope: "national", Category: "required", Path: "province"},
		{ID: "national.subject-name-required", Scope: "national", Category: "required", Path: "subject.name"},
		{ID: "national.mobile-required", Scope: "national", Category: "required", Each: "principals", Path: "mobile"},
		{ID: "national.domains-required", Scope: "national", Category: "required", Each: "services", Path: "domains"},
		{ID: "national.domain-name", Scope: "national", Category: "required", Each: "domains", Path: "name"},
		{ID: "national.certificate-number", Scope: "national", Category: "required", Path: "subject.certificate.number"},
		{ID: "national.unit-only", Scope: "national", Category: "required", Path: "subject.mailing_address", When: rules.Expr{Source: `filing.subject.nature != "individual"`}},
		{ID: "hunan.local", Scope: "hunan", Category: "required", Path: "provider"},
		{ID: "national.other-category", Scope: "national", Category: "name", Path: "type"},
	}}}
	data, err := generate(files)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) map[string]any {
		v := any(schema)
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		return v.(map[string]any)
	}
	subject := at("properties", "subject")
	services := at("properties", "services", "items")
	domainObject := at("properties", "services", "items", "properties", "domains", "items")["anyOf"].([]any)[1].(map[string]any)
	got := map[string]any{
		"root":                          schema["required"],
		"subject":                       subject["required"],
		"subject.certificate":           at("properties", "subject", "properties", "certificate")["required"],
		"subject.principal":             at("properties", "subject", "properties", "principal")["required"],
		"subject.principal.certificate": at("properties", "subject", "properties", "principal", "properties", "certificate")["required"],
		"services[]":                    services["required"],
		"services[].principal":          at("properties", "services", "items", "properties", "principal")["required"],
		"services[].domains[]":          domainObject["required"],
		"name minLength":                at("properties", "subject", "properties", "name")["minLength"],
		"domains minItems":              at("properties", "services", "items", "properties", "domains")["minItems"],
		"mailing_address":               at("properties", "subject", "properties", "mailing_address")["minLength"],
	}
	want := map[string]any{
		"root":                          []any{"province"},
		"subject":                       []any{"name"},
		"subject.certificate":           []any{"number"},
		"subject.principal":             []any{"mobile"},
		"subject.principal.certificate": nil,
		"services[]":                    []any{"domains"},
		"services[].principal":          []any{"mobile"},
		"services[].domains[]":          []any{"name"},
		"name minLength":                1.0,
		"domains minItems":              1.0,
		"mailing_address":               nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("required (-want +got):\n%s", diff)
	}
}

// A required rule the schema cannot express stops the generator with the
// rule's id, so that regenerating never drops one silently.
func TestRequiredRefusesWhatItCannotPlace(t *testing.T) {
	for _, r := range []*rules.Rule{
		{ID: "national.typo", Scope: "national", Category: "required", Path: "subject.nmae"},
		{ID: "national.new-collection", Scope: "national", Category: "required", Each: "gadgets", Path: "name"},
		{ID: "national.indexed", Scope: "national", Category: "required", Path: "services[0].name"},
	} {
		_, err := generate([]*rules.File{{Rules: []*rules.Rule{r}}})
		if err == nil || !strings.Contains(err.Error(), r.ID) {
			t.Errorf("rule %s: error %v, want one naming the rule", r.ID, err)
		}
	}
}

// Every object refuses unknown keys and every property is described in
// both languages, English without Chinese outside quotes.
func TestEveryPropertyDescribed(t *testing.T) {
	data, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	var schema any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	properties := 0
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "object" && v["additionalProperties"] != false {
				t.Errorf("%s: an object that allows unknown keys", path)
			}
			if props, ok := v["properties"].(map[string]any); ok {
				for key, p := range props {
					p := p.(map[string]any)
					properties++
					zh, _ := p["description"].(string)
					en, _ := p["x-description-en"].(string)
					if zh == "" || en == "" {
						t.Errorf("%s.%s: descriptions %q, %q", path, key, zh, en)
					}
					if rest := quoted.ReplaceAllString(en, ""); strings.ContainsFunc(rest, isHan) {
						t.Errorf("%s.%s: English description %q holds Chinese", path, key, en)
					}
				}
			}
			for k, c := range v {
				walk(c, path+"/"+k)
			}
		case []any:
			for _, c := range v {
				walk(c, path+"[]")
			}
		}
	}
	walk(schema, "")
	if properties < 80 {
		t.Errorf("only %d properties", properties)
	}
}

var quoted = regexp.MustCompile(`"[^"]*"`)

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
