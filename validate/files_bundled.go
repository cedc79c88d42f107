//go:build icpcheck_bundled

package validate

import (
	"errors"
	"io/fs"

	"github.com/icpcheck/icpcheck/rules"
)

// errNoRuleFiles is what New answers WithRules in a build with the tag
// icpcheck_bundled (the browser build): such a build holds neither the
// rule files' YAML reader nor CEL's parser and checker, so only the
// embedded rules, compiled ahead of time, can apply.
var errNoRuleFiles = errors.New("this build (tag icpcheck_bundled) reads no rule files; only the embedded rules apply")

func loadFiles(fs.FS, []string) ([]*rules.File, error) {
	return nil, errNoRuleFiles
}
