package model

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

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
	list   []wireField
	byName map[string]int
	names  []string // the keys in order, for the unknown-key error
}

var fieldCache sync.Map // reflect.Type → *structFields

// fieldsOf lists a struct's wire keys, taken from the json tags.
func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	sf := &structFields{byName: map[string]int{}}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		sf.list = append(sf.list, wireField{name, i})
		sf.byName[name] = i
		sf.names = append(sf.names, name)
	}
	fieldCache.Store(t, sf)
	return sf
}

// expected names the kind of value that type t takes on the wire, as
// Problem.Want does.
func expected(t reflect.Type) string {
	switch {
	case t == domainType:
		return "string or object"
	case reflect.PointerTo(t).Implements(textValueType):
		return "string"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int:
		return "integer"
	case reflect.Slice:
		return "list"
	case reflect.Struct:
		return "object"
	case reflect.Pointer:
		return expected(t.Elem())
	}
	panic("model: no wire form for " + t.String())
}

func typeError(n *node, path string, t reflect.Type) *DecodeError {
	p := n.found(CodeWrongType)
	p.Want = expected(t)
	return n.fail(path, p)
}

// walker is the one reflection walker for both formats: it stores a node
// tree into a Filing, reporting the first error in document order, and
// enforces the limits that need a key path (MaxListItems, MaxStringBytes).
type walker struct {
	lim *Limits
	pathSteps
}

// value stores n into the addressable v, at the walker's path.
func (w *walker) value(n *node, v reflect.Value) *DecodeError {
	if n.kind == nullKind {
		return nil // null means absent
	}
	if n.kind != mappingKind && n.kind != sequenceKind {
		if err := w.scalar(n, false); err != nil {
			return err
		}
	}
	if tv, ok := v.Addr().Interface().(textValue); ok {
		if !n.isText() {
			return typeError(n, w.path(false), v.Type())
		}
		if err := tv.setText(n.text); err != nil {
			return &DecodeError{Path: w.path(false), Line: n.line, Column: n.col, Err: err}
		}
		return nil
	}
	if v.Type() == domainType && n.isText() {
		v.Set(reflect.ValueOf(Domain{Name: n.text}))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if !n.isText() {
			return typeError(n, w.path(false), v.Type())
		}
		v.SetString(n.text)
	case reflect.Bool:
		if n.kind != boolKind {
			return typeError(n, w.path(false), v.Type())
		}
		v.SetBool(strings.EqualFold(n.text, "true"))
	case reflect.Int:
		if n.kind != numberKind {
			return typeError(n, w.path(false), v.Type())
		}
		// Base 0 with every underscore dropped, as yaml.v3 resolves ints:
		// 0x1F, 0o17 and 1_000 are ints too.
		digits := strings.ReplaceAll(n.text, "_", "")
		if leadingZero(digits) {
			return n.fail(w.path(false), &Problem{Code: CodeLeadingZero, Value: shorten(n.text)})
		}
		i, err := strconv.ParseInt(digits, 0, strconv.IntSize)
		if errors.Is(err, strconv.ErrRange) {
			return n.fail(w.path(false), &Problem{Code: CodeIntegerOutOfRange, Value: shorten(n.text)})
		}
		if err != nil {
			return typeError(n, w.path(false), v.Type())
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := w.value(n, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if n.kind != sequenceKind {
			return typeError(n, w.path(false), v.Type())
		}
		if len(n.children) > w.lim.MaxListItems {
			return n.fail(w.path(false), &Problem{Code: CodeTooManyItems, Limit: w.lim.MaxListItems})
		}
		if len(n.children) == 0 {
			return nil // an empty list is absent, as in the encoded form
		}
		s := reflect.MakeSlice(v.Type(), len(n.children), len(n.children))
		for i, el := range n.children {
			w.pushIndex(i)
			if el.kind == nullKind {
				return typeError(el, w.path(false), v.Type().Elem())
			}
			if err := w.value(el, s.Index(i)); err != nil {
				return err
			}
			w.pop()
		}
		v.Set(s)
	case reflect.Struct:
		if n.kind != mappingKind {
			return typeError(n, w.path(false), v.Type())
		}
		return w.object(n, v)
	default:
		// Filing holds only the kinds above; a new field of another kind
		// fails every decoding test.
		panic("model: cannot decode into " + v.Type().String())
	}
	return nil
}

func (w *walker) object(n *node, v reflect.Value) *DecodeError {
	fields := fieldsOf(v.Type())
	// The key naming each field first, by the field's index: a key that
	// names no field is refused at its first occurrence, before it could
	// repeat. The filing's structs fit the array, so nothing is allocated.
	var buf [32]*node
	first := buf[:]
	if v.NumField() > len(buf) {
		first = make([]*node, v.NumField())
	}
	for i := 0; i+1 < len(n.children); i += 2 {
		k, val := n.children[i], n.children[i+1]
		if err := w.scalar(k, true); err != nil {
			return err
		}
		w.pushKey(k.text)
		index, ok := fields.byName[k.text]
		if !ok {
			return k.fail(w.path(false), &Problem{Code: CodeUnknownKey, Key: k.text, Allowed: fields.names})
		}
		if first[index] != nil {
			return k.fail(w.path(false), &Problem{Code: CodeDuplicateKey, Key: k.text, FirstLine: first[index].line})
		}
		first[index] = k
		if err := w.value(val, v.Field(index)); err != nil {
			return err
		}
		w.pop()
	}
	return nil
}

// leadingZero reports whether an integer is written in decimal digits with
// a leading zero (012, -09): YAML 1.1 reads 012 as 10 and YAML 1.2 as 12,
// so the decoder refuses to guess. 0, 0x1F and 0o17 are unambiguous.
func leadingZero(digits string) bool {
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	return len(digits) > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9'
}
