package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// readFiling reads and decodes the filing named name ("-" for stdin). It
// reads one byte more than the decoder would accept for that name, so that
// a file of any size, /dev/zero included, is refused by the decoder's own
// limit (an error wrapping model.ErrLimit that names the file) without
// being read whole.
func readFiling(name string, stdin io.Reader) (*model.Filing, error) {
	limit := model.DefaultLimits().MaxBytes
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		limit = model.DefaultLimits().MaxYAMLBytes
	}
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, &readError{name, err}
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, &readError{name, err}
	}
	return model.DecodeFile(name, data)
}

// readError is an input that could not be read at all.
type readError struct {
	file string
	err  error
}

func (e *readError) Error() string { return e.file + ": " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// message says what went wrong in language l: the operating system's
// words are English, so the Chinese text names the common causes itself.
func (e *readError) message(l validate.Language) string {
	if l == validate.English {
		var pe *fs.PathError
		if errors.As(e.err, &pe) {
			return fmt.Sprintf("cannot %s the file: %v", pe.Op, pe.Err)
		}
		return "cannot read the file: " + e.err.Error()
	}
	switch {
	case errors.Is(e.err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(e.err, fs.ErrPermission):
		return "没有读取该文件的权限"
	}
	return "无法读取该文件"
}

// errorBody is the JSON line for an input that could not be checked: the
// error body the service and the browser build give too, with the file
// named, since one run checks many.
func errorBody(name string, err error, l validate.Language) validate.ErrorBody {
	body := validate.NewErrorBody(err, l)
	if re, ok := errors.AsType[*readError](err); ok {
		body.Error.Message = re.message(l)
	}
	if body.Error.File == "" || body.Error.File == "<stdin>" {
		body.Error.File = name
	}
	return body
}
