package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

var (
	bothOnce          sync.Once
	nativeSet, celSet *rules.Set
	bothErr           error
)

// bothSets compiles the embedded rules twice: applies_to decided in Go,
// and decided by the CEL that CELOnly generates from it.
func bothSets(t testing.TB) (native, cel *rules.Set) {
	t.Helper()
	bothOnce.Do(func() {
		var files []*rules.File
		if files, bothErr = rules.Load(provinces.FS()); bothErr != nil {
			return
		}
		providers := rules.Providers(provinces.Providers()...)
		if nativeSet, bothErr = rules.Compile(files, providers); bothErr != nil {
			return
		}
		// Load again: a compiled file's expressions are not shared.
		if files, bothErr = rules.Load(provinces.FS()); bothErr != nil {
			return
		}
		celSet, bothErr = rules.Compile(files, providers, rules.CELOnly())
	})
	if bothErr != nil {
		t.Fatal(bothErr)
	}
	return nativeSet, celSet
}

// entry is what a caller sees of one finding, undecided entry or error.
type entry struct{ Kind, Rule, Path, Zh, En string }

func entries(res *rules.Result) []entry {
	var out []entry
	for _, fd := range res.Findings {
		out = append(out, entry{"finding", fd.Rule.ID, fd.Path, fd.Message(model.Chinese), fd.Message(model.English)})
	}
	for _, u := range res.Undecided {
		out = append(out, entry{"undecided", u.Rule.ID, u.Path, "", ""})
	}
	for _, e := range res.Errors {
		out = append(out, entry{"error", e.Rule, e.Path, e.Err.Error(), ""})
	}
	return out
}

// FuzzNativeAndCELAgree holds the native applies_to (and required fields
// read in Go) to the CEL that says the same: for any filing that decodes,
// both give the same findings, messages, undecided entries and errors, in
// the same order.
func FuzzNativeAndCELAgree(f *testing.F) {
	files, err := filepath.Glob("../examples/filings/*")
	if err != nil || len(files) == 0 {
		f.Fatalf("no example filings: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	native, cel := bothSets(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, decode := range []func([]byte) (*model.Filing, error){model.DecodeJSON, model.DecodeYAML} {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			a, errA := native.Evaluate(context.Background(), filing, "2026-03-02", nil)
			b, errB := cel.Evaluate(context.Background(), filing, "2026-03-02", nil)
			if (errA == nil) != (errB == nil) {
				t.Fatalf("native error %v, CEL error %v", errA, errB)
			}
			if errA != nil {
				continue
			}
			if diff := cmp.Diff(entries(b), entries(a)); diff != "" {
				t.Fatalf("native (+) and CEL (-) differ:\n%s", diff)
			}
		}
	})
}
