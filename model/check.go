package model

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Check validates a Filing built in Go rather than decoded: every enumerated
// value, province, date and date-time must be valid and in the canonical form
// the decoder produces ("website", not "Website"; "hunan", not "湖南"), and
// all other text must be UTF-8 without NUL, as the decoder requires. The
// error is a *DecodeError whose Path names the first offending field; Line
// is zero. Check never modifies f.
func Check(f *Filing) error {
	if f == nil {
		return &DecodeError{Err: errors.New("nil filing")}
	}
	c := checker{segments: make([]segment, 0, 8)}
	if err := c.check(reflect.ValueOf(f).Elem()); err != nil {
		return err
	}
	return nil
}

// checker walks a filing; the key path is kept as a stack of segments and
// only written out when there is an error, since Check runs on every
// Validate call.
type checker struct {
	segments []segment
}

type segment struct {
	key   string
	index int // used when key is ""
}

func (c *checker) path() string {
	var b strings.Builder
	for _, s := range c.segments {
		if s.key == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

func (c *checker) check(v reflect.Value) *DecodeError {
	return c.walk(v, planOf(v.Type()))
}

// walk checks v, whose plan p is not nil: the plan holds the plans of the
// parts, so the walk looks nothing up.
func (c *checker) walk(v reflect.Value, p *plan) *DecodeError {
	switch {
	case p.text:
		return c.checkText(v)
	case p.plainText:
		if problem := textProblemOf(v.String()); problem != "" {
			return &DecodeError{Path: c.path(), Err: errors.New("value " + problem)}
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return c.walk(v.Elem(), p.elem)
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.segments = append(c.segments, segment{index: i})
			err := c.walk(v.Index(i), p.elem)
			c.segments = c.segments[:len(c.segments)-1]
			if err != nil {
				return err
			}
		}
	case reflect.Struct:
		for _, f := range p.fields {
			if f.plan.plainText && textProblemOf(v.Field(f.index).String()) == "" {
				continue // the common case, without the cost of a step
			}
			c.segments = append(c.segments, segment{key: f.name})
			err := c.walk(v.Field(f.index), f.plan)
			c.segments = c.segments[:len(c.segments)-1]
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// checkText accepts the empty value and canonical values, and otherwise
// canonicalises a copy to say what is wrong, so that f is left alone.
func (c *checker) checkText(v reflect.Value) *DecodeError {
	s := v.String()
	if s == "" || isCanonical(v.Type(), s) {
		return nil
	}
	cp := reflect.New(v.Type())
	if err := cp.Interface().(textValue).setText(s); err != nil {
		return &DecodeError{Path: c.path(), Err: err}
	}
	return &DecodeError{Path: c.path(), Err: fmt.Errorf("%q is not in canonical form; write %q", s, cp.Elem().String())}
}

// isCanonical reports whether s is already a canonical value of type t,
// without allocating in the common case.
func isCanonical(t reflect.Type, s string) bool {
	switch t {
	case reflect.TypeFor[Province]():
		_, ok := Province(s).Info()
		return ok
	case reflect.TypeFor[Date]():
		d, err := ParseDate(s)
		return err == nil && string(d) == s
	case reflect.TypeFor[DateTime]():
		d, err := ParseDateTime(s)
		return err == nil && string(d) == s
	}
	return canonicalEnums[t][s]
}

// canonicalEnums holds, per enumeration type, its canonical values.
var canonicalEnums = map[reflect.Type]map[string]bool{}

func init() {
	for t, enum := range map[reflect.Type]string{
		reflect.TypeFor[FilingType]():      "filing type",
		reflect.TypeFor[Nature]():          "subject nature",
		reflect.TypeFor[CertificateType](): "certificate type",
		reflect.TypeFor[ServiceKind]():     "service kind",
		reflect.TypeFor[ResourceType]():    "resource type",
		reflect.TypeFor[Billing]():         "billing",
		reflect.TypeFor[MaterialKind]():    "material kind",
	} {
		set := map[string]bool{}
		for _, v := range enumValues[enum] {
			set[v] = true
		}
		canonicalEnums[t] = set
	}
}

// plan says which parts of a type can hold a value Check must look at;
// types that cannot (ints, bools) get a nil plan and are skipped.
type plan struct {
	text      bool        // an enumerated or canonical value
	plainText bool        // any other string
	elem      *plan       // for pointers and slices
	fields    []fieldPlan // for structs: only the fields worth visiting
}

type fieldPlan struct {
	wireField
	plan *plan
}

var plans sync.Map // reflect.Type → *plan (nil stored as a typed nil)

func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := buildPlan(t, map[reflect.Type]bool{})
	plans.Store(t, p)
	return p
}

func buildPlan(t reflect.Type, visiting map[reflect.Type]bool) *plan {
	if reflect.PointerTo(t).Implements(textValueType) {
		return &plan{text: true}
	}
	switch t.Kind() {
	case reflect.String:
		return &plan{plainText: true}
	case reflect.Pointer, reflect.Slice:
		if elem := buildPlan(t.Elem(), visiting); elem != nil {
			return &plan{elem: elem}
		}
	case reflect.Struct:
		if visiting[t] {
			return nil
		}
		visiting[t] = true
		p := &plan{}
		for _, f := range fieldsOf(t).list {
			if fp := buildPlan(t.Field(f.index).Type, visiting); fp != nil {
				p.fields = append(p.fields, fieldPlan{f, fp})
			}
		}
		delete(visiting, t)
		if len(p.fields) > 0 {
			return p
		}
	}
	return nil
}
