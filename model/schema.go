package model

import (
	"bytes"
	_ "embed"
)

//go:generate go run ./internal/schemagen

//go:embed filing.schema.json
var filingSchema []byte

// FilingSchema returns the JSON Schema (draft 2020-12) of a filing in its
// canonical JSON form, for a form, an editor or a client in another
// language: unknown keys are refused, enumerations and provinces list their
// values, dates, date-times and e-mail addresses have formats, and every
// property is described in Chinese (description) and English
// (x-description-en). It is generated from the Go types by go generate and
// kept in step by a test. The decoders are more lenient than the schema:
// they also accept enumerations in any letter case, provinces in full-width
// forms, null for an absent value, and YAML's plain scalars as text. The
// result is a copy.
func FilingSchema() []byte { return bytes.Clone(filingSchema) }
