package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// Version names the rule set: the newest effective_from of its rules, a
// plus sign, and the first 16 hex digits of a SHA-256 over every rule and
// word list as they judge a filing, in id order. Tests, comments and the
// files' layout do not count, so reformatting a file or adding a test case
// keeps the version, while any change to what a rule checks or says
// changes it.
func (s *Set) Version() string {
	h := sha256.New()
	newest := ""
	for _, r := range s.rules {
		writeRule(h, r)
		if string(r.EffectiveFrom) > newest {
			newest = string(r.EffectiveFrom)
		}
	}
	for _, wl := range s.wordLists {
		fmt.Fprintf(h, "list %q %q\n", wl.ID, wl.Words)
	}
	if newest == "" {
		newest = "0000-00-00"
	}
	return newest + "+" + hex.EncodeToString(h.Sum(nil))[:16]
}

func writeRule(w io.Writer, r *Rule) {
	fmt.Fprintf(w, "rule %q %q %q %q %q %q %q\n", r.ID, r.Scope, r.Severity, r.Category, r.Each, r.Path, r.Supersedes)
	for _, v := range r.Variables {
		fmt.Fprintf(w, "variable %q %q\n", v.Name, v.Expr.Source)
	}
	fmt.Fprintf(w, "when %q check %q needs %q %q %q\n", r.When.Source, r.Check.Source, r.Needs.Source, r.NeedsReason.Zh, r.NeedsReason.En)
	for _, v := range r.Values {
		fmt.Fprintf(w, "value %q %q\n", v.Name, v.Expr.Source)
		if v.En != nil {
			fmt.Fprintf(w, "value.en %q\n", v.En.Source)
		}
	}
	// Params print in sorted key order, so the digest is stable.
	fmt.Fprintf(w, "params %v\n", r.Params)
	fmt.Fprintf(w, "dates %q %q\n", r.EffectiveFrom, r.EffectiveUntil)
	fmt.Fprintf(w, "text %q %q %q %q %q %q %q\n", r.Title.Zh, r.Title.En, r.Message.Zh, r.Message.En, r.Fix.Zh, r.Fix.En, r.Source())
}
