package rules_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// ruleFile wraps one rule's YAML (indented under "rules:") in a file whose
// first rule starts on line 3.
func ruleFile(rule string) []byte {
	return []byte("scope: acme\nrules:\n" + rule)
}

const header = `  - id: acme.r
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
`

type position struct {
	Line, Column int
	Rule         string
}

// Every problem in a rule file is an *Error at the file's own line (and
// column where there is one), naming the rule.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       position
		fragment   string
	}{
		{"unknown key", header + "    check: true\n    sevrity: info\n", position{10, 5, "acme.r"}, `unknown key "sevrity"`},
		{"wrong severity", strings.Replace(header, "severity: error", "severity: fatal", 1) + "    check: true\n", position{6, 15, "acme.r"}, "severity"},
		{"no source", strings.Replace(header, "    source: test\n", "", 1) + "    check: true\n", position{3, 5, "acme.r"}, "source"},
		{"no check", header, position{3, 5, "acme.r"}, "check"},
		{"unknown collection", header + "    check: true\n    each: servces\n", position{10, 11, "acme.r"}, "servces"},
		{"id outside the scope", strings.Replace(header, "acme.r", "other.r", 1) + "    check: true\n", position{3, 5, "other.r"}, "scope"},
		{"bad date", header + "    check: true\n    effective_from: 2021-02-30\n", position{10, 21, "acme.r"}, "2021-02-30"},
		{"text without English", strings.Replace(header, "{zh: 消息, en: message}", "{zh: 消息}", 1) + "    check: true\n", position{5, 14, "acme.r"}, "zh and en"},
		{"needs without reason", header + "    check: true\n    needs: true\n", position{3, 5, "acme.r"}, "needs_reason"},
		{"test without want", header + "    check: true\n    tests:\n      - name: t\n        filing: {}\n", position{11, 9, "acme.r"}, "want"},
		{"duplicate id", header + "    check: true\n" + header + "    check: true\n", position{10, 5, "acme.r"}, "duplicate"},
		// yaml.v3 numbers the lines of its parser's problems from 0, and
		// reports a tab at the scalar before it; both are placed right.
		{"syntax error", header + "    check: [true\n", position{9, 0, ""}, "did not find"},
		{"tab in the indentation", header + "\tcheck: true\n", position{9, 1, ""}, "found a tab character that violates indentation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rules.ParseFile("acme.yaml", ruleFile(c.yaml))
			assertPosition(t, err, c.want, c.fragment)
		})
	}
}

// Compile errors point into the expression, mapped to the rule file's own
// line and column whatever the YAML scalar style.
func TestCompileErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       position
		fragment   string
	}{
		{"typo in a plain scalar", header + "    check: filing.subjct.name != ''\n", position{9, 18, "acme.r"}, "subjct"},
		{"typo in a quoted scalar", header + "    check: \"filing.subject.nme != ''\"\n", position{9, 27, "acme.r"}, "nme"},
		{"typo in a literal block", header + "    check: |\n      filing.services.all(s,\n        s.kind == 'app' &&\n        s.nmae != '')\n", position{12, 10, "acme.r"}, "nmae"},
		{"typo in a folded block", header + "    check: >\n      filing.services.all(s,\n        s.domainz.size() > 0)\n", position{11, 10, "acme.r"}, "domainz"},
		{"check that is not boolean", header + "    check: size(filing.services)\n", position{9, 12, "acme.r"}, "boolean"},
		{"type error", header + "    check: filing.province + 1 == 2\n", position{9, 28, "acme.r"}, "no matching overload for '_+_' applied to '(string, int)'"},
		{"CEL syntax error", header + "    check: filing.services.all(s, s.name == ''\n", position{9, 47, "acme.r"}, "Syntax error: missing ')' at '<EOF>'"},
		{"unknown function", header + "    check: shout(filing.province)\n", position{9, 17, "acme.r"}, "shout"},
		{"element variable outside its collection", header + "    check: service.name != ''\n", position{9, 12, "acme.r"}, "service"},
		{"unknown word list", header + "    check: \"!has_words(filing.subject.name, 'acme.nope')\"\n", position{9, 45, "acme.r"}, "acme.nope"},
		{"a pattern built from the filing", header + "    check: filing.subject.name.matches(filing.subject.name)\n", position{9, 39, "acme.r"}, "literal"},
		{"quadratic distinct()", header + "    check: size(filing.services.map(s, s.name).distinct()) > 0\n", position{9, 56, "acme.r"}, "unique"},
		{"word list that is not a literal", header + "    check: \"!has_words(filing.subject.name, filing.province)\"\n", position{9, 51, "acme.r"}, "literal"},
		{"placeholder without a value", strings.Replace(header, "{zh: 消息, en: message}", `{zh: "消息{count}", en: "message {count}"}`, 1) + "    check: true\n", position{5, 22, "acme.r"}, "{count}"},
		{"path that is not a key path", header + "    check: true\n    path: services/0\n", position{10, 11, "acme.r"}, "path"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := rules.ParseFile("acme.yaml", ruleFile(c.yaml))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			_, err = rules.Compile([]*rules.File{f}, rules.Providers("acme"))
			assertPosition(t, err, c.want, c.fragment)
		})
	}
}

