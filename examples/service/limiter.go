package main

import "context"

// limiter bounds the checks under way. Checking is CPU-bound and a large
// filing's report is large, so running more checks than there are cores
// only adds memory: a few run, a bounded number wait for a slot, and the
// rest are told at once to come back later.
type limiter struct {
	places chan struct{} // one per check running or waiting
	slots  chan struct{} // one per check running
}

func newLimiter(running, waiting int) *limiter {
	return &limiter{places: make(chan struct{}, running+waiting), slots: make(chan struct{}, running)}
}

// ticket is one request's place in the limiter.
type ticket struct {
	l       *limiter
	running bool
}

// enter takes a place without waiting; ok is false when every place is
// taken. The caller reads its request body only after this, so bodies in
// memory are bounded by the places too.
func (l *limiter) enter() (t *ticket, ok bool) {
	select {
	case l.places <- struct{}{}:
		return &ticket{l: l}, true
	default:
		return nil, false
	}
}

// run waits for a slot to run the check in, until ctx ends.
func (t *ticket) run(ctx context.Context) error {
	select {
	case t.l.slots <- struct{}{}:
		t.running = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave gives back the place, and the slot if it was running.
func (t *ticket) leave() {
	if t.running {
		<-t.l.slots
	}
	<-t.l.places
}
