package ruletable

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/icpcheck/rules"
)

// A rule's notes record a conflict when they say so in words. Counting
// publishers would flood the list (most rules cite two providers that
// agree), and "no source contradicts it" is the commonest note of all, so
// the words are phrases that only a disagreement uses: it is named
// ("conflict", "disagree", "the sources differ", "the two lists differ"),
// left open ("no source", "none" or "neither can be preferred"), or one
// source won ("is followed", "the rule follows", "no longer an error").
// conflictCriterion says the same to the reader of the table.
const (
	namedWords = `(?i)conflict|disagree|\b(sources|lists) differ\b`
	openWords  = `(?i)\b(no source|none|neither) can be preferred\b`
	wonWords   = `(?i)\b(rule|error|warning|reminder) follows\b|\b(is|are) followed\b|\bno longer an error\b`
)

var (
	isConflict = regexp.MustCompile(namedWords + "|" + openWords + "|" + wonWords)
	isOpen     = regexp.MustCompile(openWords)
	isResolved = regexp.MustCompile(wonWords)
	isDecision = regexp.MustCompile(openWords + "|" + wonWords)
)

// conflictCriterion explains, in the README, which rules are listed as
// conflicts and how their notes are shortened.
var conflictCriterion = fmt.Sprintf("A rule is listed under **Conflicts** when its notes record a disagreement between sources in words: "+
	"they name it (*conflict*, *disagree*, *the sources differ*), leave it **open** (*no source*, *none* or *neither can be preferred*), "+
	"or say which source won, **resolved** (*is followed*, *the rule follows*, *no longer an error*). "+
	"A note longer than %d characters keeps the whole sentences that fit in them (the words that fit, if the first sentence alone is longer) "+
	"and, when it was cut, the sentence that says which source won or that none could; … marks a cut, and the rule file has the full text.\n", noteLimit)

// noteLimit is about how many characters of a rule's notes a conflict
// shows.
const noteLimit = 400

// conflict is a rule whose notes record a disagreement between sources,
// and what came of it, as far as the notes say.
type conflict struct {
	rule  *rules.Rule
	state string // "open" (no source could be preferred), "resolved" (one was followed) or ""
}

// conflicts returns the rules among rs whose own notes record a conflict,
// in the order given.
func conflicts(rs []*rules.Rule) []conflict {
	var out []conflict
	for _, r := range rs {
		notes := ownNotes(r)
		if !isConflict.MatchString(notes) {
			continue
		}
		c := conflict{rule: r}
		switch {
		case isOpen.MatchString(notes):
			c.state = "open"
		case isResolved.MatchString(notes):
			c.state = "resolved"
		}
		out = append(out, c)
	}
	return out
}

// ownNotes returns the notes a scope wrote for a rule: for a shared rule
// applied in a province, the province's, since the shared rule's own notes
// would list the same conflict in every province that applies it.
func ownNotes(r *rules.Rule) string {
	if r.Applied != nil {
		return r.Applied.Notes
	}
	return r.Notes
}

// sentenceEnd finds where one sentence of a note ends and the next
// begins: a full stop, question or exclamation mark, space, and a capital
// letter or an opening quote.
var sentenceEnd = regexp.MustCompile(`[.!?] +["“A-Z]`)

// sentences splits a note into its sentences, spaces made single.
func sentences(note string) []string {
	note = strings.Join(strings.Fields(note), " ")
	var out []string
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(note, -1) {
		stop := m[0] + 1 // after the mark
		out = append(out, note[start:stop])
		start = stop + 1 // after the space
	}
	if start < len(note) {
		out = append(out, note[start:])
	}
	return out
}

// trimNote shortens a note to the whole sentences that fit in limit
// characters, or the words of the first that fit when it alone is longer.
// What a conflict came to must not be lost in the cut, so the first
// sentence that says which source won, or that none could, is added when
// it was cut. Each cut is marked with "…".
func trimNote(note string, limit int) string {
	ss := sentences(note)
	n, size := 0, 0
	for n < len(ss) && size+utf8.RuneCountInString(ss[n]) <= limit {
		size += utf8.RuneCountInString(ss[n]) + 1
		n++
	}
	if n == len(ss) {
		return strings.Join(ss, " ")
	}
	if n == 0 {
		first := string([]rune(ss[0])[:limit])
		if sp := strings.LastIndexByte(first, ' '); sp > 0 {
			first = first[:sp]
		}
		ss[0] = strings.TrimRight(first, " ,;:") + " …"
		n = 1
	}
	kept := strings.Join(ss[:n], " ")
	if isDecision.MatchString(kept) {
		return markCut(kept, n < len(ss))
	}
	for i := n; i < len(ss); i++ {
		if isDecision.MatchString(ss[i]) {
			kept = markCut(kept, true) + " " + ss[i]
			n = i + 1
			break
		}
	}
	return markCut(kept, n < len(ss))
}

// markCut ends s with " …" when something was cut after it, once.
func markCut(s string, cut bool) string {
	if cut && !strings.HasSuffix(s, " …") {
		return s + " …"
	}
	return s
}
