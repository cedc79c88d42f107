package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxInputBytes is the largest document the decoders accept.
const MaxInputBytes = 8 << 20

// MaxNodes is the most values (objects, lists, keys and scalars) a document
// may hold. Each use of a YAML alias counts as a full copy of its anchor, so
// an alias bomb is refused before it is expanded.
const MaxNodes = 1_000_000

// maxDepth bounds nesting: a filing is a few levels deep, and the builders
// recurse, so a pathological document must not exhaust the stack.
const maxDepth = 1000

// DecodeError is the error of the decoders and of Check. Path is in the
// wire form's keys ("services[1].principal.mobile", empty for the filing as a
// whole); Line and Column are 1-based and zero when unknown.
type DecodeError struct {
	File         string
	Path         string
	Line, Column int
	Err          error
}

// Error formats the error as "file:line:col: path: message", leaving out the
// parts that are not known.
func (e *DecodeError) Error() string {
	var b strings.Builder
	loc := e.File
	if e.Line > 0 {
		if loc != "" {
			loc += ":"
		}
		loc += strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	if loc != "" {
		b.WriteString(loc + ": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("invalid filing")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// keyPath and indexPath build the paths of DecodeError and of Check.
func keyPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func indexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// DecodeJSON strictly decodes a JSON filing. Errors are *DecodeError.
func DecodeJSON(data []byte) (*Filing, error) {
	return decode("", data, parseJSON)
}

// DecodeYAML strictly decodes a YAML filing (one document). Errors are
// *DecodeError.
func DecodeYAML(data []byte) (*Filing, error) {
	return decode("", data, parseYAML)
}

// DecodeFile decodes the filing read from the named file, choosing the format
// by extension (.json, .yaml, .yml). For "-" (standard input) and other names
// the content decides: JSON when it starts with '{', YAML otherwise. Errors
// are *DecodeError naming the file.
func DecodeFile(name string, data []byte) (*Filing, error) {
	file := name
	if name == "-" {
		file = "<stdin>"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return decode(file, data, parseJSON)
	case ".yaml", ".yml":
		return decode(file, data, parseYAML)
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), jsonSpace); len(t) > 0 && t[0] == '{' {
		return decode(file, data, parseJSON)
	}
	return decode(file, data, parseYAML)
}

var utf8BOM = []byte("\ufeff")

func decode(file string, data []byte, parse func([]byte) (*node, *DecodeError)) (*Filing, error) {
	f, err := decodeFiling(data, parse)
	if err != nil {
		err.File = file
		return nil, err
	}
	return f, nil
}

func decodeFiling(data []byte, parse func([]byte) (*node, *DecodeError)) (*Filing, *DecodeError) {
	if len(data) > MaxInputBytes {
		return nil, &DecodeError{Err: fmt.Errorf("input is %d bytes, more than the limit of %d (8 MiB)", len(data), MaxInputBytes)}
	}
	root, err := parse(data)
	if err != nil {
		return nil, err
	}
	if root.kind != mappingKind {
		return nil, root.errorf("", "the top level must be an object, got %s", root.describe())
	}
	f := new(Filing)
	if err := decodeValue(root, reflect.ValueOf(f).Elem(), ""); err != nil {
		return nil, err
	}
	return f, nil
}

// kind is the type of a node. Scalars are split by what the document said
// they are: a YAML plain 13800138000 or true is a number or a boolean, not
// a string.
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
	text      string // scalar text; booleans are "true" or "false"
	line, col int
	children  []*node // list elements, or object keys and values alternating
}

func (n *node) errorf(path, format string, args ...any) *DecodeError {
	return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: fmt.Errorf(format, args...)}
}

// describe names a node's kind and, for scalars, its (shortened) text.
func (n *node) describe() string {
	text := n.text
	if utf8.RuneCountInString(text) > 40 {
		text = string([]rune(text)[:40]) + "…"
	}
	switch n.kind {
	case stringKind:
		return "string " + strconv.Quote(text)
	case numberKind, boolKind:
		return n.kind.String() + " " + text
	}
	return n.kind.String()
}

// counter enforces MaxNodes and maxDepth while a tree is built.
type counter struct{ nodes int }

func (c *counter) add(line, col, depth int) (*node, *DecodeError) {
	c.nodes++
	if c.nodes > MaxNodes {
		return nil, &DecodeError{Line: line, Column: col, Err: fmt.Errorf("document has more than %d values (each use of a YAML alias counts as a copy)", MaxNodes)}
	}
	if depth > maxDepth {
		return nil, &DecodeError{Line: line, Column: col, Err: fmt.Errorf("document is nested more than %d levels deep", maxDepth)}
	}
	return &node{line: line, col: col}, nil
}

// jsonParser builds a node tree from encoding/json's token stream. Token
// positions come from Decoder.InputOffset; line and column are advanced
// incrementally, so the whole document is scanned once.
type jsonParser struct {
	data           []byte
	dec            *json.Decoder
	count          counter
	off, line, col int // the position reached so far, and its line and column
}

func parseJSON(data []byte) (*node, *DecodeError) {
	data = bytes.TrimPrefix(data, utf8BOM)
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1, col: 1}
	p.dec.UseNumber()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	// Only white space may follow; encoding/json would go on to read "{}{}".
	if len(bytes.TrimLeft(data[p.dec.InputOffset():], jsonSpace)) > 0 {
		return nil, p.syntaxError(errors.New("data after the top-level value"))
	}
	return root, nil
}

