// Package rulefileschema generates the JSON Schema (2020-12) of a rule file,
// so that an editor with the YAML language server checks rule files as they
// are written. go generate ./rules writes it to rules/rulefile.schema.json;
// a test in package rules fails when that file is stale.
//
// What can drift is read from the code the parser runs: the keys of every
// mapping and the collections each names from rules.ParseFile itself (see
// probe.go), the severities, categories and known facts from package rules,
// and the subject natures, filing types, resource types and provinces from
// package model. Only the shapes are written here (shapes.go), and the
// generator fails when the parser allows a key that has no shape, or a
// shape names a key the parser refuses.
//
// The schema checks what a schema can: keys, types, enumerations, dates,
// id and name patterns, required keys, and what only shared or province
// files may hold. The parser and the compiler check more: CEL, the
// placeholders of texts, that ids start with the file's scope, that a
// test_base names one of test_bases, that applied rules exist.
package rulefileschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// ID is the schema's $id: where the checked-in file is published.
const ID = "https://raw.githubusercontent.com/icpcheck/icpcheck/main/rules/rulefile.schema.json"

// Generate returns the schema, indented, with a trailing newline.
func Generate() ([]byte, error) {
	vocab, err := askParser()
	if err != nil {
		return nil, err
	}
	root, err := build(vocab)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// schema is one JSON Schema, with the keywords the generator uses, written
// in this order.
type schema struct {
	Schema               string              `json:"$schema,omitempty"`
	ID                   string              `json:"$id,omitempty"`
	Title                string              `json:"title,omitempty"`
	Description          string              `json:"description,omitempty"`
	Ref                  string              `json:"$ref,omitempty"`
	Type                 any                 `json:"type,omitempty"` // a name or a list of them
	Const                any                 `json:"const,omitempty"`
	Enum                 []string            `json:"enum,omitempty"`
	EnumDescriptions     []string            `json:"enumDescriptions,omitempty"` // shown by editors beside each value
	Pattern              string              `json:"pattern,omitempty"`
	Format               string              `json:"format,omitempty"`
	MinLength            int                 `json:"minLength,omitempty"`
	Items                *schema             `json:"items,omitempty"`
	MinItems             int                 `json:"minItems,omitempty"`
	MaxItems             int                 `json:"maxItems,omitempty"`
	Properties           properties          `json:"properties,omitempty"`
	PropertyNames        *schema             `json:"propertyNames,omitempty"`
	AdditionalProperties any                 `json:"additionalProperties,omitempty"` // false or a schema
	Required             []string            `json:"required,omitempty"`
	DependentRequired    map[string][]string `json:"dependentRequired,omitempty"`
	AnyOf                []*schema           `json:"anyOf,omitempty"`
	OneOf                []*schema           `json:"oneOf,omitempty"`
	AllOf                []*schema           `json:"allOf,omitempty"`
	If                   *schema             `json:"if,omitempty"`
	Else                 *schema             `json:"else,omitempty"`
	Not                  *schema             `json:"not,omitempty"`
	Defs                 properties          `json:"$defs,omitempty"`
}

// properties are named schemas, written in the order given: a rule's keys
// in the order the parser lists them, which is the order rule files use.
type properties []property

type property struct {
	name   string
	schema *schema
}

// MarshalJSON writes the properties as one object, in order.
func (ps properties) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			buf.WriteByte(',')
		}
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false) // json.Marshal would write < as \u003c
		if err := enc.Encode(p.name); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(p.schema); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// ref refers to the $defs entry name.
func ref(name, description string) *schema {
	return &schema{Description: description, Ref: "#/$defs/" + name}
}

// forbidden is a key that a file of some scope may not hold.
func forbidden(description string) *schema {
	return &schema{Description: description, Not: &schema{}}
}

// mapping is the schema of the mapping the parser calls place, with the
// shape of each key it allows; unknown keys are refused, as the parser
// refuses them.
func (v *vocabulary) mapping(place, description string, shapes map[string]*schema) (*schema, error) {
	keys, ok := v.keys[place]
	if !ok {
		return nil, fmt.Errorf("rulefileschema: the parser named no keys for %s", place)
	}
	var props properties
	for _, k := range keys {
		s, ok := shapes[k]
		if !ok {
			return nil, fmt.Errorf("rulefileschema: the parser allows %s in %s, and the schema has no shape for it", k, place)
		}
		if s.Description == "" {
			return nil, fmt.Errorf("rulefileschema: %s in %s has no description", k, place)
		}
		props = append(props, property{k, s})
	}
	for k := range shapes {
		if !slices.Contains(keys, k) {
			return nil, fmt.Errorf("rulefileschema: the schema has %s in %s, which the parser refuses", k, place)
		}
	}
	return &schema{Description: description, Type: "object", AdditionalProperties: false, Properties: props}, nil
}

// enum is a string schema of values, each with its description; it fails
// when a value has none or a description names no value.
func enum(what, description string, values []string, descriptions map[string]string) (*schema, error) {
	s := &schema{Description: description, Type: "string", Enum: values}
	for _, v := range values {
		d, ok := descriptions[v]
		if !ok {
			return nil, fmt.Errorf("rulefileschema: %s %s has no description", what, v)
		}
		s.EnumDescriptions = append(s.EnumDescriptions, d)
	}
	for v := range descriptions {
		if !slices.Contains(values, v) {
			return nil, fmt.Errorf("rulefileschema: %s %s is described but is none", what, v)
		}
	}
	return s, nil
}
