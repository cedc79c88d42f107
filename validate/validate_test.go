package validate_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/validate"
)

func newValidator(t testing.TB, opts ...validate.Option) *validate.Validator {
	t.Helper()
	v, err := validate.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func exampleFilings(t testing.TB) map[string]*model.Filing {
	t.Helper()
	files, err := filepath.Glob("../examples/filings/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example filings: %v", err)
	}
	out := map[string]*model.Filing{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := model.DecodeFile(file, data)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(file)] = f
	}
	return out
}

func reportJSON(t testing.TB, v *validate.Validator, f *model.Filing, opts ...validate.CallOption) []byte {
	t.Helper()
	r, err := v.Validate(context.Background(), f, opts...)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The same filing gives byte-identical reports: twice in a row, and after a
// round trip through the other wire format.
func TestReportsAreDeterministic(t *testing.T) {
	v := newValidator(t)
	for name, f := range exampleFilings(t) {
		first := reportJSON(t, v, f)
		if second := reportJSON(t, v, f); string(first) != string(second) {
			t.Errorf("%s: two reports differ:\n%s\n%s", name, first, second)
		}
		encoded, err := model.EncodeJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		again, err := model.DecodeJSON(encoded)
		if err != nil {
			t.Fatal(err)
		}
		if third := reportJSON(t, v, again); string(first) != string(third) {
			t.Errorf("%s: report after a JSON round trip differs:\n%s\n%s", name, first, third)
		}
	}
}

// withoutRequired turns off the rules of what a filing must hold, for tests
// about other rules that use filings built short.
func withoutRequired(t testing.TB) validate.Option {
	var ids []string
	for _, r := range newValidator(t).Rules() {
		if strings.HasPrefix(r.ID, "national.required.") {
			ids = append(ids, r.ID)
		}
	}
	return validate.WithDisabled(ids...)
}

func TestViolationsAreSortedByPathThenRule(t *testing.T) {
	v := newValidator(t, withoutRequired(t))
	f := &model.Filing{Province: "hunan", SubmittedAt: "2026-03-02", Subject: model.Subject{Nature: model.Individual}}
	for i := 0; i < 12; i++ {
		f.Services = append(f.Services, model.Service{Kind: model.Website, Name: "个人站点", Domains: []model.Domain{{Name: "bad domain"}}, Remarks: "个人随笔"})
	}
	r, err := v.Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, x := range r.Violations {
		paths = append(paths, x.Path+" "+x.Rule)
	}
	want := []string{"materials hunan.site-plan-gt1", "services hunan.one-service-per-submission", "services national.limits.personal-5-services"}
	for i := 0; i < 12; i++ {
		want = append(want, "services["+strconv.Itoa(i)+"].domains[0] national.domain.hostname-valid")
	}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("violation order (-want +got):\n%s", diff)
	}
}

func TestValidateDoesNotModifyTheFiling(t *testing.T) {
	v := newValidator(t)
	for name, f := range exampleFilings(t) {
		encoded, err := model.EncodeJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		before, err := model.DecodeJSON(encoded)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Validate(context.Background(), f); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, f); diff != "" {
			t.Errorf("%s: Validate changed the filing (-before +after):\n%s", name, diff)
		}
	}
}

func TestNonCanonicalGoValueIsRefusedWithItsPath(t *testing.T) {
	v := newValidator(t)
	f := &model.Filing{Province: "hunan", Services: []model.Service{{Kind: "Website"}}}
	_, err := v.Validate(context.Background(), f)
	var de *model.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v is not a *model.DecodeError", err)
	}
	if de.Path != "services[0].kind" {
		t.Errorf("path = %q, want services[0].kind", de.Path)
	}
}

func TestDisabledRules(t *testing.T) {
	f := exampleFilings(t)["henan-banned-name.yaml"]
	v := newValidator(t, validate.WithDisabled("henan.banned-name-words", "national.name.personal-banned-words"))
	r, err := v.Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || len(r.Violations) != 0 {
		t.Errorf("disabled rule still reported: %+v", r.Violations)
	}
	if _, err := validate.New(validate.WithDisabled("henan.banned-name-wrods")); err == nil || !strings.Contains(err.Error(), "henan.banned-name-wrods") {
		t.Errorf("a misspelt disabled id gave %v, want an error naming it", err)
	}
}

func TestLanguageMatching(t *testing.T) {
	f := exampleFilings(t)["henan-banned-name.yaml"]
	cases := map[string]string{
		"en":         "website name",
		"en-GB":      "website name",
		"zh-Hant-TW": "网站名称",
		"zh-CN":      "网站名称",
		"fr":         "网站名称", // unsupported: the Chinese default
	}
	v := newValidator(t)
	for tag, want := range cases {
		r, err := v.Validate(context.Background(), f, validate.InLanguage(model.MatchLanguage(language.MustParse(tag))))
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Violations[0].Message; !strings.HasPrefix(got, want) {
			t.Errorf("%s: message %q, want it to start with %q", tag, got, want)
		}
	}
}

