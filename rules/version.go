package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Version names the rule set: the newest effective_from of its rules, a
// plus sign, and the first 16 hex digits of a SHA-256 over every rule and
// word list as they judge a filing, in id order. Tests, comments and the
// files' layout do not count, so reformatting a file or adding a test case
// keeps the version, while any change to what a rule checks or says
// changes it.
func (s *Set) Version() string {
	if s.version != "" {
		return s.version
	}
	h := sha256.New()
	newest := ""
	var buf []byte
	for _, r := range s.all() {
		buf = appendRule(buf[:0], r)
		h.Write(buf)
		if string(r.EffectiveFrom) > newest {
			newest = string(r.EffectiveFrom)
		}
	}
	for _, wl := range s.wordLists {
		io.WriteString(h, wl.ID+"\x00"+strings.Join(wl.Words, "\x00")+"\x00\x00")
	}
	if newest == "" {
		newest = "0000-00-00"
	}
	return newest + "+" + hex.EncodeToString(h.Sum(nil))[:16]
}

// appendRule appends every part of r that judges or speaks, each preceded
// by its length, so that no two rules write the same bytes.
func appendRule(b []byte, r *Rule) []byte {
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, s := range []string{r.ID, r.Scope, string(r.Severity), r.Category, r.Each, r.Path, strings.Join(r.Supersedes, ","), strings.Join(r.Required, ","),
		r.When.Source, r.Check.Source, r.Needs.Source, r.NeedsReason.Zh, r.NeedsReason.En,
		string(r.EffectiveFrom), string(r.EffectiveUntil), r.Title.Zh, r.Title.En, r.Message.Zh, r.Message.En, r.Fix.Zh, r.Fix.En, r.Source(),
		fmt.Sprint(r.AppliesTo), fmt.Sprint(r.Params)} { // maps print in sorted key order
		field(s)
	}
	for _, list := range [][]NamedExpr{r.Variables, r.Values} {
		for _, v := range list {
			field(v.Name)
			field(v.Expr.Source)
			if v.En != nil {
				field(v.En.Source)
			}
		}
	}
	return b
}
