package provinces

import (
	"bytes"
	"embed"
	"io/fs"
)

//go:generate go run ./internal/gentable
//go:generate go run ./internal/genbundle

//go:embed *.yaml
var files embed.FS

// FS returns the embedded rule files at the top level, as written, with
// their test cases.
func FS() fs.FS { return files }

// The bundle is kept in two files, its JSON (an index and the files'
// documents) and its block of ASTs, so that neither is over 1 MB.
var (
	//go:embed bundle.json
	bundleJSON []byte
	//go:embed bundle.ast
	bundleASTs []byte
)

// Bundle returns the embedded rule files as a rules bundle (see
// rules.DecodeBundle): parsed, without their test cases, every expression
// compiled. validate.New loads it, which is several times faster than
// parsing the YAML and compiling it; a test keeps it in step with FS. It
// is stored uncompressed: reading it is then a copy, not a gunzip, and a
// compressed download of a program that embeds it (the browser build,
// sent as brotli) is smaller than with gzip inside. The error is always
// nil.
func Bundle() ([]byte, error) {
	return append(bytes.Clone(bundleJSON), bundleASTs...), nil
}

// Providers names the access providers that have a layer among the
// embedded files; their scopes are declared to the compiler as providers.
func Providers() []string { return []string{"huaweicloud"} }
