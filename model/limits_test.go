package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The defaults are the README's table; a caller's copy is its own.
func TestDefaultLimits(t *testing.T) {
	want := Limits{MaxBytes: 8 << 20, MaxYAMLBytes: 512 << 10, MaxNodes: 250_000, MaxDepth: 64, MaxListItems: 1_000, MaxStringBytes: 64 << 10}
	l := DefaultLimits()
	if diff := cmp.Diff(want, l); diff != "" {
		t.Errorf("DefaultLimits() (-want +got):\n%s", diff)
	}
	l.MaxNodes = 1
	if got := DefaultLimits().MaxNodes; got != want.MaxNodes {
		t.Errorf("after a caller changed its copy, DefaultLimits().MaxNodes = %d", got)
	}
	if MaxInputBytes != want.MaxBytes {
		t.Errorf("MaxInputBytes = %d, want %d", MaxInputBytes, want.MaxBytes)
	}
	if got := (Limits{MaxNodes: -5, MaxDepth: 1 << 30}).resolved(); got.MaxNodes != want.MaxNodes || got.MaxDepth != maxDepthCap {
		t.Errorf("resolved() = %+v: a negative field is its default, and depth is capped at %d", got, maxDepthCap)
	}
}
