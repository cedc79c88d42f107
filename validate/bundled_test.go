//go:build icpcheck_bundled

package validate_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/icpcheck/icpcheck/validate"
)

// Built with icpcheck_bundled (the browser build), New compiles every
// embedded rule without CEL's parser and checker, and refuses rule files
// of the caller's, which it could not compile. The rest of the module's
// tests compile rules from YAML, so this build runs only the tests named
// TestBundledBuild (and those of examples/wasm/api).
func TestBundledBuildNew(t *testing.T) {
	if _, err := validate.New(validate.WithEagerCompile()); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"acme.yaml": {Data: []byte("scope: acme\nrules: []\n")}}
	_, err := validate.New(validate.WithRules(fsys), validate.WithProviders("acme"))
	if err == nil || !strings.Contains(err.Error(), "icpcheck_bundled") {
		t.Errorf("WithRules: got %v, want an error naming the build tag", err)
	}
}
