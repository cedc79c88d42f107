//go:build !icpcheck_bundled

package rules

import (
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
)

// The parts of compiling that need CEL's parser and checker. A build with
// the tag icpcheck_bundled leaves them out (see source_bundled.go).

// fromSource parses and type-checks an expression that no bundle compiled,
// or records why not.
func (c *compiler) fromSource(r *Rule, what string, e Expr, boolean bool) *cel.Ast {
	env, err := c.typed()
	if err != nil {
		c.fail(r, e.Line, e.Column, "%s: %v", what, err)
		return nil
	}
	checked, iss := env.Compile(e.Source)
	if iss.Err() != nil {
		for _, ce := range iss.Errors() {
			line, col := e.at.atLineCol(ce.Location.Line(), ce.Location.Column())
			c.fail(r, line, col, "%s: %s", what, ce.Message)
		}
		return nil
	}
	if boolean && !checked.OutputType().IsExactType(types.BoolType) {
		c.fail(r, e.Line, e.Column, "%s must be a boolean expression, not %s", what, checked.OutputType())
		return nil
	}
	before := len(c.errs)
	c.refuse(r, e, checked)
	if len(c.errs) > before {
		return nil
	}
	if c.record && e.pre != nil {
		e.pre.ast = checked
	}
	return checked
}

// estimateCost is the checker's worst case of checked, on any filing and
// on a small one; unknownCost where it could not bound it.
func (c *compiler) estimateCost(_ *Rule, _ string, _ Expr, checked *cel.Ast) costs {
	env, err := c.typed()
	if err != nil {
		return costs{unknownCost, unknownCost}
	}
	bound := func(b sizeBounds) uint64 {
		est, err := env.EstimateCost(checked, b)
		if err != nil {
			return unknownCost
		}
		return est.Max
	}
	return costs{worst: bound(anyFiling), small: bound(smallFiling)}
}

// typed is the environment that declares the rule's element and its
// variables so far, which checking and estimating need.
func (c *compiler) typed() (*cel.Env, error) {
	if c.typedEnv == nil {
		env, err := c.envs.of(c.each)
		if err != nil {
			return nil, err
		}
		c.typedEnv = env
	}
	if len(c.pending) > 0 {
		env, err := c.typedEnv.Extend(c.pending...)
		if err != nil {
			return nil, fmt.Errorf("declaring the rule's variables: %w", err)
		}
		c.typedEnv, c.pending = env, nil
	}
	return c.typedEnv, nil
}

// of is the environment of the rules over the collection each ("" for
// the whole filing), built on first need.
func (s *envSet) of(each string) (*cel.Env, error) {
	if each == "" {
		return s.base, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if env, ok := s.byCollection[each]; ok {
		return env, nil
	}
	coll := collectionNamed(each)
	if coll == nil {
		return nil, fmt.Errorf("no collection %q", each)
	}
	env, err := s.base.Extend(coll.vars()...)
	if err != nil {
		return nil, fmt.Errorf("CEL environment for %s: %w", each, err)
	}
	s.byCollection[each] = env
	return env, nil
}
