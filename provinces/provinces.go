// Package provinces embeds the rule files icpcheck ships: the national
// baseline (national.yaml), one file per province (hunan.yaml, …), and the
// access providers' own layers (huaweicloud.yaml). Each rule cites its source.
package provinces

import (
	"embed"
	"io/fs"
)

//go:generate go run ./internal/gentable

//go:embed *.yaml
var files embed.FS

// FS returns the embedded rule files, one per scope, at the top level.
func FS() fs.FS { return files }
