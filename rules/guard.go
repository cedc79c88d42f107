package rules

import (
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"

	"github.com/icpcheck/icpcheck/model"
)

// A fieldGuard is a conjunct of a rule's when, needs or check that the
// engine decides in Go instead of in CEL: a string field compared with a
// literal or another string field (==, !=, in a list of literals), a
// presence test has() of a string or pointer field, one of the Go functions
// that cannot fail (resident_id_valid, certificate_province, domain_level,
// ...) over such strings, the negation of a guard, a choice between guards
// (c ? a : b), or list.exists(x, guards) over a list of structs. Most rules open
// with such a discriminator (service.kind == "app", has(filing.resource) &&
// filing.resource.type == "ecs"), and deciding it in Go costs a few field
// reads instead of a CEL evaluation.
//
// The guards are plain reads that can neither fail nor differ from CEL, so
// a condition keeps its CEL meaning: CEL's && is false when any conjunct is
// false, whatever the others give, errors included; when every guard holds,
// the conjuncts left in CEL decide. TestFieldGuardsChangeNoAnswer compares
// the two on every rule case and example filing.
type fieldGuard struct {
	op          string // operators.Equals, NotEquals, In, LogicalNot, Conditional, "has", "exists", "call", "ints"
	left, right operand
	set         []string          // the literals of In
	inner       []*fieldGuard     // the operand of LogicalNot; the three of Conditional; the conjuncts of exists
	boolFn      func(string) bool // call: the function, of left
	compare     string            // ints: the relational operator
	ints        [2]intOperand     // ints: the sides
	list        *fieldPath        // exists: the list, of structs
	elemSize    uintptr           // exists: the size of an element
	local       int               // exists: the local slot the element is bound to
}

// operand is a string: a literal, a field, or a Go function of operands.
type operand struct {
	literal string
	path    *fieldPath
	fn1     func(string) string
	fn2     func(string, string) string
	args    []operand
}

func (o *operand) isLiteral() bool { return o.path == nil && o.fn1 == nil && o.fn2 == nil }

// intOperand is an int: a literal, an int field (through a pointer that
// has() has shown set), or a Go function of a string operand.
type intOperand struct {
	literal int64
	path    *fieldPath
	fn      func(string) int
	arg     operand
}

// fieldPath is a variable followed by field selections, resolved against
// the model's Go types at load time into offsets: field reads then cost no
// reflection, which is what makes a guard cheaper than CEL's own field
// access. Every offset and type comes from reflect, and a pointer is only
// followed where a has() guard has shown it set.
type fieldPath struct {
	root  int // a rootVariable, or rootLocal+slot for an exists variable
	steps []pathStep
}

type pathStep struct {
	offset  uintptr
	pointer bool // the field is a pointer; followed unless it is the last step
}

type rootVariable = int

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
	rootLocal // the first slot of exists variables
)

// maxLocals bounds the nesting of exists guards.
const maxLocals = 4

type variable struct {
	root int
	typ  reflect.Type
}

// scope maps the variables a guard may read to their roots and Go types.
type scope map[string]variable

