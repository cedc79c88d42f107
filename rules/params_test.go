package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

// A param is a small constant: a list longer than 64 items or a text
// longer than 256 bytes is refused at the value's own line, so that the
// cost estimate may bound every expression that reads params.
func TestParamsAreSmall(t *testing.T) {
	for _, tt := range []struct {
		name, value string
		ok          bool
	}{
		{"64 items", "[" + strings.TrimSuffix(strings.Repeat("a, ", 64), ", ") + "]", true},
		{"65 items", "[" + strings.TrimSuffix(strings.Repeat("a, ", 65), ", ") + "]", false},
		{"a 256-byte text", strings.Repeat("a", 256), true},
		{"a 257-byte item", "[" + strings.Repeat("a", 257) + "]", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			hubei := fmt.Sprintf("scope: hubei\napply:\n  - rule: r\n    params:\n      words: %s\n    source: test\n", tt.value)
			_, err := compileWithShared("    params: {words: []}\n    check: size(params.words) < 100\n", hubei)
			var re *rules.Error
			switch {
			case tt.ok && err != nil:
				t.Errorf("error %v, want none", err)
			case !tt.ok && (!errors.As(err, &re) || re.File != "hubei.yaml" || re.Line != 5 || !errors.Is(err, rules.ErrLimit) || !strings.Contains(err.Error(), "param words holds more than 64 items or a text longer than 256 bytes")):
				t.Errorf("error %v, want one at hubei.yaml:5 naming the param", err)
			}
		})
	}
}
