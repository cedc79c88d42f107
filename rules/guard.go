package rules

import (
	"reflect"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"

	"github.com/icpcheck/icpcheck/model"
)

// A fieldGuard is a conjunct of a rule's when that the engine decides in Go
// instead of in CEL: a string field compared with a literal or with another
// string field (==, !=, in a list of literals), or a presence test has() of
// a string or pointer field. Most whens open with such a discriminator
// (service.kind == "app", has(filing.resource) && filing.resource.type ==
// "ecs"), and deciding it in Go costs a few field reads instead of a CEL
// evaluation. The conjuncts are plain reads that can neither fail nor
// differ from CEL: a guard that is false makes the when false, as CEL's &&
// does whatever the other conjuncts give; when every guard is true, the
// conjuncts left in CEL decide.
type fieldGuard struct {
	op          string // operators.Equals, operators.NotEquals, operators.In, or "has"
	left, right operand
	set         []string // the literals of op In
}

// operand is a string literal or a field path.
type operand struct {
	literal string
	path    *fieldPath
}

// fieldPath is a variable followed by field selections, resolved against
// the model's Go types at load time.
type fieldPath struct {
	root  rootVariable
	steps []pathStep
}

type pathStep struct {
	index   int
	pointer bool // the field is a pointer to a struct, followed
}

type rootVariable int

const (
	rootFiling rootVariable = iota
	rootService
	rootDomain
	rootPlatform
	rootPreApproval
	rootMaterial
	rootPerson
	rootIP
	rootRole
)

// roots are the variables a guard may start from, with their Go types.
var roots = map[string]struct {
	root rootVariable
	typ  reflect.Type
}{
	"filing":       {rootFiling, reflect.TypeFor[model.Filing]()},
	"service":      {rootService, reflect.TypeFor[model.Service]()},
	"domain":       {rootDomain, reflect.TypeFor[model.Domain]()},
	"platform":     {rootPlatform, reflect.TypeFor[model.Platform]()},
	"pre_approval": {rootPreApproval, reflect.TypeFor[model.PreApproval]()},
	"material":     {rootMaterial, reflect.TypeFor[model.Material]()},
	"person":       {rootPerson, reflect.TypeFor[model.Person]()},
	"ip":           {rootIP, reflect.TypeFor[string]()},
	"role":         {rootRole, reflect.TypeFor[string]()},
}

// guardOf returns the conjunct as a fieldGuard, or nil when it is anything
// else. proven holds the pointer paths that earlier guards have tested with
// has(): a path may pass through a pointer only when one of them shows it
// is not nil, so that reading it cannot meet a nil that CEL would treat
// differently.
func guardOf(e ast.Expr, proven map[string]bool) *fieldGuard {
	switch e.Kind() {
	case ast.SelectKind:
		sel := e.AsSelect()
		if !sel.IsTestOnly() {
			return nil
		}
		p, final, ok := resolvePath(sel.Operand(), proven)
		if !ok || final.Kind() != reflect.Struct {
			return nil
		}
		field, ok := fieldByKey(final, sel.FieldName())
		if !ok {
			return nil
		}
		step := pathStep{index: field.Index[0]}
		switch {
		case field.Type.Kind() == reflect.String:
		case field.Type.Kind() == reflect.Pointer && field.Type.Elem().Kind() == reflect.Struct:
			step.pointer = true
		default:
			return nil
		}
		return &fieldGuard{op: "has", left: operand{path: &fieldPath{root: p.root, steps: append(p.steps, step)}}}
	case ast.CallKind:
		call := e.AsCall()
		args := call.Args()
		if call.IsMemberFunction() || len(args) != 2 {
			return nil
		}
		switch call.FunctionName() {
		case operators.Equals, operators.NotEquals:
			left, ok := stringOperand(args[0], proven)
			if !ok {
				return nil
			}
			right, ok := stringOperand(args[1], proven)
			if !ok || (left.path == nil && right.path == nil) {
				return nil
			}
			return &fieldGuard{op: call.FunctionName(), left: left, right: right}
		case operators.In:
			left, ok := stringOperand(args[0], proven)
			if !ok || left.path == nil || args[1].Kind() != ast.ListKind {
				return nil
			}
			list := args[1].AsList()
			if len(list.OptionalIndices()) > 0 {
				return nil
			}
			var set []string
			for _, el := range list.Elements() {
				lit, ok := stringLiteral(el)
				if !ok {
					return nil
				}
				set = append(set, lit)
			}
			return &fieldGuard{op: operators.In, left: left, set: set}
		}
	}
	return nil
}

// proves records the pointer path a has() guard shows to be set.
func (g *fieldGuard) proves(proven map[string]bool) {
	if g.op == "has" && g.left.path.steps[len(g.left.path.steps)-1].pointer {
		proven[g.left.path.key()] = true
	}
}

