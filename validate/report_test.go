package validate_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/validate"
)

// padded writes every number of a path with twenty digits, so that plain
// string order is the natural path order: the oracle for ComparePaths.
func padded(path string) string {
	return regexp.MustCompile(`\d+`).ReplaceAllStringFunc(path, func(n string) string {
		n = strings.TrimLeft(n, "0")
		return strings.Repeat("0", 20-len(n)) + n
	})
}

func TestComparePathsIsNaturalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"services", "domains", "principal", "mobile", "name", "materials", "ips", "[", "]", ".", "0", "1", "2", "9", "10", "12", "100", "007"}
	path := func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	sign := func(n int) int { return min(max(n, -1), 1) }
	for range 200_000 {
		a, b := path(), path()
		if rng.IntN(2) == 0 {
			b = a[:rng.IntN(len(a)+1)] + path() // a shared start, as sorting sees
		}
		if got, want := sign(validate.ComparePaths(a, b)), strings.Compare(padded(a), padded(b)); got != want {
			t.Fatalf("ComparePaths(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}