const jsonSpace = " \t\r\n"

// advance moves the position to offset off and returns its line and column
// (columns count characters, as yaml.v3's do).
func (p *jsonParser) advance(off int) (line, col int) {
	for ; p.off < off && p.off < len(p.data); p.off++ {
		switch c := p.data[p.off]; {
		case c == '\n':
			p.line++
			p.col = 1
		case c&0xC0 != 0x80: // not a UTF-8 continuation byte
			p.col++
		}
	}
	return p.line, p.col
}

// token returns the next token and where it starts. The caller knows a
// token must follow, so the end of the input is an error.
func (p *jsonParser) token() (json.Token, int, int, *DecodeError) {
	start := int(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err != nil {
		return nil, 0, 0, p.syntaxError(err)
	}
	// The decoder skips white space and the separators before a token.
	for start < len(p.data) && strings.IndexByte(jsonSpace+",:", p.data[start]) >= 0 {
		start++
	}
	line, col := p.advance(start)
	return tok, line, col, nil
}

func (p *jsonParser) syntaxError(err error) *DecodeError {
	off := len(p.data)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = errors.New("unexpected end of input")
	} else {
		// The offset in Token's SyntaxError is not from the start of the
		// input; Unmarshal validates it all first and finds the same byte
		// with an offset that is.
		var se *json.SyntaxError
		if errors.As(json.Unmarshal(p.data, &struct{}{}), &se) {
			err, off = se, int(se.Offset)-1 // Offset counts the offending byte
		}
	}
	line, col := p.advance(off)
	return &DecodeError{Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %w", err)}
}

func (p *jsonParser) value(depth int) (*node, *DecodeError) {
	tok, line, col, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(tok, line, col, depth)
}

func (p *jsonParser) valueFrom(tok json.Token, line, col, depth int) (*node, *DecodeError) {
	n, err := p.count.add(line, col, depth)
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim: // '{' or '[': Token reports a misplaced closer as an error
		if t == '{' {
			n.kind = mappingKind
			return n, p.object(n, depth)
		}
		n.kind = sequenceKind
		return n, p.array(n, depth)
	case string:
		n.kind, n.text = stringKind, t
	case json.Number:
		n.kind, n.text = numberKind, string(t)
	case bool:
		n.kind, n.text = boolKind, strconv.FormatBool(t)
	}
	return n, nil // a nil token is JSON null
}

func (p *jsonParser) object(n *node, depth int) *DecodeError {
	for {
		tok, line, col, err := p.token()
		if err != nil {
			return err
		}
		key, ok := tok.(string) // the decoder allows only a key or '}' here
		if !ok {
			return nil
		}
		k, err := p.count.add(line, col, depth+1)
		if err != nil {
			return err
		}
		k.kind, k.text = stringKind, key
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.children = append(n.children, k, v)
	}
}

