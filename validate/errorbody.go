package validate

import (
	"errors"

	"github.com/icpcheck/icpcheck/model"
)

// ErrorBody is what the command line (-format json), the HTTP service and
// the browser build answer for input they cannot read or check, so that a
// client handles one shape whichever it talks to:
//
//	{"error": {"message": "…", "file": "a.yaml", "path": "services[0].name", "line": 5, "column": 15}}
//
// A filing that can be read always gets a Report instead, even when a rule
// failed to evaluate (see Report.Errors).
type ErrorBody struct {
	Error InputError `json:"error"`
}

// InputError locates and explains one unreadable input.
type InputError struct {
	// Message says what is wrong, in the language asked for, without the
	// location that the other fields give.
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	// Limit is true when the input was refused for its size (a
	// model.ErrLimit), so that a client can tell "too large" from "wrong".
	Limit bool `json:"limit,omitempty"`
}

// NewErrorBody describes err in language l. A *model.DecodeError gives its
// file, key path, line and column.
func NewErrorBody(err error, l Language) ErrorBody {
	var e InputError
	if de, ok := errors.AsType[*model.DecodeError](err); ok {
		e = InputError{Message: de.Message(l), File: de.File, Path: de.Path, Line: de.Line, Column: de.Column}
	} else {
		e.Message = err.Error()
	}
	e.Limit = errors.Is(err, model.ErrLimit)
	return ErrorBody{Error: e}
}
