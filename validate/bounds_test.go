package validate_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/validate"
)

// heavyRules is a provider's rule that calls a Go function 10 000 times on
// the subject's name, and one that runs a cheap check over every service.
var heavyRules = fstest.MapFS{"acme.yaml": {Data: []byte(`scope: acme
word_lists:
  - {id: acme.words, source: test, words: [设计]}
rules:
  - id: acme.heavy
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: lists.range(10000).all(k, !has_words(filing.subject.name, 'acme.words'))
  - id: acme.per-service
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    each: services
    check: filing.services.all(s, s.name != "" || s.name == service.name)
`)}}

// longNameFiling is a filing of the acme provider whose subject name is
// 64 KiB, the decoder's longest string.
func longNameFiling(services int) *model.Filing {
	f := &model.Filing{Province: "hubei", Provider: "acme", SubmittedAt: "2026-03-02",
		Subject: model.Subject{Name: strings.Repeat("名", 64<<10/3)}}
	for range services {
		f.Services = append(f.Services, model.Service{Kind: model.Website, Name: "楚天"})
	}
	return f
}

func heavyValidator(t *testing.T, opts ...validate.Option) *validate.Validator {
	t.Helper()
	return newValidator(t, append([]validate.Option{validate.WithoutEmbeddedRules(), validate.WithRules(heavyRules), validate.WithProviders("acme")}, opts...)...)
}

// The Go functions cost by the byte they read, so the cost limit stops a
// rule that calls one 10 000 times on 64 KiB, promptly.
func TestCostLimitBoundsGoFunctions(t *testing.T) {
	v := heavyValidator(t)
	start := time.Now()
	r, err := v.Validate(context.Background(), longNameFiling(1))
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) == 0 || r.Errors[0].Rule != "acme.heavy" || !strings.Contains(r.Errors[0].Message, "cost limit") {
		t.Errorf("errors %+v, want acme.heavy stopped at its cost limit", r.Errors)
	}
	t.Logf("stopped after %v", took)
	if took > time.Second {
		t.Errorf("the cost limit took %v to stop the rule, more than a second", took)
	}
}

// The call's context is looked at inside a long expression: with no cost
// limit to stop it, the rule runs until the deadline.
func TestDeadlineStopsALongExpression(t *testing.T) {
	v := heavyValidator(t, validate.WithCostLimit(1<<62), validate.WithCallBudget(0))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := v.Validate(ctx, longNameFiling(1))
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the deadline", err)
	}
	t.Logf("returned after %v", took)
	if took > time.Second { // generous: the expression looks every 64 iterations
		t.Errorf("Validate returned %v after a 100 ms deadline", took)
	}
}

// The call budget bounds many cheap evaluations together: each is far
// under its limit, 300 of them are not under a budget of 100 000.
func TestCallBudget(t *testing.T) {
	f := longNameFiling(300)
	f.Subject.Name = "楚天数据有限公司"
	r, err := heavyValidator(t, validate.WithCallBudget(100_000)).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	spent := 0
	for _, e := range r.Errors {
		if strings.Contains(e.Message, rules.ErrBudget.Error()) {
			spent++
		}
	}
	if spent == 0 || r.OK {
		t.Errorf("ok %v with %d budget errors (%d errors, truncated %+v), want the budget spent", r.OK, spent, len(r.Errors), r.Truncated)
	}
	r, err = heavyValidator(t).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Errors {
		if e.Rule == "acme.per-service" {
			t.Errorf("the default budget stopped a cheap rule: %+v", e)
			break
		}
	}
}

type panickingResolver struct{}

func (panickingResolver) Resolve(context.Context, string, []string) (map[string]string, error) {
	panic("lookup table missing")
}

type blockingResolver struct{}

func (blockingResolver) Resolve(context.Context, string, []string) (map[string]string, error) {
	select {} // ignores its context
}

// A resolver's faults are the caller's, reported as such: a panic names
// the fact, a resolver that blocks is left behind at the deadline.
func TestResolverFaults(t *testing.T) {
	f := exampleFilings(t)["hunan-clean.yaml"]
	_, err := newValidator(t, validate.WithResolver(panickingResolver{})).Validate(context.Background(), f)
	if err == nil || !strings.Contains(err.Error(), "resolving") || !strings.Contains(err.Error(), "panicked") {
		t.Errorf("error %v, want one naming the fact and the panic", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = newValidator(t, validate.WithResolver(blockingResolver{})).Validate(ctx, f)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("error %v after %v, want the deadline promptly", err, time.Since(start))
	}
}
