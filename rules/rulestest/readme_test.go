package rulestest_test

import (
	"context"
	"os"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules/rulestest"
	"github.com/icpcheck/icpcheck/validate"
)

// readmeRuleFile is the rule file the README shows, as written there.
func readmeRuleFile(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- rule example: tested by rules/rulestest/readme_test.go -->\n```yaml\n(.*?)```\n").FindSubmatch(doc)
	if m == nil {
		t.Fatal("README.md has no rule example")
	}
	return m[1]
}

// The README's rule example passes the runner it shows (cases, coverage
// and texts), beside the embedded rules.
func TestReadmeRuleExample(t *testing.T) {
	fsys := fstest.MapFS{"acme.yaml": {Data: readmeRuleFile(t)}}
	rulestest.Run(t, fsys, rulestest.WithContext(provinces.FS()), rulestest.WithProviders("acme"))
}

// Loaded into a Validator as the README says, the example's rules report a
// filing sent through the provider.
func TestReadmeRuleExampleInAValidator(t *testing.T) {
	fsys := fstest.MapFS{"acme.yaml": {Data: readmeRuleFile(t)}}
	v, err := validate.New(validate.WithRules(fsys), validate.WithProviders("acme"), validate.WithDate("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := model.DecodeYAML([]byte("province: henan\nprovider: acme\nservices: [{kind: website, name: ACME数据, domains: [zydata.example.cn]}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	report, err := v.Validate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	for _, x := range report.Violations {
		fired[x.Rule+" "+x.Path] = true
	}
	for _, want := range []string{"acme.site-name-brand services[0].name", "acme.principal-email services[0].principal.email"} {
		if !fired[want] {
			t.Errorf("no violation %s in %v", want, fired)
		}
	}
}
