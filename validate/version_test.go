package validate_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/icpcheck/icpcheck/validate"
)

func TestRulesVersion(t *testing.T) {
	a, b := newValidator(t), newValidator(t)
	if a.RulesVersion() != b.RulesVersion() {
		t.Errorf("the same rules give two versions: %s, %s", a.RulesVersion(), b.RulesVersion())
	}
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\+[0-9a-f]{16}$`).MatchString(a.RulesVersion()) {
		t.Errorf("version %q is not <newest effective_from>+<16 hex digits>", a.RulesVersion())
	}
	// Turning a rule off changes the rule set in force, so its version.
	c := newValidator(t, validate.WithDisabled("hunan.one-service-per-submission"))
	if c.RulesVersion() == a.RulesVersion() {
		t.Error("disabling a rule kept the version")
	}
	r, err := a.Validate(context.Background(), exampleFilings(t)["hunan-clean.yaml"])
	if err != nil {
		t.Fatal(err)
	}
	if r.RulesVersion != a.RulesVersion() {
		t.Errorf("report carries %q, validator %q", r.RulesVersion, a.RulesVersion())
	}
}
