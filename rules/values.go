package rules

import (
	"errors"
	"fmt"
	"sync"

	"cel.dev/cel-go/cel"
)

// A rule's values fill the placeholders of its message and fix, so only a
// finding needs them, and most rules find nothing in a filing. A value
// whose AST a bundle holds is therefore planned on its first use: a
// program that checks one filing need not decode and plan them all.

// deferred plans a program on its first use.
type deferred struct {
	plan func() (cel.Program, error)
	once sync.Once
	err  error
}

// ready plans p if it waits for its first use.
func (p *program) ready() error {
	if p.deferred == nil {
		return nil
	}
	d := p.deferred
	d.once.Do(func() { p.Program, d.err = d.plan() })
	return d.err
}

// ready plans the value's programs that wait for their first use.
func (v *compiledValue) ready() error {
	for _, p := range []*program{v.zh, v.en} {
		if p != nil {
			if err := p.ready(); err != nil {
				return err
			}
		}
	}
	return nil
}

// value compiles the expression of a value, deferring the planning of one
// that a bundle compiled, with its cost, until its first use.
func (c *compiler) value(r *Rule, what string, e Expr) *program {
	if c.record || e.pre == nil || e.pre.n == 0 || !e.pre.costKnown {
		return c.expr(r, what, e, false)
	}
	opts, metered := c.programOptions(e.pre.cost)
	env := c.env
	return &program{metered: metered, deferred: &deferred{plan: func() (cel.Program, error) {
		checked, err := e.pre.checked()
		if err == nil {
			var prg cel.Program
			if prg, err = env.Program(checked, opts...); err == nil {
				return prg, nil
			}
		}
		return nil, &Error{File: r.File, Line: e.Line, Column: e.Column, Rule: r.ID, Err: fmt.Errorf("%s: %w", what, err)}
	}}}
}

// prepare compiles the group's rules and plans their deferred programs.
func (g *group) prepare() error {
	compiled, err := g.get()
	if err != nil {
		return err
	}
	var errs []error
	for _, cr := range compiled {
		for k := range cr.values {
			if err := cr.values[k].ready(); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
