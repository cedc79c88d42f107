package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits bounds what the decoders accept, so that a hostile document is
// refused early, with a *DecodeError that wraps ErrLimit, instead of
// exhausting memory, the stack, or the validator's time later. A zero (or
// negative) field means its default, the value in DefaultLimits as the
// package declares it:
//
//   - MaxBytes, default 8 MiB (MaxInputBytes): the largest JSON document.
//     JSON is parsed as a stream and counted as it goes, so MaxNodes bounds
//     what a JSON document costs: a hostile 8 MiB JSON ("[1,1,1,…]")
//     allocates about 40 MB in all with the defaults.
//   - MaxYAMLBytes, default 512 KiB: the largest YAML document.
//     gopkg.in/yaml.v3 builds its whole tree before the decoder can count
//     anything, at up to about 350 bytes allocated per input byte for a
//     document of tiny values with comments ("{a #\n#\n,a #\n#\n,…}",
//     "- #\n- #\n…"; about 250 bytes for "{a,a,a,…}", 140 for "[1,1,1,…]").
//     Measured with the defaults, the worst hostile 512 KiB YAML allocates
//     about 190 MB in all; 8 MiB could allocate 3 GB. Raise it only for
//     input you trust: a real filing is a few kilobytes, and JSON may be
//     larger.
//   - MaxNodes, default 250 000: the most values (objects, lists, keys and
//     scalars) in a document. Each use of a YAML alias counts as a full copy
//     of its anchor, so an alias bomb ("billion laughs") is refused before
//     it is expanded.
//   - MaxDepth, default 64: how deeply values may nest; a filing's deepest
//     value, services[0].principal.certificate.number, is five levels below
//     the top. Values above
//     10 000, yaml.v3's own limit, count as 10 000, so that the recursive
//     builders cannot exhaust the stack.
//   - MaxListItems, default 1 000: the most items in any one list: services,
//     domains, ips, content, materials and every other. The error names the
//     list's key path and line ("services[3].domains: list has more than
//     1000 items").
//   - MaxStringBytes, default 64 KiB: the longest scalar (string, number,
//     boolean) and the longest key, in bytes. The error names the key path
//     and line ("services[0].name: value is 1048576 bytes, more than the
//     limit of 65536").
//
// The limits are checked in this order: bytes before parsing; nodes and
// depth while the document is parsed (their errors carry the path in the
// document's own keys where the parser knows it); list items and string
// bytes while the document is decoded into a Filing, in document order with
// the other errors.
type Limits struct {
	MaxBytes       int
	MaxYAMLBytes   int
	MaxNodes       int
	MaxDepth       int
	MaxListItems   int
	MaxStringBytes int
}

const (
	defaultMaxBytes       = 8 << 20
	defaultMaxYAMLBytes   = 512 << 10
	defaultMaxNodes       = 250_000
	defaultMaxDepth       = 64
	defaultMaxListItems   = 1_000
	defaultMaxStringBytes = 64 << 10

	// maxDepthCap is yaml.v3's own nesting limit; deeper JSON would only
	// deepen the parser's recursion.
	maxDepthCap = 10_000
)

// DefaultLimits are the limits of the package-level DecodeJSON, DecodeYAML
// and DecodeFile. See Limits for what each bounds and why.
var DefaultLimits = Limits{
	MaxBytes:       defaultMaxBytes,
	MaxYAMLBytes:   defaultMaxYAMLBytes,
	MaxNodes:       defaultMaxNodes,
	MaxDepth:       defaultMaxDepth,
	MaxListItems:   defaultMaxListItems,
	MaxStringBytes: defaultMaxStringBytes,
}

// MaxInputBytes is DefaultLimits.MaxBytes, the largest document the
// package-level decoders accept (YAML has the lower DefaultLimits.MaxYAMLBytes).
const MaxInputBytes = defaultMaxBytes

// ErrLimit is wrapped by every error that refuses a document for exceeding
// one of its Limits, so that a caller can tell "too large" from "invalid"
// with errors.Is.
var ErrLimit = errors.New("model: decoding limit exceeded")

// limitError is the Err of a DecodeError for an exceeded limit.
type limitError struct{ msg string }

func (e *limitError) Error() string        { return e.msg }
func (e *limitError) Is(target error) bool { return target == ErrLimit }

func limitf(format string, args ...any) error {
	return &limitError{fmt.Sprintf(format, args...)}
}

