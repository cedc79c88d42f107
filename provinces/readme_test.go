package provinces_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
	"github.com/icpcheck/icpcheck/rules"
)

func TestREADMERuleTableIsCurrent(t *testing.T) {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ruletable.Splice(string(doc), ruletable.Markdown(files))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(doc)); diff != "" {
		t.Errorf("README.md's rule table is stale; run go generate ./provinces (-want +got):\n%s", diff)
	}
}
