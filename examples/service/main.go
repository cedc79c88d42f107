// Command service is an example of embedding icpcheck in an HTTP service.
// It compiles the rules once at start and then checks filings posted to it:
//
//	go run ./examples/service [-addr 127.0.0.1:8080] [-max-bytes 1048576]
//
//	curl -H 'Content-Type: application/yaml' --data-binary @examples/filings/hunan-clean.yaml \
//	     'http://127.0.0.1:8080/v1/validate?lang=en'
//
// Endpoints:
//
//	POST /v1/validate  a filing as JSON (the default) or YAML (Content-Type
//	                   application/yaml); query lang=en or the Accept-Language
//	                   header picks the message language, query date=YYYY-MM-DD
//	                   the submission day of a filing without submitted_at.
//	                   200 with the report; 400 with {"error", "path", "line",
//	                   "column"} for a filing that does not decode; 413 for a
//	                   body over -max-bytes; 500 with {"error", "report"} when a
//	                   rule failed to evaluate.
//	GET /v1/rules      the compiled rules, [{id, scope, severity, title,
//	                   source}]; repeat scope= to keep only those scopes.
//	GET /healthz       200 "ok".
//
// SIGINT or SIGTERM stops it gracefully: requests in flight are finished.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("service: ")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	maxBytes := flag.Int64("max-bytes", 1<<20, "largest request body accepted, in bytes")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("unexpected arguments %q", flag.Args())
	}
	// The decoders refuse more than model.MaxInputBytes anyway; a larger
	// limit would only turn 413s into 400s.
	if *maxBytes < 1 || *maxBytes > model.MaxInputBytes {
		log.Fatalf("-max-bytes %d: want 1 to %d", *maxBytes, model.MaxInputBytes)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, *maxBytes); err != nil {
		log.Fatal(err)
	}
}

// serve runs the service on addr until ctx ends, then shuts it down.
func serve(ctx context.Context, addr string, maxBytes int64) error {
	// One validator for all requests: compiling the rules is the costly
	// part, and a Validator is safe for concurrent use. A service compiles
	// every province at start, so no request pays for it.
	v, err := validate.New(validate.WithEagerCompile())
	if err != nil {
		return err
	}
	// Listening here rather than in ListenAndServe lets the log name the
	// real port when addr asks for any (":0").
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler: newHandler(v, maxBytes),
		// Bound how long a slow or stalled client can hold a connection.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Printf("listening on http://%s", ln.Addr())
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Print("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Serve returns ErrServerClosed at once; Shutdown waits for the
	// requests in flight.
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
