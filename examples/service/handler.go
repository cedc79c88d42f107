package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"golang.org/x/text/language"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// newHandler serves the validator v. Request bodies larger than maxBytes are
// refused with 413 before they are decoded.
func newHandler(v *validate.Validator, maxBytes int64) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/validate", func(w http.ResponseWriter, r *http.Request) {
		serveValidate(w, r, v, maxBytes)
	})
	mux.HandleFunc("GET /v1/rules", func(w http.ResponseWriter, r *http.Request) {
		serveRules(w, r, v)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	return mux
}

// errorBody is the JSON of an error response that is not about the filing.
type errorBody struct {
	Error  string `json:"error"`
	Path   string `json:"path,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

func serveValidate(w http.ResponseWriter, r *http.Request, v *validate.Validator, maxBytes int64) {
	decode, err := decoderFor(r.Header.Get("Content-Type"))
	if err != nil {
		writeJSON(w, http.StatusUnsupportedMediaType, errorBody{Error: err.Error()})
		return
	}
	prefs, err := preferences(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
		return
	}
	var opts []validate.CallOption
	// Without a preference the validator's own default language applies.
	if len(prefs) > 0 {
		opts = append(opts, validate.InLanguage(model.MatchLanguage(prefs...)))
	}
	if d := r.URL.Query().Get("date"); d != "" {
		date, err := model.ParseDate(d)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: "query date: " + err.Error()})
			return
		}
		opts = append(opts, validate.OnDate(date))
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBytes))
	if err != nil {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{Error: fmt.Sprintf("request body is larger than %d bytes", maxBytes)})
			return
		}
		writeJSON(w, http.StatusBadRequest, errorBody{Error: "reading request body: " + err.Error()})
		return
	}
	filing, err := decode(data)
	if err != nil {
		writeError(w, err)
		return
	}
	report, err := v.Validate(r.Context(), filing, opts...)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, report)
}

// decoderFor picks the decoder for a request's Content-Type. A missing type
// means JSON, the wire format's primary form. (curl --data-binary sends
// application/x-www-form-urlencoded unless told otherwise, which is refused.)
func decoderFor(contentType string) (func([]byte) (*model.Filing, error), error) {
	if contentType == "" {
		return model.DecodeJSON, nil
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, fmt.Errorf("Content-Type %q: %v", contentType, err)
	}
	switch mediaType {
	case "application/json":
		return model.DecodeJSON, nil
	case "application/yaml", "application/x-yaml", "text/yaml":
		return model.DecodeYAML, nil
	}
	return nil, fmt.Errorf("Content-Type %q is not supported: send application/json or application/yaml", mediaType)
}

// preferences returns the caller's language preferences: the lang query
// parameter if given, else the Accept-Language header. A malformed lang is
// the caller's mistake and refused; a malformed header is ignored, since
// clients and proxies send it without the caller choosing it.
func preferences(r *http.Request) ([]language.Tag, error) {
	if lang := r.URL.Query().Get("lang"); lang != "" {
		tag, err := language.Parse(lang)
		if err != nil {
			return nil, fmt.Errorf("query lang %q: %v", lang, err)
		}
		return []language.Tag{tag}, nil
	}
	// The tags come sorted by their q weights.
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return nil, nil
	}
	return tags, nil
}

func serveRules(w http.ResponseWriter, r *http.Request, v *validate.Validator) {
	prefs, err := preferences(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
		return
	}
	lang := model.MatchLanguage(prefs...)
	scopes := r.URL.Query()["scope"]
	writeJSON(w, http.StatusOK, v.Summaries(lang, scopes...))
}

// writeError answers a filing that could not be checked: 400 with the
// location when the filing is at fault, 500 otherwise.
func writeError(w http.ResponseWriter, err error) {
	if de, ok := errors.AsType[*model.DecodeError](err); ok {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: de.Error(), Path: de.Path, Line: de.Line, Column: de.Column})
		return
	}
	writeJSON(w, http.StatusInternalServerError, errorBody{Error: err.Error()})
}

// writeJSON leaves < > & unescaped, since messages quote filing values that
// may contain them and no caller embeds the JSON in HTML.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The values are plain structs that always encode, so an error here is
	// a failed write: the client has gone and there is no one to tell.
	_ = enc.Encode(v)
}
