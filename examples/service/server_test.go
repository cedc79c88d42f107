package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/icpcheck/icpcheck/validate"
)

// testConfig is the flags' defaults on a random port of 127.0.0.1.
func testConfig() config {
	return config{
		addr:              "127.0.0.1:0",
		limits:            testLimits,
		maxConns:          256,
		maxHeaderBytes:    16 << 10,
		readHeaderTimeout: 5 * time.Second,
		readTimeout:       15 * time.Second,
		writeTimeout:      30 * time.Second,
		idleTimeout:       60 * time.Second,
		shutdownTimeout:   20 * time.Second,
	}
}

// startServer serves v with c over real HTTP until the test ends, or until
// stop is called, which returns what serve returned.
func startServer(t *testing.T, v *validate.Validator, c config) (url string, stop func() error) {
	t.Helper()
	if err := c.check(); err != nil {
		t.Fatal(err)
	}
	ln, err := listen(c)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	srv := newServer(v, c, logger)
	srv.Handler = documented(t, srv.Handler)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(ctx, srv, ln, c.shutdownTimeout, logger) }()
	var result error
	stopped := false
	stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			result = <-served
		}
		return result
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

func TestServerRefusesLargeHeaders(t *testing.T) {
	v, _ := testValidator()
	url, _ := startServer(t, v, testConfig())
	req, _ := http.NewRequest(http.MethodGet, url+"/healthz", nil)
	req.Header.Set("X-Padding", strings.Repeat("x", 32<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status %d, want 431", resp.StatusCode)
	}
}

func TestServerConnectionLimit(t *testing.T) {
	v, _ := testValidator()
	c := testConfig()
	c.maxConns = 1
	url, _ := startServer(t, v, c)
	// An idle connection takes the only place.
	idle, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 300 * time.Millisecond}
	if resp, err := client.Get(url + "/healthz"); err == nil {
		resp.Body.Close()
		t.Fatal("a second connection was served while the limit is one")
	}
	idle.Close()
	client.Timeout = 5 * time.Second
	resp, err := client.Get(url + "/healthz")
	if err != nil {
		t.Fatalf("after the idle connection closed: %v", err)
	}
	resp.Body.Close()
}

func TestServerShutdownFinishesRequestsInFlight(t *testing.T) {
	res := newBlockingResolver()
	url, stop := startServer(t, validatorWith(t, res), testConfig())
	got := make(chan int, 1)
	go func() {
		resp, err := http.Post(url+"/v1/validate", "application/yaml", strings.NewReader(readFiling(t, "hunan-clean.yaml")))
		if err != nil {
			t.Error(err)
			got <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-res.entered
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("serve returned %v with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(res.release)
	if code := <-got; code != http.StatusOK {
		t.Errorf("the request in flight: status %d, want 200", code)
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve: %v", err)
	}
}

func TestConfigCheck(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(*config)
		want   string
	}{
		{"defaults", func(*config) {}, ""},
		{"write timeout too short", func(c *config) { c.writeTimeout = c.limits.timeout }, "-write-timeout 10s must be longer than -timeout 10s, or no slow report could be written"},
		{"body limit over the decoder's", func(c *config) { c.limits.maxBytes = 9 << 20 }, "-max-bytes 9437184: want 1 to 8388608"},
		{"no slot", func(c *config) { c.limits.maxValidations = 0 }, "-max-validations 0: want at least 1"},
		{"negative queue", func(c *config) { c.limits.maxQueue = -1 }, "-max-queue -1: want 0 or more"},
		{"no connection", func(c *config) { c.maxConns = 0 }, "-max-conns 0: want at least 1"},
	} {
		c := testConfig()
		tt.change(&c)
		got := ""
		if err := c.check(); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: check() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
