package rules_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// A bundle judges as the YAML it was made from: the same rules, the same
// version, and the same findings on a filing.
func TestBundleJudgesAsItsFiles(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	opts := []rules.CompileOption{rules.Providers(provinces.Providers()...)}
	data, err := rules.EncodeBundle(files, opts...)
	if err != nil {
		t.Fatal(err)
	}
	again, err := rules.EncodeBundle(files, opts...)
	if err != nil || string(again) != string(data) {
		t.Fatalf("two bundles of the same files differ (%v)", err)
	}
	loaded, err := rules.DecodeBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := rules.Compile(files, opts...)
	if err != nil {
		t.Fatal(err)
	}
	fromFiles, err := rules.Compile(loaded, opts...)
	if err != nil {
		t.Fatal(err)
	}
	// CompileBundle decodes each scope's files as it compiles them.
	fromBundle, err := rules.CompileBundle(data, append(opts, rules.Lazy())...)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(s *rules.Set) (out []string) {
		for _, r := range s.Rules() {
			out = append(out, r.ID+" "+string(r.Severity)+" "+r.Source()+" "+r.Check.Source+" "+r.Message.En+" "+fmt.Sprint(r.Params))
		}
		return out
	}
	f := fuzzFiling()
	for name, set := range map[string]*rules.Set{"DecodeBundle": fromFiles, "CompileBundle": fromBundle} {
		if fromYAML.Version() != set.Version() {
			t.Errorf("%s: versions differ: %s, %s", name, fromYAML.Version(), set.Version())
		}
		for _, p := range []model.Province{"beijing", "hunan", "guangdong", "shanghai"} {
			f.Province = p
			a, err := fromYAML.Evaluate(context.Background(), f, "2026-03-02", nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := set.Evaluate(context.Background(), f, "2026-03-02", nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(resultLines(a), resultLines(b)); diff != "" {
				t.Errorf("%s: %s: findings differ (-yaml +bundle):\n%s", name, p, diff)
			}
		}
		if diff := cmp.Diff(ids(fromYAML), ids(set)); diff != "" {
			t.Errorf("%s: rules differ (-yaml +bundle):\n%s", name, diff)
		}
	}
	if err := fromBundle.Prepare(); err != nil {
		t.Errorf("CompileBundle: compiling every scope: %v", err)
	}
}

// resultLines writes a result as lines to compare.
func resultLines(r *rules.Result) (out []string) {
	for _, f := range r.Findings {
		out = append(out, "finding "+f.Rule.ID+" "+f.Path+" "+f.Message(model.Chinese)+" | "+f.Fix(model.English))
	}
	for _, u := range r.Undecided {
		out = append(out, "undecided "+u.Rule.ID+" "+u.Path)
	}
	for _, e := range r.Errors {
		out = append(out, "error "+e.Error())
	}
	return out
}

// The version a bundle records is always the one its set computes: with
// every rule in force, and not when a rule is disabled.
func TestCompileBundleVersion(t *testing.T) {
	data, err := provinces.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, disabled := range [][]string{nil, {"hunan.one-service-per-submission"}} {
		opts := []rules.CompileOption{rules.Providers(provinces.Providers()...), rules.Lazy(), rules.Disabled(disabled...)}
		fromBundle, err := rules.CompileBundle(data, opts...)
		if err != nil {
			t.Fatal(err)
		}
		files, err := rules.DecodeBundle(data)
		if err != nil {
			t.Fatal(err)
		}
		fromFiles, err := rules.Compile(files, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fromBundle.Version(), fromFiles.Version(); got != want {
			t.Errorf("disabled %v: CompileBundle gives version %s, the rules hash to %s", disabled, got, want)
		}
	}
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rules.EncodeBundle(files, rules.Providers(provinces.Providers()...), rules.Disabled("hunan.one-service-per-submission")); err == nil {
		t.Error("EncodeBundle wrote a bundle without a disabled rule")
	}
}

// A file that a bundle holds corrupt is an error of its scope alone, for
// CompileBundle decodes a file only when its scope is compiled.
func TestCompileBundleCorruptFile(t *testing.T) {
	data, err := provinces.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	doc := `{"file":{"Name":"icpcheck/provinces/hunan.yaml"`
	if !strings.Contains(string(data), doc) {
		t.Fatal("no document of hunan.yaml in the bundle")
	}
	// Same length, so that the index still finds every document.
	data = []byte(strings.Replace(string(data), doc, "["+doc[1:], 1))
	set, err := rules.CompileBundle(data, rules.Providers(provinces.Providers()...), rules.Lazy())
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Prepare("beijing"); err != nil {
		t.Errorf("beijing: %v", err)
	}
	if err := set.Prepare("hunan"); err == nil || !strings.Contains(err.Error(), "hunan.yaml") {
		t.Errorf("hunan: got %v, want an error naming hunan.yaml", err)
	}
	for _, r := range set.Rules() {
		if r.Scope == "hunan" {
			t.Fatalf("Rules lists %s, of the corrupt file", r.ID)
		}
	}
}
