package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// jsonParser builds a node tree from a JSON document's tokens. A document
// that json.Valid accepts (wellFormed says so, faster), as nearly every one
// is, is tokenised by scanToken, which can rely on its syntax and allocates
// only the strings it keeps. Any other document is read from
// encoding/json's token stream, whose errors are the ones reported, in
// document order with the limits' errors. Line and column are advanced
// incrementally, so the whole document is scanned once.
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
	for _, e := range enums {
		for _, v := range e.values {
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
	return parseJSONTokens(data, lim, !wellFormed(data))
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
	off = min(off, len(p.data))
	if off <= p.off {
		return p.line, p.col
	}
	seg := p.data[p.off:off]
	p.off = off
	// Lines are counted with the library's byte search; only what follows
	// the last new line is looked at byte by byte.
	if nl := bytes.LastIndexByte(seg, '\n'); nl >= 0 {
		p.line += bytes.Count(seg[:nl+1], newline)
		p.col = 1
		seg = seg[nl+1:]
	}
	p.col += len(seg)
	for _, c := range seg {
		if c&0xC0 == 0x80 { // a UTF-8 continuation byte is no new character
			p.col--
		}
	}
	return p.line, p.col
}

var newline = []byte{'\n'}

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

// syntaxError is the error of a document that is not JSON. Its problem
// names the character found, which the Chinese text quotes, and keeps
// encoding/json's own words and error for the English text and errors.As.
func (p *jsonParser) syntaxError(err error) *DecodeError {
	off := len(p.data)
	problem := &Problem{Code: CodeInvalidJSON}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		problem.Detail = "unexpected end of input"
	} else {
		problem.Detail = err.Error()
		// The offset in Token's SyntaxError is not from the start of the
		// input; Unmarshal validates it all first and finds the same byte
		// with an offset that is.
		var se *json.SyntaxError
		if errors.As(json.Unmarshal(p.data, &struct{}{}), &se) {
			problem.Detail, problem.cause, off = se.Error(), se, int(se.Offset)-1 // Offset counts the offending byte
		}
	}
	if off < len(p.data) {
		r, size := utf8.DecodeRune(p.data[off:])
		problem.Value = string(r)
		if r == utf8.RuneError && size <= 1 || r < ' ' {
			problem.Value = strconv.QuoteToASCII(string(p.data[off : off+max(size, 1)]))
			problem.Value = problem.Value[1 : len(problem.Value)-1]
		}
	}
	line, col := p.advance(off)
	return &DecodeError{Line: line, Column: col, Err: problem}
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