// resolved replaces zero and negative fields with their defaults.
func (l Limits) resolved() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, defaultMaxBytes)
	def(&l.MaxYAMLBytes, defaultMaxYAMLBytes)
	def(&l.MaxNodes, defaultMaxNodes)
	def(&l.MaxDepth, defaultMaxDepth)
	def(&l.MaxListItems, defaultMaxListItems)
	def(&l.MaxStringBytes, defaultMaxStringBytes)
	l.MaxDepth = min(l.MaxDepth, maxDepthCap)
	return l
}

// unlimited is for parsing trusted JSON, EncodeJSON's own output.
var unlimited = Limits{
	MaxBytes: math.MaxInt, MaxYAMLBytes: math.MaxInt, MaxNodes: math.MaxInt,
	MaxDepth: maxDepthCap, MaxListItems: math.MaxInt, MaxStringBytes: math.MaxInt,
}

// sizeText writes a byte count the way people say it when it is a round
// number of KiB or MiB.
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

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

// Message says what is wrong in language l, without the file, line,
// column and path that the error's fields hold.
func (e *DecodeError) Message(l Language) string {
	if e.Err == nil {
		if l == English {
			return "invalid filing"
		}
		return "备案信息无效"
	}
	// The decoder's problems are written in English; they get Chinese
	// texts of their own as the decoder is split by concern.
	return e.Err.Error()
}

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

// DecodeJSON strictly decodes a JSON filing within DefaultLimits. Errors are
// *DecodeError.
func DecodeJSON(data []byte) (*Filing, error) { return DefaultLimits.DecodeJSON(data) }

// DecodeYAML strictly decodes a YAML filing (one document) within
// DefaultLimits. Errors are *DecodeError.
func DecodeYAML(data []byte) (*Filing, error) { return DefaultLimits.DecodeYAML(data) }

// DecodeFile decodes the filing read from the named file within
// DefaultLimits; see Limits.DecodeFile.
func DecodeFile(name string, data []byte) (*Filing, error) {
	return DefaultLimits.DecodeFile(name, data)
}

// DecodeJSON strictly decodes a JSON filing within l. Errors are
// *DecodeError.
func (l Limits) DecodeJSON(data []byte) (*Filing, error) {
	return l.resolved().decode("", data, false)
}

// DecodeYAML strictly decodes a YAML filing (one document) within l. Errors
// are *DecodeError.
func (l Limits) DecodeYAML(data []byte) (*Filing, error) {
	return l.resolved().decode("", data, true)
}

// DecodeFile decodes the filing read from the named file within l, choosing
// the format by extension (.json, .yaml, .yml). For "-" (standard input) and
// other names the content decides: JSON when it starts with '{', YAML
// otherwise. Errors are *DecodeError naming the file.
func (l Limits) DecodeFile(name string, data []byte) (*Filing, error) {
	l = l.resolved()
	file := name
	if name == "-" {
		file = "<stdin>"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return l.decode(file, data, false)
	case ".yaml", ".yml":
		return l.decode(file, data, true)
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), jsonSpace); len(t) > 0 && t[0] == '{' {
		return l.decode(file, data, false)
	}
	return l.decode(file, data, true)
}

var utf8BOM = []byte("\ufeff")

// decode runs with resolved limits.
func (l Limits) decode(file string, data []byte, isYAML bool) (*Filing, error) {
	f, err := l.decodeFiling(data, isYAML)
	if err != nil {
		err.File = file
		return nil, err
	}
	return f, nil
}

