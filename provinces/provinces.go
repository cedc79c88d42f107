package provinces

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
)

//go:generate go run ./internal/gentable
//go:generate go run ./internal/genbundle

//go:embed *.yaml
var files embed.FS

// FS returns the embedded rule files at the top level, as written, with
// their test cases.
func FS() fs.FS { return files }

//go:embed bundle.json.gz
var bundle []byte

// Bundle returns the embedded rule files as a rules bundle (see
// rules.DecodeBundle): parsed, without their test cases, every expression
// compiled. validate.New loads it, which is several times faster than
// parsing the YAML and compiling it; a test keeps it in step with FS. It
// is stored gzipped, a quarter of its size.
func Bundle() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(bundle))
	if err != nil {
		return nil, fmt.Errorf("provinces: the embedded bundle: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("provinces: the embedded bundle: %w", err)
	}
	return data, nil
}

// Providers names the access providers that have a layer among the
// embedded files; their scopes are declared to the compiler as providers.
func Providers() []string { return []string{"huaweicloud"} }
