// Package filingschema generates the JSON Schema (2020-12) of a filing from
// the model's Go types, so that a form, an editor or a client in any
// language can check a filing before it is sent. go generate ./model writes
// it to model/filing.schema.json; a test in package model fails when the
// file is stale.
//
// What the schema says:
//   - every object refuses unknown keys (additionalProperties: false);
//   - enumerations list their canonical values, each with its Chinese
//     meaning as its title; provinces list their slugs, Chinese names and
//     codes (the decoder also accepts full-width forms, letter case and
//     spaces, which a schema cannot list);
//   - dates, date-times and e-mail addresses have their formats; a domain
//     is a string or an object;
//   - every property has a description in Chinese (description) and in
//     English (x-description-en);
//   - required: the fields that the embedded national rules of category
//     "required" demand without a condition (no when), read from
//     provinces.FS(), so that regenerating picks up new ones.
//
// The schema describes the canonical JSON form, which EncodeJSON writes:
// the decoder is more lenient (case-insensitive enumerations, null for
// absent, YAML plain scalars as text).
package filingschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// ID is the schema's $id: where the checked-in file is published.
const ID = "https://raw.githubusercontent.com/icpcheck/icpcheck/main/model/filing.schema.json"

// Generate returns the schema, indented, with a trailing newline.
func Generate() ([]byte, error) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		return nil, err
	}
	return generate(files)
}

// generate builds the schema with the required fields of the rule files.
func generate(files []*rules.File) ([]byte, error) {
	required, err := requiredFields(files)
	if err != nil {
		return nil, err
	}
	g := &generator{required: required}
	root, err := g.object(reflect.TypeFor[model.Filing](), "")
	if err != nil {
		return nil, err
	}
	schema := object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", ID},
		{"title", "icpcheck filing"},
	}
	schema = append(schema, root...)
	schema = append(schema, member{"$defs", g.defs})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(schema); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// object is a JSON object that keeps its keys in the order they were added,
// so that properties appear in the order of the wire format.
type object []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(value)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// generator builds the schema. Objects are written out where they occur,
// so that a required field can be required at one location (the subject's
// principal) and not at another (a service's); the enumerations and
// Province, the same everywhere, are $defs.
type generator struct {
	required map[string][]string // location → required keys, in rule order
	defs     object
}

var (
	domainType   = reflect.TypeFor[model.Domain]()
	provinceType = reflect.TypeFor[model.Province]()
	dateType     = reflect.TypeFor[model.Date]()
	dateTimeType = reflect.TypeFor[model.DateTime]()
)

// value is the schema of a value of type t at location loc, a path in wire
// keys with "[]" for list items ("services[].principal").
func (g *generator) value(t reflect.Type, loc string) (object, error) {
	if e, ok := model.EnumerationOf(t); ok {
		return g.ref(t.Name(), func() object { return enumSchema(e) }), nil
	}
	switch t {
	case provinceType:
		return g.ref("Province", provinceSchema), nil
	case dateType:
		return object{{"type", "string"}, {"format", "date"}}, nil
	case dateTimeType:
		return g.ref("DateTime", dateTimeSchema), nil
	case domainType:
		o, err := g.object(t, loc)
		if err != nil {
			return nil, err
		}
		return object{{"anyOf", []object{{{"type", "string"}}, o}}}, nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.value(t.Elem(), loc)
	case reflect.String:
		return object{{"type", "string"}}, nil
	case reflect.Bool:
		return object{{"type", "boolean"}}, nil
	case reflect.Int:
		return object{{"type", "integer"}}, nil
	case reflect.Slice:
		items, err := g.value(t.Elem(), loc+"[]")
		if err != nil {
			return nil, err
		}
		return object{{"type", "array"}, {"items", items}}, nil
	case reflect.Struct:
		return g.object(t, loc)
	}
	return nil, fmt.Errorf("filingschema: no schema for %s at %s", t, loc)
}

// object is the schema of the struct type t at loc.
func (g *generator) object(t reflect.Type, loc string) (object, error) {
	desc, ok := descriptions[t.Name()]
	if !ok {
		return nil, fmt.Errorf("filingschema: %s has no description", t.Name())
	}
	var props object
	for _, f := range reflect.VisibleFields(t) {
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "" || key == "-" {
			continue
		}
		desc, ok := descriptions[t.Name()+"."+key]
		if !ok {
			return nil, fmt.Errorf("filingschema: %s.%s (%s) has no description", t.Name(), key, f.Name)
		}
		v, err := g.value(f.Type, joinKey(loc, key))
		if err != nil {
			return nil, err
		}
		if format, ok := formats[t.Name()+"."+key]; ok {
			v = append(v, member{"format", format})
		}
		if slices.Contains(g.required[loc], key) {
			v = append(v, nonEmpty(f.Type)...)
		}
		// The property's own description replaces its type's.
		v = slices.DeleteFunc(v, func(m member) bool { return m.key == "description" || m.key == "x-description-en" })
		prop := object{{"description", desc.zh}, {"x-description-en", desc.en}}
		props = append(props, member{key, append(prop, v...)})
	}
	o := object{
		{"description", desc.zh}, {"x-description-en", desc.en},
		{"type", "object"}, {"additionalProperties", false}, {"properties", props},
	}
	if req := g.required[loc]; len(req) > 0 {
		o = append(o, member{"required", req})
	}
	return o, nil
}

// nonEmpty is what a required field adds to its schema: the rules count an
// empty text or list as missing.
func nonEmpty(t reflect.Type) object {
	switch t.Kind() {
	case reflect.String:
		return object{{"minLength", 1}}
	case reflect.Slice:
		return object{{"minItems", 1}}
	}
	return nil
}

// ref returns a reference to the $def name, adding it on first use.
func (g *generator) ref(name string, schema func() object) object {
	if !slices.ContainsFunc(g.defs, func(m member) bool { return m.key == name }) {
		g.defs = append(g.defs, member{name, schema()})
	}
	return object{{"$ref", "#/$defs/" + name}}
}

// enumSchema lists an enumeration's canonical values, each titled with its
// Chinese meaning.
func enumSchema(e model.Enumeration) object {
	var values []object
	for _, v := range e.Values {
		values = append(values, object{{"const", v.Value}, {"title", v.Chinese}})
	}
	return object{
		{"description", e.Chinese}, {"x-description-en", e.Name},
		{"type", "string"}, {"oneOf", values},
	}
}

// provinceSchema lists the 31 slugs, titled with the full names, and the
// other spellings the wire format documents: the short and full Chinese
// names and the GB/T 2260 codes.
func provinceSchema() object {
	var slugs []object
	var others []string
	for _, p := range model.Provinces() {
		slugs = append(slugs, object{{"const", string(p.Slug)}, {"title", p.Full}})
		others = append(others, p.Short, p.Full, p.Code)
	}
	desc := descriptions["Province"]
	return object{
		{"description", desc.zh}, {"x-description-en", desc.en}, {"type", "string"},
		{"anyOf", append(slugs, object{{"enum", others}})},
	}
}

func dateTimeSchema() object {
	desc := descriptions["DateTime"]
	return object{
		{"description", desc.zh}, {"x-description-en", desc.en}, {"type", "string"},
		{"anyOf", []object{{{"format", "date"}}, {{"format", "date-time"}}}},
	}
}

func joinKey(loc, key string) string {
	if loc == "" {
		return key
	}
	return loc + "." + key
}