func TestDateWithoutSubmittedAt(t *testing.T) {
	// The clean Guangdong filing without its day and its commitment letter,
	// which Guangdong requires from 2021-06-21.
	f := exampleFilings(t)["guangdong-clean.yaml"]
	f.SubmittedAt = ""
	f.Materials = slices.DeleteFunc(f.Materials, func(m model.Material) bool { return m.Kind == model.CommitmentLetter })
	cases := []struct {
		opts   []validate.Option
		call   []validate.CallOption
		wantOK bool
	}{
		{opts: []validate.Option{validate.WithDate("2021-06-20")}, wantOK: true},
		{opts: []validate.Option{validate.WithDate("2021-06-21")}, wantOK: false},
		{opts: []validate.Option{validate.WithDate("2021-06-21")}, call: []validate.CallOption{validate.OnDate("2021-06-20")}, wantOK: true},
		// The clock's day is taken in China: 16:30 UTC on the 20th is the 21st there.
		{opts: []validate.Option{validate.WithClock(func() time.Time { return time.Date(2021, 6, 20, 16, 30, 0, 0, time.UTC) })}, wantOK: false},
	}
	for i, c := range cases {
		r, err := newValidator(t, c.opts...).Validate(context.Background(), f, c.call...)
		if err != nil {
			t.Fatal(err)
		}
		if r.OK != c.wantOK {
			t.Errorf("case %d: ok = %v, want %v (%+v)", i, r.OK, c.wantOK, r.Violations)
		}
	}
	if _, err := validate.New(validate.WithDate("2021-02-30")); err == nil {
		t.Error("WithDate accepted 2021-02-30")
	}
}

func TestUndecidedRulesAreListed(t *testing.T) {
	f := &model.Filing{Province: "hunan", SubmittedAt: "2026-03-02", Subject: model.Subject{Nature: model.Enterprise}}
	r, err := newValidator(t).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	want := []validate.Undecided{
		{Rule: "national.region.unit-filing-province", Path: "province", Reason: "无法从主体证件号码确定签发省份(不是统一社会信用代码,或号码无效)"},
		{Rule: "hunan.subject-principal-legal-rep", Path: "subject.principal.legal_representative", Reason: "未填写主体负责人是否为法定代表人"},
	}
	if diff := cmp.Diff(want, r.Undecided); diff != "" {
		t.Errorf("undecided (-want +got):\n%s", diff)
	}
}

func TestRuleFileErrorsNameFileLineAndRule(t *testing.T) {
	bad := fstest.MapFS{"acme.yaml": {Data: []byte(`scope: acme
rules:
  - id: acme.typo
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: |
      filing.services.all(s,
        s.nmae != "")
`)}}
	_, err := validate.New(validate.WithRules(bad), validate.WithProviders("acme"))
	var re *rules.Error
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *rules.Error", err)
	}
	got := []any{re.File, re.Line, re.Column, re.Rule}
	if diff := cmp.Diff([]any{"acme.yaml", 11, 10, "acme.typo"}, got); diff != "" {
		t.Errorf("file, line, column, rule (-want +got):\n%s\n%v", diff, err)
	}
	if !strings.Contains(err.Error(), "nmae") {
		t.Errorf("error does not name the field: %v", err)
	}
}

// By default New compiles the caller's files, so that their errors come
// from New; WithLazyCompile defers them to the first filing of their scope,
// and filings of other provinces are not held up by them.
func TestCompileModes(t *testing.T) {
	bad := fstest.MapFS{"extra.yaml": {Data: []byte(`scope: hunan
rules:
  - id: hunan.typo
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: filing.subjct.name != ""
`)}}
	for _, opt := range []validate.Option{validate.WithRules(bad), validate.WithProviders("acme"), validate.WithEagerCompile()} {
		_, err := validate.New(validate.WithRules(bad), validate.WithProviders("acme"), opt)
		var re *rules.Error
		if !errors.As(err, &re) || re.File != "extra.yaml" || re.Rule != "hunan.typo" {
			t.Errorf("New: error %v, want the typo of extra.yaml", err)
		}
	}
	v, err := validate.New(validate.WithRules(bad), validate.WithProviders("acme"), validate.WithLazyCompile())
	if err != nil {
		t.Fatalf("New with WithLazyCompile: %v", err)
	}
	if _, err := v.Validate(context.Background(), &model.Filing{Province: "henan", SubmittedAt: "2026-01-01"}); err != nil {
		t.Errorf("a Henan filing: %v", err)
	}
	_, err = v.Validate(context.Background(), &model.Filing{Province: "hunan", SubmittedAt: "2026-01-01"})
	var re *rules.Error
	if !errors.As(err, &re) || re.Rule != "hunan.typo" {
		t.Errorf("a Hunan filing: error %v, want the typo of extra.yaml", err)
	}
}

