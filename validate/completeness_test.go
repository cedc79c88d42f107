package validate_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// requiredPatterns are the paths the required rules report, with [] for
// any index: "services[].principal.mobile".
func requiredPatterns(v *validate.Validator) []string {
	var out []string
	for _, r := range v.Rules() {
		if r.Category == "required" {
			out = append(out, r.FieldPatterns()...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// present lists the concrete paths of pattern that hold a value in doc,
// the filing as JSON values.
func present(doc any, pattern string) []string {
	var walk func(v any, parts []string, at string) []string
	walk = func(v any, parts []string, at string) []string {
		if len(parts) == 0 {
			switch x := v.(type) {
			case nil:
				return nil
			case string:
				if x == "" {
					return nil
				}
			case []any:
				if len(x) == 0 {
					return nil
				}
			}
			return []string{at}
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		key, list := strings.CutSuffix(parts[0], "[]")
		next := at + "." + key
		if at == "" {
			next = key
		}
		if !list {
			return walk(m[key], parts[1:], next)
		}
		items, _ := m[key].([]any)
		var out []string
		for i, item := range items {
			out = append(out, walk(item, parts[1:], next+"["+strconv.Itoa(i)+"]")...)
		}
		return out
	}
	return walk(doc, strings.Split(pattern, "."), "")
}

var pathPart = regexp.MustCompile(`^([a-z_0-9]+)(?:\[(\d+)\])?$`)

// blank removes the value at path from doc (a key's value, or a list item's
// field): the filing then lacks exactly that field.
func blank(doc any, path string) {
	parts := strings.Split(path, ".")
	v := doc
	for k, part := range parts {
		m := pathPart.FindStringSubmatch(part)
		obj := v.(map[string]any)
		if k == len(parts)-1 && m[2] == "" {
			delete(obj, m[1])
			return
		}
		v = obj[m[1]]
		if m[2] != "" {
			i, _ := strconv.Atoi(m[2])
			items := v.([]any)
			if k == len(parts)-1 {
				// A list item itself: an empty one, written as the
				// wire format writes it.
				if _, ok := items[i].(string); ok {
					items[i] = ""
				} else {
					items[i] = map[string]any{}
				}
				return
			}
			v = items[i]
		}
	}
}

// Every field a required rule asks for, blanked in turn in every example
// filing (a clean one of each province among them), gives an error of
// category required at that field's path; and the empty filing gives one
// at each field that every filing must hold.
func TestEveryRequiredFieldIsReported(t *testing.T) {
	v := newValidator(t, validate.WithDate("2026-03-02"))
	patterns := requiredPatterns(v)
	files, err := filepath.Glob("../examples/filings/*-clean.*")
	if err != nil || len(files) < 31 {
		t.Fatalf("%d clean example filings, want one per province: %v", len(files), err)
	}
	checked := 0
	for name, f := range exampleFilings(t) {
		text, err := model.EncodeJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(text, &doc); err != nil {
			t.Fatal(err)
		}
		for _, pattern := range patterns {
			for _, path := range present(doc, pattern) {
				var copyDoc map[string]any
				_ = json.Unmarshal(text, &copyDoc)
				if skip(copyDoc, path) {
					continue
				}
				// On the form of a first filing every subject and service
				// field is asked for; other types ask for fewer.
				copyDoc["type"] = "first_filing"
				blank(copyDoc, path)
				data, _ := json.Marshal(copyDoc)
				g, err := model.DecodeJSON(data)
				if err != nil {
					t.Fatalf("%s without %s: %v", name, path, err)
				}
				report, err := v.Validate(context.Background(), g)
				if err != nil {
					t.Fatal(err)
				}
				if !reportsRequired(report, path) {
					t.Errorf("%s without %s: no required error at that path (ok=%v)", name, path, report.OK)
				}
				checked++
			}
		}
	}
	if checked < len(files)*20 {
		t.Errorf("only %d fields blanked across the clean filings", checked)
	}

	report, err := v.Validate(context.Background(), &model.Filing{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"province", "subject.nature", "subject.name", "subject.certificate.type", "subject.certificate.number", "subject.principal.name", "subject.principal.mobile", "subject.principal.email", "services"} {
		if !reportsRequired(report, path) {
			t.Errorf("the empty filing: no required error at %s", path)
		}
	}
	if report.OK {
		t.Error("the empty filing is ok")
	}
}

// skip says which present values are not themselves required fields: an
// object whose fields are (a principal's certificate: its type and number
// are reported, not the object), and a service principal's contacts when
// the service principal is the subject principal, whose contacts the form
// reuses, and the validity dates of a document that is not an ID card.
func skip(doc map[string]any, path string) bool {
	at := any(doc)
	parts := strings.Split(path, ".")
	for _, part := range parts {
		m := pathPart.FindStringSubmatch(part)
		at = at.(map[string]any)[m[1]]
		if m[2] != "" {
			i, _ := strconv.Atoi(m[2])
			at = at.([]any)[i]
		}
	}
	if _, object := at.(map[string]any); object {
		return true
	}
	if m := regexp.MustCompile(`^services\[(\d+)\]\.principal\.(mobile|email|emergency_phone)$`).FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		service := doc["services"].([]any)[i].(map[string]any)
		number := func(p any) any {
			cert, _ := p.(map[string]any)["certificate"].(map[string]any)
			return cert["number"]
		}
		subject := doc["subject"].(map[string]any)
		return number(service["principal"]) == number(subject["principal"])
	}
	if strings.HasPrefix(path, "subject.principal.certificate.valid_") {
		// The validity of an ID card is asked for, not of other documents.
		cert := doc["subject"].(map[string]any)["principal"].(map[string]any)["certificate"].(map[string]any)
		return cert["type"] != "resident_id"
	}
	return false
}

func reportsRequired(r *validate.Report, path string) bool {
	for _, x := range r.Violations {
		if x.Path == path && x.Category == "required" && x.Severity == validate.SeverityError {
			return true
		}
	}
	return false
}
