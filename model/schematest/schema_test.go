// Package schematest checks model.FilingSchema and rules.FileSchema with a
// real JSON Schema validator. It is a module of its own, so that the
// validator never becomes a dependency of icpcheck's users.
package schematest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/model"
)

// compile compiles an embedded schema as a 2020-12 validator that also
// asserts formats (date, date-time, email), which by default it would only
// note.
func compile(t *testing.T, url string, text []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// instance reads a filing file as the JSON value the schema checks: a JSON
// file as written, a YAML file converted the way the decoder reads it.
func instance(t *testing.T, name string, data []byte) any {
	t.Helper()
	if strings.HasSuffix(name, ".json") {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := fromYAML(&doc, reflect.TypeFor[model.Filing]())
	return asInstance(t, name, v, err)
}

// asInstance turns a value read from YAML into the form the validator
// takes, as if it had been read from JSON.
func asInstance(t *testing.T, name string, v any, err error) any {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	text, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err = jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// fromYAML converts a YAML node to JSON values as model.DecodeYAML reads
// it: a plain scalar where the filing takes text is that text as written,
// and null is absent. t is the Go type the node decodes into; nil where the
// filing has no such key, so that the schema sees the key and refuses it.
func fromYAML(n *yaml.Node, t reflect.Type) (any, error) {
	n = content(n)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.MappingNode:
		object := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if n.Content[i+1].ShortTag() == "!!null" {
				continue // null is absent
			}
			v, err := fromYAML(n.Content[i+1], fieldType(t, key))
			if err != nil {
				return nil, err
			}
			object[key] = v
		}
		return object, nil
	case yaml.SequenceNode:
		var elem reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			elem = t.Elem()
		}
		list := []any{}
		for _, c := range n.Content {
			v, err := fromYAML(c, elem)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	}
	return scalar(n, t != nil && (t.Kind() == reflect.String || t == reflect.TypeFor[model.Domain]()))
}

// content is the node n stands for: a document's root, an alias's target.
func content(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else {
			n = n.Content[0]
		}
	}
	return n
}

// scalar converts a scalar node by its tag, as YAML 1.2 reads it (a
// timestamp is text); with asText, a plain scalar is the text as written.
func scalar(n *yaml.Node, asText bool) (any, error) {
	switch tag := n.ShortTag(); {
	case tag == "!!str" || tag == "!!timestamp" || asText && n.Style == 0:
		return n.Value, nil
	case tag == "!!int" || tag == "!!float":
		return json.Number(n.Value), nil
	case tag == "!!bool":
		return strings.EqualFold(n.Value, "true"), nil
	case tag == "!!null":
		return nil, nil
	default:
		return nil, fmt.Errorf("line %d: YAML tag %s", n.Line, tag)
	}
}

// fieldType is the type of struct t's field with the wire key, or nil.
func fieldType(t reflect.Type, key string) reflect.Type {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	for _, f := range reflect.VisibleFields(t) {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return f.Type
		}
	}
	return nil
}

func exampleFilings(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, pattern := range []string{"*.json", "*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "examples", "filings", pattern))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, m...)
	}
	if len(names) < 50 {
		t.Fatalf("found %d example filings", len(names))
	}
	slices.Sort(names)
	return names
}

// Every example filing, clean or failing a rule, is a well-formed filing:
// the schema accepts it, and so does the decoder.
func TestExampleFilingsValidate(t *testing.T) {
	schema := compile(t, "filing.schema.json", model.FilingSchema())
	for _, name := range exampleFilings(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := model.DecodeFile(name, data); err != nil {
				t.Fatalf("the decoder refuses it: %v", err)
			}
			if err := schema.Validate(instance(t, name, data)); err != nil {
				t.Errorf("the schema refuses it: %v", err)
			}
		})
	}
}

