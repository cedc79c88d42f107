package model

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
)

// DecodeJSON strictly decodes a JSON filing within DefaultLimits(). Errors are
// *DecodeError.
func DecodeJSON(data []byte) (*Filing, error) { return Limits{}.DecodeJSON(data) }

// DecodeYAML strictly decodes a YAML filing (one document) within
// DefaultLimits(). Errors are *DecodeError.
func DecodeYAML(data []byte) (*Filing, error) { return Limits{}.DecodeYAML(data) }

// DecodeFile decodes the filing read from the named file within
// DefaultLimits(); see Limits.DecodeFile.
func DecodeFile(name string, data []byte) (*Filing, error) {
	return Limits{}.DecodeFile(name, data)
}

// DecodeJSON strictly decodes a JSON filing within l. Errors are
// *DecodeError.
func (l Limits) DecodeJSON(data []byte) (*Filing, error) {
	return l.resolved().decode("", data, false)
}

// DecodeYAML strictly decodes a YAML filing (one document) within l. Errors
// are *DecodeError.
func (l Limits) DecodeYAML(data []byte) (*Filing, error) {
	return l.resolved().decode("", data, true)
}

// DecodeFile decodes the filing read from the named file within l, choosing
// the format by extension (.json, .yaml, .yml). For "-" (standard input) and
// other names the content decides: JSON when it starts with '{', YAML
// otherwise. Errors are *DecodeError naming the file.
func (l Limits) DecodeFile(name string, data []byte) (*Filing, error) {
	l = l.resolved()
	file := name
	if name == "-" {
		file = "<stdin>"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return l.decode(file, data, false)
	case ".yaml", ".yml":
		return l.decode(file, data, true)
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), jsonSpace); len(t) > 0 && t[0] == '{' {
		return l.decode(file, data, false)
	}
	return l.decode(file, data, true)
}

var utf8BOM = []byte("\ufeff")

// decode runs with resolved limits.
func (l Limits) decode(file string, data []byte, isYAML bool) (*Filing, error) {
	f, err := l.decodeFiling(data, isYAML)
	if err != nil {
		err.File = file
		return nil, err
	}
	return f, nil
}

func (l Limits) decodeFiling(data []byte, isYAML bool) (*Filing, *DecodeError) {
	limit, format := l.MaxBytes, "JSON"
	if isYAML {
		limit, format = l.MaxYAMLBytes, "YAML"
	}
	if len(data) > limit {
		return nil, &DecodeError{Err: &Problem{Code: CodeTooLarge, Format: format, Size: len(data), Limit: limit}}
	}
	var root *node
	var err *DecodeError
	badAt := -1 // where data is not UTF-8, for YAML
	if isYAML {
		root, badAt, err = parseYAML(data, &l)
	} else {
		root, err = parseJSONWithin(data, &l)
	}
	if err != nil {
		return nil, err
	}
	if root.kind != mappingKind {
		return nil, root.fail("", root.found(CodeNotAnObject))
	}
	f := new(Filing)
	w := walker{lim: &l}
	if err := w.value(root, reflect.ValueOf(f).Elem()); err != nil {
		return nil, err
	}
	if badAt >= 0 {
		// The bytes that are not UTF-8 are in no value: in a comment, a tag
		// or an anchor's name.
		line, col := textPosition(data, badAt)
		return nil, &DecodeError{Line: line, Column: col, Err: &Problem{Code: CodeDocumentNotUTF8}}
	}
	return f, nil
}