func (l Limits) decodeFiling(data []byte, isYAML bool) (*Filing, *DecodeError) {
	limit, format := l.MaxBytes, "JSON"
	if isYAML {
		limit, format = l.MaxYAMLBytes, "YAML"
	}
	if len(data) > limit {
		return nil, &DecodeError{Err: limitf("%s input is %d bytes, more than the limit of %d (%s)", format, len(data), limit, sizeText(limit))}
	}
	var root *node
	var err *DecodeError
	badAt := -1 // where data is not UTF-8, for YAML
	if isYAML {
		root, badAt, err = parseYAML(data, &l)
	} else {
		root, err = parseJSONWithin(data, &l)
	}
	if err != nil {
		return nil, err
	}
	if root.kind != mappingKind {
		return nil, root.errorf("", "the top level must be an object, got %s", root.describe())
	}
	f := new(Filing)
	w := walker{lim: &l}
	if err := w.value(root, reflect.ValueOf(f).Elem(), ""); err != nil {
		return nil, err
	}
	if badAt >= 0 {
		// The bytes that are not UTF-8 are in no value: in a comment, a tag
		// or an anchor's name.
		line, col := textPosition(data, badAt)
		return nil, &DecodeError{Line: line, Column: col, Err: errors.New(documentNotUTF8)}
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

// textProblem says what is wrong with a scalar's text as the document wrote
// it, which its decoded text no longer shows: encoding/json turns bytes that
// are not UTF-8, and \u escapes of half a surrogate pair, into U+FFFD.
type textProblem uint8

const (
	textOK        textProblem = iota
	notUTF8                   // bytes that are not UTF-8
	loneSurrogate             // a JSON \u escape of half a surrogate pair
)

// node is the format-neutral document tree that both parsers build and the
// one reflection walker reads.
type node struct {
	kind      kind
	problem   textProblem
	text      string // scalar text; booleans are "true" or "false"
	line, col int
	children  []*node // list elements, or object keys and values alternating
}

func (n *node) errorf(path, format string, args ...any) *DecodeError {
	return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: fmt.Errorf(format, args...)}
}

func (n *node) limitf(path, format string, args ...any) *DecodeError {
	return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: limitf(format, args...)}
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

// counter enforces MaxNodes and MaxDepth while a tree is built, and keeps
// the path to the value being built, in the document's own keys, for their
// errors.
type counter struct {
	lim   *Limits
	nodes int
	steps []pathStep
	slab  []node // nodes are allocated in blocks, not one at a time
}

// pathStep is one key (index < 0) or list index of a path.
type pathStep struct {
	key   string
	index int
}

func (c *counter) add(line, col, depth int) (*node, *DecodeError) {
	c.nodes++
	if c.nodes > c.lim.MaxNodes {
		return nil, &DecodeError{Path: c.path(), Line: line, Column: col, Err: limitf("document has more than %d values (each use of a YAML alias counts as a copy)", c.lim.MaxNodes)}
	}
	if depth > c.lim.MaxDepth {
		return nil, &DecodeError{Path: c.path(), Line: line, Column: col, Err: limitf("document is nested more than %d levels deep", c.lim.MaxDepth)}
	}
	if len(c.slab) == 0 {
		c.slab = make([]node, min(64, c.lim.MaxNodes-c.nodes+1))
	}
	n := &c.slab[0]
	c.slab = c.slab[1:]
	n.line, n.col = line, col
	return n, nil
}

func (c *counter) pushKey(key string) { c.steps = append(c.steps, pathStep{key: key, index: -1}) }
func (c *counter) pushIndex(i int)    { c.steps = append(c.steps, pathStep{index: i}) }
func (c *counter) pop()               { c.steps = c.steps[:len(c.steps)-1] }

// path writes out the steps. A key that could not be a wire key is shown
// shortened and made valid UTF-8, so that an error stays readable.
func (c *counter) path() string {
	p := ""
	for _, s := range c.steps {
		if s.index >= 0 {
			p = indexPath(p, s.index)
			continue
		}
		key := strings.ToValidUTF8(s.key, "\ufffd")
		if utf8.RuneCountInString(key) > 40 {
			key = string([]rune(key)[:40]) + "…"
		}
		p = keyPath(p, key)
	}
	return p
}

// jsonParser builds a node tree from a JSON document's tokens. A document
// that json.Valid accepts, as nearly every one is, is tokenised by scanToken,
// which can rely on its syntax and allocates only the strings it keeps. Any
// other document is read from encoding/json's token stream, whose errors are
// the ones reported, in document order with the limits' errors. Line and
// column are advanced incrementally, so the whole document is scanned once.
type jsonParser struct {
	data           []byte
	dec            *json.Decoder // nil when data is valid JSON
	next           int           // with dec nil: where scanToken goes on
	count          counter
	off, line, col int // the position reached so far, and its line and column
}

// jsonToken is a delimiter ('{', '}', '[' or ']') or a scalar.
type jsonToken struct {
	delim   byte
	kind    kind
	text    string
	problem textProblem
}

// wireWords holds the filing's keys and enumeration values, so that the JSON
// scanner shares one string for each instead of allocating it again in
// every document.
var wireWords = sync.OnceValue(func() map[string]string {
	words := map[string]string{}
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for _, f := range fieldsOf(t).list {
			words[f.name] = f.name
			visit(t.Field(f.index).Type)
		}
	}
	visit(reflect.TypeFor[Filing]())
	for _, values := range enumValues {
		for _, v := range values {
			words[v] = v
		}
	}
	return words
})

