// Package rules holds the rule-file format and its engine: rule files are
// YAML, each rule's conditions are CEL expressions compiled against the
// filing's real Go types (package model), and a compiled Set evaluates them.
// README.md's "Writing and testing a rule" shows a whole file and every key.
//
// Load reads the *.yaml files of an fs.FS (ParseFile one file); Compile
// checks them as a whole: scopes (national, shared, a province slug, or a
// provider declared with Providers), duplicate ids, shared rules applied by
// provinces (expanded to <province>.<rule>), supersedes, placeholders, key
// paths and every expression. Each problem is an *Error at the file's own
// line and column; ErrLimit marks files over the size limits.
//
// Evaluation runs only the rules of the filing's scopes: national, its
// province and its provider. A rule with each is evaluated once per element
// of its collection, iterated in Go, so every finding has its own path and
// values. applies_to is decided in Go before any CEL (CELOnly decides it in
// generated CEL instead, with the same answers); the conjuncts of a when
// that read only the filing, or only the filing and the service, run once
// per filing or service; variables are computed once, when first used.
//
// Every expression runs under a cost limit (WithCostLimit), and a whole
// call under a budget (CallBudget); the Go functions exposed to CEL (see
// package check) declare costs that grow with their input, so the limits
// bound time. Long programs look at the call's context as they iterate. A
// rule's failure is reported as an *EvalError and the others go on. A Set
// is immutable and safe for concurrent use; Rules returns copies.
//
// EncodeBundle and DecodeBundle write and read the parsed files with their
// checked expressions, so that a program that embeds a bundle starts
// without parsing YAML or type-checking CEL; CompileBundle compiles one,
// decoding each file only when a scope it holds is first needed. Built
// with the tag icpcheck_bundled (as the browser build is), the package
// holds no CEL parser or checker: only a bundle's expressions compile, and
// any other is an *Error.
package rules
