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
		if !n.isText() {
			return typeError(n, path, v.Type())
		}
		if err := tv.setText(n.text); err != nil {
			return &DecodeError{Path: path, Line: n.line, Column: n.col, Err: err}
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
			return typeError(n, path, v.Type())
		}
		v.SetString(n.text)
	case reflect.Bool:
		if n.kind != boolKind {
			return typeError(n, path, v.Type())
		}
		v.SetBool(strings.EqualFold(n.text, "true"))
	case reflect.Int:
		if n.kind != numberKind {
			return typeError(n, path, v.Type())
		}
		// Base 0 with every underscore dropped, as yaml.v3 resolves ints:
		// 0x1F, 0o17 and 1_000 are ints too.
		digits := strings.ReplaceAll(n.text, "_", "")
		if leadingZero(digits) {
			return n.errorf(path, "integer %s has a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal; write it without the zero, or with 0o for octal", n.text)
		}
		i, err := strconv.ParseInt(digits, 0, strconv.IntSize)
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

// leadingZero reports whether an integer is written in decimal digits with
// a leading zero (012, -09): YAML 1.1 reads 012 as 10 and YAML 1.2 as 12,
// so the decoder refuses to guess. 0, 0x1F and 0o17 are unambiguous.
func leadingZero(digits string) bool {
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	return len(digits) > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9'
}