// parseJSON parses trusted JSON, EncodeJSON's own output, without limits.
func parseJSON(data []byte) (*node, *DecodeError) {
	return parseJSONWithin(data, &unlimited)
}

// parseJSONWithin parses JSON within the resolved limits lim.
func parseJSONWithin(data []byte, lim *Limits) (*node, *DecodeError) {
	data = bytes.TrimPrefix(data, utf8BOM)
	return parseJSONTokens(data, lim, !json.Valid(data))
}

// parseJSONTokens parses data from encoding/json's token stream when
// streamed is set, and with scanToken, which needs valid JSON, otherwise.
func parseJSONTokens(data []byte, lim *Limits, streamed bool) (*node, *DecodeError) {
	p := &jsonParser{data: data, count: counter{lim: lim}, line: 1, col: 1}
	if streamed {
		p.dec = json.NewDecoder(bytes.NewReader(data))
		p.dec.UseNumber()
	}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	// Only white space may follow; encoding/json would go on to read "{}{}".
	if p.dec != nil && len(bytes.TrimLeft(data[p.dec.InputOffset():], jsonSpace)) > 0 {
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

// textPosition is the line and column of offset off in data, counted as
// jsonParser.advance counts; 0, 0 for a negative offset.
func textPosition(data []byte, off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	p := jsonParser{data: data, line: 1, col: 1}
	return p.advance(off)
}

// token returns the next token and its line and column. The caller knows a
// token must follow, so the end of the input is an error.
func (p *jsonParser) token() (jsonToken, int, int, *DecodeError) {
	if p.dec == nil {
		tok, start := p.scanToken()
		line, col := p.advance(start)
		return tok, line, col, nil
	}
	start := int(p.dec.InputOffset())
	t, err := p.dec.Token()
	if err != nil {
		return jsonToken{}, 0, 0, p.syntaxError(err)
	}
	// The decoder skips white space and the separators before a token.
	for start < len(p.data) && strings.IndexByte(jsonSpace+",:", p.data[start]) >= 0 {
		start++
	}
	var tok jsonToken
	switch t := t.(type) {
	case json.Delim:
		tok.delim = byte(t)
	case string:
		tok.kind, tok.text, tok.problem = stringKind, t, jsonStringProblem(p.data[start:p.dec.InputOffset()])
	case json.Number:
		tok.kind, tok.text = numberKind, string(t)
	case bool:
		tok.kind, tok.text = boolKind, strconv.FormatBool(t)
	default: // JSON null
		tok.kind = nullKind
	}
	line, col := p.advance(start)
	return tok, line, col, nil
}

// scanToken reads the token at p.next in a document json.Valid accepted,
// and returns it with the offset where it starts. The parser consumes
// tokens in document order and knows from them where it is, so the
// separators ',' and ':' are skipped like white space.
func (p *jsonParser) scanToken() (jsonToken, int) {
	data, i := p.data, p.next
	for strings.IndexByte(jsonSpace+",:", data[i]) >= 0 {
		i++
	}
	start := i
	var tok jsonToken
	switch c := data[i]; c {
	case '{', '}', '[', ']':
		tok.delim = c
		i++
	case '"':
		i++
		escaped, ascii := false, true
		for ; data[i] != '"'; i++ {
			switch c := data[i]; {
			case c == '\\':
				escaped = true
				i++ // the escaped byte, which may be a quote
			case c >= utf8.RuneSelf:
				ascii = false
			}
		}
		i++
		tok.kind = stringKind
		if raw := data[start:i]; !escaped && (ascii || utf8.Valid(raw)) {
			body := raw[1 : len(raw)-1]
			if word, ok := wireWords()[string(body)]; ok {
				tok.text = word
			} else {
				tok.text = string(body)
			}
		} else {
			// Escapes and other bytes are decoded exactly as encoding/json
			// decodes them, bytes that are not UTF-8 included.
			tok.problem = jsonStringProblem(raw)
			_ = json.Unmarshal(raw, &tok.text) // a valid document's string cannot fail
		}
	case 't':
		tok.kind, tok.text = boolKind, "true"
		i += len("true")
	case 'f':
		tok.kind, tok.text = boolKind, "false"
		i += len("false")
	case 'n':
		tok.kind = nullKind
		i += len("null")
	default: // a number: a sign, digits, '.', 'e' or 'E'
		for i < len(data) && strings.IndexByte("+-.0123456789eE", data[i]) >= 0 {
			i++
		}
		tok.kind, tok.text = numberKind, string(data[start:i])
	}
	p.next = i
	return tok, start
}

// jsonStringProblem checks a string token as written, quotes included; the
// decoder has checked its syntax.
func jsonStringProblem(raw []byte) textProblem {
	if !utf8.Valid(raw) {
		return notUTF8
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		if i >= len(raw) || raw[i] != 'u' {
			continue
		}
		r := hex4(raw[i+1:])
		i += 4
		switch {
		case r >= 0xDC00 && r < 0xE000:
			return loneSurrogate
		case r >= 0xD800 && r < 0xDC00:
			if i+7 <= len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
				if r2 := hex4(raw[i+3:]); r2 >= 0xDC00 && r2 < 0xE000 {
					i += 6
					continue
				}
			}
			return loneSurrogate
		}
	}
	return textOK
}

// hex4 reads the four hex digits at the start of b, or returns -1.
func hex4(b []byte) int {
	if len(b) < 4 {
		return -1
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 16)
	if err != nil {
		return -1
	}
	return int(v)
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

func (p *jsonParser) valueFrom(tok jsonToken, line, col int, depth int) (*node, *DecodeError) {
	n, err := p.count.add(line, col, depth)
	if err != nil {
		return nil, err
	}
	switch tok.delim {
	case '{': // a misplaced closer is a syntax error before it is a token
		n.kind = mappingKind
		return n, p.object(n, depth)
	case '[':
		n.kind = sequenceKind
		return n, p.array(n, depth)
	}
	n.kind, n.text, n.problem = tok.kind, tok.text, tok.problem
	return n, nil
}

func (p *jsonParser) object(n *node, depth int) *DecodeError {
	for {
		tok, line, col, err := p.token()
		if err != nil {
			return err
		}
		if tok.delim == '}' { // else the syntax allows only a key here
			return nil
		}
		k, err := p.count.add(line, col, depth+1)
		if err != nil {
			return err
		}
		k.kind, k.text, k.problem = stringKind, tok.text, tok.problem
		p.count.pushKey(tok.text)
		v, err := p.value(depth + 1)
		p.count.pop()
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
		if tok.delim == ']' {
			return nil
		}
		p.count.pushIndex(len(n.children))
		v, err := p.valueFrom(tok, line, col, depth+1)
		p.count.pop()
		if err != nil {
			return err
		}
		n.children = append(n.children, v)
	}
}

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
			return nil, badAt, &DecodeError{Line: line, Column: col, Err: errors.New(documentNotUTF8)}
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
		return nil, badAt, &DecodeError{Line: line, Column: col, Err: errors.New("empty document: a filing is an object")}
	}
	if ok, err := nextYAML(dec, &extra, data); err != nil || ok {
		if err != nil {
			return nil, badAt, firstError(err, data, badAt)
		}
		return nil, badAt, &DecodeError{Line: extra.Line, Column: extra.Column, Err: errors.New("more than one YAML document: a file holds one filing")}
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
		return &DecodeError{Line: line, Column: col, Err: errors.New(documentNotUTF8)}
	}
	return err
}

