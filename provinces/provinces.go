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

// FS returns the embedded rule files at the top level.
func FS() fs.FS { return files }

// Providers names the access providers that have a layer among the
// embedded files; their scopes are declared to the compiler as providers.
func Providers() []string { return []string{"huaweicloud"} }
