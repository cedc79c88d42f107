package model

import "testing"

func TestProvinceNames(t *testing.T) {
	for _, p := range Provinces() {
		if en := p.Slug.Name(English); en == "" || en == string(p.Slug) {
			t.Errorf("%s has no English name", p.Slug)
		}
		if zh := p.Slug.Name(Chinese); zh != p.Full {
			t.Errorf("%s: Chinese name %q, want %q", p.Slug, zh, p.Full)
		}
	}
	if got := Province("neimenggu").Name(English); got != "Inner Mongolia" {
		t.Errorf("neimenggu: %q", got)
	}
	if got := Province("atlantis").Name(English); got != "atlantis" {
		t.Errorf("unknown slug: %q", got)
	}
}