const (
	containsNUL     = "contains a NUL character (U+0000), which no filing holds"
	valueNotUTF8    = "is not valid UTF-8; a filing is UTF-8 text"
	documentNotUTF8 = "the document is not valid UTF-8; a filing is UTF-8 text"
)

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
	} else if yamlReaderProblems[msg] {
		de.Line, de.Column = textPosition(data, firstUnreadable(data))
	} else if m := yamlUnknownAnchor.FindStringSubmatch(msg); m != nil {
		de.Line, de.Column = textPosition(data, aliasOffset(data, m[1]))
	} else {
		// The parser and the scanner leave the line out when it is the
		// first: their marks count lines from 0, and 0 means unknown.
		de.Line = 1
	}
	de.Err = errors.New("invalid YAML: " + msg)
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
			return nil, &DecodeError{Path: b.count.path(), Line: line, Column: col, Err: fmt.Errorf("alias *%s is used inside its own anchor", y.Anchor)}
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
		return n, scalar(n, y)
	}
	return n, nil
}

// key converts a mapping key, which must be a scalar; its text is the key
// whatever its type.
func (b *yamlBuilder) key(y *yaml.Node, depth int) (*node, *DecodeError) {
	if y.Kind == yaml.ScalarNode && y.ShortTag() == "!!merge" {
		return nil, &DecodeError{Path: b.count.path(), Line: y.Line, Column: y.Column, Err: errors.New("YAML merge keys (<<) are not supported; write the keys out")}
	}
	k, err := b.build(y, depth)
	if err != nil {
		return nil, err
	}
	if k.kind == mappingKind || k.kind == sequenceKind {
		return nil, k.errorf(b.count.path(), "a key must be a string, got %s", k.describe())
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

// walker is the one reflection walker for both formats: it stores a node
// tree into a Filing, reporting the first error in document order, and
// enforces the limits that need a key path (MaxListItems, MaxStringBytes).
type walker struct{ lim *Limits }

// value stores n into the addressable v.
func (w *walker) value(n *node, v reflect.Value, path string) *DecodeError {
	if n.kind == nullKind {
		return nil // null means absent
	}
	if n.kind != mappingKind && n.kind != sequenceKind {
		if err := w.scalar(n, path, "value"); err != nil {
			return err
		}
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
			return n.errorf(path, "integer %s is out of range", n.describe()[len("number "):])
		}
		if err != nil {
			return typeError(n, path, v.Type())
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := w.value(n, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if n.kind != sequenceKind {
			return typeError(n, path, v.Type())
		}
		if len(n.children) > w.lim.MaxListItems {
			return n.limitf(path, "list has more than %d items", w.lim.MaxListItems)
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
			if err := w.value(el, s.Index(i), p); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		if n.kind != mappingKind {
			return typeError(n, path, v.Type())
		}
		return w.object(n, v, path)
	default:
		return n.errorf(path, "model: cannot decode into %s", v.Type())
	}
	return nil
}

// scalar refuses a scalar (what is "value" or "key") that is too long, not
// UTF-8, or holds NUL. NUL never belongs in a filing: no field of the
// filing system takes one, and C-based back ends cut strings at it.
func (w *walker) scalar(n *node, path, what string) *DecodeError {
	if len(n.text) > w.lim.MaxStringBytes {
		return n.limitf(path, "%s is %d bytes, more than the limit of %d", what, len(n.text), w.lim.MaxStringBytes)
	}
	switch n.problem {
	case notUTF8:
		return n.errorf(path, "%s %s", what, valueNotUTF8)
	case loneSurrogate:
		return n.errorf(path, "%s is not valid Unicode: a \\u escape is half of a surrogate pair", what)
	}
	if strings.IndexByte(n.text, 0) >= 0 {
		return n.errorf(path, "%s %s", what, containsNUL)
	}
	return nil
}

// plainASCII8 reports whether the first eight bytes of s are ASCII and not
// zero.
func plainASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&highs == 0 && (w-ones)&^w&highs == 0
}

// textProblemOf says what is wrong with text a filing built in Go holds,
// in the decoder's words, or "" when nothing is.
func textProblemOf(s string) string {
	// One pass over the ASCII prefix, which is all of most values (numbers,
	// domains, e-mail addresses), eight bytes at a time while none has the
	// high bit set or is zero; the rest is left to the library.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !plainASCII8(s[i:]) {
			break
		}
	}
	// The last bytes, as the last eight when there are that many.
	if i < len(s) && i+8 > len(s) && len(s) >= 8 && plainASCII8(s[len(s)-8:]) {
		return ""
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			if !utf8.ValidString(s[i:]) {
				return valueNotUTF8 // the worse problem is named, as the decoder does
			}
			return containsNUL
		case c >= utf8.RuneSelf:
			rest := s[i:]
			switch {
			case !utf8.ValidString(rest):
				return valueNotUTF8
			case strings.IndexByte(rest, 0) >= 0:
				return containsNUL
			}
			return ""
		}
	}
	return ""
}

func (w *walker) object(n *node, v reflect.Value, path string) *DecodeError {
	fields := fieldsOf(v.Type())
	seen := make(map[string]*node, len(n.children)/2)
	for i := 0; i+1 < len(n.children); i += 2 {
		k, val := n.children[i], n.children[i+1]
		if err := w.scalar(k, path, "key"); err != nil {
			return err
		}
		p := keyPath(path, k.text)
		if first, dup := seen[k.text]; dup {
			return k.errorf(p, "duplicate key %q (first at line %d)", k.text, first.line)
		}
		seen[k.text] = k
		index, ok := fields.byName[k.text]
		if !ok {
			return k.errorf(p, "unknown key %q (allowed keys: %s)", k.text, fields.allowed)
		}
		if err := w.value(val, v.Field(index), p); err != nil {
			return err
		}
	}
	return nil
}
