package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"sync"

	"cel.dev/cel-go/cel"
	exprpb "google.golang.org/genproto/googleapis/api/expr/v1alpha1"
	"google.golang.org/protobuf/proto"
)

// A bundle is a set of rule files in the form a program loads fastest:
// the files as parsed, without their test cases, with every expression
// already parsed, type-checked and costed. Loading one reads JSON instead
// of YAML and compiles without CEL's parser and checker; what it gives
// Compile is what ParseFile would have, so the rules judge the same.
// icpcheck's embedded rules are shipped as one (see provinces.Bundle).

// precompiled is what compiling an expression found. An expression read
// from a bundle keeps its AST encoded until its scope is compiled, so that
// loading costs nothing for the scopes a program never uses.
type precompiled struct {
	ast *cel.Ast
	raw []byte // the encoded ast, not yet decoded
	// decoded guards decoding raw: the groups of two provinces that
	// apply one shared rule hold the same expression, and may be compiled
	// at once.
	decoded   sync.Once
	decodeErr error
	off, n    int    // where raw stands in the bundle's block of ASTs
	cost      uint64 // the checker's worst case, when costKnown
	costKnown bool
	small     uint64 // the worst case on a small filing (see smallFiling)
	// parts are the worst cases of the conjuncts of a when that are
	// planned apart (see splitWhen), by the id of the conjunct's root;
	// smallParts those on a small filing.
	parts, smallParts map[int64]uint64
}

// unknownCost is recorded for an expression the checker could not bound,
// which is metered as it runs.
const unknownCost = math.MaxUint64

// costOf is the recorded worst case of checked, the whole expression or a
// part of it, on any filing and on a small one; ok is false when none is
// recorded.
func (p *precompiled) costOf(checked *cel.Ast) (c costs, ok bool) {
	switch {
	case p == nil:
		return costs{}, false
	case p.ast == checked:
		return costs{p.cost, p.small}, p.costKnown
	}
	id := checked.NativeRep().Expr().ID()
	if c.worst, ok = p.parts[id]; !ok {
		return costs{}, false
	}
	if c.small, ok = p.smallParts[id]; !ok {
		c.small = c.worst
	}
	return c, true
}

// setCost records the worst cases of checked, the whole expression or a
// part of it.
func (p *precompiled) setCost(checked *cel.Ast, c costs) {
	if p.ast == checked {
		p.cost, p.small, p.costKnown = c.worst, c.small, true
		return
	}
	if p.parts == nil {
		p.parts = map[int64]uint64{}
	}
	id := checked.NativeRep().Expr().ID()
	p.parts[id] = c.worst
	if c.small != c.worst {
		if p.smallParts == nil {
			p.smallParts = map[int64]uint64{}
		}
		p.smallParts[id] = c.small
	}
}

// checked returns the expression's AST, decoding it on first use; nil
// when it has none.
func (p *precompiled) checked() (*cel.Ast, error) {
	p.decoded.Do(func() {
		if p.ast != nil || len(p.raw) == 0 {
			return
		}
		var pb exprpb.CheckedExpr
		if err := proto.Unmarshal(p.raw, &pb); err != nil {
			p.decodeErr = fmt.Errorf("rules: bundle: %w", err)
			return
		}
		p.ast, p.raw = cel.CheckedExprToAst(&pb), nil
	})
	return p.ast, p.decodeErr
}

// exprRecord is what a bundle keeps of an expression besides its source
// and position: where its AST (an encoded
// google.api.expr.v1alpha1.CheckedExpr) stands in the block of ASTs, and
// the worst cases compiling found. A file's records are kept apart from
// its expressions, in the order of eachExpr, so that the expressions
// decode as plain structs: a JSON method would have the decoder scan each
// one three times.
type exprRecord struct {
	Off    int              `json:"off,omitempty"`
	N      int              `json:"n,omitempty"`
	Cost   uint64           `json:"cost,omitempty"`
	Costed bool             `json:"costed,omitempty"`
	Parts  map[int64]uint64 `json:"parts,omitempty"`
	// Small and SmallParts are written where a small filing's worst case
	// is below Cost's or Parts'.
	Small      *uint64          `json:"small,omitempty"`
	SmallParts map[int64]uint64 `json:"small_parts,omitempty"`
}

// records lists what a bundle keeps of the expressions of f.
func records(f *File) []exprRecord {
	var out []exprRecord
	eachExpr([]*File{f}, func(e *Expr) {
		var rec exprRecord
		if e.pre != nil {
			rec = exprRecord{Off: e.pre.off, N: e.pre.n, Cost: e.pre.cost, Costed: e.pre.costKnown, Parts: e.pre.parts, SmallParts: e.pre.smallParts}
			if e.pre.small != e.pre.cost {
				rec.Small = &e.pre.small
			}
		}
		out = append(out, rec)
	})
	return out
}

// bundle is a bundle's index, its first line: what compiling needs of
// every file at once. Each file's other parts follow on the second line,
// a JSON document of their own that is decoded only when a scope it
// holds is compiled (see bundleSource).
type bundle struct {
	// Version is the Version of the set the files compile to, all their
	// rules in force: CompileBundle gives it to its set, which then need
	// not hash every rule.
	Version string `json:"version"`
	// Superseded is the set's map of a rule id to the ids of the rules
	// that supersede it, all rules in force.
	Superseded map[string][]string `json:"superseded,omitempty"`
	Files      []bundleFile        `json:"files"`
}

