//go:build !icpcheck_bundled

package validate

import (
	"io/fs"

	"github.com/icpcheck/icpcheck/rules"
)

// loadFiles reads the rule files given with WithRules.
func loadFiles(fsys fs.FS, patterns []string) ([]*rules.File, error) {
	return rules.Load(fsys, patterns...)
}
