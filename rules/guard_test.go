package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/rules/rulestest"
)

// summary is what an evaluation reported, in comparable form.
func summary(t *testing.T, set *rules.Set, f *model.Filing, date model.Date, facts rules.Facts) []string {
	t.Helper()
	res, err := set.Evaluate(context.Background(), f, date, facts)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, fd := range res.Findings {
		out = append(out, fmt.Sprintf("finding %s %s %s | %s", fd.Rule.ID, fd.Path, fd.Message(model.Chinese), fd.Message(model.English)))
	}
	for _, u := range res.Undecided {
		out = append(out, "undecided "+u.Rule.ID+" "+u.Path)
	}
	for _, e := range res.Errors {
		out = append(out, "error "+e.Error())
	}
	return out
}

// Deciding plain field comparisons in Go must not change any answer: every
// rule's own test cases and every example filing give the same findings,
// undecided rules and errors with and without fieldGuards.
func TestFieldGuardsChangeNoAnswer(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	guarded, err := rules.Compile(files)
	if err != nil {
		t.Fatal(err)
	}
	celOnly, err := rules.Compile(files, rules.CELOnly())
	if err != nil {
		t.Fatal(err)
	}
	withGuards := 0
	for _, r := range guarded.Rules() {
		if rules.FieldGuards(guarded, r.ID) > 0 {
			withGuards++
		}
	}
	// Most rules open with a discriminator; if none were found, the test
	// below would compare CEL with itself.
	if withGuards < len(guarded.Rules())/2 {
		t.Fatalf("only %d of %d rules have a when conjunct decided in Go", withGuards, len(guarded.Rules()))
	}
	compare := func(name string, f *model.Filing, date model.Date, facts rules.Facts) {
		want := summary(t, celOnly, f, date, facts)
		if diff := cmp.Diff(want, summary(t, guarded, f, date, facts)); diff != "" {
			t.Errorf("%s: results differ (-CEL only +with field guards):\n%s", name, diff)
		}
	}
	cases := 0
	for _, file := range files {
		for _, r := range file.Rules {
			for _, tc := range r.Tests {
				f, err := rulestest.CaseFiling(file, r, tc)
				if err != nil {
					t.Fatal(err)
				}
				date := tc.Date
				if date == "" {
					date = file.TestDate
				}
				if d, err := f.SubmittedAt.Date(); err == nil && tc.Date == "" && f.SubmittedAt != "" {
					date = d
				}
				compare(fmt.Sprintf("%s:%d", file.Name, tc.Line), f, date, tc.Facts)
				cases++
			}
		}
	}
	examples, err := filepath.Glob("../examples/filings/*")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no example filings: %v", err)
	}
	for _, path := range examples {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := model.DecodeFile(path, data)
		if err != nil {
			t.Fatal(err)
		}
		compare(path, f, "2026-03-02", nil)
	}
	t.Logf("%d rules with field guards; %d rule cases and %d example filings agree", withGuards, cases, len(examples))
}

// Which conjuncts become field guards: plain string comparisons and
// presence tests, and a path through a pointer only after has() has shown
// the pointer set.
func TestFieldGuardsTakeOnlyPlainComparisons(t *testing.T) {
	for _, tc := range []struct {
		each, when string
		guards     int
	}{
		{"", `has(filing.resource) && filing.resource.type == "ecs"`, 2},
		{"", `filing.resource.type == "ecs"`, 0},
		{"", `filing.resource.type == "ecs" && has(filing.resource)`, 1},
		{"", `filing.subject.nature in ["enterprise", "government"] && filing.province != ""`, 2},
		{"", `filing.subject.nature in [filing.province]`, 0},
		{"services", `service.principal.mobile != filing.subject.principal.mobile`, 1},
		{"services", `has(service.icon) && service.icon.format != "" && service.icon.format.lowerAscii() == "png"`, 2},
		{"services", `size(service.domains) > 0 && service.kind == "app"`, 1},
		{"domains", `"app" == service.kind && has(domain.name)`, 2},
		{"principals", `role == "service" && person.certificate.type != "resident_id"`, 2},
		{"services", `service.kind == "app" || service.kind == "website"`, 0},
		{"services", `has(service.principal)`, 0}, // a struct, not a pointer or string
		{"", `has(filing.resource) && has(filing.resource.months)`, 2},
		{"", `has(filing.resource) && has(filing.resource.months) && filing.resource.months >= 3`, 3},
		{"", `has(filing.resource) && filing.resource.months >= 3`, 1},
		{"", `filing.materials.exists(m, m.kind == "commitment_letter")`, 1},
		{"", `filing.materials.exists(m, m.kind == "commitment_letter" && size(m.file) > 0)`, 0},
		{"", `filing.services.exists(s, s.kind == "app" && s.domains.exists(d, d.name == s.name))`, 1},
		{"", `filing.services.exists(s, filing.materials.exists(m, m.file == s.name))`, 0}, // quadratic
		{"", `filing.services.exists(s, has(s.icon) && s.icon.format == "gif")`, 1},
		{"", `filing.services.exists(s, s.icon.format == "gif")`, 0},
		{"", `filing.services.all(s, s.kind == "app")`, 0},
		{"", `!has(filing.resource) && filing.subject.name != ""`, 2},
		{"", `!has(filing.resource) && filing.resource.type == "ecs"`, 1}, // a negated has proves nothing
		{"services", `filing.services.exists(service, service.kind == "app")`, 1},
		{"principals", `resident_id_valid(person.certificate.number)`, 1},
		{"principals", `!resident_id_valid(normalize(person.certificate.number))`, 1},
		{"", `certificate_province(filing.subject.certificate.type, filing.subject.certificate.number) == filing.province`, 1},
		{"domains", `domain_level(domain.name) >= 2 && 4 >= domain_level(domain.name) && label_count(domain.name) != 3`, 3},
		{"domains", `int(domain_level(domain.name)) >= 2`, 0},
		{"domains", `size(domain.name) >= 2`, 0},
		{"", `filing.subject.certificate.type == "resident_id" ? resident_id_valid(filing.subject.certificate.number) : uscc_valid(filing.subject.certificate.number)`, 1},
		{"", `filing.subject.certificate.type == "resident_id" ? resident_id_birth(filing.subject.certificate.number) > "2000" : true`, 0},
		{"", `age_at(resident_id_birth(filing.subject.certificate.number), filing_date) >= 18`, 0},
		{"principals", `person.certificate.number.startsWith("11")`, 0},
	} {
		set := compile(t, fmt.Sprintf("scope: national\nrules:\n"+testRule("national.x")+`    each: %q
    when: %q
    check: "false"
`, tc.each, tc.when))
		if got := rules.FieldGuards(set, "national.x"); got != tc.guards {
			t.Errorf("when %s: %d field guards, want %d", tc.when, got, tc.guards)
		}
	}
}