// key names the path for proven.
func (p *fieldPath) key() string {
	key := strconv.Itoa(int(p.root))
	for _, s := range p.steps {
		key += "." + strconv.Itoa(s.index)
	}
	return key
}

func stringLiteral(e ast.Expr) (string, bool) {
	if e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().Value().(string)
	return s, ok
}

func stringOperand(e ast.Expr, proven map[string]bool) (operand, bool) {
	if lit, ok := stringLiteral(e); ok {
		return operand{literal: lit}, true
	}
	p, final, ok := resolvePath(e, proven)
	if !ok || final.Kind() != reflect.String {
		return operand{}, false
	}
	return operand{path: p}, true
}

// resolvePath resolves a chain of field selections on a root variable to
// struct field indexes, and returns the type it ends at.
func resolvePath(e ast.Expr, proven map[string]bool) (*fieldPath, reflect.Type, bool) {
	switch e.Kind() {
	case ast.IdentKind:
		r, ok := roots[e.AsIdent()]
		if !ok {
			return nil, nil, false
		}
		return &fieldPath{root: r.root}, r.typ, true
	case ast.SelectKind:
		sel := e.AsSelect()
		if sel.IsTestOnly() {
			return nil, nil, false
		}
		p, typ, ok := resolvePath(sel.Operand(), proven)
		if !ok || typ.Kind() != reflect.Struct {
			return nil, nil, false
		}
		field, ok := fieldByKey(typ, sel.FieldName())
		if !ok {
			return nil, nil, false
		}
		step := pathStep{index: field.Index[0]}
		typ = field.Type
		if typ.Kind() == reflect.Pointer {
			p.steps = append(p.steps, pathStep{index: step.index, pointer: true})
			if typ.Elem().Kind() != reflect.Struct || !proven[p.key()] {
				return nil, nil, false
			}
			return p, typ.Elem(), true
		}
		p.steps = append(p.steps, step)
		return p, typ, true
	}
	return nil, nil, false
}

// fieldByKey finds the struct field with the wire key name, as the CEL
// environment names it (ext.ParseStructTag("json")).
func fieldByKey(typ reflect.Type, name string) (reflect.StructField, bool) {
	for i := range typ.NumField() {
		f := typ.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == name && f.IsExported() {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// holds decides the guard for the current element.
func (g *fieldGuard) holds(a *activation) bool {
	if g.op == "has" {
		v := g.left.path.parent(a)
		last := g.left.path.steps[len(g.left.path.steps)-1]
		f := v.Field(last.index)
		if last.pointer {
			return !f.IsNil()
		}
		return f.Len() > 0
	}
	left := g.left.value(a)
	switch g.op {
	case operators.Equals:
		return left == g.right.value(a)
	case operators.NotEquals:
		return left != g.right.value(a)
	}
	for _, s := range g.set {
		if left == s {
			return true
		}
	}
	return false
}

func (o *operand) value(a *activation) string {
	if o.path == nil {
		return o.literal
	}
	v := o.path.parent(a)
	last := o.path.steps
	if len(last) == 0 {
		return v.String()
	}
	return v.Field(last[len(last)-1].index).String()
}

// parent follows every step but the last and returns the struct holding
// the last field (the root itself for a path without steps). Pointers on
// the way are known to be set: guardOf admits only proven ones.
func (p *fieldPath) parent(a *activation) reflect.Value {
	v := a.root(p.root)
	for _, s := range p.steps[:max(0, len(p.steps)-1)] {
		v = v.Field(s.index)
		if s.pointer {
			v = v.Elem()
		}
	}
	return v
}

// root is the value of a guard's root variable for the current element.
func (a *activation) root(r rootVariable) reflect.Value {
	switch r {
	case rootFiling:
		return reflect.ValueOf(a.filing).Elem()
	case rootService:
		return reflect.ValueOf(a.service).Elem()
	case rootDomain:
		return reflect.ValueOf(a.domain).Elem()
	case rootPlatform:
		return reflect.ValueOf(a.platform).Elem()
	case rootPreApproval:
		return reflect.ValueOf(a.preApproval).Elem()
	case rootMaterial:
		return reflect.ValueOf(a.material).Elem()
	case rootPerson:
		return reflect.ValueOf(a.person).Elem()
	case rootIP:
		return reflect.ValueOf(&a.ip).Elem()
	}
	return reflect.ValueOf(&a.role).Elem()
}

// guardsHold reports whether every guard holds.
func guardsHold(gs []*fieldGuard, a *activation) bool {
	for _, g := range gs {
		if !g.holds(a) {
			return false
		}
	}
	return true
}
