package rules

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
)

// interruptEvery is how many iterations of a comprehension a program that
// could run long runs between looks at the call's context; a program whose
// worst case is above interruptAbove could (a cost unit is a few ns).
const (
	interruptEvery = 64
	interruptAbove = 100_000
)

var noParams = types.NewStringInterfaceMap(types.DefaultTypeAdapter, map[string]any{})

// expr compiles one expression; a boolean one must have type bool.
func (c *compiler) expr(r *Rule, what string, e Expr, boolean bool) *program {
	checked := c.checked(r, what, e, boolean)
	if checked == nil {
		return nil
	}
	return c.program(r, what, e, checked)
}

// checked parses and type-checks one expression, or records why not.
func (c *compiler) checked(r *Rule, what string, e Expr, boolean bool) *cel.Ast {
	if e.pre != nil {
		ast, err := e.pre.checked()
		if err != nil {
			c.fail(r, e.Line, e.Column, "%s: %v", what, err)
			return nil
		}
		if ast != nil {
			return ast // compiled when the bundle was made
		}
	}
	return c.fromSource(r, what, e, boolean)
}

// program plans a checked expression, with a run-time cost limit where the
// static estimate cannot bound it; such a program is planned again without
// one for small filings when it is bounded on those (see smallFiling).
func (c *compiler) program(r *Rule, what string, e Expr, checked *cel.Ast) *program {
	est := c.estimate(r, what, e, checked)
	p := c.plan(r, what, e, checked, est.worst)
	if p != nil && p.metered && est.small != unknownCost && est.small <= c.costLimit {
		p.small = c.plan(r, what, e, checked, est.small)
	}
	return p
}

// plan plans checked for a worst case, metered when that is above the
// limit or unknown.
func (c *compiler) plan(r *Rule, what string, e Expr, checked *cel.Ast, worst uint64) *program {
	opts, metered := c.programOptions(worst)
	prg, err := c.env.Program(checked, opts...)
	if err != nil {
		c.fail(r, e.Line, e.Column, "%s: %v", what, err)
		return nil
	}
	return &program{Program: prg, metered: metered}
}

// programOptions are the options of planning an expression of worst-case
// cost worst (unknownCost when it is unbounded), and whether its program
// is metered.
func (c *compiler) programOptions(worst uint64) (opts []cel.ProgramOption, metered bool) {
	opts = []cel.ProgramOption{cel.EvalOptions(cel.OptOptimize)}
	metered = worst == unknownCost || worst > c.costLimit
	if metered {
		// The worst case is unknown or too high: count the cost as it runs.
		opts = append(opts, cel.CostLimit(c.costLimit))
	}
	if metered || worst > interruptAbove {
		// It could run long: look at the call's context inside its
		// comprehensions.
		opts = append(opts, cel.InterruptCheckFrequency(interruptEvery))
	}
	return opts, metered
}

// costs are the static worst cases of an expression, on any filing the
// decoder accepts and on a small one; unknownCost where the checker could
// not bound it.
type costs struct{ worst, small uint64 }

// estimate is the worst case of checked, an expression of e (the whole of
// it, or a hoisted part), as the bundle recorded it or as the checker
// estimates it (see estimateCost).
func (c *compiler) estimate(r *Rule, what string, e Expr, checked *cel.Ast) costs {
	if est, ok := e.pre.costOf(checked); ok {
		return est
	}
	est := c.estimateCost(r, what, e, checked)
	if c.record && e.pre != nil {
		e.pre.setCost(checked, est)
	}
	return est
}

// refuse makes a misspelt word-list name a load-time error (the list
// argument of has_words, found_words and prefix_words must be a known
// literal) and refuses distinct(), so that no rule is quadratic in a
// filing's size.
func (c *compiler) refuse(r *Rule, e Expr, checked *cel.Ast) {
	native := checked.NativeRep()
	at := func(x ast.Expr) (int, int) {
		loc := native.SourceInfo().GetStartLocation(x.ID())
		return e.at.atLineCol(loc.Line(), loc.Column())
	}
	ast.PreOrderVisit(native.Expr(), ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() != ast.CallKind {
			return
		}
		call := x.AsCall()
		if call.FunctionName() == "distinct" {
			line, col := at(x)
			c.fail(r, line, col, "distinct() is quadratic in the list's length; use unique(list)")
			return
		}
		if call.FunctionName() == "matches" {
			// A pattern is compiled once, at load time, when it is a
			// literal; one built from filing text would be compiled on
			// every evaluation, at a cost no limit sees.
			args := call.Args()
			if len(args) == 0 || args[len(args)-1].Kind() != ast.LiteralKind {
				line, col := at(x)
				c.fail(r, line, col, "the pattern of matches() must be a string literal")
			}
			return
		}
		if fn := call.FunctionName(); (fn != "has_words" && fn != "found_words" && fn != "prefix_words") || len(call.Args()) != 2 {
			return
		}
		arg := call.Args()[1]
		line, col := at(arg)
		var name string
		switch {
		case arg.Kind() == ast.LiteralKind:
			name, _ = arg.AsLiteral().Value().(string)
		case arg.Kind() == ast.SelectKind && arg.AsSelect().Operand().Kind() == ast.IdentKind && arg.AsSelect().Operand().AsIdent() == "params":
			// A shared rule's word list may be a param, which each
			// province that applies it names.
			param := arg.AsSelect().FieldName()
			if r.Shared == nil {
				return // the shared rule as written: checked where applied
			}
			name, _ = r.Params[param].(string)
			if name == "" {
				c.fail(r, line, col, "param %s of %s must name a word list", param, r.ID)
				return
			}
		default:
			c.fail(r, line, col, "the word list of %s must be a string literal or a param", call.FunctionName())
			return
		}
		if _, ok := c.matchers[name]; !ok {
			c.fail(r, line, col, "unknown word list %q", name)
		}
	}))
}
