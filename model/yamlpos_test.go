package model

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 numbers the lines of its parser's problems from 0 and those of
// its scanner's from 1; YAMLErrorPosition gives the true line of both.
func TestYAMLErrorPosition(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
	}{
		{"a: 1\nb: [1\nc: 2\n", 2},      // unclosed flow sequence opened on line 2 (parser)
		{"a: 1\nb: {x: 1\n", 2},         // unclosed flow mapping (parser)
		{"a: 1\nb: 2\n- c\n", 3},        // a list item where a key belongs (parser)
		{"x:\n  y: 1\n z: 2\n", 3},      // a key less indented than its mapping (parser)
		{"a: 1\n\tb: 2\n", 2},           // a tab in the indentation (scanner)
		{"a: 1\nb: 2\n  c: 3\n", 3},     // a mapping value where none may be (scanner)
		{"a: 1\nb: @x\n", 2},            // a reserved character (scanner)
		{"a: 1\nb: 2\nc: 3\nd: [\n", 5}, // content expected at the end of the input (parser)
		{"a: [1\n", 2},                  // context on the first line: the problem's line, at the end
		{"a: 1\nb: {", 2},               // the end of a text without a final line break: its last line
		{"a: 1\nb: 2\nc: [", 3},         // the same, further down
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(c.doc), &n)
		if err == nil {
			t.Fatalf("%q parsed", c.doc)
		}
		if line, _ := YAMLErrorPosition(err, []byte(c.doc)); line != c.line {
			t.Errorf("%q: line %d, want %d (%v)", c.doc, line, c.line, err)
		}
	}
}
