package model

import (
	"strconv"
	"strings"
)

// DecodeError is the error of the decoders and of Check. Path is in the
// wire form's keys ("services[1].principal.mobile", empty for the filing as a
// whole); Line and Column are 1-based and zero when unknown. Err is the
// *Problem that says what is wrong, as a code with its values: Error writes
// it in English, for logs; Message in the applicant's language.
type DecodeError struct {
	File         string
	Path         string
	Line, Column int
	Err          error
}

// Error formats the error as "file:line:col: path: message", leaving out the
// parts that are not known.
func (e *DecodeError) Error() string {
	var b strings.Builder
	loc := e.File
	if e.Line > 0 {
		if loc != "" {
			loc += ":"
		}
		loc += strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	if loc != "" {
		b.WriteString(loc + ": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("invalid filing")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Problem returns what is wrong, as a code with its values; ok is false
// for a DecodeError made outside this package around some other error.
func (e *DecodeError) Problem() (p *Problem, ok bool) { return problemOf(e.Err) }

// Message says what is wrong in language l, wholly in that language,
// without the file, line, column and path that the error's fields hold. A
// DecodeError around an error that is not a Problem says that the filing
// is invalid, and in English also what the error says.
func (e *DecodeError) Message(l Language) string {
	if p, ok := e.Problem(); ok {
		return p.Text(l)
	}
	switch {
	case l == Chinese:
		return "备案信息无效"
	case e.Err == nil:
		return "invalid filing"
	}
	return e.Err.Error()
}

// keyPath and indexPath build the paths of DecodeError and of Check.
func keyPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func indexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}
