package model

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// MergeDocuments overlays one filing document (JSON or YAML) on another and
// returns the result as YAML, for DecodeYAML: mappings merge key by key,
// anything else in over replaces base, and a null in over deletes the key.
// Rule test cases are written this way over a base filing, and the browser
// page overlays its raw editor on the form. Neither input is changed.
func MergeDocuments(base, over []byte) ([]byte, error) {
	var b, o yaml.Node
	if err := yaml.Unmarshal(base, &b); err != nil {
		return nil, fmt.Errorf("base document: %w", err)
	}
	if err := yaml.Unmarshal(over, &o); err != nil {
		return nil, fmt.Errorf("overlay document: %w", err)
	}
	merged := MergeNodes(documentRoot(&b), documentRoot(&o))
	if merged == nil {
		merged = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	return yaml.Marshal(merged)
}

func documentRoot(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return n.Content[0]
	}
	if n.Kind == 0 { // an empty document
		return nil
	}
	return n
}

// MergeNodes is MergeDocuments on parsed YAML nodes; it returns a new node
// and shares unchanged subtrees with its inputs.
func MergeNodes(base, over *yaml.Node) *yaml.Node {
	if over == nil {
		return base
	}
	if base == nil || base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: base.Tag, Style: base.Style}
	overrides := map[string]*yaml.Node{}
	for i := 0; i+1 < len(over.Content); i += 2 {
		overrides[over.Content[i].Value] = over.Content[i+1]
	}
	for i := 0; i+1 < len(base.Content); i += 2 {
		k, v := base.Content[i], base.Content[i+1]
		if o, ok := overrides[k.Value]; ok {
			delete(overrides, k.Value)
			if o.Tag == "!!null" {
				continue
			}
			v = MergeNodes(v, o)
		}
		out.Content = append(out.Content, k, v)
	}
	for i := 0; i+1 < len(over.Content); i += 2 {
		k, v := over.Content[i], over.Content[i+1]
		if _, pending := overrides[k.Value]; pending && v.Tag != "!!null" {
			out.Content = append(out.Content, k, v)
		}
	}
	return out
}