// On the edge cases of the model (a nil resource, a nil icon, empty
// collections) the guarded and the CEL-only engines agree, errors included.
func TestFieldGuardsAgreeOnNilPointers(t *testing.T) {
	yaml := "scope: national\nrules:\n" + testRule("national.resource") + `    when: has(filing.resource) && filing.resource.type == "ecs" && filing.resource.billing != "on_demand"
    check: "false"
` + testRule("national.resource-unguarded") + `    when: filing.resource.type == "ecs"
    check: "false"
` + testRule("national.icon") + `    each: services
    when: has(service.icon) && service.icon.format == "gif" && service.kind == "app"
    check: "false"
` + testRule("national.principal") + `    each: principals
    when: role == "service" && person.mobile == filing.subject.principal.mobile && person.mobile != ""
    check: "false"
` + testRule("national.exists") + `    when: filing.services.exists(s, has(s.icon) && s.icon.format == "gif")
    check: filing.materials.exists(m, m.kind == "commitment_letter")
` + testRule("national.months") + `    when: has(filing.resource)
    needs: has(filing.resource.months)
    needs_reason: {zh: 缺少月数, en: no months}
    check: filing.resource.billing != "on_demand" && filing.resource.months >= 3
` + testRule("national.functions") + `    each: principals
    when: >
      person.certificate.type == "resident_id" ? resident_id_valid(person.certificate.number) : mobile_valid(person.mobile)
    check: >
      certificate_province(person.certificate.type, person.certificate.number) == filing.province &&
      domain_level(person.email) <= 2
` + testRule("national.no-resource") + `    when: "!has(filing.resource)"
    check: filing.subject.name != "" && 1 / size(filing.subject.name) == 0
`
	guarded, celOnly := compile(t, yaml), compile(t, yaml, rules.CELOnly())
	same := model.Person{Name: "甲", Mobile: "13800000000"}
	two := 2
	for name, f := range map[string]*model.Filing{
		"empty":          {},
		"resource":       {Resource: &model.Resource{Type: model.ECS, Billing: model.Subscription}},
		"on demand":      {Resource: &model.Resource{Type: model.ECS, Billing: model.OnDemand}},
		"icons":          {Services: []model.Service{{Kind: model.App, Icon: &model.Icon{Format: "gif"}}, {Kind: model.App}, {Kind: model.Website, Icon: &model.Icon{Format: "gif"}}}},
		"same principal": {Subject: model.Subject{Principal: same}, Services: []model.Service{{Principal: same}, {}}},
		"months":         {Resource: &model.Resource{Type: model.ECS, Months: &two}},
		"letter":         {Materials: []model.Material{{Kind: model.CommitmentLetter}}, Services: []model.Service{{Icon: &model.Icon{Format: "gif"}}}},
		"named":          {Subject: model.Subject{Name: "甲"}},
		"identities": {Province: "beijing", Subject: model.Subject{Principal: model.Person{Certificate: model.Certificate{Type: model.ResidentID, Number: "11010519491231002X"}, Email: "a.b.example.cn"}},
			Services: []model.Service{{Principal: model.Person{Certificate: model.Certificate{Type: model.ResidentID, Number: "110105194912310021"}}}, {Principal: model.Person{Mobile: "13800000000", Email: "x.cn"}}}},
	} {
		want := summary(t, celOnly, f, "2026-01-01", nil)
		if diff := cmp.Diff(want, summary(t, guarded, f, "2026-01-01", nil)); diff != "" {
			t.Errorf("%s: results differ (-CEL only +with field guards):\n%s", name, diff)
		}
	}
}

// testRule is the start of a rule whose title, message and other required
// keys do not matter to the test; the caller adds each, when and check.
func testRule(id string) string {
	return "  - id: " + id + "\n" + `    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
`
}
