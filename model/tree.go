package model

import (
	"strings"
	"unicode/utf8"
)

// kind is the type of a node. Scalars are split by what the document said
// they are: JSON's 13800138000 is a number, and so is a YAML plain
// 13800138000, though a field that takes text reads the YAML one as written
// (see node.plain).
type kind uint8

const (
	nullKind kind = iota
	stringKind
	numberKind
	boolKind
	mappingKind
	sequenceKind
)

func (k kind) String() string {
	return [...]string{"null", "string", "number", "boolean", "object", "list"}[k]
}

// node is the format-neutral document tree that both parsers build and the
// one reflection walker reads.
type node struct {
	kind      kind
	problem   textProblem
	text      string // scalar text, as written
	line, col int
	children  []*node // list elements, or object keys and values alternating
	// plain marks a YAML scalar written plain, without quotes or a tag.
	// People write phone numbers and codes that way (mobile: 13800138000,
	// emergency_phone: 073188886666), so a field that takes text reads it
	// as written, whatever YAML would resolve it to; JSON has no such form.
	plain bool
}

// fail is the error of problem p at n.
func (n *node) fail(path string, p *Problem) *DecodeError {
	return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: p}
}

// isText reports whether n can be read where text belongs: a string, or a
// plain YAML scalar.
func (n *node) isText() bool { return n.kind == stringKind || n.plain }

// found is a Problem naming n's kind as Got and, for a scalar, its text as
// Value, shortened.
func (n *node) found(code Code) *Problem {
	p := &Problem{Code: code, Got: n.kind.String()}
	if n.kind == stringKind || n.kind == numberKind || n.kind == boolKind {
		p.Value = shorten(n.text)
	}
	return p
}

// shorten cuts text to 40 characters, so that an error stays readable.
func shorten(text string) string {
	if utf8.RuneCountInString(text) > 40 {
		return string([]rune(text)[:40]) + "…"
	}
	return text
}

// counter enforces MaxNodes and MaxDepth while a tree is built, and keeps
// the path to the value being built, in the document's own keys, for their
// errors.
type counter struct {
	lim   *Limits
	nodes int
	pathSteps
	slab []node // nodes are allocated in blocks, not one at a time
}

// pathStep is one key (index < 0) or list index of a path.
type pathStep struct {
	key   string
	index int
}

func (c *counter) add(line, col, depth int) (*node, *DecodeError) {
	c.nodes++
	if c.nodes > c.lim.MaxNodes {
		return nil, &DecodeError{Path: c.path(true), Line: line, Column: col, Err: &Problem{Code: CodeTooManyValues, Limit: c.lim.MaxNodes}}
	}
	if depth > c.lim.MaxDepth {
		return nil, &DecodeError{Path: c.path(true), Line: line, Column: col, Err: &Problem{Code: CodeTooDeep, Limit: c.lim.MaxDepth}}
	}
	if len(c.slab) == 0 {
		c.slab = make([]node, min(64, c.lim.MaxNodes-c.nodes+1))
	}
	n := &c.slab[0]
	c.slab = c.slab[1:]
	n.line, n.col = line, col
	return n, nil
}

// pathSteps is where a decoder is in a document, written out only when an
// error needs it: joining every key path as it goes was a tenth of
// decoding a valid filing.
type pathSteps []pathStep

func (s *pathSteps) pushKey(key string) { *s = append(*s, pathStep{key: key, index: -1}) }
func (s *pathSteps) pushIndex(i int)    { *s = append(*s, pathStep{index: i}) }
func (s *pathSteps) pop()               { *s = (*s)[:len(*s)-1] }

// path writes out the steps. readable shows a key that could not be a
// wire key shortened and made valid UTF-8, so that an error stays
// readable; the walker's keys are known to be text, and are shown whole.
func (s pathSteps) path(readable bool) string {
	p := ""
	for _, step := range s {
		switch {
		case step.index >= 0:
			p = indexPath(p, step.index)
		case readable:
			p = keyPath(p, shorten(strings.ToValidUTF8(step.key, "\ufffd")))
		default:
			p = keyPath(p, step.key)
		}
	}
	return p
}
