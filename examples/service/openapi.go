package main

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3.1 document of this service, checked in beside
// it and tested against the handlers (openapi_test.go).
//
//go:embed openapi.json
var openAPI []byte

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}
