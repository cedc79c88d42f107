package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/model"
)

// The materials a filing uploads are looked up by kind in nearly every
// province's rules. filing.has_material(kind) and, for a material that
// may belong to one service, filing.has_material(kind, i) say so in one
// call, decided by a loop over the filing's materials in Go instead of a
// comprehension per rule.
func materialFunctions() cel.EnvOption {
	return cel.Function("has_material",
		cel.MemberOverload("filing_has_material_string", []*cel.Type{filingType, cel.StringType}, cel.BoolType,
			cel.BinaryBinding(func(f, kind ref.Val) ref.Val {
				return hasMaterial(f, kind, func(*int) bool { return true })
			})),
		// A material of the whole filing, or of service i.
		cel.MemberOverload("filing_has_material_string_int", []*cel.Type{filingType, cel.StringType, cel.IntType}, cel.BoolType,
			cel.FunctionBinding(func(args ...ref.Val) ref.Val {
				i, ok := args[2].(types.Int)
				if !ok {
					return types.NewErr("has_material: the service is not an int")
				}
				return hasMaterial(args[0], args[1], func(s *int) bool { return s == nil || int64(*s) == int64(i) })
			})),
	)
}

func hasMaterial(f, kind ref.Val, belongs func(service *int) bool) ref.Val {
	filing, ok := f.Value().(*model.Filing)
	k, isString := kind.(types.String)
	if !ok || !isString {
		return types.NewErr("has_material: not a filing and a kind")
	}
	for _, m := range filing.Materials {
		if string(m.Kind) == string(k) && belongs(m.Service) {
			return types.True
		}
	}
	return types.False
}
