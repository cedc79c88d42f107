package provinces_test

import (
	"testing"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules/rulestest"
)

// TestRules runs every case declared beside the embedded rules, and requires
// each rule to have a case that fires it and one that does not.
func TestRules(t *testing.T) {
	rulestest.Run(t, provinces.FS(), rulestest.WithProviders(provinces.Providers()...))
}
