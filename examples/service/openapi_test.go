package main

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/validate"
)

// apiDoc is the part of openapi.json the tests read.
type apiDoc struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]operation `json:"paths"`
	Unrouted   map[string]response             `json:"x-unrouted-responses"`
	Components struct {
		Parameters map[string]parameter  `json:"parameters"`
		Responses  map[string]response   `json:"responses"`
		Schemas    map[string]jsonSchema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	Parameters []parameter         `json:"parameters"`
	Responses  map[string]response `json:"responses"`
}

type parameter struct {
	Ref     string `json:"$ref"`
	Name    string `json:"name"`
	In      string `json:"in"`
	Example any    `json:"example"`
}

type response struct {
	Ref     string         `json:"$ref"`
	Headers map[string]any `json:"headers"`
	Content map[string]any `json:"content"`
}

type jsonSchema struct {
	Required             []string       `json:"required"`
	Properties           map[string]any `json:"properties"`
	AdditionalProperties *bool          `json:"additionalProperties"`
}

var loadDoc = sync.OnceValues(func() (*apiDoc, error) {
	var d apiDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		return nil, err
	}
	resolve := func(r response) response {
		if name, ok := strings.CutPrefix(r.Ref, "#/components/responses/"); ok {
			return d.Components.Responses[name]
		}
		return r
	}
	for _, item := range d.Paths {
		for _, op := range item {
			for status, r := range op.Responses {
				op.Responses[status] = resolve(r)
			}
			for i, p := range op.Parameters {
				if name, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
					op.Parameters[i] = d.Components.Parameters[name]
				}
			}
		}
	}
	for status, r := range d.Unrouted {
		d.Unrouted[status] = resolve(r)
	}
	return &d, nil
})

func doc(t *testing.T) *apiDoc {
	t.Helper()
	d, err := loadDoc()
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return d
}

// answerKey names one documented answer: "post /v1/validate 200", or
// "unrouted 404" for a path or method no operation has.
func (d *apiDoc) answerKey(method, path string, status int) (key string, r response, ok bool) {
	code := strconv.Itoa(status)
	if item, known := d.Paths[path]; known {
		m := strings.ToLower(method)
		if m == "head" {
			m = "get"
		}
		if op, has := item[m]; has {
			r, ok = op.Responses[code]
			return m + " " + path + " " + code, r, ok
		}
	}
	r, ok = d.Unrouted[code]
	return "unrouted " + code, r, ok
}

// answers lists every documented answer's key.
func (d *apiDoc) answers() []string {
	var keys []string
	for path, item := range d.Paths {
		for method, op := range item {
			for code := range op.Responses {
				keys = append(keys, method+" "+path+" "+code)
			}
		}
	}
	for code := range d.Unrouted {
		keys = append(keys, "unrouted "+code)
	}
	return keys
}

// coverage collects the answers a handler gave.
type coverage struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (c *coverage) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys[key] = true
}

// documented wraps h so that every answer it gives is checked against
// openapi.json: its status must be listed for the operation, its
// Content-Type must be one the document gives, and the headers the
// document names must be there.
func documented(t *testing.T, h http.Handler) http.Handler {
	return documentedWith(t, &coverage{keys: map[string]bool{}}, h)
}

