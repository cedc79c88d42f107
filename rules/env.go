package rules

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/icpcheck/icpcheck/model"
)

// newEnvs builds the one base environment every rule compiles against, and
// one extension of it per collection. Building an environment is the slow
// part of compiling, so this happens once per Compile, not once per rule.
func newEnvs(matchers map[string]*wordList, predicates []NamedExpr) (map[string]*cel.Env, *cel.Env, error) {
	opts := []cel.EnvOption{
		ext.NativeTypes(reflect.TypeOf(&model.Filing{}), ext.ParseStructTag("json")),
		cel.Variable("filing", filingType),
		cel.Variable("filing_date", cel.StringType),
		cel.Variable("facts", cel.MapType(cel.StringType, cel.MapType(cel.StringType, cel.StringType))),
		cel.Variable("params", cel.MapType(cel.StringType, cel.DynType)),
		ext.Strings(),
		ext.Lists(),
		ext.Sets(),
		ext.Bindings(),
		ext.TwoVarComprehensions(),
		// Macro calls are kept so that a hoisted part of a when is the
		// author's own AST, exists() and all() included.
		cel.EnableMacroCallTracking(),
	}
	for _, p := range predicates {
		opts = append(opts, cel.Variable(p.Name, cel.BoolType))
	}
	base, err := cel.NewEnv(append(append(opts, library(matchers)...), costModels(matchers))...)
	if err != nil {
		return nil, nil, fmt.Errorf("rules: building the CEL environment: %w", err)
	}
	envs := map[string]*cel.Env{"": base}
	for _, c := range collectionTable {
		env, err := base.Extend(c.vars()...)
		if err != nil {
			return nil, nil, fmt.Errorf("rules: CEL environment for %s: %w", c.name, err)
		}
		envs[c.name] = env
	}
	return envs, base, nil
}
