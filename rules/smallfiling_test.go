package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/model"
)

func TestIsSmall(t *testing.T) {
	small := func() *model.Filing {
		f := &model.Filing{Province: "hubei", Subject: model.Subject{Name: strings.Repeat("x", smallStringBytes)}}
		f.Services = make([]model.Service, smallListItems)
		f.Services[0].Domains = []model.Domain{{Name: "a.cn"}}
		return f
	}
	cases := []struct {
		name   string
		change func(f *model.Filing, facts Facts)
		want   bool
	}{
		{"at the bounds", func(*model.Filing, Facts) {}, true},
		{"a long name", func(f *model.Filing, _ Facts) { f.Subject.Name += "x" }, false},
		{"a long nested text", func(f *model.Filing, _ Facts) {
			f.Services[0].Domains[0].Name = strings.Repeat("a", smallStringBytes+1)
		}, false},
		{"a long list", func(f *model.Filing, _ Facts) { f.Services = append(f.Services, model.Service{}) }, false},
		{"a long text behind a pointer", func(f *model.Filing, _ Facts) {
			f.Resource = &model.Resource{AuthorizationCode: strings.Repeat("a", smallStringBytes+1)}
		}, false},
		{"a long fact", func(_ *model.Filing, facts Facts) {
			facts["x"] = map[string]string{"k": strings.Repeat("a", smallStringBytes+1)}
		}, false},
		{"many facts", func(_ *model.Filing, facts Facts) {
			facts["x"] = map[string]string{}
			for i := range smallListItems + 1 {
				facts["x"][strings.Repeat("k", i)] = ""
			}
		}, false},
	}
	for _, c := range cases {
		f, facts := small(), Facts{}
		c.change(f, facts)
		if got := isSmall(f, "2026-03-02", facts); got != c.want {
			t.Errorf("%s: isSmall = %v, want %v", c.name, got, c.want)
		}
	}
}

// An expression metered because of what a filing at the decoder's limits
// could cost is planned again without metering for a small filing, and
// judges the same on either; one that is heavy whatever the filing, or
// that reads a rule variable, has no such plan.
func TestSmallFilingPlans(t *testing.T) {
	set, compiled := compileAcme(t, `scope: acme
word_lists:
  - {id: acme.words, source: test, words: [设计]}
rules:
  - id: acme.names
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: filing.services.all(s, !has_words(s.name, 'acme.words'))
  - id: acme.constant
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: lists.range(10000).all(k, lists.range(1000).all(j, k != j || k < 1000))
  - id: acme.variable
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    variables:
      n: filing.subject.name
    check: lists.range(100).all(k, !has_words(n, 'acme.words'))
`)
	for _, cr := range compiled {
		p := cr.check[0]
		if want := cr.rule.ID == "acme.names"; !p.metered || (p.small != nil) != want {
			t.Errorf("%s: metered %v, a plan for small filings %v, want metered and %v", cr.rule.ID, p.metered, p.small != nil, want)
		}
	}
	for _, services := range []int{3, smallListItems + 1} {
		f := &model.Filing{Province: "hubei", Provider: "acme", Subject: model.Subject{Name: "楚天"}}
		for range services {
			f.Services = append(f.Services, model.Service{Name: "楚天设计"})
		}
		res, err := set.Evaluate(context.Background(), f, "2026-03-02", nil)
		if err != nil {
			t.Fatal(err)
		}
		var fired []string
		for _, fd := range res.Findings {
			fired = append(fired, fd.Rule.ID)
		}
		if len(res.Errors) != 1 || res.Errors[0].Rule != "acme.constant" || strings.Join(fired, " ") != "acme.names" {
			t.Errorf("%d services: findings %v, errors %v; want acme.names, and acme.constant stopped at its limit", services, fired, res.Errors)
		}
	}
}