func documentedWith(t *testing.T, cov *coverage, h http.Handler) http.Handler {
	d := doc(t)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(cw, r)
		key, want, ok := d.answerKey(r.Method, r.URL.Path, cw.status)
		if !ok {
			t.Errorf("%s %s answered %d, which openapi.json does not list", r.Method, r.URL.Path, cw.status)
			return
		}
		cov.add(key)
		ct := w.Header().Get("Content-Type")
		mediaType, _, err := mime.ParseMediaType(ct)
		if _, listed := want.Content[mediaType]; err != nil || !listed {
			t.Errorf("%s: Content-Type %q, want one of %v", key, ct, slices.Sorted(mapKeys(want.Content)))
		}
		for name := range want.Headers {
			if w.Header().Get(name) == "" {
				t.Errorf("%s: no %s header, which openapi.json lists", key, name)
			}
		}
	})
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestOpenAPIEveryAnswer produces every answer the document lists, and
// only those: with documented around every handler of the tests, a handler
// cannot answer what the document does not list, and this test fails on a
// listed answer that no request produces.
func TestOpenAPIEveryAnswer(t *testing.T) {
	cov := &coverage{keys: map[string]bool{}}
	v, err := testValidator()
	if err != nil {
		t.Fatal(err)
	}
	serve := func(v *validate.Validator, lim limits, rq request) int {
		return rq.serve(t, documentedWith(t, cov, newAPI(v, lim).routes())).Code
	}
	clean := readFiling(t, "hunan-clean.yaml")
	small := testLimits
	small.maxBytes = 64
	slow := testLimits
	slow.timeout = 20 * time.Millisecond
	blocking := newBlockingResolver()
	defer close(blocking.release)
	cases := []struct {
		v          *validate.Validator
		lim        limits
		rq         request
		wantStatus int
	}{
		{v, testLimits, postYAML("/v1/validate", clean), http.StatusOK},
		{v, testLimits, postJSON("/v1/validate", "{"), http.StatusBadRequest},
		{v, small, postYAML("/v1/validate", clean), http.StatusRequestEntityTooLarge},
		{v, testLimits, request{method: http.MethodPost, target: "/v1/validate", header: map[string]string{"Content-Type": "text/csv"}}, http.StatusUnsupportedMediaType},
		{validatorWith(t, failingResolver{}), testLimits, postYAML("/v1/validate", clean), http.StatusInternalServerError},
		{validatorWith(t, blocking), slow, postYAML("/v1/validate", clean), http.StatusServiceUnavailable},
		{v, testLimits, get("/v1/rules"), http.StatusOK},
		{v, testLimits, get("/v1/rules?scope=xx"), http.StatusBadRequest},
		{v, testLimits, get("/healthz"), http.StatusOK},
		{v, testLimits, get("/openapi.json"), http.StatusOK},
		{v, testLimits, get("/v2/validate"), http.StatusNotFound},
		{v, testLimits, request{method: http.MethodPatch, target: "/healthz"}, http.StatusMethodNotAllowed},
	}
	for _, c := range cases {
		if got := serve(c.v, c.lim, c.rq); got != c.wantStatus {
			t.Errorf("%s %s: status %d, want %d", c.rq.method, c.rq.target, got, c.wantStatus)
		}
	}
	var produced []string
	for k := range cov.keys {
		produced = append(produced, k)
	}
	if diff := cmp.Diff(doc(t).answers(), produced, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("answers openapi.json lists (-) and the requests produced (+):\n%s", diff)
	}
}

// TestOpenAPIParameters checks that each operation documents exactly the
// query parameters its handler accepts, and that each example is accepted.
func TestOpenAPIParameters(t *testing.T) {
	d := doc(t)
	h := newTestHandler(t, testLimits)
	for _, op := range []struct {
		method, path string
		accepted     []string
		body         string
	}{
		{"post", "/v1/validate", validateParams, readFiling(t, "hunan-clean.yaml")},
		{"get", "/v1/rules", rulesParams, ""},
	} {
		var names []string
		for _, p := range d.Paths[op.path][op.method].Parameters {
			if p.In != "query" {
				continue
			}
			names = append(names, p.Name)
			values := []string{fmt.Sprint(p.Example)}
			if list, ok := p.Example.([]any); ok {
				values = nil
				for _, v := range list {
					values = append(values, fmt.Sprint(v))
				}
			}
			q := ""
			for _, v := range values {
				q += "&" + p.Name + "=" + v
			}
			rq := postYAML(op.path+"?"+q[1:], op.body)
			rq.method = strings.ToUpper(op.method)
			if rec := rq.serve(t, h); rec.Code != http.StatusOK {
				t.Errorf("%s %s with the example of %s: status %d, want 200; body %s", op.method, rq.target, p.Name, rec.Code, rec.Body)
			}
		}
		slices.Sort(names)
		if diff := cmp.Diff(op.accepted, names); diff != "" {
			t.Errorf("%s %s: query parameters accepted (-) and documented (+):\n%s", op.method, op.path, diff)
		}
	}
}

// TestOpenAPISchemas checks that each schema names the JSON keys of its Go
// type, requires those that are never omitted, and allows no others.
func TestOpenAPISchemas(t *testing.T) {
	d := doc(t)
	if d.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", d.OpenAPI)
	}
	for name, typ := range map[string]reflect.Type{
		"Report":      reflect.TypeFor[validate.Report](),
		"Violation":   reflect.TypeFor[validate.Violation](),
		"Undecided":   reflect.TypeFor[validate.Undecided](),
		"RuleError":   reflect.TypeFor[validate.RuleError](),
		"RuleSummary": reflect.TypeFor[validate.RuleSummary](),
		"ErrorBody":   reflect.TypeFor[validate.ErrorBody](),
		"InputError":  reflect.TypeFor[validate.InputError](),
	} {
		s, ok := d.Components.Schemas[name]
		if !ok {
			t.Errorf("openapi.json has no schema %s", name)
			continue
		}
		var keys, required []string
		for f := range typ.Fields() {
			key, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			keys = append(keys, key)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, key)
			}
		}
		sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
		if diff := cmp.Diff(keys, slices.Collect(mapKeys(s.Properties)), sorted); diff != "" {
			t.Errorf("%s: keys of the Go type (-) and of the schema (+):\n%s", name, diff)
		}
		if diff := cmp.Diff(required, s.Required, sorted); diff != "" {
			t.Errorf("%s: keys never omitted (-) and required (+):\n%s", name, diff)
		}
		if s.AdditionalProperties == nil || *s.AdditionalProperties {
			t.Errorf("%s: want additionalProperties false", name)
		}
	}
}