func assertPosition(t *testing.T, err error, want position, fragment string) {
	t.Helper()
	var re *rules.Error
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *rules.Error", err)
	}
	if diff := cmp.Diff(want, position{re.Line, re.Column, re.Rule}); diff != "" {
		t.Errorf("position (-want +got):\n%s\nerror: %v", diff, err)
	}
	if re.File != "acme.yaml" || !strings.Contains(err.Error(), fragment) {
		t.Errorf("error %q does not name the file and %q", err, fragment)
	}
}

func TestDuplicatesAcrossFiles(t *testing.T) {
	a, err := rules.ParseFile("a.yaml", []byte("scope: acme\nword_lists:\n  - {id: acme.words, source: s, words: [x]}\nrules:\n"+header+"    check: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := rules.ParseFile("b.yaml", []byte("scope: acme\nword_lists:\n  - {id: acme.words, source: s, words: [y]}\nrules:\n"+header+"    check: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rules.Compile([]*rules.File{a, b}, rules.Providers("acme"))
	for _, want := range []string{"b.yaml:3: word list acme.words is already defined at a.yaml:3", "b.yaml:5: rule acme.r: rule id is already defined at a.yaml:5"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func compile(t *testing.T, yaml string, opts ...rules.CompileOption) *rules.Set {
	t.Helper()
	f, err := rules.ParseFile("acme.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Compile([]*rules.File{f}, append(opts, rules.Providers("acme"))...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// A runaway expression is stopped by the cost limit and reported with its
// rule and path; the evaluation of other rules goes on.
func TestCostLimitStopsRunawayExpressions(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.heavy
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    path: services
    check: filing.services.all(a, filing.services.all(b, filing.services.all(c, a.name + b.name + c.name != "")))
  - id: national.light
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: size(filing.services) == 0
`, rules.WithCostLimit(50_000))
	f := &model.Filing{}
	for i := 0; i < 100; i++ {
		f.Services = append(f.Services, model.Service{Name: "s"})
	}
	res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Rule != "national.heavy" || res.Errors[0].Path != "services" || !strings.Contains(res.Errors[0].Error(), "cost") {
		t.Errorf("errors = %v, want one cost-limit error of national.heavy at services", res.Errors)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule.ID != "national.light" {
		t.Errorf("findings = %v, want national.light", res.Findings)
	}
}

// The parts of a per-domain rule's when that read only the filing, or only
// the service, are evaluated once per filing or service: an error in such a
// part is reported once there, not once per domain, and the rule still
// finds exactly what the whole when selects.
func TestWhenGuardsAreHoisted(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.per-service
    title: {zh: 标题, en: title}
    message: {zh: "{d}", en: "{d}"}
    severity: error
    category: other
    source: test
    each: domains
    when: service.kind == "app" && domain.name.endsWith(".cn") && filing.provider != "x"
    check: "false"
    values: {d: domain.name}
  - id: national.service-error
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    each: domains
    when: domain.name != "" && 1 / (size(service.name) - size(service.name)) == 1
    check: "false"
  - id: national.filing-error
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    each: principals
    path: name
    when: person.name != "" && 1 / (size(filing.provider) - size(filing.provider)) == 1
    check: "false"
`)
	domains := []model.Domain{{Name: "a.cn"}, {Name: "b.com"}, {Name: "c.cn"}}
	f := &model.Filing{
		Subject:  model.Subject{Principal: model.Person{Name: "甲"}},
		Services: []model.Service{{Kind: model.App, Domains: domains}, {Kind: model.Website, Domains: domains}},
	}
	res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range res.Findings {
		got = append(got, fd.Rule.ID+" "+fd.Path+" "+fd.Message(model.English))
	}
	for _, e := range res.Errors {
		got = append(got, e.Rule+" "+e.Path+" error")
	}
	want := []string{ // rules run in id order
		"national.per-service services[0].domains[0] a.cn",
		"national.per-service services[0].domains[2] c.cn",
		"national.filing-error  error", // the filing as a whole
		"national.service-error services[0] error",
		"national.service-error services[1] error",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings and errors (-want +got):\n%s", diff)
	}
}

// Comprehensions nested over services × services × domains × domains
// compile at once, since no static bound is needed, and are stopped at run
// time by the default cost limit: 40 services of 40 domains would take
// 2.56 million iterations. The failure is reported with its rule and path,
// and the rule reports no finding for it.
func TestNestedComprehensionsHitTheDefaultCostLimit(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.pairs
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: domain
    source: test
    path: services
    check: filing.services.all(s, filing.services.all(t, s.domains.all(d, t.domains.all(e, d != e || true))))
`)
	f := &model.Filing{}
	for i := range 40 {
		s := model.Service{Kind: model.Website}
		for j := range 40 {
			s.Domains = append(s.Domains, model.Domain{Name: fmt.Sprintf("s%d-%d.cn", i, j)})
		}
		f.Services = append(f.Services, s)
	}
	res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Rule != "national.pairs" || res.Errors[0].Path != "services" ||
		res.Errors[0].Error() != "rule national.pairs at services: operation cancelled: actual cost limit exceeded" {
		t.Errorf("errors = %v, want one cost-limit error of national.pairs at services", res.Errors)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings = %v, want none", res.Findings)
	}
	// Small enough, the same rule runs to its end and holds.
	f.Services = f.Services[:3]
	if res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil); err != nil || len(res.Errors) != 0 || len(res.Findings) != 0 {
		t.Errorf("3 services: %v, %+v", err, res)
	}
}

func TestEffectiveDatesAreInclusive(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.window
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    effective_from: 2021-06-01
    effective_until: 2021-06-30
    check: "false"
`)
	for date, want := range map[model.Date]int{"2021-05-31": 0, "2021-06-01": 1, "2021-06-30": 1, "2021-07-01": 0} {
		res, err := set.Evaluate(context.Background(), &model.Filing{}, date, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != want {
			t.Errorf("%s: %d findings, want %d", date, len(res.Findings), want)
		}
	}
}

func TestPrincipalsCollection(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.names
    title: {zh: 标题, en: title}
    message: {zh: "{role}负责人{name}", en: "{role} principal {name}"}
    severity: info
    category: other
    source: test
    each: principals
    path: name
    check: "false"
    values: {role: role, name: person.name}
`)
	f := &model.Filing{Subject: model.Subject{Principal: model.Person{Name: "甲"}}, Services: []model.Service{{Principal: model.Person{Name: "乙"}}}}
	res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range res.Findings {
		got = append(got, fd.Path+" "+fd.Message(model.English))
	}
	want := []string{"subject.principal.name subject principal 甲", "services[0].principal.name service principal 乙"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestLazyCompileDefersErrorsToTheirScope(t *testing.T) {
	hunan, err := rules.ParseFile("hunan.yaml", []byte("scope: hunan\nrules:\n"+strings.ReplaceAll(header, "acme.r", "hunan.r")+"    check: filing.subjct.name != ''\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rules.Compile([]*rules.File{hunan}); err == nil {
		t.Fatal("eager compile accepted a typo")
	}
	set, err := rules.Compile([]*rules.File{hunan}, rules.Lazy())
	if err != nil {
		t.Fatalf("lazy compile: %v", err)
	}
	if _, err := set.Evaluate(context.Background(), &model.Filing{Province: "henan"}, "2026-01-01", nil); err != nil {
		t.Errorf("a Henan filing needs no Hunan rule, yet: %v", err)
	}
	for i := 0; i < 2; i++ { // the error is kept, not retried
		_, err := set.Evaluate(context.Background(), &model.Filing{Province: "hunan"}, "2026-01-01", nil)
		var re *rules.Error
		if !errors.As(err, &re) || re.Line != 9 || !strings.Contains(err.Error(), "subjct") {
			t.Errorf("Hunan filing: error %v, want the typo at hunan.yaml:9", err)
		}
	}
}

// Prepare compiles the named scopes of a lazy set now and reports only
// their errors; with no scope named it compiles them all.
func TestPrepareCompilesTheNamedScopes(t *testing.T) {
	var files []*rules.File
	for _, scope := range []string{"hunan", "henan"} {
		f, err := rules.ParseFile(scope+".yaml", []byte("scope: "+scope+"\nrules:\n"+strings.ReplaceAll(header, "acme.r", scope+".r")+"    check: filing.subjct.name != ''\n"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	set, err := rules.Compile(files, rules.Lazy())
	if err != nil {
		t.Fatalf("lazy compile: %v", err)
	}
	if err := set.Prepare("huaweicloud", "national"); err != nil {
		t.Errorf("scopes without rules: %v", err)
	}
	errorFiles := func(err error) (got []string) {
		for _, line := range strings.Split(err.Error(), "\n") {
			got = append(got, strings.SplitN(line, ":", 2)[0])
		}
		return got
	}
	err = set.Prepare("henan", "henan")
	if err == nil || !cmp.Equal(errorFiles(err), []string{"henan.yaml"}) {
		t.Errorf("Prepare(henan, henan) = %v, want the one error of henan.yaml", err)
	}
	err = set.Prepare()
	if err == nil || !cmp.Equal(errorFiles(err), []string{"henan.yaml", "hunan.yaml"}) {
		t.Errorf("Prepare() = %v, want the errors of henan.yaml and hunan.yaml", err)
	}
}

// cancelAfter is a context that reports cancellation once Err has been
// asked n times: a deterministic stand-in for a deadline passing mid-run.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestCancellationStopsInsideALongCollection(t *testing.T) {
	set := compile(t, `scope: national
rules:
  - id: national.each-domain
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: info
    category: other
    source: test
    each: domains
    check: "false"
`)
	f := &model.Filing{Services: []model.Service{{}}}
	for i := 0; i < 10_000; i++ {
		f.Services[0].Domains = append(f.Services[0].Domains, model.Domain{Name: "a.cn"})
	}
	// The context ends at its fourth look: one look comes before the rule,
	// so only looks taken while iterating the 10 000 domains can see it.
	ctx := &cancelAfter{Context: context.Background(), n: 3}
	res, err := set.Evaluate(ctx, f, "2026-01-01", nil)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("Evaluate = %v, %v; want context.Canceled", res, err)
	}
}

// Rule files have limits, refused with an error that wraps ErrLimit and
// says where.
func TestRuleFileLimits(t *testing.T) {
	big := []byte("scope: acme\n# " + strings.Repeat("x", rules.MaxRuleFileBytes) + "\n")
	longExpr := header + "    check: \"" + strings.Repeat("1 == 1 && ", rules.MaxExpressionSize/10+1) + "true\"\n"
	var many strings.Builder
	many.WriteString("scope: acme\nrules:\n")
	for i := 0; i <= rules.MaxRulesPerFile; i++ {
		many.WriteString("  - {}\n")
	}
	for _, c := range []struct {
		name string
		data []byte
		line int
	}{
		{"a file too large", big, 0},
		{"an expression too long", ruleFile(longExpr), 9},
		{"too many rules", []byte(many.String()), 3},
	} {
		_, err := rules.ParseFile("acme.yaml", c.data)
		var re *rules.Error
		if !errors.Is(err, rules.ErrLimit) || !errors.As(err, &re) || re.Line != c.line {
			t.Errorf("%s: error %v, want one at line %d wrapping ErrLimit", c.name, err, c.line)
		}
	}
}
