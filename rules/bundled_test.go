//go:build icpcheck_bundled

package rules_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// Built with icpcheck_bundled (the browser build), the rules compile a
// bundle's expressions and refuse, at the expression, one written as
// source. The rest of the module's tests compile rules from YAML, so this
// build runs only the tests named TestBundledBuild.
func TestBundledBuildRefusesSource(t *testing.T) {
	file, err := rules.ParseFile("acme.yaml", []byte(`scope: acme
rules:
  - id: acme.site-name-length
    title: {zh: 网站名称不超过10个字, en: Website names have at most 10 characters}
    message: {zh: 网站名称过长, en: the website name is too long}
    severity: error
    category: name
    each: services
    path: name
    check: size(service.name) <= 10
    source: {publisher: Acme Cloud, document: 备案前检查清单, retrieved: 2026-11-30}
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rules.Compile([]*rules.File{file}, rules.Providers("acme"))
	e, ok := errors.AsType[*rules.Error](err)
	if !ok {
		t.Fatalf("got %v, want a *rules.Error", err)
	}
	if e.File != "acme.yaml" || e.Line != 10 || e.Rule != "acme.site-name-length" || !strings.Contains(e.Err.Error(), "icpcheck_bundled") {
		t.Errorf("got %s:%d rule %s: %v; want acme.yaml:10, the rule, and the build tag named", e.File, e.Line, e.Rule, e.Err)
	}
}

// Every expression of the embedded bundle compiles without CEL's parser
// and checker, in every scope (Compile prepares them all), and every
// province's rules run on a filing without an error.
func TestBundledBuildCompilesTheEmbeddedBundle(t *testing.T) {
	data, err := provinces.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	files, err := rules.DecodeBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Compile(files, rules.Providers(provinces.Providers()...))
	if err != nil {
		t.Fatal(err)
	}
	f := fuzzFiling()
	f.Provider = provinces.Providers()[0]
	for _, p := range model.Provinces() {
		f.Province = p.Slug
		res, err := set.Evaluate(context.Background(), f, "2026-03-02", nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Errorf("%s: %v", p.Slug, res.Errors)
		}
	}
}
