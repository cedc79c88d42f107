package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// limits are the bounds of one handler; see the flags in main.go.
type limits struct {
	maxBytes       int64         // largest request body
	maxValidations int           // checks running at once
	maxQueue       int           // checks waiting for a slot
	timeout        time.Duration // from a check's arrival to its report
}

// handler serves one Validator.
type handler struct {
	v       *validate.Validator
	limits  limits
	limiter *limiter
	// scopes are the rule set's own scopes (national, the provinces with
	// rules, the providers), and extraScopes those that are not provinces,
	// for the message that refuses an unknown scope.
	scopes, extraScopes []string
}

// The query parameters of each endpoint, sorted; any other is refused.
var (
	validateParams = []string{"date", "lang"}
	rulesParams    = []string{"lang", "scope"}
)

// newHandler serves the validator v within lim, logging each request to
// logger.
func newHandler(v *validate.Validator, lim limits, logger *slog.Logger) http.Handler {
	return accessLog(logger, newAPI(v, lim).routes())
}

// newAPI is the handler without its access log, for tests that look
// inside it.
func newAPI(v *validate.Validator, lim limits) *handler {
	h := &handler{v: v, limits: lim, limiter: newLimiter(lim.maxValidations, lim.maxQueue)}
	for _, r := range v.Rules() {
		if !slices.Contains(h.scopes, r.Scope) {
			h.scopes = append(h.scopes, r.Scope)
			if _, province := model.Province(r.Scope).Info(); !province {
				h.extraScopes = append(h.extraScopes, r.Scope)
			}
		}
	}
	slices.Sort(h.extraScopes)
	return h
}

// routes is the handler of every path, without the access log. Each path
// answers one method (GET answers HEAD too); the others get a JSON 405
// with the Allow header, and a path not listed a JSON 404.
func (h *handler) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range []struct {
		method, path string
		serve        http.HandlerFunc
	}{
		{http.MethodPost, "/v1/validate", h.serveValidate},
		{http.MethodGet, "/v1/rules", h.serveRules},
		{http.MethodGet, "/healthz", serveHealth},
		{http.MethodGet, "/openapi.json", serveOpenAPI},
	} {
		mux.HandleFunc(rt.method+" "+rt.path, rt.serve)
		allow := rt.method
		if rt.method == http.MethodGet {
			allow += ", " + http.MethodHead
		}
		// A pattern without a method matches the methods the one above
		// does not.
		mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			w.Header().Add("Vary", "Accept-Language")
			writeMessage(w, http.StatusMethodNotAllowed, msgMethodNotAllowed.in(headerLanguage(r), r.URL.Path, r.Method, allow))
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Language")
		writeMessage(w, http.StatusNotFound, msgNotFound.in(headerLanguage(r), r.URL.Path))
	})
	return mux
}

func serveHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ok\n")
}

func (h *handler) serveValidate(w http.ResponseWriter, r *http.Request) {
	// The language of every answer here, errors included, depends on the
	// header.
	w.Header().Add("Vary", "Accept-Language")
	lang, msg := requestLanguage(r)
	if msg == "" {
		msg = checkQuery(r.URL.Query(), lang, validateParams, validateParams)
	}
	if msg != "" {
		writeMessage(w, http.StatusBadRequest, msg)
		return
	}
	opts := []validate.CallOption{validate.InLanguage(lang)}
	if d := r.URL.Query().Get("date"); d != "" {
		date, err := model.ParseDate(d)
		if err != nil {
			writeMessage(w, http.StatusBadRequest, msgBadDate.in(lang, d))
			return
		}
		opts = append(opts, validate.OnDate(date))
	}
	decode, msg := decoderFor(r.Header.Get("Content-Type"), lang)
	if msg != "" {
		writeMessage(w, http.StatusUnsupportedMediaType, msg)
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.limits.timeout)
	defer cancel()
	t, ok := h.limiter.enter()
	if !ok {
		writeBusy(w, lang)
		return
	}
	defer t.leave()
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.limits.maxBytes))
	if err != nil {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			body := validate.ErrorBody{Error: validate.InputError{Message: msgBodyTooLarge.in(lang, h.limits.maxBytes), Limit: true}}
			writeJSON(w, http.StatusRequestEntityTooLarge, body)
			return
		}
		entryOf(r).err = err
		writeMessage(w, http.StatusBadRequest, msgBodyUnreadable.in(lang))
		return
	}
	if err := t.run(ctx); err != nil {
		// It waited for a slot until its deadline: busy, as when it
		// found no place at all.
		entryOf(r).err = err
		writeBusy(w, lang)
		return
	}
	filing, err := decode(data)
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, model.ErrLimit) {
			status = http.StatusRequestEntityTooLarge
		}
		writeJSON(w, status, validate.NewErrorBody(err, lang))
		return
	}
	report, err := h.v.Validate(ctx, filing, opts...)
	if err != nil {
		h.writeCheckError(w, r, err, lang)
		return
	}
	entryOf(r).report = report
	writeJSON(w, http.StatusOK, report)
}

