package rules

import (
	"testing"

	"github.com/icpcheck/icpcheck/model"
)

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from model.Date
		n    int
		want model.Date
	}{
		{"2026-03-02", 3, "2026-06-02"},
		{"2026-08-31", 3, "2026-11-30"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2027-11-30", 3, "2028-02-29"},
		{"2026-05-31", -3, "2026-02-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-31", 0, "2026-01-31"},
	} {
		if got := addMonths(c.from, c.n); got != c.want {
			t.Errorf("addMonths(%s, %d) = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}
