//go:build js && wasm

// Command wasm is the browser build of the validator: built with
// GOOS=js GOARCH=wasm (see build.sh), it compiles the embedded rules and
// exposes a small JavaScript API on globalThis.icpcheck, then dispatches the
// event "icpcheck-ready":
//
//	icpcheck.validate(text, {lang, date, extra}) → JSON string
//	icpcheck.rules(province, {lang, provider}) → JSON string
//
// validate takes a filing as JSON or YAML text; extra, when given, is a
// partial filing (JSON or YAML) overlaid on it. It returns the report, or
// {"error": {"message", "path", "line", "column"}} for input that cannot be
// decoded. rules returns [{id, scope, severity, title, source}] for the rules
// that apply in a province. All logic lives in the Go packages; this file
// only converts arguments and results. Every call recovers from panics, so
// one bad filing can never stop the Go runtime and refuse later calls.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"golang.org/x/text/language"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

func main() {
	// The embedded rules compile per scope on first use, so the page pays
	// only for the provinces it checks.
	v, err := validate.New()
	if err != nil {
		js.Global().Get("console").Call("error", "icpcheck: "+err.Error())
		return
	}
	// Warm up: compile the national rules now, not at the first keystroke.
	if _, err := v.Validate(context.Background(), &model.Filing{}, validate.OnDate("2026-01-01")); err != nil {
		js.Global().Get("console").Call("error", "icpcheck: warm-up: "+err.Error())
	}
	api := js.Global().Get("Object").New()
	api.Set("validate", js.FuncOf(func(_ js.Value, args []js.Value) any { return call(func() (any, error) { return check(v, args) }) }))
	api.Set("rules", js.FuncOf(func(_ js.Value, args []js.Value) any { return call(func() (any, error) { return ruleList(v, args) }) }))
	js.Global().Set("icpcheck", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("icpcheck-ready"))
	select {} // keep the exported functions alive
}

// errorBody is what JavaScript gets instead of an exception.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Message string `json:"message"`
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
}

// call runs fn and returns its result as a JSON string; errors and panics
// become an errorBody.
func call(fn func() (any, error)) (out any) {
	defer func() {
		if p := recover(); p != nil {
			out = encode(errorBody{errorDetail{Message: fmt.Sprintf("internal error: %v", p)}})
		}
	}()
	result, err := fn()
	if err != nil {
		detail := errorDetail{Message: err.Error()}
		var de *model.DecodeError
		if errors.As(err, &de) {
			detail.Path, detail.Line, detail.Column = de.Path, de.Line, de.Column
		}
		return encode(errorBody{detail})
	}
	return encode(result)
}

func encode(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf(`{"error":{"message":%q}}`, err.Error())
	}
	return string(data)
}

// option reads a string property of the options object, if there is one.
func option(args []js.Value, i int, name string) string {
	if len(args) <= i || args[i].Type() != js.TypeObject {
		return ""
	}
	if p := args[i].Get(name); p.Type() == js.TypeString {
		return p.String()
	}
	return ""
}

func text(args []js.Value, what string) (string, error) {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return "", fmt.Errorf("%s: want a string as the first argument", what)
	}
	return args[0].String(), nil
}

func languageOf(args []js.Value, i int) ([]language.Tag, error) {
	lang := option(args, i, "lang")
	if lang == "" {
		return nil, nil
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("lang %q: %w", lang, err)
	}
	return []language.Tag{tag}, nil
}

func check(v *validate.Validator, args []js.Value) (any, error) {
	doc, err := text(args, "validate")
	if err != nil {
		return nil, err
	}
	data := []byte(doc)
	if extra := option(args, 1, "extra"); extra != "" {
		if data, err = model.MergeDocuments(data, []byte(extra)); err != nil {
			return nil, err
		}
	}
	filing, err := model.DecodeFile("-", data)
	if err != nil {
		return nil, err
	}
	tags, err := languageOf(args, 1)
	if err != nil {
		return nil, err
	}
	opts := []validate.CallOption{validate.InLanguage(model.MatchLanguage(tags...))}
	if date := option(args, 1, "date"); date != "" {
		opts = append(opts, validate.OnDate(model.Date(date)))
	}
	report, err := v.Validate(context.Background(), filing, opts...)
	if err != nil {
		return nil, err
	}
	return report, nil
}

func ruleList(v *validate.Validator, args []js.Value) (any, error) {
	name, err := text(args, "rules")
	if err != nil {
		return nil, err
	}
	province, err := model.ParseProvince(name)
	if err != nil {
		return nil, &model.DecodeError{Path: "province", Err: err}
	}
	tags, err := languageOf(args, 1)
	if err != nil {
		return nil, err
	}
	lang := model.MatchLanguage(tags...)
	scopes := []string{"national", string(province)}
	if provider := option(args, 1, "provider"); provider != "" {
		scopes = append(scopes, provider)
	}
	return v.Summaries(lang, scopes...), nil
}