var rootScope = scope{
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

// guardBuilder turns conjuncts into guards. proven holds the pointer paths
// that earlier guards have tested with has(): a path may pass through a
// pointer only when one of them shows it is not nil, so that reading it
// cannot meet a nil that CEL would treat differently.
type guardBuilder struct {
	info   *ast.SourceInfo // to recognise exists() by its macro call
	scope  scope
	locals int
	proven map[string]bool
}

// guard returns the conjunct as a fieldGuard, or nil when it is anything
// else.
func (b *guardBuilder) guard(e ast.Expr) *fieldGuard {
	switch e.Kind() {
	case ast.SelectKind:
		return b.has(e)
	case ast.ComprehensionKind:
		return b.exists(e)
	case ast.CallKind:
	default:
		return nil
	}
	call := e.AsCall()
	args := call.Args()
	if call.IsMemberFunction() {
		return nil
	}
	if call.FunctionName() == operators.LogicalNot && len(args) == 1 {
		// A negated guard proves nothing, so it works on a copy.
		inner := &guardBuilder{info: b.info, scope: b.scope, locals: b.locals, proven: copyOf(b.proven)}
		if g := inner.guard(args[0]); g != nil {
			return &fieldGuard{op: operators.LogicalNot, inner: []*fieldGuard{g}}
		}
		return nil
	}
	if fn, ok := boolFunctions[call.FunctionName()]; ok && len(args) == 1 {
		arg, ok := b.stringOperand(args[0])
		if !ok {
			return nil
		}
		return &fieldGuard{op: "call", boolFn: fn, left: arg}
	}
	if call.FunctionName() == operators.Conditional && len(args) == 3 {
		// Only the branch taken runs, so neither proves for what follows.
		g := &fieldGuard{op: operators.Conditional}
		for _, arg := range args {
			inner := &guardBuilder{info: b.info, scope: b.scope, locals: b.locals, proven: copyOf(b.proven)}
			ig := inner.guard(arg)
			if ig == nil {
				return nil
			}
			g.inner = append(g.inner, ig)
		}
		return g
	}
	if len(args) != 2 {
		return nil
	}
	switch call.FunctionName() {
	case operators.Equals, operators.NotEquals:
		left, ok := b.stringOperand(args[0])
		right, ok2 := b.stringOperand(args[1])
		if !ok || !ok2 {
			return b.intComparison(call.FunctionName(), args)
		}
		if left.isLiteral() && right.isLiteral() {
			return nil
		}
		return &fieldGuard{op: call.FunctionName(), left: left, right: right}
	case operators.Less, operators.LessEquals, operators.Greater, operators.GreaterEquals:
		return b.intComparison(call.FunctionName(), args)
	case operators.In:
		left, ok := b.stringOperand(args[0])
		if !ok || left.isLiteral() || args[1].Kind() != ast.ListKind {
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
	return nil
}

// has is has(path.field) on a string or pointer field; a pointer it finds
// set is proven for the guards after it.
func (b *guardBuilder) has(e ast.Expr) *fieldGuard {
	sel := e.AsSelect()
	if !sel.IsTestOnly() {
		return nil
	}
	p, typ, ok := b.resolve(sel.Operand())
	if !ok || typ.Kind() != reflect.Struct {
		return nil
	}
	field, ok := fieldByKey(typ, sel.FieldName())
	if !ok {
		return nil
	}
	step := pathStep{offset: field.Offset}
	switch field.Type.Kind() {
	case reflect.String:
	case reflect.Pointer:
		step.pointer = true
	default:
		return nil
	}
	p.steps = append(p.steps, step)
	if step.pointer {
		b.proven[p.key()] = true
	}
	return &fieldGuard{op: "has", left: operand{path: p}}
}

// exists is list.exists(x, conjuncts) over a list of structs, where every
// conjunct is a guard.
func (b *guardBuilder) exists(e ast.Expr) *fieldGuard {
	macro, ok := b.info.GetMacroCall(e.ID())
	if !ok || macro.Kind() != ast.CallKind || macro.AsCall().FunctionName() != "exists" ||
		len(macro.AsCall().Args()) != 2 || b.locals == maxLocals {
		return nil
	}
	comp := e.AsComprehension()
	if comp.HasIterVar2() {
		return nil
	}
	// The step of exists is accu || predicate.
	step := comp.LoopStep()
	if step.Kind() != ast.CallKind || step.AsCall().FunctionName() != operators.LogicalOr || len(step.AsCall().Args()) != 2 {
		return nil
	}
	list, typ, ok := b.resolve(comp.IterRange())
	if !ok || typ.Kind() != reflect.Slice || typ.Elem().Kind() != reflect.Struct {
		return nil
	}
	// Guards run without CEL's cost limit, so they must stay linear in the
	// filing: an exists inside another may only go over a list of the
	// outer element (the domains of a service), never over an unrelated one.
	if b.locals > 0 && list.root != rootLocal+b.locals-1 {
		return nil
	}
	inner := &guardBuilder{info: b.info, scope: scope{}, locals: b.locals + 1, proven: copyOf(b.proven)}
	for name, v := range b.scope {
		inner.scope[name] = v
	}
	inner.scope[comp.IterVar()] = variable{root: rootLocal + b.locals, typ: typ.Elem()}
	g := &fieldGuard{op: "exists", list: list, elemSize: typ.Elem().Size(), local: b.locals}
	for _, conj := range conjuncts(step.AsCall().Args()[1]) {
		ig := inner.guard(conj)
		if ig == nil {
			return nil
		}
		g.inner = append(g.inner, ig)
	}
	return g
}

func copyOf(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// key names the path for proven.
func (p *fieldPath) key() string {
	key := strconv.Itoa(p.root)
	for _, s := range p.steps {
		key += "." + strconv.FormatUint(uint64(s.offset), 10)
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

// intComparison is a relational operator over int literals and int
// functions of strings, such as domain_level(domain.name) <= 4.
func (b *guardBuilder) intComparison(op string, args []ast.Expr) *fieldGuard {
	g := &fieldGuard{op: "ints", compare: op}
	functions := 0
	for k, arg := range args {
		switch arg.Kind() {
		case ast.LiteralKind:
			n, ok := arg.AsLiteral().Value().(int64)
			if !ok {
				return nil
			}
			g.ints[k].literal = n
		case ast.SelectKind:
			p, ok := b.intField(arg)
			if !ok {
				return nil
			}
			g.ints[k].path = p
			functions++
		case ast.CallKind:
			call := arg.AsCall()
			fn, ok := intFunctions[call.FunctionName()]
			if !ok || call.IsMemberFunction() || len(call.Args()) != 1 {
				return nil
			}
			s, ok := b.stringOperand(call.Args()[0])
			if !ok {
				return nil
			}
			g.ints[k].fn, g.ints[k].arg = fn, s
			functions++
		default:
			return nil
		}
	}
	if functions == 0 {
		return nil
	}
	return g
}

// intField resolves an int field, or a pointer to an int that an earlier
// has() has shown set, which CEL reads as the int it points to.
func (b *guardBuilder) intField(e ast.Expr) (*fieldPath, bool) {
	sel := e.AsSelect()
	if sel.IsTestOnly() {
		return nil, false
	}
	p, typ, ok := b.resolve(sel.Operand())
	if !ok || typ.Kind() != reflect.Struct {
		return nil, false
	}
	field, ok := fieldByKey(typ, sel.FieldName())
	if !ok {
		return nil, false
	}
	switch {
	case field.Type.Kind() == reflect.Int:
		p.steps = append(p.steps, pathStep{offset: field.Offset})
	case field.Type.Kind() == reflect.Pointer && field.Type.Elem().Kind() == reflect.Int:
		// The pointer is followed as a middle step is, then the int read.
		p.steps = append(p.steps, pathStep{offset: field.Offset, pointer: true})
		if !b.proven[p.key()] {
			return nil, false
		}
		p.steps = append(p.steps, pathStep{})
	default:
		return nil, false
	}
	return p, true
}

func (b *guardBuilder) stringOperand(e ast.Expr) (operand, bool) {
	if lit, ok := stringLiteral(e); ok {
		return operand{literal: lit}, true
	}
	if e.Kind() == ast.CallKind && !e.AsCall().IsMemberFunction() {
		call := e.AsCall()
		o := operand{fn1: stringFunctions[call.FunctionName()], fn2: binaryStringFunctions[call.FunctionName()]}
		switch {
		case o.fn1 != nil && len(call.Args()) == 1, o.fn2 != nil && len(call.Args()) == 2:
		default:
			return operand{}, false
		}
		for _, arg := range call.Args() {
			a, ok := b.stringOperand(arg)
			if !ok {
				return operand{}, false
			}
			o.args = append(o.args, a)
		}
		return o, true
	}
	p, typ, ok := b.resolve(e)
	if !ok || typ.Kind() != reflect.String {
		return operand{}, false
	}
	return operand{path: p}, true
}

// resolve resolves a chain of field selections on a variable to offsets,
// and returns the type it ends at.
func (b *guardBuilder) resolve(e ast.Expr) (*fieldPath, reflect.Type, bool) {
	switch e.Kind() {
	case ast.IdentKind:
		v, ok := b.scope[e.AsIdent()]
		if !ok {
			return nil, nil, false
		}
		return &fieldPath{root: v.root}, v.typ, true
	case ast.SelectKind:
		sel := e.AsSelect()
		if sel.IsTestOnly() {
			return nil, nil, false
		}
		p, typ, ok := b.resolve(sel.Operand())
		if !ok || typ.Kind() != reflect.Struct {
			return nil, nil, false
		}
		field, ok := fieldByKey(typ, sel.FieldName())
		if !ok {
			return nil, nil, false
		}
		typ = field.Type
		if typ.Kind() == reflect.Pointer {
			p.steps = append(p.steps, pathStep{offset: field.Offset, pointer: true})
			if typ.Elem().Kind() != reflect.Struct || !b.proven[p.key()] {
				return nil, nil, false
			}
			return p, typ.Elem(), true
		}
		p.steps = append(p.steps, pathStep{offset: field.Offset})
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
	switch g.op {
	case "has":
		p := g.left.path.field(a)
		if g.left.path.steps[len(g.left.path.steps)-1].pointer {
			return *(*unsafe.Pointer)(p) != nil
		}
		return *(*string)(p) != ""
	case operators.LogicalNot:
		return !g.inner[0].holds(a)
	case "exists":
		// Any list is read through a []byte header: the length counts
		// elements whatever their type, and elemSize steps between them.
		list := *(*[]byte)(g.list.field(a))
		data := unsafe.Pointer(unsafe.SliceData(list))
		for i := range len(list) {
			a.locals[g.local] = unsafe.Add(data, uintptr(i)*g.elemSize)
			if guardsHold(g.inner, a) {
				return true
			}
		}
		return false
	case "call":
		return g.boolFn(g.left.value(a))
	case operators.Conditional:
		if g.inner[0].holds(a) {
			return g.inner[1].holds(a)
		}
		return g.inner[2].holds(a)
	case "ints":
		left, right := g.ints[0].value(a), g.ints[1].value(a)
		switch g.compare {
		case operators.Less:
			return left < right
		case operators.LessEquals:
			return left <= right
		case operators.Greater:
			return left > right
		case operators.GreaterEquals:
			return left >= right
		case operators.Equals:
			return left == right
		}
		return left != right
	case operators.Equals:
		return g.left.value(a) == g.right.value(a)
	case operators.NotEquals:
		return g.left.value(a) != g.right.value(a)
	}
	left := g.left.value(a)
	for _, s := range g.set {
		if left == s {
			return true
		}
	}
	return false
}

func (o *operand) value(a *activation) string {
	switch {
	case o.path != nil:
		return *(*string)(o.path.field(a))
	case o.fn1 != nil:
		return o.fn1(o.args[0].value(a))
	case o.fn2 != nil:
		return o.fn2(o.args[0].value(a), o.args[1].value(a))
	}
	return o.literal
}

func (o *intOperand) value(a *activation) int64 {
	switch {
	case o.path != nil:
		return int64(*(*int)(o.path.field(a)))
	case o.fn != nil:
		return int64(o.fn(o.arg.value(a)))
	}
	return o.literal
}

// field returns the address of the path's last field. Pointers on the way
// are known to be set: the builder admits only proven ones.
func (p *fieldPath) field(a *activation) unsafe.Pointer {
	ptr := a.root(p.root)
	for k, s := range p.steps {
		ptr = unsafe.Add(ptr, s.offset)
		if s.pointer && k < len(p.steps)-1 {
			ptr = *(*unsafe.Pointer)(ptr)
		}
	}
	return ptr
}

// root is the address of a guard's root variable for the current element.
func (a *activation) root(r int) unsafe.Pointer {
	switch r {
	case rootFiling:
		return unsafe.Pointer(a.filing)
	case rootService:
		return unsafe.Pointer(a.service)
	case rootDomain:
		return unsafe.Pointer(a.domain)
	case rootPlatform:
		return unsafe.Pointer(a.platform)
	case rootPreApproval:
		return unsafe.Pointer(a.preApproval)
	case rootMaterial:
		return unsafe.Pointer(a.material)
	case rootPerson:
		return unsafe.Pointer(a.person)
	case rootIP:
		return unsafe.Pointer(&a.ip)
	case rootRole:
		return unsafe.Pointer(&a.role)
	}
	return a.locals[r-rootLocal]
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

// condition is a boolean expression of a rule, split into the guards
// decided in Go and, evaluated only when they all hold, the rest in CEL.
// The zero condition holds.
type condition struct {
	guards []*fieldGuard
	prg    *program // nil when nothing is left for CEL
}
