package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// bundleSource is a bundle whose index is read and whose files are
// decoded one at a time, each once, as the scopes that need them are
// compiled: decoding them all is most of the time of loading a bundle.
type bundleSource struct {
	index bundle
	docs  [][]byte // each file's document, as the index lists them
	block []byte   // the ASTs
	files []lazyFile
}

type lazyFile struct {
	once sync.Once
	f    *File
	err  error
}

// readBundle reads a bundle's index and finds its files' documents.
func readBundle(data []byte) (*bundleSource, error) {
	line, rest, ok1 := bytes.Cut(data, []byte("\n"))
	docs, block, ok2 := bytes.Cut(rest, []byte("\n"))
	if !ok1 || !ok2 {
		return nil, errors.New("rules: reading a bundle: it is not an index, a line of files and a block of ASTs")
	}
	src := &bundleSource{block: block}
	if err := json.Unmarshal(line, &src.index); err != nil {
		return nil, fmt.Errorf("rules: reading a bundle: %w", err)
	}
	for _, bf := range src.index.Files {
		if bf.Off < 0 || bf.N < 0 || bf.Off+bf.N > len(docs) {
			return nil, fmt.Errorf("rules: reading a bundle: the document of %s lies outside it", bf.Name)
		}
		src.docs = append(src.docs, docs[bf.Off:bf.Off+bf.N])
	}
	src.files = make([]lazyFile, len(src.index.Files))
	for _, bf := range src.index.Files {
		if err := src.attach(&File{Name: bf.Name, Predicates: bf.Predicates}, bf.PredicateExprs); err != nil {
			return nil, err
		}
	}
	return src, nil
}

// stubs are the files as the index lists them, without rules: enough
// for Compile's checks of scopes, predicates and word lists.
func (src *bundleSource) stubs() []*File {
	out := make([]*File, len(src.index.Files))
	for i, bf := range src.index.Files {
		out[i] = &File{Name: bf.Name, Scope: bf.Scope, Predicates: bf.Predicates, WordLists: bf.WordLists}
	}
	return out
}

// attach gives each expression of f what the bundle recorded of it,
// its AST still encoded.
func (src *bundleSource) attach(f *File, recs []exprRecord) error {
	var err error
	k := 0
	eachExpr([]*File{f}, func(e *Expr) {
		if err != nil {
			return
		}
		if k == len(recs) {
			err = fmt.Errorf("rules: reading a bundle: %s has more expressions than records", f.Name)
			return
		}
		rec := recs[k]
		k++
		e.pre = &precompiled{cost: rec.Cost, costKnown: rec.Costed, small: rec.Cost, parts: rec.Parts, smallParts: rec.SmallParts}
		if rec.Small != nil {
			e.pre.small = *rec.Small
		}
		if rec.N == 0 {
			return
		}
		if rec.Off < 0 || rec.Off+rec.N > len(src.block) {
			err = fmt.Errorf("rules: reading a bundle: the AST of %q lies outside it", e.Source)
			return
		}
		e.pre.raw, e.pre.off, e.pre.n = src.block[rec.Off:rec.Off+rec.N], rec.Off, rec.N
	})
	if err == nil && k != len(recs) {
		err = fmt.Errorf("rules: reading a bundle: %s has fewer expressions than records", f.Name)
	}
	return err
}

// file decodes the i-th file, on first use.
func (src *bundleSource) file(i int) (*File, error) {
	lf := &src.files[i]
	lf.once.Do(func() { lf.f, lf.err = src.decode(i) })
	return lf.f, lf.err
}

func (src *bundleSource) decode(i int) (*File, error) {
	var doc bundleDoc
	dec := json.NewDecoder(bytes.NewReader(src.docs[i]))
	dec.UseNumber() // params keep their ints
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("rules: reading a bundle: %s: %w", src.index.Files[i].Name, err)
	}
	f := doc.File
	if f == nil {
		return nil, fmt.Errorf("rules: reading a bundle: %s: no file", src.index.Files[i].Name)
	}
	if err := src.attach(f, doc.Exprs); err != nil {
		return nil, err
	}
	for _, r := range f.Rules {
		r.Params = numbers(r.Params)
	}
	for k := range f.Apply {
		f.Apply[k].Params = numbers(f.Apply[k].Params)
	}
	bf := src.index.Files[i]
	f.Predicates, f.WordLists = bf.Predicates, bf.WordLists
	return f, nil
}

// allFiles decodes every file.
func (src *bundleSource) allFiles() ([]*File, error) {
	out := make([]*File, len(src.docs))
	for i := range src.docs {
		f, err := src.file(i)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// scopeRules decodes the files of a scope and returns its rules as they
// apply, sorted by id; the shared files are decoded too when the scope's
// files apply shared rules.
func (src *bundleSource) scopeRules(scope string) ([]*Rule, error) {
	files, err := src.filesOf(scope)
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(files, func(f *File) bool { return len(f.Apply) > 0 }) {
		shared, err := src.filesOf(SharedScope)
		if err != nil {
			return nil, err
		}
		files = append(shared, files...)
	}
	rs, errs := expand(files)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	return rs, nil
}

// filesOf decodes the files of a scope.
func (src *bundleSource) filesOf(scope string) ([]*File, error) {
	var out []*File
	for i, bf := range src.index.Files {
		if bf.Scope == scope {
			f, err := src.file(i)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// scopes are the scopes of the bundle's files, shared left out, in the
// order of the index.
func (src *bundleSource) scopes() []string {
	var out []string
	for _, bf := range src.index.Files {
		if bf.Scope != SharedScope && !slices.Contains(out, bf.Scope) {
			out = append(out, bf.Scope)
		}
	}
	return out
}
