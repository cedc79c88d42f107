//go:build icpcheck_bundled

package rules

import "cel.dev/cel-go/cel"

// fromSource refuses every expression that no bundle compiled: built with
// the tag icpcheck_bundled (the browser build), the rules hold no CEL
// parser or checker, so only a bundle's checked expressions compile.
func (c *compiler) fromSource(r *Rule, what string, e Expr, _ bool) *cel.Ast {
	c.fail(r, e.Line, e.Column, "%s: this build (tag icpcheck_bundled) compiles only the expressions of a bundle, not %q", what, e.Source)
	return nil
}

// estimateCost refuses an expression whose worst case the bundle did not
// record: this build has no cost estimator.
func (c *compiler) estimateCost(r *Rule, what string, e Expr, _ *cel.Ast) costs {
	c.fail(r, e.Line, e.Column, "%s: this build (tag icpcheck_bundled) estimates no cost, and the bundle records none", what)
	return costs{unknownCost, unknownCost}
}
