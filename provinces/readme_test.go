package provinces_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

// The generated tables in README.md and provinces/README.md must match the
// rule files; go generate ./provinces rewrites them.
func TestGeneratedTablesAreCurrent(t *testing.T) {
	d, err := ruletable.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ruletable.Splice(string(doc), ruletable.Summary(d.Rules))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(doc)); diff != "" {
		t.Errorf("README.md's rule summary is stale; run go generate ./provinces (-want +got):\n%s", diff)
	}
	got, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ruletable.ProvincesREADME(d), string(got)); diff != "" {
		t.Errorf("provinces/README.md is stale; run go generate ./provinces (-want +got):\n%s", diff)
	}
}
