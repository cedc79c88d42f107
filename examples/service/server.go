package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// config is everything the flags set.
type config struct {
	addr   string
	limits limits
	// Connection limits of the http.Server; see the flags.
	maxConns          int
	maxHeaderBytes    int
	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	writeTimeout      time.Duration
	idleTimeout       time.Duration
	shutdownTimeout   time.Duration
}

// check refuses settings that cannot work together.
func (c config) check() error {
	switch {
	// The decoders refuse more than model.MaxInputBytes whatever the
	// service reads.
	case c.limits.maxBytes < 1 || c.limits.maxBytes > model.MaxInputBytes:
		return fmt.Errorf("-max-bytes %d: want 1 to %d", c.limits.maxBytes, model.MaxInputBytes)
	case c.limits.maxValidations < 1:
		return fmt.Errorf("-max-validations %d: want at least 1", c.limits.maxValidations)
	case c.limits.maxQueue < 0:
		return fmt.Errorf("-max-queue %d: want 0 or more", c.limits.maxQueue)
	case c.limits.timeout <= 0:
		return fmt.Errorf("-timeout %v: want more than 0", c.limits.timeout)
	case c.maxConns < 1:
		return fmt.Errorf("-max-conns %d: want at least 1", c.maxConns)
	case c.maxHeaderBytes < 1:
		return fmt.Errorf("-max-header-bytes %d: want at least 1", c.maxHeaderBytes)
	// The write deadline runs from the end of the headers, so it covers
	// reading the body, the check and writing the report.
	case c.writeTimeout <= c.limits.timeout:
		return fmt.Errorf("-write-timeout %v must be longer than -timeout %v, or no slow report could be written", c.writeTimeout, c.limits.timeout)
	}
	return nil
}

// newServer is the http.Server for v, with every limit of c.
func newServer(v *validate.Validator, c config, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           newHandler(v, c.limits, logger),
		MaxHeaderBytes:    c.maxHeaderBytes,
		ReadHeaderTimeout: c.readHeaderTimeout,
		ReadTimeout:       c.readTimeout,
		WriteTimeout:      c.writeTimeout,
		IdleTimeout:       c.idleTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// listen opens c.addr, accepting at most c.maxConns connections at once:
// the others wait in the kernel's backlog, so that many idle or slow
// clients cannot hold more memory than maxConns connections take.
func listen(c config) (net.Listener, error) {
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return nil, err
	}
	return netutil.LimitListener(ln, c.maxConns), nil
}

// serve runs srv on ln until ctx ends, then shuts it down, finishing the
// requests in flight within shutdownTimeout.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, shutdownTimeout time.Duration, logger *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	logger.Info("listening", slog.String("url", "http://"+ln.Addr().String()))
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	// Serve returns ErrServerClosed at once; Shutdown waits for the
	// requests in flight.
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
