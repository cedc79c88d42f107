package model

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"
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
	pl := planOf(reflect.TypeFor[Filing]())
	if pl.valid(unsafe.Pointer(f)) {
		return nil
	}
	// Something is wrong: walk again, keeping the path, to say where.
	c := checker{segments: make([]segment, 0, 8)}
	if err := c.walk(unsafe.Pointer(f), pl); err != nil {
		return err
	}
	return nil
}

// valid reports whether the value at p passes Check, without keeping the
// path that an error needs: the common case, at the least cost.
func (pl *plan) valid(p unsafe.Pointer) bool {
	switch {
	case pl.text:
		s := *(*string)(p)
		return s == "" || pl.canonical(s)
	case pl.plainText:
		s := *(*string)(p)
		return s == "" || textProblemOf(s) == ""
	}
	switch pl.kind {
	case reflect.Pointer:
		elem := *(*unsafe.Pointer)(p)
		return elem == nil || pl.elem.valid(elem)
	case reflect.Slice:
		list := *(*[]byte)(p) // read as in walk
		data := unsafe.Pointer(unsafe.SliceData(list))
		for i := range len(list) {
			if !pl.elem.valid(unsafe.Add(data, uintptr(i)*pl.elemSize)) {
				return false
			}
		}
	case reflect.Struct:
		for _, f := range pl.fields {
			if !f.plan.valid(unsafe.Add(p, f.offset)) {
				return false
			}
		}
	}
	return true
}

// checker walks a filing that valid has refused, keeping the key path as a
// stack of segments to name the offending value.
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

// walk finds the first value at p, whose plan pl is not nil, that fails,
// and returns its error with its path. Like valid, it reads fields by the
// offsets of the plan, without reflection, which was most of what Check
// cost on a large filing; every offset and size comes from reflect, in
// buildPlan.
func (c *checker) walk(p unsafe.Pointer, pl *plan) *DecodeError {
	switch {
	case pl.text:
		return c.checkText(p, pl)
	case pl.plainText:
		if problem := textProblemOf(*(*string)(p)); problem != "" {
			return &DecodeError{Path: c.path(), Err: errors.New("value " + problem)}
		}
		return nil
	}
	switch pl.kind {
	case reflect.Pointer:
		if elem := *(*unsafe.Pointer)(p); elem != nil {
			return c.walk(elem, pl.elem)
		}
	case reflect.Slice:
		// Any slice is read through a []byte header: the length counts
		// elements whatever their type, and elemSize steps between them.
		list := *(*[]byte)(p)
		data := unsafe.Pointer(unsafe.SliceData(list))
		for i := range len(list) {
			c.segments = append(c.segments, segment{index: i})
			err := c.walk(unsafe.Add(data, uintptr(i)*pl.elemSize), pl.elem)
			c.segments = c.segments[:len(c.segments)-1]
			if err != nil {
				return err
			}
		}
	case reflect.Struct:
		for _, f := range pl.fields {
			c.segments = append(c.segments, segment{key: f.name})
			err := c.walk(unsafe.Add(p, f.offset), f.plan)
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
func (c *checker) checkText(p unsafe.Pointer, pl *plan) *DecodeError {
	s := *(*string)(p)
	if s == "" || pl.canonical(s) {
		return nil
	}
	cp := reflect.New(pl.typ)
	if err := cp.Interface().(textValue).setText(s); err != nil {
		return &DecodeError{Path: c.path(), Err: err}
	}
	return &DecodeError{Path: c.path(), Err: fmt.Errorf("%q is not in canonical form; write %q", s, cp.Elem().String())}
}

// canonicalTest returns the test of whether a string is already a
// canonical value of type t, without allocating in the common case.
func canonicalTest(t reflect.Type) func(string) bool {
	switch t {
	case reflect.TypeFor[Province]():
		return func(s string) bool { _, ok := Province(s).Info(); return ok }
	case reflect.TypeFor[Date]():
		return func(s string) bool { d, err := ParseDate(s); return err == nil && string(d) == s }
	case reflect.TypeFor[DateTime]():
		return func(s string) bool { d, err := ParseDateTime(s); return err == nil && string(d) == s }
	}
	set := canonicalEnums[t]
	return func(s string) bool { return set[s] }
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
	typ       reflect.Type
	kind      reflect.Kind
	text      bool              // an enumerated or canonical value
	canonical func(string) bool // for text
	plainText bool              // any other string
	elem      *plan             // for pointers and slices
	elemSize  uintptr           // for slices
	fields    []fieldPlan       // for structs: only the fields worth visiting
}

type fieldPlan struct {
	offset uintptr
	plan   *plan
	name   string
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
		return &plan{typ: t, kind: t.Kind(), text: true, canonical: canonicalTest(t)}
	}
	switch t.Kind() {
	case reflect.String:
		return &plan{typ: t, kind: t.Kind(), plainText: true}
	case reflect.Pointer, reflect.Slice:
		if elem := buildPlan(t.Elem(), visiting); elem != nil {
			return &plan{typ: t, kind: t.Kind(), elem: elem, elemSize: t.Elem().Size()}
		}
	case reflect.Struct:
		if visiting[t] {
			return nil
		}
		visiting[t] = true
		p := &plan{typ: t, kind: t.Kind()}
		for _, f := range fieldsOf(t).list {
			field := t.Field(f.index)
			if fp := buildPlan(field.Type, visiting); fp != nil {
				p.fields = append(p.fields, fieldPlan{offset: field.Offset, plan: fp, name: f.name})
			}
		}
		delete(visiting, t)
		if len(p.fields) > 0 {
			return p
		}
	}
	return nil
}
