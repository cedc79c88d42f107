//go:build !icpcheck_bundled

package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
)

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