// bundleFile is a file as the index lists it: its name and scope, the
// predicates and word lists every rule may use, and where its document
// stands on the second line.
type bundleFile struct {
	Name       string      `json:"name"`
	Scope      string      `json:"scope"`
	Predicates []NamedExpr `json:"predicates,omitempty"`
	// PredicateExprs are the records of the predicates' expressions.
	PredicateExprs []exprRecord `json:"predicate_exprs,omitempty"`
	WordLists      []*WordList  `json:"word_lists,omitempty"`
	Off            int          `json:"off"`
	N              int          `json:"n"`
}

// bundleDoc is a file's document: the file without its predicates and
// word lists, which are in the index, and its expressions' records.
type bundleDoc struct {
	File  *File        `json:"file"`
	Exprs []exprRecord `json:"exprs"`
}

// EncodeBundle compiles the files, as Compile does with opts, and writes
// them as a bundle: a line of JSON that indexes the files, a line of
// their JSON documents, and the block of their expressions' ASTs. The
// same files always give the same bytes. A bundle holds every rule of its
// files, so opts may not disable any.
func EncodeBundle(files []*File, opts ...CompileOption) ([]byte, error) {
	disables := false
	set, err := Compile(files, append(opts, func(c *compileConfig) {
		c.record = true
		disables = len(c.disabled) > 0
	})...)
	if err != nil {
		return nil, err
	}
	if disables {
		return nil, errors.New("rules: writing a bundle: it holds every rule, so Disabled does not apply")
	}
	var block []byte
	eachExpr(files, func(e *Expr) {
		if err != nil || e.pre == nil || e.pre.ast == nil {
			return
		}
		pb, perr := cel.AstToCheckedExpr(e.pre.ast)
		if perr != nil {
			err = perr
			return
		}
		// Positions serve the errors of parsing and checking, which a
		// bundle's expressions are past; of the types, planning reads few.
		pb.SourceInfo = nil
		keep := plannerTypes(e.pre.ast.NativeRep().Expr(), e.pre.ast.NativeRep().TypeMap())
		maps.DeleteFunc(pb.TypeMap, func(id int64, _ *exprpb.Type) bool { _, ok := keep[id]; return !ok })
		encoded, perr := (proto.MarshalOptions{Deterministic: true}).Marshal(pb)
		if perr != nil {
			err = perr
			return
		}
		e.pre.off, e.pre.n = len(block), len(encoded)
		block = append(block, encoded...)
	})
	if err != nil {
		return nil, fmt.Errorf("rules: writing a bundle: %w", err)
	}
	index := bundle{Version: set.Version(), Superseded: set.superseded}
	var docs bytes.Buffer
	for _, f := range files {
		rest := *f
		rest.Predicates, rest.WordLists = nil, nil // in the index
		at := docs.Len()
		if err := writeJSON(&docs, bundleDoc{File: &rest, Exprs: records(&rest)}); err != nil {
			return nil, err
		}
		index.Files = append(index.Files, bundleFile{Name: f.Name, Scope: f.Scope, Predicates: f.Predicates, PredicateExprs: records(&File{Predicates: f.Predicates}),
			WordLists: f.WordLists, Off: at, N: docs.Len() - at})
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, index); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	buf.Write(docs.Bytes())
	buf.WriteByte('\n')
	buf.Write(block)
	return buf.Bytes(), nil
}

// writeJSON appends v's JSON to buf on one line: the encoder escapes the
// line breaks within strings, and the one it ends with is dropped.
func writeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("rules: writing a bundle: %w", err)
	}
	buf.Truncate(buf.Len() - 1)
	return nil
}

// DecodeBundle reads the files of a bundle, ready for Compile.
func DecodeBundle(data []byte) ([]*File, error) {
	src, err := readBundle(data)
	if err != nil {
		return nil, err
	}
	return src.allFiles()
}

// CompileBundle compiles the files of a bundle, as Compile does with
// DecodeBundle's files, but decodes a file only when a scope it holds is
// compiled, or Rules is called: the bundle's index has what the whole
// set needs. A file the bundle holds corrupt is then an error of its
// scopes (from Prepare or Evaluate), and Rules leaves out their rules.
// Unless opts disable rules, which only all the files can say, the set's
// Version is the one the bundle records, so that no rule is hashed.
func CompileBundle(data []byte, opts ...CompileOption) (*Set, error) {
	src, err := readBundle(data)
	if err != nil {
		return nil, err
	}
	cfg := newCompileConfig(opts)
	if len(cfg.disabled) > 0 {
		files, err := src.allFiles()
		if err != nil {
			return nil, err
		}
		return compile(files, nil, cfg)
	}
	return compile(src.stubs(), src, cfg)
}

// eachExpr calls fn on every expression of the files.
func eachExpr(files []*File, fn func(*Expr)) {
	named := func(list []NamedExpr) {
		for i := range list {
			fn(&list[i].Expr)
			if list[i].En != nil {
				fn(list[i].En)
			}
		}
	}
	for _, f := range files {
		named(f.Predicates)
		for _, r := range f.Rules {
			named(r.Variables)
			fn(&r.When)
			fn(&r.Check)
			fn(&r.Needs)
			named(r.Values)
		}
	}
}

// numbers turns the JSON numbers of params back into the ints and floats
// YAML gave them.
func numbers(params map[string]any) map[string]any {
	for k, v := range params {
		switch x := v.(type) {
		case json.Number:
			if n, err := x.Int64(); err == nil {
				params[k] = int(n)
			} else if f, err := x.Float64(); err == nil {
				params[k] = f
			}
		case []any:
			for i, item := range x {
				if n, ok := item.(json.Number); ok {
					if m, err := n.Int64(); err == nil {
						x[i] = int(m)
					}
				}
			}
		}
	}
	return params
}
