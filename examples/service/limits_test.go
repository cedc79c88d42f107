package main

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/validate"
)

// blockingResolver holds every check inside Validate until release is
// closed or the check's context ends, so that a test can fill the slots.
type blockingResolver struct {
	entered chan struct{} // receives once per check that reached the resolver
	release chan struct{}
}

func newBlockingResolver() *blockingResolver {
	return &blockingResolver{entered: make(chan struct{}, 16), release: make(chan struct{})}
}

func (b *blockingResolver) Resolve(ctx context.Context, fact string, _ []string) (map[string]string, error) {
	if fact == "domain_filed" { // the first fact asked: once per check
		b.entered <- struct{}{}
	}
	select {
	case <-b.release:
		return nil, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type failingResolver struct{}

func (failingResolver) Resolve(context.Context, string, []string) (map[string]string, error) {
	return nil, errors.New("the attribution database is down")
}

func validatorWith(t *testing.T, r validate.Resolver) *validate.Validator {
	t.Helper()
	v, err := validate.New(validate.WithResolver(r))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBusyBeyondTheSlotsAndTheQueue(t *testing.T) {
	res := newBlockingResolver()
	api := newAPI(validatorWith(t, res), limits{maxBytes: 1 << 20, maxValidations: 1, maxQueue: 1, timeout: time.Minute})
	h := documented(t, api.routes())
	filing := readFiling(t, "hunan-clean.yaml")

	// The first check runs and blocks; the second waits in the queue.
	done := make(chan int, 2)
	for range 2 {
		go func() { done <- postYAML("/v1/validate", filing).serve(t, h).Code }()
	}
	<-res.entered
	waitFor(t, func() bool { return len(api.limiter.places) == 2 })

	// The third finds no place and is told to come back.
	rec := postYAML("/v1/validate?lang=en", filing).serve(t, h)
	got := errorBody(t, rec, http.StatusServiceUnavailable)
	if diff := cmp.Diff(validate.InputError{Message: "too many checks are under way; retry later"}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
	if ra := rec.Header().Get("Retry-After"); ra != retryAfter {
		t.Errorf("Retry-After %q, want %q", ra, retryAfter)
	}

	close(res.release)
	for range 2 {
		if code := <-done; code != http.StatusOK {
			t.Errorf("a check that had a place: status %d, want 200", code)
		}
	}
	// Places are given back.
	if code := postYAML("/v1/validate", filing).serve(t, h).Code; code != http.StatusOK {
		t.Errorf("after the others finished: status %d, want 200", code)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestDeadline(t *testing.T) {
	res := newBlockingResolver()
	h := handlerFor(t, validatorWith(t, res), limits{maxBytes: 1 << 20, maxValidations: 1, maxQueue: 1, timeout: 50 * time.Millisecond})
	start := time.Now()
	rec := postYAML("/v1/validate?lang=en", readFiling(t, "hunan-clean.yaml")).serve(t, h)
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("answered after %v; the deadline is 50ms", elapsed)
	}
	got := errorBody(t, rec, http.StatusServiceUnavailable)
	if diff := cmp.Diff(validate.InputError{Message: "the check did not finish within 50ms; retry later"}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
	if ra := rec.Header().Get("Retry-After"); ra != retryAfter {
		t.Errorf("Retry-After %q, want %q", ra, retryAfter)
	}
}

func TestDeadlineWhileWaitingForASlot(t *testing.T) {
	res := newBlockingResolver()
	defer close(res.release)
	h := handlerFor(t, validatorWith(t, res), limits{maxBytes: 1 << 20, maxValidations: 1, maxQueue: 1, timeout: time.Minute})
	filing := readFiling(t, "hunan-clean.yaml")
	go postYAML("/v1/validate", filing).serve(t, h)
	<-res.entered

	// The client of the second check gives up while it waits.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	rec := postYAML("/v1/validate?lang=en", filing).serveWith(ctx, h)
	got := errorBody(t, rec, http.StatusServiceUnavailable)
	if diff := cmp.Diff(validate.InputError{Message: "too many checks are under way; retry later"}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
}

func TestResolverFailureIs500(t *testing.T) {
	h := handlerFor(t, validatorWith(t, failingResolver{}), testLimits)
	got := errorBody(t, postYAML("/v1/validate?lang=en", readFiling(t, "hunan-clean.yaml")).serve(t, h), http.StatusInternalServerError)
	// The cause goes to the log, not to the client.
	if diff := cmp.Diff(validate.InputError{Message: "internal error: the filing could not be checked"}, got); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
}
