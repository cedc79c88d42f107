//go:build !icpcheck_bundled

package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
)

// The parts of compiling that need CEL's parser and checker. A build with
// the tag icpcheck_bundled leaves them out (see source_bundled.go).

// fromSource parses and type-checks an expression that no bundle compiled,
// or records why not.
func (c *compiler) fromSource(r *Rule, what string, e Expr, boolean bool) *cel.Ast {
	checked, iss := c.env.Compile(e.Source)
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
// on a small one.
func (c *compiler) estimateCost(_ *Rule, _ string, _ Expr, checked *cel.Ast) costs {
	bound := func(b sizeBounds) uint64 {
		est, err := c.env.EstimateCost(checked, b)
		if err != nil {
			return unknownCost
		}
		return est.Max
	}
	return costs{worst: bound(anyFiling), small: bound(smallFiling)}
}
