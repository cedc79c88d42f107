package model

import (
	"errors"
	"fmt"
	"reflect"
)

// Check validates a Filing built in Go rather than decoded: every enumerated
// value, province, date and date-time must be valid and in the canonical form
// the decoder produces ("website", not "Website"; "hunan", not "湖南"). The
// error is a *DecodeError whose Path names the first offending field; Line
// is zero. Check never modifies f.
func Check(f *Filing) error {
	if f == nil {
		return &DecodeError{Err: errors.New("nil filing")}
	}
	if err := check(reflect.ValueOf(f).Elem(), ""); err != nil {
		return err
	}
	return nil
}

func check(v reflect.Value, path string) *DecodeError {
	if reflect.PointerTo(v.Type()).Implements(textValueType) {
		// Canonicalise a copy, so that f is left alone.
		c := reflect.New(v.Type())
		if err := c.Interface().(textValue).setText(v.String()); err != nil {
			return &DecodeError{Path: path, Err: err}
		}
		if canon := c.Elem().String(); canon != v.String() {
			return &DecodeError{Path: path, Err: fmt.Errorf("%q is not in canonical form; write %q", v.String(), canon)}
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return check(v.Elem(), path)
		}
	case reflect.Slice:
		for i := range v.Len() {
			if err := check(v.Index(i), indexPath(path, i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()).list {
			if err := check(v.Field(f.index), keyPath(path, f.name)); err != nil {
				return err
			}
		}
	}
	return nil
}