// A filing with an unknown key or an unknown enumeration value fails the
// schema, at the value at fault, as it fails the decoder. So does what the
// schema's types and formats refuse.
func TestSchemaRefuses(t *testing.T) {
	schema := compile(t, "filing.schema.json", model.FilingSchema())
	base, err := os.ReadFile(filepath.Join("..", "..", "examples", "filings", "hunan-clean.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, overlay string
		at            string // the instance location the schema names
		decoderToo    bool   // the decoder refuses it as well
	}{
		{"unknown top-level key", "provnce: hunan\n", "", true},
		{"unknown nested key", "subject: {principal: {mobil: '13800138000'}}\n", "/subject/principal", true},
		{"unknown key in a service", "services: [{kind: website, name: 湘江云, domains: [xj.cn], nmae: x}]\n", "/services/0", true},
		{"unknown nature", "subject: {nature: company}\n", "/subject/nature", true},
		{"unknown service kind", "services: [{kind: webbsite, name: 湘江云, domains: [xj.cn]}]\n", "/services/0/kind", true},
		{"unknown material kind", "materials: [{kind: selfie}]\n", "/materials/0/kind", true},
		{"unknown province", "province: atlantis\n", "/province", true},
		{"an invalid date", "subject: {certificate: {valid_until: '2023-02-30'}}\n", "/subject/certificate/valid_until", true},
		{"an invalid e-mail address", "subject: {principal: {email: 'zhao@'}}\n", "/subject/principal/email", false},
		{"a list for text", "subject: {name: [a]}\n", "/subject/name", true},
		{"a tagged number for text", "subject: {principal: {mobile: !!int 13800138000}}\n", "/subject/principal/mobile", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := model.MergeDocuments(base, []byte(tt.overlay))
			if err != nil {
				t.Fatal(err)
			}
			_, decodeErr := model.DecodeYAML(data)
			if (decodeErr != nil) != tt.decoderToo {
				t.Errorf("the decoder gives %v", decodeErr)
			}
			err = schema.Validate(instance(t, "filing.yaml", data))
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("the schema accepts it (%v)", err)
			}
			if locations := leafLocations(ve); !slices.Contains(locations, tt.at) {
				t.Errorf("the schema refuses it at %q, want %q:\n%v", locations, tt.at, err)
			}
		})
	}
}

// leafLocations are the instance locations of the innermost errors, as
// JSON pointers.
func leafLocations(e *jsonschema.ValidationError) []string {
	if len(e.Causes) == 0 {
		loc := ""
		for _, step := range e.InstanceLocation {
			loc += "/" + step
		}
		return []string{loc}
	}
	var locs []string
	for _, c := range e.Causes {
		locs = append(locs, leafLocations(c)...)
	}
	return locs
}

// YAML as people write it stays valid through the conversion: plain numbers
// where text belongs are text. The same numbers in JSON are refused.
func TestPlainYAMLNumbersAreText(t *testing.T) {
	schema := compile(t, "filing.schema.json", model.FilingSchema())
	yamlFiling := "type: first_filing\nprovince: 43\nsubject:\n  nature: individual\n  name: 0731\n  certificate: {type: resident_id, number: 430102198803121231}\n  principal: {mobile: 13800138000, emergency_phone: 073188886666}\n"
	if _, err := model.DecodeYAML([]byte(yamlFiling)); err != nil {
		t.Fatalf("the decoder refuses it: %v", err)
	}
	if err := schema.Validate(instance(t, "filing.yaml", []byte(yamlFiling))); err != nil {
		t.Errorf("the schema refuses the YAML: %v", err)
	}
	jsonFiling := `{"subject": {"principal": {"mobile": 13800138000}}}`
	if _, err := model.DecodeJSON([]byte(jsonFiling)); err == nil {
		t.Error("the decoder accepts a JSON number where text belongs")
	}
	if err := schema.Validate(instance(t, "filing.json", []byte(jsonFiling))); err == nil {
		t.Error("the schema accepts a JSON number where text belongs")
	}
}
