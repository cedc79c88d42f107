package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// EncodeJSON writes f in the canonical wire form: two-space indentation,
// keys in struct order, empty fields left out, a trailing newline. f must
// pass Check; the error otherwise is Check's.
func EncodeJSON(f *Filing) ([]byte, error) {
	if err := Check(f); err != nil {
		return nil, err
	}
	return marshalJSON(f, "  ")
}

// EncodeYAML writes f in block-style YAML with the same keys, in the same
// order, as EncodeJSON. f must pass Check.
func EncodeYAML(f *Filing) ([]byte, error) {
	j, err := EncodeJSON(f)
	if err != nil {
		return nil, err
	}
	// The YAML is built from the JSON form so that the two cannot drift
	// apart (Domain's two forms, omitted fields, key order).
	root, de := parseJSON(j)
	if de != nil {
		return nil, de
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root.yamlNode()); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// yamlNode converts a tree read from EncodeJSON's output (which has no
// nulls) to yaml.v3 nodes with their tags but no style, so the encoder writes
// block style and quotes only the strings that need it (such as
// "13800138000" or "2030-01-01").
func (n *node) yamlNode() *yaml.Node {
	y := &yaml.Node{Kind: yaml.ScalarNode, Value: n.text}
	switch n.kind {
	case mappingKind:
		y.Kind, y.Tag = yaml.MappingNode, "!!map"
	case sequenceKind:
		y.Kind, y.Tag = yaml.SequenceNode, "!!seq"
	case stringKind:
		y.Tag = "!!str"
		if r, _ := utf8.DecodeRuneInString(n.text); unicode.IsSpace(r) && strings.Contains(n.text, "\n") {
			// yaml.v3 would write a literal block, and there it drops a
			// leading line break and writes a leading tab it cannot read.
			y.Style = yaml.DoubleQuotedStyle
		}
	case numberKind:
		y.Tag = "!!int" // the only numbers in a Filing are ints
	case boolKind:
		y.Tag = "!!bool"
	}
	for _, c := range n.children {
		y.Content = append(y.Content, c.yamlNode())
	}
	return y
}

// MarshalJSON writes a domain as a bare string when only its name is set,
// and as an object otherwise.
func (d Domain) MarshalJSON() ([]byte, error) {
	if d == (Domain{Name: d.Name}) {
		return marshalJSON(d.Name, "")
	}
	type object Domain // without this method, so that it does not recurse
	return marshalJSON(object(d), "")
}

// marshalJSON is json.Marshal without HTML escaping, so that names with
// "&" or "<" stay readable; indent "" is compact.
func marshalJSON(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if indent == "" {
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	return buf.Bytes(), nil
}
