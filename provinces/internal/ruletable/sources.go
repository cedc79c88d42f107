package ruletable

import (
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// sources names who says so and when, briefly: the publisher and document
// of each source with the day it was read.
func sources(r *rules.Rule) string {
	var parts []string
	for _, s := range r.Sources {
		part := strings.TrimSpace(s.Publisher + " " + s.Document)
		if s.Retrieved != "" {
			part += " (" + string(s.Retrieved) + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// publishers is the shortest form of a list of sources that still says
// whose pages they are and how old: each publisher once, in the order
// first named, with its distinct dates in order and "undated" for a
// source without one: "UCloud 2024-04-01, 2026-02-27; QingCloud undated".
func publishers(ss rules.Sources) string {
	var order []string
	dates := map[string][]string{}
	for _, s := range ss {
		if _, ok := dates[s.Publisher]; !ok {
			order = append(order, s.Publisher)
			dates[s.Publisher] = []string{}
		}
		d := string(s.Retrieved)
		if d == "" {
			d = "undated"
		}
		if !slices.Contains(dates[s.Publisher], d) {
			dates[s.Publisher] = append(dates[s.Publisher], d)
		}
	}
	parts := make([]string, len(order))
	for i, p := range order {
		ds := dates[p]
		slices.Sort(ds) // dates sort as text, and "undated" after them
		parts[i] = p + " " + strings.Join(ds, ", ")
	}
	return strings.Join(parts, "; ")
}

// distinct returns the sources once each, in the order first named: a
// page that two rules cite, each for what it says there, is one source.
func distinct(ss rules.Sources) rules.Sources {
	var out rules.Sources
	for _, s := range ss {
		s.Says = ""
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// dateRange returns the oldest and newest retrieved dates among ss and how
// many of them have none.
func dateRange(ss rules.Sources) (oldest, newest model.Date, undated int) {
	for _, s := range ss {
		switch {
		case s.Retrieved == "":
			undated++
		case oldest == "":
			oldest, newest = s.Retrieved, s.Retrieved
		default:
			oldest, newest = min(oldest, s.Retrieved), max(newest, s.Retrieved)
		}
	}
	return oldest, newest, undated
}
