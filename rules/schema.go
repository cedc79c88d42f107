package rules

import (
	"bytes"
	_ "embed"
)

//go:generate go run ./internal/schemagen

//go:embed rulefile.schema.json
var fileSchema []byte

// FileSchema returns the JSON Schema (draft 2020-12) of a rule file, for
// tools that check rule files outside an editor, such as a service that
// takes rule files from its users or a CI step of a repository of them;
// the rule files in provinces/ name the checked-in copy in a
// yaml-language-server comment. It is generated from the parser's own key
// lists and the package's vocabulary by go generate and kept in step by a
// test. It checks the keys, types, enumerations, dates and name patterns;
// ParseFile and Compile check more (CEL, placeholders, that ids start with
// the file's scope). The result is a copy.
func FileSchema() []byte { return bytes.Clone(fileSchema) }
