package rules_test

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// fuzzBrokenRules are small rule files with one thing wrong each, in the
// places where the parser and the compiler report it.
var fuzzBrokenRules = []string{
	header + "    check: [true\n",                                                          // YAML syntax error
	header + "\tcheck: true\n",                                                             // a tab in the indentation
	header + "    check: filing.province + 1 == 2\n",                                       // CEL type error
	header + "    check: filing.services.all(s, s.name == 1\n",                             // CEL syntax error
	header + "    check: shout(filing.province)\n",                                         // unknown function
	header + "    check: true\n" + header + "    check: false\n",                           // duplicate id
	strings.Replace(header, "severity: error", "severity: fatal", 1) + "    check: true\n", // bad severity
	header + "    check: size(filing.services)\n",                                          // non-boolean check
	header + "    check: |\n      filing.services.all(s, filing.services.all(t,\n        s.domains.all(d, t.domains.all(e, d != e || true))))\n",
	header + "    each: domains\n    check: hostname_valid(domain.name)\n    values: {n: domain.name}\n",
	header + "    check: \"!has_words(filing.subject.name, 'acme.nope')\"\n", // unknown word list
	header + "    check: true\n    tests: [{name: t, filing: {services: [{kind: website}]}, want: [services]}]\n",
	"scope: acme\nword_lists:\n  - {id: acme.w, source: s, words: [设计]}\nrules:\n" + header + "    check: \"!has_words(filing.subject.name, 'acme.w')\"\n",
	"", "scope: acme\n", "scope: Acme\nrules: {}\n", "a: &a [*a]\n", "- 1\n", "scope: acme\nrules:\n  - *x\n",
}

// FuzzParseAndCompile loads arbitrary bytes as the one file of an fs.FS
// and compiles what parses. No input may panic or hang; every error must be
// a *rules.Error naming the file, with a line inside the file whenever it
// names a rule. What compiles is evaluated once against a small filing in
// the file's scope: every failure there must be a reported *rules.EvalError,
// never an error of Evaluate itself.
func FuzzParseAndCompile(f *testing.F) {
	names, err := fs.Glob(provinces.FS(), "*.yaml")
	if err != nil || len(names) == 0 {
		f.Fatalf("no embedded rule files: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(provinces.FS(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzBrokenRules {
		if strings.HasPrefix(s, "  - id:") {
			s = string(ruleFile(s))
		}
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		var set *rules.Set
		var scope string
		var loadErr, compileErr error
		go func() {
			defer close(done)
			files, err := rules.Load(fstest.MapFS{"fuzz.yaml": {Data: data}})
			if loadErr = err; err != nil {
				return
			}
			if len(files) != 1 {
				loadErr = errors.New("no file and no error")
				return
			}
			scope = files[0].Scope
			set, compileErr = rules.Compile(files, rules.Providers("acme", "huaweicloud"))
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("loading and compiling %d bytes took more than 20 s", len(data))
		}
		lines := yamlLines(data)
		for _, err := range []error{loadErr, compileErr} {
			if err != nil {
				assertRuleErrors(t, err, lines)
			}
		}
		if set == nil {
			return
		}
		filing := fuzzFiling()
		if _, ok := model.Province(scope).Info(); ok {
			filing.Province = model.Province(scope)
		} else if scope != "national" {
			filing.Provider = scope
		}
		res, err := set.Evaluate(context.Background(), filing, "2026-03-02", nil)
		if err != nil || res == nil {
			t.Fatalf("Evaluate = %v, %v; want a result", res, err)
		}
		for _, ee := range res.Errors {
			if ee.Rule == "" || ee.Err == nil {
				t.Errorf("evaluation error %#v lacks its rule or cause", ee)
			}
		}
	})
}

// assertRuleErrors checks every error joined in err.
func assertRuleErrors(t *testing.T, err error, lines int) {
	t.Helper()
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			assertRuleErrors(t, e, lines)
		}
		return
	}
	re, ok := err.(*rules.Error)
	if !ok {
		t.Fatalf("error %v (%T) is not a *rules.Error", err, err)
	}
	switch {
	case re.File != "fuzz.yaml" || re.Err == nil:
		t.Errorf("error %#v does not name the file and the problem", re)
	case re.Line < 0 || re.Line > lines || re.Column < 0 || (re.Column > 0 && re.Line == 0):
		t.Errorf("error %v is at a position outside the file's %d lines", re, lines)
	case re.Rule != "" && re.Line == 0:
		t.Errorf("error %v names rule %s but no line", re, re.Rule)
	}
}

// yamlLines counts the lines of data as YAML does, and so as the parser
// numbers them: "\r\n", a lone "\r", "\n", NEL, LS and PS each end a line.
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// fuzzFiling has one element in every collection a rule can run over.
func fuzzFiling() *model.Filing {
	no, one := false, 1
	person := model.Person{Name: "王建国", Certificate: model.Certificate{Type: model.ResidentID, Number: "110105198803121236"},
		Mobile: "13801234567", Email: "a@b.cn", LegalRepresentative: &no}
	return &model.Filing{
		Type: model.FirstFiling, SubmittedAt: "2026-03-02",
		Subject: model.Subject{Nature: model.Enterprise, Name: "北京云栈科技有限公司", Principal: person,
			Certificate: model.Certificate{Type: model.BusinessLicenseCert, Number: "91110105MA4L7Q2K9R"}},
		Services: []model.Service{{Kind: model.Website, Name: "云栈", Domains: []model.Domain{{Name: "yunzhan.cn"}}, IPs: []string{"121.36.10.20"},
			Platforms: []model.Platform{{OS: "android"}}, PreApprovals: []model.PreApproval{{Category: "news"}}, Principal: person}},
		Materials: []model.Material{{Kind: model.CommitmentLetter, Service: &one}},
	}
}
