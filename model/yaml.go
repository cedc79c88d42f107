package model

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseYAML builds a node tree from the one YAML document in data, within
// the resolved limits lim. yaml.v3 refuses bytes that are not UTF-8 without
// saying where, so each such byte is first replaced by a noncharacter that
// data does not hold, and the values holding it are marked, for the walker
// to refuse with their path. badAt is the offset of the first byte that is
// not UTF-8, or -1.
func parseYAML(data []byte, lim *Limits) (root *node, badAt int, de *DecodeError) {
	badAt = -1
	b := &yamlBuilder{count: counter{lim: lim}, expanding: map[*yaml.Node]bool{}}
	if !utf8.Valid(data) {
		badAt = firstUnreadable(data)
		data, b.sentinel = replaceInvalidUTF8(data)
		if b.sentinel == 0 {
			line, col := textPosition(data, badAt)
			return nil, badAt, &DecodeError{Line: line, Column: col, Err: &Problem{Code: CodeDocumentNotUTF8}}
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	ok, err := nextYAML(dec, &doc, data)
	if err != nil {
		return nil, badAt, firstError(err, data, badAt)
	}
	if !ok || len(doc.Content) == 0 {
		line, col := textPosition(data, len(data))
		return nil, badAt, &DecodeError{Line: line, Column: col, Err: &Problem{Code: CodeEmptyDocument}}
	}
	if ok, err := nextYAML(dec, &extra, data); err != nil || ok {
		if err != nil {
			return nil, badAt, firstError(err, data, badAt)
		}
		return nil, badAt, &DecodeError{Line: extra.Line, Column: extra.Column, Err: &Problem{Code: CodeSeveralDocuments}}
	}
	root, de = b.build(doc.Content[0], 0)
	return root, badAt, de
}

// firstError is the error yaml.v3 gave, or, when bytes that are not UTF-8
// come before it (or it has no position), that the document is not UTF-8.
func firstError(err *DecodeError, data []byte, badAt int) *DecodeError {
	if badAt < 0 {
		return err
	}
	line, col := textPosition(data, badAt)
	if err.Line == 0 || line < err.Line || line == err.Line && (err.Column == 0 || col <= err.Column) {
		return &DecodeError{Line: line, Column: col, Err: &Problem{Code: CodeDocumentNotUTF8}}
	}
	return err
}

// replaceInvalidUTF8 replaces each byte of data that is not UTF-8 with a
// noncharacter (U+FDD0 to U+FDEF) that data does not hold, and returns it;
// 0 when data holds them all.
func replaceInvalidUTF8(data []byte) ([]byte, rune) {
	var sentinel rune
	for r := rune(0xFDD0); r <= 0xFDEF; r++ {
		if !bytes.ContainsRune(data, r) {
			sentinel = r
			break
		}
	}
	if sentinel == 0 {
		return data, 0
	}
	out := make([]byte, 0, len(data)+16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, sentinel)
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out, sentinel
}

// firstUnreadable is the offset of the first byte of data that is not
// UTF-8 or starts a character YAML does not allow (a control character,
// U+FFFE, U+FFFF), or -1.
func firstUnreadable(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i
		case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return i
		}
		i += size
	}
	return -1
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are yaml.v3's parser (not scanner) errors: v3.0.1 gives
// their line counting from 0, so one is added.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlReaderProblems are yaml.v3's errors about characters it cannot read;
// they carry no position.
var yamlReaderProblems = map[string]bool{
	"invalid leading UTF-8 octet":        true,
	"incomplete UTF-8 octet sequence":    true,
	"invalid trailing UTF-8 octet":       true,
	"invalid length of a UTF-8 sequence": true,
	"invalid Unicode character":          true,
	"control characters are not allowed": true,
	"incomplete UTF-16 character":        true,
	"unexpected low surrogate area":      true,
	"incomplete UTF-16 surrogate pair":   true,
	"expected low surrogate area":        true,
}

var yamlUnknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// nextYAML parses the next document into n; ok is false at the end of the
// input. yaml.v3 has panicked on malformed input before, and filings come
// from untrusted callers, so a panic becomes an error. data is the input,
// to find the position of the errors that yaml.v3 gives none.
func nextYAML(dec *yaml.Decoder, n *yaml.Node, data []byte) (ok bool, de *DecodeError) {
	defer func() {
		if r := recover(); r != nil {
			ok, de = false, &DecodeError{Err: &Problem{Code: CodeInvalidYAML, Detail: fmt.Sprint(r)}}
		}
	}()
	err := dec.Decode(n)
	if err == nil || err == io.EOF {
		return err == nil, nil
	}
	problem := &Problem{Code: CodeInvalidYAML, Detail: yamlProblem(err)}
	de = &DecodeError{Err: problem}
	de.Line, de.Column = YAMLErrorPosition(err, data)
	if m := yamlUnknownAnchor.FindStringSubmatch(problem.Detail); m != nil {
		problem.Code, problem.Value = CodeUnknownAnchor, m[1]
	}
	return false, de
}

// aliasOffset finds the use of the alias *name in data: the first that
// stands alone (yaml.v3's anchor names are letters, digits, '-' and '_'),
// else the first at all, else -1.
func aliasOffset(data []byte, name string) int {
	use := []byte("*" + name)
	first := bytes.Index(data, use)
	for from := first; from >= 0; {
		i := bytes.Index(data[from:], use)
		if i < 0 {
			break
		}
		i += from
		end := i + len(use)
		before := i == 0 || bytes.IndexByte([]byte(" \t\r\n[{,:-?"), data[i-1]) >= 0
		after := end == len(data) || !isAnchorByte(data[end])
		if before && after {
			return i
		}
		from = i + 1
	}
	return first
}

func isAnchorByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_'
}

