package main

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/icpcheck/icpcheck/validate"
)

// accessLog logs one structured line per request: method, path, status,
// bytes written, duration and, for a check that gave a report, its verdict
// and counts, so that an operator can see rejections and slow filings
// without logging the filings themselves.
func accessLog(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		entry := &logEntry{}
		rw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rw, r.WithContext(context.WithValue(r.Context(), logEntryKey{}, entry)))
		level := slog.LevelInfo
		switch {
		case rw.status == http.StatusServiceUnavailable:
			level = slog.LevelWarn // the limits at work, not a fault
		case rw.status >= 500:
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rw.status),
			slog.Int64("bytes", rw.bytes),
			slog.Duration("duration", time.Since(start)),
		}
		if rep := entry.report; rep != nil {
			errs, warnings, infos := rep.Counts()
			attrs = append(attrs, slog.Group("report",
				slog.Bool("ok", rep.OK),
				slog.Int("errors", errs),
				slog.Int("warnings", warnings),
				slog.Int("infos", infos),
				slog.Int("undecided", len(rep.Undecided)),
				slog.Int("rule_errors", len(rep.Errors)),
			))
		}
		if entry.err != nil {
			attrs = append(attrs, slog.String("error", entry.err.Error()))
		}
		logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// logEntry is what a handler adds to its request's log line.
type logEntry struct {
	report *validate.Report
	err    error // a failure the response does not spell out
}

type logEntryKey struct{}

// entryOf returns the request's log entry; a request served without
// accessLog (as in some tests) gets one that nobody reads.
func entryOf(r *http.Request) *logEntry {
	if e, ok := r.Context().Value(logEntryKey{}).(*logEntry); ok {
		return e
	}
	return &logEntry{}
}

// countingWriter records the status and the bytes of the body.
type countingWriter struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (w *countingWriter) WriteHeader(status int) {
	if !w.wroteHeader {
		w.status, w.wroteHeader = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.wroteHeader = true
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *countingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
