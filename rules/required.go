package rules

import (
	"reflect"
	"strings"

	"github.com/icpcheck/icpcheck/model"
)

// requiredField is one field a rule requires: read in Go through the
// indexes of its path, or, under CELOnly, by a generated CEL test.
type requiredField struct {
	path  string
	index [][]int // the field index of each step of the path
	prg   *program
}

// required prepares a rule's required fields.
func (c *compiler) required(r *Rule, cr *compiledRule) {
	if len(r.Required) == 0 {
		return
	}
	if r.Path != "" {
		c.fail(r, r.Line, 0, "a rule with required fields reports each at its own path, so it has no path")
		return
	}
	root, variable := reflect.TypeFor[model.Filing](), "filing"
	if cr.coll != nil {
		root, variable = cr.coll.goType, cr.coll.elem
	}
	for _, path := range r.Required {
		rf := requiredField{path: path}
		t := root
		var tests []string
		expr := variable
		for k, step := range strings.Split(path, ".") {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			f, ok := fieldByKey(t, step)
			if t.Kind() != reflect.Struct || !ok {
				c.fail(r, r.Line, 0, "required: %q is not a field of %s", path, root.Name())
				return
			}
			rf.index = append(rf.index, f.Index)
			expr += "." + step
			t = f.Type
			if t.Kind() == reflect.Pointer && k < strings.Count(path, ".") {
				tests = append(tests, "has("+expr+")")
			}
		}
		switch t.Kind() {
		case reflect.String:
			tests = append(tests, expr+` != ""`)
		case reflect.Slice:
			tests = append(tests, "size("+expr+") > 0")
		case reflect.Pointer:
			tests = append(tests, "has("+expr+")")
		default:
			c.fail(r, r.Line, 0, "required: %q is a %s, which always has a value", path, t.Kind())
			return
		}
		if c.celOnly {
			rf.prg = c.expr(r, "required "+path, Expr{Source: strings.Join(tests, " && "), Line: r.Line}, true)
		}
		cr.required = append(cr.required, rf)
	}
}

// present reports whether the field holds a value in v, an element of
// the rule's collection or the filing.
func (rf *requiredField) present(v reflect.Value) bool {
	for _, index := range rf.index {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(index)
	}
	switch v.Kind() {
	case reflect.String, reflect.Slice:
		return v.Len() > 0
	}
	return !v.IsNil()
}