func (p *jsonParser) array(n *node, depth int) *DecodeError {
	for {
		tok, line, col, err := p.token()
		if err != nil {
			return err
		}
		if tok == json.Delim(']') {
			return nil
		}
		v, err := p.valueFrom(tok, line, col, depth+1)
		if err != nil {
			return err
		}
		n.children = append(n.children, v)
	}
}

// parseYAML builds a node tree from the one YAML document in data.
func parseYAML(data []byte) (*node, *DecodeError) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	ok, err := nextYAML(dec, &doc)
	if err != nil {
		return nil, err
	}
	if !ok || len(doc.Content) == 0 {
		return nil, &DecodeError{Err: errors.New("empty document: a filing is an object")}
	}
	if ok, err := nextYAML(dec, &extra); err != nil || ok {
		if err != nil {
			return nil, err
		}
		return nil, &DecodeError{Line: extra.Line, Column: extra.Column, Err: errors.New("more than one YAML document: a file holds one filing")}
	}
	b := &yamlBuilder{expanding: map[*yaml.Node]bool{}}
	return b.build(doc.Content[0], 0)
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

// nextYAML parses the next document into n; ok is false at the end of the
// input. yaml.v3 has panicked on malformed input before, and filings come
// from untrusted callers, so a panic becomes an error.
func nextYAML(dec *yaml.Decoder, n *yaml.Node) (ok bool, de *DecodeError) {
	defer func() {
		if r := recover(); r != nil {
			ok, de = false, &DecodeError{Err: fmt.Errorf("invalid YAML: %v", r)}
		}
	}()
	err := dec.Decode(n)
	if err == nil || err == io.EOF {
		return err == nil, nil
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	de = &DecodeError{}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		de.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if yamlParserProblems[msg] {
			de.Line++
		}
	}
	de.Err = errors.New("invalid YAML: " + msg)
	return false, de
}

// yamlBuilder converts yaml.v3 nodes, expanding aliases.
type yamlBuilder struct {
	count     counter
	expanding map[*yaml.Node]bool // anchored nodes being converted, to refuse self-reference
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
			return nil, &DecodeError{Line: line, Column: col, Err: fmt.Errorf("alias *%s is used inside its own anchor", y.Anchor)}
		}
		b.expanding[y] = true
		defer delete(b.expanding, y)
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
			v, err := b.build(y.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, k, v)
		}
	case yaml.SequenceNode:
		n.kind = sequenceKind
		for _, c := range y.Content {
			v, err := b.build(c, depth+1)
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, v)
		}
	default:
		return n, scalar(n, y)
	}
	return n, nil
}

// key converts a mapping key, which must be a scalar; its text is the key
// whatever its type.
func (b *yamlBuilder) key(y *yaml.Node, depth int) (*node, *DecodeError) {
	if y.Kind == yaml.ScalarNode && y.ShortTag() == "!!merge" {
		return nil, &DecodeError{Line: y.Line, Column: y.Column, Err: errors.New("YAML merge keys (<<) are not supported; write the keys out")}
	}
	k, err := b.build(y, depth)
	if err != nil {
		return nil, err
	}
	if k.kind == mappingKind || k.kind == sequenceKind {
		return nil, k.errorf("", "a key must be a string, got %s", k.describe())
	}
	k.kind = stringKind
	return k, nil
}

// scalar sets the kind and text of n from a YAML scalar's resolved tag.
// Quoted scalars are !!str; a plain date is !!timestamp, which Date and
// DateTime fields take as written; a plain << that is not a key is !!merge.
func scalar(n *node, y *yaml.Node) *DecodeError {
	n.text = y.Value
	switch tag := y.ShortTag(); tag {
	case "!!str", "!!timestamp", "!!merge":
		n.kind = stringKind
	case "!!int", "!!float":
		n.kind = numberKind
	case "!!bool":
		n.kind, n.text = boolKind, strings.ToLower(y.Value)
		if n.text != "true" && n.text != "false" {
			return n.errorf("", "invalid boolean %q", y.Value)
		}
	case "!!null":
		n.kind = nullKind
	default:
		return n.errorf("", "unsupported YAML tag %s", tag)
	}
	return nil
}

// textValue is implemented by the pointer types whose wire form is a string
// that is validated and canonicalised: the enumerations, Province, Date and
// DateTime. The decoder and Check both go through it.
type textValue interface{ setText(string) error }

