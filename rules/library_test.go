package rules

import (
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/icpcheck/icpcheck/model"
)

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from model.Date
		n    int
		want model.Date
	}{
		{"2026-03-02", 3, "2026-06-02"},
		{"2026-08-31", 3, "2026-11-30"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2027-11-30", 3, "2028-02-29"},
		{"2026-05-31", -3, "2026-02-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-31", 0, "2026-01-31"},
	} {
		if got := addMonths(c.from, c.n); got != c.want {
			t.Errorf("addMonths(%s, %d) = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestStringSet(t *testing.T) {
	for expr, want := range map[string]bool{
		`"a" in set(["a", "b", "a"])`:     true,
		`"c" in set(["a", "b", "a"])`:     false,
		`size(set(["a", "b", "a"])) == 2`: true,
		`size(set([])) == 0`:              true,
	} {
		if out, err := evalExpr(t, expr, map[string]any{}); err != nil || out != types.Bool(want) {
			t.Errorf("%s = %v (%v), want %v", expr, out, err, want)
		}
	}
	if v := stringSet(types.NewDynamicList(types.DefaultTypeAdapter, []any{1})); !types.IsError(v) {
		t.Errorf("set of ints = %v, want an error", v)
	}
}

// evalExpr compiles expr in the base environment, without word lists or
// predicates, and evaluates it with vars.
func evalExpr(t *testing.T, expr string, vars map[string]any) (ref.Val, error) {
	t.Helper()
	envs, err := newEnvs(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked, iss := envs.base.Compile(expr)
	if iss.Err() != nil {
		t.Fatalf("%s: %v", expr, iss.Err())
	}
	prg, err := envs.base.Program(checked)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := prg.Eval(vars)
	return out, err
}
