package rules

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
)

// plannerTypes is the part of a checked expression's type map that planning
// a program reads (cel-go's interpreter/planner.go): the type of the whole
// expression, of each identifier (a type name is planned as a constant) and
// of the operand of each field selection and index (a field of a Go struct
// is read through its getter). The checker's other entries type
// intermediate values that nothing reads after checking; leaving them out
// of the bundle and of hoisted conjuncts makes decoding and planning
// cheaper.
func plannerTypes(root ast.Expr, all map[int64]*types.Type) map[int64]*types.Type {
	out := map[int64]*types.Type{}
	keep := func(id int64) {
		if t, ok := all[id]; ok {
			out[id] = t
		}
	}
	keep(root.ID())
	ast.PostOrderVisit(root, ast.NewExprVisitor(func(e ast.Expr) {
		switch e.Kind() {
		case ast.IdentKind:
			keep(e.ID())
		case ast.SelectKind:
			keep(e.ID()) // a namespaced identifier is a select
			keep(e.AsSelect().Operand().ID())
		case ast.CallKind:
			switch e.AsCall().FunctionName() {
			case operators.Index, operators.OptIndex, operators.OptSelect:
				keep(e.AsCall().Args()[0].ID())
			}
		}
	}))
	return out
}
