package rulestest

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// Option configures Run.
type Option func(*config)

type config struct {
	context      []fs.FS
	providers    []string
	skipCoverage bool
	skipTexts    bool
}

// WithContext compiles these rule files too (for example the embedded
// provinces), so that rules under test may use their word lists and
// supersede their rules; their own tests are not run, and the providers
// their scopes name are declared.
func WithContext(fsys fs.FS) Option {
	return func(c *config) { c.context = append(c.context, fsys) }
}

// WithProviders declares the access providers whose layers the files may
// hold (see rules.Providers).
func WithProviders(names ...string) Option {
	return func(c *config) { c.providers = append(c.providers, names...) }
}

// WithoutCoverage drops the requirement that every rule has a case that
// fires it and a case that does not.
func WithoutCoverage() Option {
	return func(c *config) { c.skipCoverage = true }
}

// WithoutTextChecks drops the checks on the rules' texts: that error and
// warning rules have a fix, that info rules' titles say they are reminders
// (提醒:… and Reminder: …), and that neither language's text strays into
// the other.
func WithoutTextChecks() Option {
	return func(c *config) { c.skipTexts = true }
}

// Run loads every *.yaml rule file at the top of fsys, compiles them, and
// runs each rule's cases as subtests named file/rule/case.
func Run(t *testing.T, fsys fs.FS, opts ...Option) {
	t.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	files, err := rules.Load(fsys)
	if err != nil {
		t.Fatalf("loading rule files: %v", err)
	}
	all := files
	for _, ctx := range cfg.context {
		more, err := rules.Load(ctx)
		if err != nil {
			t.Fatalf("loading context rule files: %v", err)
		}
		// The context's own provider layers (huaweicloud in the embedded
		// files) are declared by being there.
		for _, f := range more {
			if _, province := model.Province(f.Scope).Info(); !province && f.Scope != "national" && f.Scope != rules.SharedScope {
				cfg.providers = append(cfg.providers, f.Scope)
			}
		}
		all = append(all, more...)
	}
	set, err := rules.Compile(all, rules.Providers(cfg.providers...))
	if err != nil {
		t.Fatalf("compiling rule files: %v", err)
	}
	byName := map[string]*rules.File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	for _, r := range set.Rules() {
		f, ours := byName[r.File]
		if !ours {
			continue
		}
		t.Run(f.Name+"/"+r.ID, func(t *testing.T) {
			cases := casesOf(r)
			if !cfg.skipCoverage {
				requireCoverage(t, r, cases)
			}
			if !cfg.skipTexts {
				requireTexts(t, r)
			}
			for _, tc := range cases {
				t.Run(tc.Name, func(t *testing.T) { runCase(t, set, byName[tc.File], r, tc) })
			}
		})
	}
}

// casesOf returns the cases of r that run in its scope: all of them, but
// for a rule applied in several provinces, only those whose in names the
// province (or that name none).
func casesOf(r *rules.Rule) []rules.TestCase {
	var out []rules.TestCase
	for _, tc := range r.Tests {
		if r.Shared == nil || len(tc.In) == 0 || slices.Contains(tc.In, r.Scope) {
			out = append(out, tc)
		}
	}
	return out
}

func requireCoverage(t *testing.T, r *rules.Rule, cases []rules.TestCase) {
	t.Helper()
	fires, passes := false, false
	for _, tc := range cases {
		switch {
		case len(tc.Want) > 0:
			fires = true
		case !tc.WantUndecided:
			passes = true
		}
	}
	if !fires || !passes {
		t.Errorf("%s:%d: rule %s needs a test case that fires it (want: [path]) and one that does not (want: [])", r.File, r.Line, r.ID)
	}
}

// runCase runs one case of r; f is the file the case is written in.
func runCase(t *testing.T, set *rules.Set, f *rules.File, r *rules.Rule, tc rules.TestCase) {
	at := fmt.Sprintf("%s:%d", f.Name, tc.Line)
	filing, err := CaseFiling(f, r, tc)
	if err != nil {
		t.Fatalf("%s: %v", at, err)
	}
	date := tc.Date
	if date == "" && filing.SubmittedAt != "" {
		if date, err = filing.SubmittedAt.Date(); err != nil {
			t.Fatalf("%s: %v", at, err)
		}
	}
	if date == "" {
		date = f.TestDate
	}
	if date == "" {
		t.Fatalf("%s: the case needs a date: give date, submitted_at, or the file's test_date", at)
	}
	res, err := set.Evaluate(context.Background(), filing, date, caseFacts(r, tc.Facts))
	if err != nil {
		t.Fatalf("%s: %v", at, err)
	}
	got := []string{}
	for _, fd := range res.Findings {
		if fd.Rule.ID == r.ID {
			got = append(got, fd.Path)
			// Rendering proves every placeholder has a value.
			for _, l := range []model.Language{model.Chinese, model.English} {
				if msg := fd.Message(l); msg == "" {
					t.Errorf("%s: empty message", at)
				}
			}
		}
	}
	for _, e := range res.Errors {
		if e.Rule == r.ID {
			t.Errorf("%s: evaluation failed: %v", at, e)
		}
	}
	want := tc.Want
	if want == nil {
		want = []string{}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: paths where %s fired (-want +got):\n%s", at, r.ID, diff)
	}
	undecided := false
	for _, u := range res.Undecided {
		undecided = undecided || u.Rule.ID == r.ID
	}
	if undecided != tc.WantUndecided {
		t.Errorf("%s: undecided = %v, want %v", at, undecided, tc.WantUndecided)
	}
}

// caseFacts are the case's facts; for a shared rule applied in a province,
// a value "{province}" stands for that province.
func caseFacts(r *rules.Rule, facts rules.Facts) rules.Facts {
	if r.Shared == nil || facts == nil {
		return facts
	}
	out := rules.Facts{}
	for name, m := range facts {
		out[name] = map[string]string{}
		for k, v := range m {
			out[name][k] = strings.ReplaceAll(v, "{province}", r.Scope)
		}
	}
	return out
}

// CaseFiling builds a test case of rule r: its filing merged over the
// test_base of f, the file the case is written in (or over the named base
// the rule chose), decoded with the strict decoder. For a shared rule
// applied in a province, the filing is in that province unless the case
// names another.
func CaseFiling(f *rules.File, r *rules.Rule, tc rules.TestCase) (*model.Filing, error) {
	base := f.TestBase
	switch {
	case r.Applied != nil && f.Name == r.Applied.File:
		if r.Applied.TestBase != "" {
			base = f.TestBases[r.Applied.TestBase]
		}
	case r.TestBase != "" && f.Name == r.File:
		base = f.TestBases[r.TestBase]
	}
	if r.Shared != nil {
		base = model.MergeNodes(base, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "province"},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Scope},
		}})
	}
	merged := model.MergeNodes(base, tc.Filing)
	if merged == nil {
		merged = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	data, err := yaml.Marshal(merged)
	if err != nil {
		return nil, err
	}
	filing, err := model.DecodeYAML(data)
	if err != nil {
		return nil, fmt.Errorf("test filing: %w", err)
	}
	return filing, nil
}
