package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
)

// splitWhen sorts the conjuncts of a rule's when into those that read only
// the filing, those that read only the filing and the service (for
// collections inside a service), and the rest. CEL's && is commutative,
// errors included, so evaluating the groups in that order gives the rule's
// own answer; each conjunct runs as the author's own AST.
func (c *compiler) splitWhen(r *Rule, cr *compiledRule, when *cel.Ast) {
	native := when.NativeRep()
	elementVars := elementVariables()
	var filing, service, rest []ast.Expr
	for _, conj := range conjuncts(native.Expr()) {
		vars := c.variablesOf(conj, elementVars)
		switch {
		case cr.coll == nil || len(vars) > 0 && !(cr.coll.inService && onlyService(vars)):
			rest = append(rest, conj)
		case len(vars) == 0:
			filing = append(filing, conj)
		default:
			service = append(service, conj)
		}
	}
	if len(filing)+len(service) == 0 {
		cr.when = condition{c.program(r, "when", r.When, when)}
		return
	}
	cr.filingWhen = c.parts(r, r.When, when, filing)
	cr.serviceWhen = c.parts(r, r.When, when, service)
	cr.when = c.parts(r, r.When, when, rest)
}

// condition compiles a boolean expression of the rule, whole.
func (c *compiler) condition(r *Rule, what string, e Expr) condition {
	checked := c.checked(r, what, e, true)
	if checked == nil {
		return nil
	}
	return condition{c.program(r, what, e, checked)}
}

// parts plans each of exprs, conjuncts of whole, as a program of its own.
func (c *compiler) parts(r *Rule, e Expr, whole *cel.Ast, exprs []ast.Expr) condition {
	var out condition
	native := whole.NativeRep()
	for _, x := range exprs {
		sub := ast.NewCheckedAST(ast.NewAST(x, native.SourceInfo()), native.TypeMap(), native.ReferenceMap())
		pb, err := ast.ToProto(sub)
		if err != nil {
			c.fail(r, e.Line, e.Column, "when: %v", err)
			continue
		}
		out = append(out, c.program(r, "when", e, cel.CheckedExprToAst(pb)))
	}
	return out
}

func onlyService(vars map[string]bool) bool {
	for v := range vars {
		if v != "service" && v != "i" {
			return false
		}
	}
	return true
}

// conjuncts flattens a tree of && into its operands.
func conjuncts(e ast.Expr) []ast.Expr {
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == operators.LogicalAnd {
		var out []ast.Expr
		for _, arg := range e.AsCall().Args() {
			out = append(out, conjuncts(arg)...)
		}
		return out
	}
	return []ast.Expr{e}
}

// variablesOf returns the element variables and rule variables e reads.
func (c *compiler) variablesOf(e ast.Expr, elementVars map[string]bool) map[string]bool {
	vars := map[string]bool{}
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() == ast.IdentKind && (elementVars[x.AsIdent()] || c.ruleVars[x.AsIdent()]) {
			vars[x.AsIdent()] = true
		}
	}))
	return vars
}
