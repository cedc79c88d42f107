package model

import (
	"strings"
	"unicode/utf8"
)

// textProblem says what is wrong with a scalar's text as the document wrote
// it, which its decoded text no longer shows: encoding/json turns bytes that
// are not UTF-8, and \u escapes of half a surrogate pair, into U+FFFD.
type textProblem uint8

const (
	textOK        textProblem = iota
	notUTF8                   // bytes that are not UTF-8
	loneSurrogate             // a JSON \u escape of half a surrogate pair
	containsNUL               // found by textProblemOf; the decoder looks at the decoded text
)

// code is the Code of a problem other than textOK.
func (t textProblem) code() Code {
	return [...]Code{notUTF8: CodeNotUTF8, loneSurrogate: CodeLoneSurrogate, containsNUL: CodeContainsNUL}[t]
}

// scalar refuses a scalar (a key when inKey is set) that is too long, not
// UTF-8, or holds NUL. NUL never belongs in a filing: no field of the
// filing system takes one, and C-based back ends cut strings at it.
func (w *walker) scalar(n *node, inKey bool) *DecodeError {
	if len(n.text) > w.lim.MaxStringBytes {
		return n.fail(w.path(false), &Problem{Code: CodeTooLong, InKey: inKey, Size: len(n.text), Limit: w.lim.MaxStringBytes})
	}
	problem := n.problem
	if problem == textOK && strings.IndexByte(n.text, 0) >= 0 {
		problem = containsNUL
	}
	if problem != textOK {
		return n.fail(w.path(false), &Problem{Code: problem.code(), InKey: inKey})
	}
	return nil
}

// plainASCII8 reports whether the first eight bytes of s are ASCII and not
// zero.
func plainASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&highs == 0 && (w-ones)&^w&highs == 0
}

// textProblemOf says what is wrong with text a filing built in Go holds,
// as the decoder would: notUTF8, containsNUL or textOK.
func textProblemOf(s string) textProblem {
	// One pass over the ASCII prefix, which is all of most values (numbers,
	// domains, e-mail addresses), eight bytes at a time while none has the
	// high bit set or is zero; the rest is left to the library.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !plainASCII8(s[i:]) {
			break
		}
	}
	// The last bytes, as the last eight when there are that many.
	if i < len(s) && i+8 > len(s) && len(s) >= 8 && plainASCII8(s[len(s)-8:]) {
		return textOK
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			if !utf8.ValidString(s[i:]) {
				return notUTF8 // the worse problem is named, as the decoder does
			}
			return containsNUL
		case c >= utf8.RuneSelf:
			rest := s[i:]
			switch {
			case !utf8.ValidString(rest):
				return notUTF8
			case strings.IndexByte(rest, 0) >= 0:
				return containsNUL
			}
			return textOK
		}
	}
	return textOK
}
