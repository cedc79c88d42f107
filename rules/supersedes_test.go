package rules_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// A province rule that supersedes a national one takes its place only at
// the paths where it applied: the national rule's findings and undecided
// entries elsewhere are kept.
func TestSupersedesDropsOnlyWhereTheRuleApplied(t *testing.T) {
	national, err := rules.ParseFile("national.yaml", []byte(`scope: national
rules:
  - id: national.one-domain
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: warning
    category: other
    source: test
    each: services
    path: domains
    check: size(service.domains) <= 1
  - id: national.owner-known
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: warning
    category: other
    source: test
    each: services
    path: domains
    needs: "'owner' in facts"
    needs_reason: {zh: 原因, en: reason}
    check: "true"
`))
	if err != nil {
		t.Fatal(err)
	}
	beijing, err := rules.ParseFile("beijing.yaml", []byte(`scope: beijing
rules:
  - id: beijing.one-domain
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    each: services
    path: domains
    supersedes: [national.one-domain, national.owner-known]
    when: service.kind == "website"
    check: size(service.domains) <= 1
`))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Compile([]*rules.File{national, beijing})
	if err != nil {
		t.Fatal(err)
	}
	two := []model.Domain{{Name: "a.example.cn"}, {Name: "b.example.cn"}}
	f := &model.Filing{Province: "beijing", Services: []model.Service{
		{Kind: "website", Domains: two}, // Beijing's rule applies here
		{Kind: "app", Domains: two},     // and not here
	}}
	res, err := set.Evaluate(context.Background(), f, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range res.Findings {
		got = append(got, fd.Rule.ID+" "+fd.Path)
	}
	for _, u := range res.Undecided {
		got = append(got, "undecided "+u.Rule.ID+" "+u.Path)
	}
	want := []string{
		"national.one-domain services[1].domains",
		"beijing.one-domain services[0].domains",
		"undecided national.owner-known services[1].domains",
	}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}

	// In another province Beijing's rule does not run, so it supersedes
	// nothing.
	f.Province = "tianjin"
	if res, err = set.Evaluate(context.Background(), f, "2026-01-01", nil); err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 || len(res.Undecided) != 2 {
		t.Errorf("in Tianjin: %d findings and %d undecided, want 2 and 2", len(res.Findings), len(res.Undecided))
	}
}

// A rule may only supersede a rule that exists.
func TestSupersedesAnUnknownRule(t *testing.T) {
	f, err := rules.ParseFile("beijing.yaml", []byte(`scope: beijing
rules:
  - id: beijing.r
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    supersedes: [national.nothing]
    check: "true"
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rules.Compile([]*rules.File{f})
	want := "beijing.yaml:9:18: rule beijing.r: supersedes national.nothing, which is no rule"
	var re *rules.Error
	if !errors.As(err, &re) || err.Error() != want {
		t.Errorf("error %v, want a *rules.Error %q", err, want)
	}
}

// A reminder does not replace a stricter rule: an info rule that names
// another in supersedes leaves its findings in place.
func TestAReminderSupersedesNothing(t *testing.T) {
	parse := func(name, text string) *rules.File {
		f, err := rules.ParseFile(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	rule := `  - id: %s
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: %s
    category: other
    source: test
    %s
    check: "false"
`
	set, err := rules.Compile([]*rules.File{
		parse("national.yaml", "scope: national\nrules:\n"+fmt.Sprintf(rule, "national.r", "warning", "")),
		parse("beijing.yaml", "scope: beijing\nrules:\n"+fmt.Sprintf(rule, "beijing.r", "info", "supersedes: [national.r]")),
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := set.Evaluate(context.Background(), &model.Filing{Province: "beijing"}, "2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range res.Findings {
		got = append(got, fd.Rule.ID)
	}
	if diff := cmp.Diff([]string{"national.r", "beijing.r"}, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
