package rules

import (
	"fmt"
	"reflect"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/icpcheck/icpcheck/model"
)

// envSet is the one base environment every rule compiles against and, built
// on first need, one extension of it per collection that declares the
// collection's element. Building an environment is the slow part of
// compiling, so each is built once per Compile, not once per rule; and
// planning a checked expression needs only the base (declarations serve
// the checker), so the rules of a bundle build no other.
type envSet struct {
	base         *cel.Env
	mu           sync.Mutex // guards byCollection: groups may compile at once
	byCollection map[string]*cel.Env
}

// newEnvs builds the base environment.
func newEnvs(matchers map[string]*wordList, predicates []NamedExpr) (*envSet, error) {
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
		return nil, fmt.Errorf("rules: building the CEL environment: %w", err)
	}
	return &envSet{base: base, byCollection: map[string]*cel.Env{}}, nil
}