// A rule that exceeds its cost limit is reported with its id, never
// swallowed, and the other rules still run.
func TestEvaluationErrorsAreReported(t *testing.T) {
	heavy := fstest.MapFS{"acme.yaml": {Data: []byte(`scope: acme
rules:
  - id: acme.heavy
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: filing.services.all(a, filing.services.all(b, filing.services.all(c, a.name != "x" || b.name != "y")))
`)}}
	v := newValidator(t, validate.WithRules(heavy), validate.WithProviders("acme"), validate.WithCostLimit(10_000))
	f := exampleFilings(t)["henan-banned-name.yaml"]
	f.Provider = "acme"
	for i := 0; i < 30; i++ {
		f.Services = append(f.Services, model.Service{Kind: model.Website, Name: "中原拾光", Domains: []model.Domain{{Name: "zhongyuan-shiguang.cn"}}})
	}
	r, err := v.Validate(context.Background(), f)
	if err != nil {
		t.Fatalf("a rule that fails must not fail the call: %v", err)
	}
	if len(r.Errors) != 1 || r.Errors[0].Rule != "acme.heavy" || !strings.Contains(r.Errors[0].Message, "cost limit") {
		t.Errorf("errors %+v, want one naming acme.heavy and its cost limit", r.Errors)
	}
	if r.OK {
		t.Error("a report with a failed rule is not ok")
	}
	if len(r.Violations) == 0 {
		t.Errorf("the other rules' violations were lost: %+v", r)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newValidator(t).Validate(ctx, exampleFilings(t)["hunan-clean.yaml"])
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// One Validator serves many goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	v := newValidator(t)
	filings := exampleFilings(t)
	want := map[string]string{}
	for name, f := range filings {
		want[name] = string(reportJSON(t, v, f))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				for name, f := range filings {
					r, err := v.Validate(context.Background(), f)
					if err != nil {
						errs <- err.Error()
						return
					}
					data, _ := json.Marshal(r)
					if string(data) != want[name] {
						errs <- name + ": report differs under concurrency"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// fakeResolver answers mobile_province from a table and records the calls.
type fakeResolver struct {
	mobiles map[string]string
	asked   map[string][]string
}

func (r *fakeResolver) Resolve(_ context.Context, fact string, keys []string) (map[string]string, error) {
	r.asked[fact] = keys
	if fact != "mobile_province" {
		return nil, nil
	}
	out := map[string]string{}
	for _, k := range keys {
		if p, ok := r.mobiles[k]; ok {
			out[k] = p
		}
	}
	return out, nil
}

func TestResolverSuppliesFacts(t *testing.T) {
	f := exampleFilings(t)["hunan-clean.yaml"]
	undecidedMobile := func(r *validate.Report) bool {
		for _, u := range r.Undecided {
			if u.Rule == "hunan.mobile-locality" {
				return true
			}
		}
		return false
	}

	r, err := newValidator(t).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || !undecidedMobile(r) {
		t.Errorf("without a resolver: ok=%v, undecided=%+v; want ok and hunan.mobile-locality undecided", r.OK, r.Undecided)
	}

	local := &fakeResolver{mobiles: map[string]string{"13807311234": "hunan"}, asked: map[string][]string{}}
	r, err = newValidator(t, validate.WithResolver(local)).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || undecidedMobile(r) {
		t.Errorf("with a Hunan number: ok=%v, undecided=%+v", r.OK, r.Undecided)
	}
	if diff := cmp.Diff([]string{"13807311234"}, local.asked["mobile_province"]); diff != "" {
		t.Errorf("keys asked (-want +got):\n%s", diff)
	}

	away := &fakeResolver{mobiles: map[string]string{"13807311234": "guangdong"}, asked: map[string][]string{}}
	r, err = newValidator(t, validate.WithResolver(away)).Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range r.Violations {
		got = append(got, x.Path+" "+x.Rule)
	}
	want := []string{"services[0].principal.mobile hunan.mobile-locality", "subject.principal.mobile hunan.mobile-locality"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with a Guangdong number (-want +got):\n%s", diff)
	}
}

type failingResolver struct{}

func (failingResolver) Resolve(context.Context, string, []string) (map[string]string, error) {
	return nil, errors.New("registry unreachable")
}

func TestResolverErrorsAreReturned(t *testing.T) {
	_, err := newValidator(t, validate.WithResolver(failingResolver{})).Validate(context.Background(), exampleFilings(t)["hunan-clean.yaml"])
	if err == nil || !strings.Contains(err.Error(), "registry unreachable") {
		t.Errorf("error = %v, want the resolver's error", err)
	}
}

// The first uses of a Validator may come at once: each scope's rules are
// decoded and compiled once, whichever goroutine needs them first; run
// with -race.
func TestConcurrentFirstUse(t *testing.T) {
	filings := exampleFilings(t)
	want := map[string]string{}
	warm := newValidator(t)
	for name, f := range filings {
		want[name] = string(reportJSON(t, warm, f))
	}
	v := newValidator(t)
	var wg sync.WaitGroup
	errs := make(chan string, len(filings)+1)
	for name, f := range filings {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := v.Validate(context.Background(), f)
			if err != nil {
				errs <- name + ": " + err.Error()
				return
			}
			if got, _ := json.Marshal(r); string(got) != want[name] {
				errs <- name + ": report differs when first uses come at once"
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if got, want := len(v.Rules()), len(warm.Rules()); got != want {
			errs <- "Rules lists " + strconv.Itoa(got) + " rules, want " + strconv.Itoa(want)
		}
	}()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