var (
	textValueType = reflect.TypeFor[textValue]()
	domainType    = reflect.TypeFor[Domain]()
)

// wireField is a struct field and its wire key.
type wireField struct {
	name  string
	index int
}

type structFields struct {
	list    []wireField
	byName  map[string]int
	allowed string // the keys, for the unknown-key error
}

var fieldCache sync.Map // reflect.Type → *structFields

// fieldsOf lists a struct's wire keys, taken from the json tags.
func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	sf := &structFields{byName: map[string]int{}}
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		sf.list = append(sf.list, wireField{name, i})
		sf.byName[name] = i
		names = append(names, name)
	}
	sf.allowed = strings.Join(names, ", ")
	fieldCache.Store(t, sf)
	return sf
}

// expected names what a value of type t looks like on the wire.
func expected(t reflect.Type) string {
	switch {
	case t == domainType:
		return "a string or an object"
	case reflect.PointerTo(t).Implements(textValueType):
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int:
		return "an integer"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return expected(t.Elem())
	}
	return t.String()
}

func typeError(n *node, path string, t reflect.Type) *DecodeError {
	return n.errorf(path, "expected %s, got %s", expected(t), n.describe())
}

// decodeValue is the one walker for both formats: it stores n into the
// addressable v, reporting the first error in document order.
func decodeValue(n *node, v reflect.Value, path string) *DecodeError {
	if n.kind == nullKind {
		return nil // null means absent
	}
	if tv, ok := v.Addr().Interface().(textValue); ok {
		if n.kind != stringKind {
			return typeError(n, path, v.Type())
		}
		if err := tv.setText(n.text); err != nil {
			return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: err}
		}
		return nil
	}
	if v.Type() == domainType && n.kind == stringKind {
		v.Set(reflect.ValueOf(Domain{Name: n.text}))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if n.kind != stringKind {
			return typeError(n, path, v.Type())
		}
		v.SetString(n.text)
	case reflect.Bool:
		if n.kind != boolKind {
			return typeError(n, path, v.Type())
		}
		v.SetBool(n.text == "true")
	case reflect.Int:
		if n.kind != numberKind {
			return typeError(n, path, v.Type())
		}
		// Base 0 with every underscore dropped, as yaml.v3 resolves ints:
		// 0x1F, 0o17 and 1_000 are ints too.
		i, err := strconv.ParseInt(strings.ReplaceAll(n.text, "_", ""), 0, strconv.IntSize)
		if errors.Is(err, strconv.ErrRange) {
			return n.errorf(path, "integer %s is out of range", n.text)
		}
		if err != nil {
			return typeError(n, path, v.Type())
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := decodeValue(n, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if n.kind != sequenceKind {
			return typeError(n, path, v.Type())
		}
		if len(n.children) == 0 {
			return nil // an empty list is absent, as in the encoded form
		}
		s := reflect.MakeSlice(v.Type(), len(n.children), len(n.children))
		for i, el := range n.children {
			p := indexPath(path, i)
			if el.kind == nullKind {
				return typeError(el, p, v.Type().Elem())
			}
			if err := decodeValue(el, s.Index(i), p); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		if n.kind != mappingKind {
			return typeError(n, path, v.Type())
		}
		return decodeStruct(n, v, path)
	default:
		return n.errorf(path, "model: cannot decode into %s", v.Type())
	}
	return nil
}

func decodeStruct(n *node, v reflect.Value, path string) *DecodeError {
	fields := fieldsOf(v.Type())
	seen := make(map[string]*node, len(n.children)/2)
	for i := 0; i+1 < len(n.children); i += 2 {
		k, val := n.children[i], n.children[i+1]
		p := keyPath(path, k.text)
		if first, dup := seen[k.text]; dup {
			return k.errorf(p, "duplicate key %q (first at line %d)", k.text, first.line)
		}
		seen[k.text] = k
		index, ok := fields.byName[k.text]
		if !ok {
			return k.errorf(p, "unknown key %q (allowed keys: %s)", k.text, fields.allowed)
		}
		if err := decodeValue(val, v.Field(index), p); err != nil {
			return err
		}
	}
	return nil
}
