package ruletable

import (
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

func TestPublishers(t *testing.T) {
	ss := rules.Sources{
		{Publisher: "UCloud", Document: "b", Retrieved: "2026-02-27"},
		{Publisher: "Huawei Cloud", Document: "seed 000"},
		{Publisher: "UCloud", Document: "a", Retrieved: "2024-04-01"},
		{Publisher: "Huawei Cloud", Document: "digest", Retrieved: "2025-12-31"},
		{Publisher: "UCloud", Document: "c", Retrieved: "2024-04-01"},
	}
	want := "UCloud 2024-04-01, 2026-02-27; Huawei Cloud 2025-12-31, undated"
	if got := publishers(ss); got != want {
		t.Errorf("publishers = %q, want %q", got, want)
	}
	oldest, newest, undated := dateRange(distinct(ss))
	if oldest != "2024-04-01" || newest != "2026-02-27" || undated != 1 {
		t.Errorf("dateRange = %s, %s, %d undated; want 2024-04-01, 2026-02-27, 1", oldest, newest, undated)
	}
}
