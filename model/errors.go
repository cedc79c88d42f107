package model

import (
	"strconv"
	"strings"
)

// DecodeError is the error of the decoders and of Check. Path is in the
// wire form's keys ("services[1].principal.mobile", empty for the filing as a
// whole); Line and Column are 1-based and zero when unknown.
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

// Message says what is wrong in language l, without the file, line,
// column and path that the error's fields hold.
func (e *DecodeError) Message(l Language) string {
	if e.Err == nil {
		if l == English {
			return "invalid filing"
		}
		return "备案信息无效"
	}
	// The decoder's problems are written in English; they get Chinese
	// texts of their own as the decoder is split by concern.
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
