package main

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/validate"
)

func TestRoutes(t *testing.T) {
	h := newTestHandler(t, testLimits)
	tests := []struct {
		rq         request
		wantStatus int
		wantAllow  string
		wantError  string // the error message, for a JSON error
	}{
		{get("/healthz"), http.StatusOK, "", ""},
		{get("/healthz?probe=1"), http.StatusOK, "", ""},
		{request{method: http.MethodHead, target: "/healthz"}, http.StatusOK, "", ""},
		{get("/v1/validate"), http.StatusMethodNotAllowed, "POST", "/v1/validate 不支持 GET 方法,允许:POST"},
		{request{method: http.MethodPost, target: "/v1/rules", header: map[string]string{"Accept-Language": "en"}}, http.StatusMethodNotAllowed, "GET, HEAD", "/v1/rules does not allow POST; allowed: GET, HEAD"},
		{request{method: http.MethodDelete, target: "/openapi.json"}, http.StatusMethodNotAllowed, "GET, HEAD", "/openapi.json 不支持 DELETE 方法,允许:GET, HEAD"},
		{get("/v1/nothing"), http.StatusNotFound, "", "接口 /v1/nothing 不存在"},
		{request{method: http.MethodPut, target: "/", header: map[string]string{"Accept-Language": "en"}}, http.StatusNotFound, "", "no endpoint /"},
	}
	for _, tt := range tests {
		t.Run(tt.rq.method+" "+tt.rq.target, func(t *testing.T) {
			rec := tt.rq.serve(t, h)
			if allow := rec.Header().Get("Allow"); allow != tt.wantAllow {
				t.Errorf("Allow %q, want %q", allow, tt.wantAllow)
			}
			if tt.wantError == "" {
				if rec.Code != tt.wantStatus {
					t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
				}
				return
			}
			got := errorBody(t, rec, tt.wantStatus)
			if diff := cmp.Diff(validate.InputError{Message: tt.wantError}, got); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
			if vary := rec.Header().Get("Vary"); vary != "Accept-Language" {
				t.Errorf("Vary %q, want Accept-Language", vary)
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	rec := get("/healthz").serve(t, newTestHandler(t, testLimits))
	if rec.Code != http.StatusOK || rec.Body.String() != "ok\n" {
		t.Errorf("status %d, body %q; want 200 and ok", rec.Code, rec.Body)
	}
}

func TestServesTheOpenAPIDocument(t *testing.T) {
	rec := get("/openapi.json").serve(t, newTestHandler(t, testLimits))
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), openAPI) {
		t.Errorf("status %d; want 200 and the checked-in document", rec.Code)
	}
}
