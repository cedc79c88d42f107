// Command service is an example of embedding icpcheck in an HTTP service.
// It compiles every rule once at start and then checks filings posted to it:
//
//	go run ./examples/service [-addr 127.0.0.1:8080] [flags]
//
//	curl -H 'Content-Type: application/yaml' --data-binary @examples/filings/hunan-clean.yaml \
//	     'http://127.0.0.1:8080/v1/validate?lang=en'
//
// Endpoints: POST /v1/validate (a filing in, its report out), GET /v1/rules
// (the rules, by scope), GET /healthz and GET /openapi.json, the OpenAPI 3.1
// document that describes every parameter, status code and body. Every
// error is JSON: {"error": {"message": …}}, with the file's key path, line
// and column when the filing cannot be read. The README's section "The
// HTTP service" lists the flags, limits and status codes.
//
// It logs one structured line per request to standard error. SIGINT or
// SIGTERM stops it gracefully: requests in flight are finished.
package main