// writeBusy answers a check that found no place, or no slot before its
// deadline.
func writeBusy(w http.ResponseWriter, lang validate.Language) {
	w.Header().Set("Retry-After", retryAfter)
	writeMessage(w, http.StatusServiceUnavailable, msgBusy.in(lang))
}

// writeCheckError answers a check that could not finish: 503 when it ran
// past its deadline (or the client went away), 400 for a filing the
// validator refuses, 500 for anything else, such as a failing Resolver.
func (h *handler) writeCheckError(w http.ResponseWriter, r *http.Request, err error, lang validate.Language) {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		entryOf(r).err = err
		w.Header().Set("Retry-After", retryAfter)
		writeMessage(w, http.StatusServiceUnavailable, msgTooSlow.in(lang, h.limits.timeout))
	case isDecodeError(err):
		writeJSON(w, http.StatusBadRequest, validate.NewErrorBody(err, lang))
	default:
		entryOf(r).err = err
		writeMessage(w, http.StatusInternalServerError, msgInternal.in(lang))
	}
}

func isDecodeError(err error) bool {
	_, ok := errors.AsType[*model.DecodeError](err)
	return ok
}

// decoderFor picks the decoder for a request's Content-Type, or returns
// the message refusing it. A missing type means JSON, the wire format's
// primary form. (curl --data-binary sends
// application/x-www-form-urlencoded unless told otherwise, which is
// refused.) The decoders read UTF-8 only, so another charset is refused
// here rather than as an invalid filing.
func decoderFor(contentType string, l validate.Language) (func([]byte) (*model.Filing, error), string) {
	if contentType == "" {
		return model.DecodeJSON, ""
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, msgBadContentType.in(l, contentType)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, msgUnsupportedType.in(l, contentType)
	}
	switch mediaType {
	case "application/json":
		return model.DecodeJSON, ""
	case "application/yaml", "application/x-yaml", "text/yaml":
		return model.DecodeYAML, ""
	}
	return nil, msgUnsupportedType.in(l, contentType)
}

func (h *handler) serveRules(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language")
	lang, msg := requestLanguage(r)
	if msg == "" {
		msg = checkQuery(r.URL.Query(), lang, rulesParams, []string{"lang"})
	}
	if msg != "" {
		writeMessage(w, http.StatusBadRequest, msg)
		return
	}
	var scopes []string
	for _, s := range r.URL.Query()["scope"] {
		scope, ok := h.scope(s)
		if !ok {
			writeMessage(w, http.StatusBadRequest, msgBadScope.in(lang, s, strings.Join(h.extraScopes, ", ")))
			return
		}
		scopes = append(scopes, scope)
	}
	writeJSON(w, http.StatusOK, h.v.Summaries(lang, scopes...))
}

// scope reads a scope as a filing's province is read (湖南, 湖南省, 43,
// hunan), or as the name of a scope of the rule set (national, a
// provider).
func (h *handler) scope(s string) (string, bool) {
	if name := strings.ToLower(strings.TrimSpace(s)); slices.Contains(h.scopes, name) {
		return name, true
	}
	if p, err := model.ParseProvince(s); err == nil {
		return string(p), true
	}
	return "", false
}
