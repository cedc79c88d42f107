package model

// wellFormed reports whether data is one JSON value with only white space
// around it, as json.Valid does, in one pass that does no more than a
// filing needs: json.Valid steps a state machine through a function call
// per byte, which was a fifth of decoding a typical filing. It accepts
// exactly what json.Valid accepts (TestWellFormedIsJSONValid), so that
// scanToken, which relies on the syntax, and the streamed decoder, whose
// errors are reported, see the documents they did before.
func wellFormed(data []byte) bool {
	v := jsonValidator{data: data}
	v.space()
	if !v.value(0) {
		return false
	}
	v.space()
	return v.i == len(v.data)
}

// maxJSONNesting is encoding/json's limit on nested arrays and objects,
// above which json.Valid refuses a document.
const maxJSONNesting = 10000

type jsonValidator struct {
	data []byte
	i    int
}

func (v *jsonValidator) space() {
	for v.i < len(v.data) {
		switch v.data[v.i] {
		case ' ', '\t', '\r', '\n':
			v.i++
		default:
			return
		}
	}
}

// next consumes c, after white space, when it comes next.
func (v *jsonValidator) next(c byte) bool {
	v.space()
	if v.i < len(v.data) && v.data[v.i] == c {
		v.i++
		return true
	}
	return false
}

func (v *jsonValidator) value(depth int) bool {
	if v.i >= len(v.data) {
		return false
	}
	switch v.data[v.i] {
	case '{':
		return v.container(depth, '}', true)
	case '[':
		return v.container(depth, ']', false)
	case '"':
		return v.string()
	case 't':
		return v.literal("true")
	case 'f':
		return v.literal("false")
	case 'n':
		return v.literal("null")
	}
	return v.number()
}

// container reads an object (keyed) or an array up to its closing byte.
func (v *jsonValidator) container(depth int, closing byte, keyed bool) bool {
	if depth >= maxJSONNesting {
		return false
	}
	v.i++ // the opening byte
	if v.next(closing) {
		return true
	}
	for {
		v.space()
		if keyed && (v.i >= len(v.data) || v.data[v.i] != '"' || !v.string() || !v.next(':')) {
			return false
		}
		v.space()
		if !v.value(depth + 1) {
			return false
		}
		if v.next(',') {
			continue
		}
		return v.next(closing)
	}
}

func (v *jsonValidator) literal(word string) bool {
	if len(v.data)-v.i < len(word) || string(v.data[v.i:v.i+len(word)]) != word {
		return false
	}
	v.i += len(word)
	return true
}

// string reads a string from its opening quote: no control characters,
// only JSON's escapes; any other byte, invalid UTF-8 too, as encoding/json
// accepts it.
func (v *jsonValidator) string() bool {
	for v.i++; v.i < len(v.data); v.i++ {
		switch c := v.data[v.i]; {
		case c == '"':
			v.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			v.i++
			if v.i >= len(v.data) {
				return false
			}
			switch v.data[v.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(v.data)-v.i <= 4 {
					return false
				}
				for _, h := range v.data[v.i+1 : v.i+5] {
					if !isHex(h) {
						return false
					}
				}
				v.i += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
func (v *jsonValidator) number() bool {
	if v.i < len(v.data) && v.data[v.i] == '-' {
		v.i++
	}
	switch {
	case v.i < len(v.data) && v.data[v.i] == '0':
		v.i++
	case !v.digits():
		return false
	}
	if v.i < len(v.data) && v.data[v.i] == '.' {
		v.i++
		if !v.digits() {
			return false
		}
	}
	if v.i < len(v.data) && (v.data[v.i] == 'e' || v.data[v.i] == 'E') {
		v.i++
		if v.i < len(v.data) && (v.data[v.i] == '+' || v.data[v.i] == '-') {
			v.i++
		}
		if !v.digits() {
			return false
		}
	}
	return true
}

// digits reads one or more decimal digits.
func (v *jsonValidator) digits() bool {
	start := v.i
	for v.i < len(v.data) && '0' <= v.data[v.i] && v.data[v.i] <= '9' {
		v.i++
	}
	return v.i > start
}