// yamlBuilder converts yaml.v3 nodes, expanding aliases.
type yamlBuilder struct {
	count     counter
	expanding map[*yaml.Node]bool // anchored nodes being converted, to refuse self-reference
	sentinel  rune                // stands for bytes that are not UTF-8; 0 when there are none
}

// build converts y. An alias takes the position of its use, so that an
// error about the value it stands for points there.
func (b *yamlBuilder) build(y *yaml.Node, depth int) (*node, *DecodeError) {
	line, col := y.Line, y.Column
	for y.Kind == yaml.AliasNode {
		y = y.Alias
	}
	if y.Anchor != "" {
		if b.expanding[y] {
			return nil, &DecodeError{Path: b.count.path(true), Line: line, Column: col, Err: &Problem{Code: CodeRecursiveAlias, Value: y.Anchor}}
		}
		b.expanding[y] = true
		defer delete(b.expanding, y)
	}
	if tag := y.ShortTag(); !allowedTag(y, tag) {
		return nil, &DecodeError{Path: b.count.path(true), Line: line, Column: col, Err: &Problem{Code: CodeUnsupportedTag, Value: tag}}
	}
	n, err := b.count.add(line, col, depth)
	if err != nil {
		return nil, err
	}
	switch y.Kind {
	case yaml.MappingNode:
		n.kind = mappingKind
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, err := b.key(y.Content[i], depth+1)
			if err != nil {
				return nil, err
			}
			b.count.pushKey(k.text)
			v, err := b.build(y.Content[i+1], depth+1)
			b.count.pop()
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, k, v)
		}
	case yaml.SequenceNode:
		n.kind = sequenceKind
		for i, c := range y.Content {
			b.count.pushIndex(i)
			v, err := b.build(c, depth+1)
			b.count.pop()
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, v)
		}
	default:
		if b.sentinel != 0 && strings.ContainsRune(y.Value, b.sentinel) {
			n.problem = notUTF8
		}
		if err := scalar(n, y); err != nil {
			err.Path = b.count.path(true)
			return nil, err
		}
	}
	return n, nil
}

// yamlTags are the tags a filing's values may have, written or resolved:
// the standard scalar types, and !!map and !!seq. Any other tag asks a YAML
// library to build something (!!python/object:os.system, !!binary, !!set, a
// local !tag) that a filing never holds, so it is refused on any node.
var yamlTags = map[yaml.Kind][]string{
	yaml.ScalarNode:   {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"},
	yaml.MappingNode:  {"!!map"},
	yaml.SequenceNode: {"!!seq"},
}

// allowedTag reports whether y's tag is one of yamlTags for its kind, or the
// !!merge that YAML resolves a plain << to (a merge key is refused as a key;
// as a value it is the text "<<").
func allowedTag(y *yaml.Node, tag string) bool {
	return slices.Contains(yamlTags[y.Kind], tag) || tag == "!!merge" && y.Style&yaml.TaggedStyle == 0
}

// key converts a mapping key, which must be a scalar; its text is the key
// whatever its type.
func (b *yamlBuilder) key(y *yaml.Node, depth int) (*node, *DecodeError) {
	if y.Kind == yaml.ScalarNode && y.ShortTag() == "!!merge" {
		return nil, &DecodeError{Path: b.count.path(true), Line: y.Line, Column: y.Column, Err: &Problem{Code: CodeMergeKey}}
	}
	k, err := b.build(y, depth)
	if err != nil {
		return nil, err
	}
	if k.kind == mappingKind || k.kind == sequenceKind {
		return nil, k.fail(b.count.path(true), k.found(CodeKeyNotText))
	}
	k.kind = stringKind
	return k, nil
}

// scalar sets the kind and text of n from a YAML scalar's resolved tag.
// Quoted scalars are !!str; a plain date is !!timestamp, which Date and
// DateTime fields take as written; a plain << that is not a key is !!merge.
// The text is kept as written, so that a plain scalar without a tag can be
// read where text belongs: a field that takes text takes 13800138000 as
// those eleven characters, as yaml.v3 itself would.
func scalar(n *node, y *yaml.Node) *DecodeError {
	n.text = y.Value
	n.plain = y.Style == 0 // neither quoted, nor a block, nor tagged
	switch y.ShortTag() {
	case "!!str", "!!timestamp", "!!merge":
		n.kind = stringKind
	case "!!int", "!!float":
		n.kind = numberKind
	case "!!bool":
		n.kind = boolKind
		if !strings.EqualFold(y.Value, "true") && !strings.EqualFold(y.Value, "false") {
			return n.fail("", &Problem{Code: CodeInvalidBoolean, Value: shorten(y.Value)})
		}
	default: // !!null; build has refused the other tags
		n.kind = nullKind
	}
	return nil
}
