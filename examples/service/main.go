package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/icpcheck/icpcheck/validate"
)

func main() {
	var c config
	flag.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on")
	flag.Int64Var(&c.limits.maxBytes, "max-bytes", 1<<20, "largest request body accepted, in bytes (413 beyond)")
	flag.IntVar(&c.limits.maxValidations, "max-validations", runtime.GOMAXPROCS(0), "checks running at once; the default is GOMAXPROCS")
	flag.IntVar(&c.limits.maxQueue, "max-queue", 32, "checks waiting for a slot; more get 503 at once")
	flag.DurationVar(&c.limits.timeout, "timeout", 10*time.Second, "longest a check may wait for a slot and run (503 beyond)")
	flag.IntVar(&c.maxConns, "max-conns", 256, "connections open at once; more wait in the listen backlog")
	flag.IntVar(&c.maxHeaderBytes, "max-header-bytes", 16<<10, "largest request header block (431 beyond)")
	flag.DurationVar(&c.readHeaderTimeout, "read-header-timeout", 5*time.Second, "time to read a request's headers")
	flag.DurationVar(&c.readTimeout, "read-timeout", 15*time.Second, "time to read a whole request, body included")
	flag.DurationVar(&c.writeTimeout, "write-timeout", 30*time.Second, "time from the end of the headers to the end of the response")
	flag.DurationVar(&c.idleTimeout, "idle-timeout", 60*time.Second, "how long an idle keep-alive connection stays open")
	flag.DurationVar(&c.shutdownTimeout, "shutdown-timeout", 20*time.Second, "how long SIGTERM waits for requests in flight")
	logFormat := flag.String("log-format", "json", "access log format: json or text")
	flag.Parse()

	logger, err := newLogger(*logFormat)
	if err == nil && flag.NArg() > 0 {
		err = fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	if err == nil {
		err = c.check()
	}
	if err == nil {
		err = run(c, logger)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "service: %v\n", err)
		os.Exit(1)
	}
}

func newLogger(format string) (*slog.Logger, error) {
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, nil)), nil
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, nil)), nil
	}
	return nil, fmt.Errorf("-log-format %q: want json or text", format)
}

func run(c config, logger *slog.Logger) error {
	// One validator for all requests: compiling the rules is the costly
	// part, and a Validator is safe for concurrent use. A service compiles
	// every scope at start, so no request pays for it.
	v, err := validate.New(validate.WithEagerCompile())
	if err != nil {
		return err
	}
	ln, err := listen(c)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, newServer(v, c, logger), ln, c.shutdownTimeout, logger)
}
