//go:build js && wasm

// Command wasm is the browser build of the validator: built with
// GOOS=js GOARCH=wasm (see build.sh), it exposes a small JavaScript API on
// globalThis.icpcheck, then dispatches the event "icpcheck-ready":
//
//	icpcheck.validate(text, {lang, date, extra}) → Report | ErrorBody
//	icpcheck.rules(province, {lang, provider})   → RuleSummary[] | ErrorBody
//	icpcheck.fields(province, {lang, provider})  → Field[] | ErrorBody
//
// Results are plain JavaScript objects, typed in icpcheck.d.ts; an ErrorBody
// is {error: {message, file, path, line, column, limit}}, the same body the
// command line and the HTTP service give. The answers come from package
// api; this file only converts arguments and results. Every call recovers
// from panics, so one bad filing can never stop the Go runtime and refuse
// later calls.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/icpcheck/icpcheck/examples/wasm/api"
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
	obj := js.Global().Get("Object").New()
	obj.Set("validate", export(func(text string, o api.Options) any { return api.Validate(v, text, o) }))
	obj.Set("rules", export(func(province string, o api.Options) any { return api.Rules(v, province, o) }))
	obj.Set("fields", export(func(province string, o api.Options) any { return api.Fields(v, province, o) }))
	js.Global().Set("icpcheck", obj)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("icpcheck-ready"))
	select {} // keep the exported functions alive
}

// export wraps fn as a JavaScript function of (string, options?): it reads
// the arguments, runs fn, and returns its result as a JavaScript object.
// Wrong arguments and panics become an ErrorBody.
func export(fn func(string, api.Options) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		o := options(args)
		lang, _ := model.ParseLanguage(o.Lang) // a bad one is refused by fn
		defer func() {
			if p := recover(); p != nil {
				out = toJS(validate.NewErrorBody(fmt.Errorf("icpcheck: internal error: %v", p), lang))
			}
		}()
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return toJS(validate.NewErrorBody(errNotString(lang), lang))
		}
		return toJS(fn(args[0].String(), o))
	})
}

func errNotString(l validate.Language) error {
	if l == validate.English {
		return errors.New("the first argument must be a string")
	}
	return errors.New("第一个参数须为字符串")
}

// options reads the second argument's string properties.
func options(args []js.Value) api.Options {
	if len(args) < 2 || args[1].Type() != js.TypeObject {
		return api.Options{}
	}
	get := func(name string) string {
		if p := args[1].Get(name); p.Type() == js.TypeString {
			return p.String()
		}
		return ""
	}
	return api.Options{Lang: get("lang"), Date: get("date"), Extra: get("extra"), Provider: get("provider")}
}

// toJS turns a result into a JavaScript object through JSON, so that its
// keys are exactly the wire format's.
func toJS(v any) js.Value {
	data, err := json.Marshal(v)
	if err != nil {
		data, _ = json.Marshal(validate.NewErrorBody(err, validate.Chinese))
	}
	return js.Global().Get("JSON").Call("parse", string(data))
}
