package rules

import (
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"github.com/google/go-cmp/cmp"
)

func TestPlannerTypes(t *testing.T) {
	env, err := cel.NewEnv(
		cel.Variable("l", cel.ListType(cel.StringType)),
		cel.Variable("m", cel.MapType(cel.StringType, cel.StringType)),
	)
	if err != nil {
		t.Fatal(err)
	}
	checked, iss := env.Compile(`size(l[0]) + 1 > 2 && m.a == "x" && type(l) == list`)
	if iss.Err() != nil {
		t.Fatal(iss.Err())
	}
	native := checked.NativeRep()
	// What planning reads, by the kind of expression it is read for.
	want := map[int64]string{native.Expr().ID(): "root"}
	var dropped []string
	ast.PreOrderVisit(native.Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		switch {
		case e.Kind() == ast.IdentKind:
			want[e.ID()] = "ident " + e.AsIdent()
		case e.Kind() == ast.SelectKind:
			want[e.ID()] = "select ." + e.AsSelect().FieldName()
			want[e.AsSelect().Operand().ID()] = "operand of ." + e.AsSelect().FieldName()
		case e.Kind() == ast.CallKind && e.AsCall().FunctionName() == "_[_]":
			want[e.AsCall().Args()[0].ID()] = "operand of []"
		case e.ID() != native.Expr().ID():
			dropped = append(dropped, e.AsCall().FunctionName())
		}
	}))
	kept := plannerTypes(native.Expr(), native.TypeMap())
	got := map[int64]string{}
	for id := range kept {
		got[id] = want[id]
		if got[id] == "" {
			got[id] = "unexpected"
		}
		if kept[id] != native.TypeMap()[id] {
			t.Errorf("expression %d: type %v, want the checker's %v", id, kept[id], native.TypeMap()[id])
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kept types (-want +got):\n%s", diff)
	}
	if len(dropped) == 0 || len(kept) >= len(native.TypeMap()) {
		t.Errorf("nothing dropped: %d of %d types kept (calls %v)", len(kept), len(native.TypeMap()), dropped)
	}

	// A program planned from the trimmed types answers as the checker's.
	trimmed := ast.NewCheckedAST(ast.NewAST(native.Expr(), native.SourceInfo()), kept, native.ReferenceMap())
	pb, err := ast.ToProto(trimmed)
	if err != nil {
		t.Fatal(err)
	}
	for _, vars := range []map[string]any{
		{"l": []string{"ab"}, "m": map[string]string{"a": "x"}},
		{"l": []string{"a"}, "m": map[string]string{"a": "x"}},
		{"l": []string{"ab"}, "m": map[string]string{"a": "y"}},
	} {
		var answers []any
		for _, a := range []*cel.Ast{checked, cel.CheckedExprToAst(pb)} {
			prg, err := env.Program(a)
			if err != nil {
				t.Fatal(err)
			}
			out, _, err := prg.Eval(vars)
			if err != nil {
				t.Fatal(err)
			}
			answers = append(answers, out.Value())
		}
		if answers[0] != answers[1] {
			t.Errorf("%v: trimmed %v, checked %v", vars, answers[1], answers[0])
		}
	}
}
