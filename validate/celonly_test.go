package validate_test

import (
	"testing"

	"github.com/icpcheck/icpcheck/validate"
)

// A Validator that decides applies_to and required fields in CEL gives
// every example filing the report the native one gives, byte for byte.
func TestCELOnlyGivesTheSameReports(t *testing.T) {
	native := newValidator(t, validate.WithDate("2026-03-02"))
	cel := newValidator(t, validate.WithDate("2026-03-02"), validate.WithCELOnly())
	for name, f := range exampleFilings(t) {
		if a, b := reportJSON(t, native, f), reportJSON(t, cel, f); string(a) != string(b) {
			t.Errorf("%s: native and CEL-only reports differ:\nnative %s\ncel    %s", name, a, b)
		}
	}
}
