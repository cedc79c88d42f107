package provinces_test

import (
	"testing"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

// The embedded bundle is the YAML rule files as they are now; go generate
// ./provinces writes it.
func TestBundleIsCurrent(t *testing.T) {
	want, err := ruletable.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	got, err := provinces.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("provinces/bundle.json and bundle.ast are stale (%d bytes, want %d); run go generate ./provinces", len(got), len(want))
	}
}
