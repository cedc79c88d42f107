package check

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds s for word matching: NFKC, lower case, and no white space
// or format characters (zero-width space and joiners, word joiner,
// byte-order mark, soft hyphen). "股 票", "股\u200b票" and "ＡＰＰ" become
// "股票", "股票" and "app", so spacing and look-alike forms cannot hide a
// word. NFKC already folds width (full-width ASCII, half-width katakana):
// width.Fold has nothing left to change after it, which
// TestNFKCFoldsWidth checks over all of Unicode, so it is not applied
// again.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	foldRunes(s, func(run string, r rune) bool {
		if run != "" {
			b.WriteString(run)
		} else {
			b.WriteRune(r)
		}
		return true
	})
	return b.String()
}

// iters recycles NFKC iterators: a norm.Iter escapes to the heap, and
// Matcher.Find must not allocate when nothing matches.
var iters = sync.Pool{New: func() any { return new(norm.Iter) }}

// foldRunes calls yield with each rune of Normalize(s), or with a run of
// them that s holds as they are (run != ""), until yield returns false.
// Normalize and Matcher share it so that words and text are folded
// identically.
//
// NFKC works segment by segment, so text can be split at segment boundaries
// and each part normalized alone. Han ideographs (U+4E00-U+9FFF), the bulk
// of the text, are starters that no normalization changes or combines, so
// each run of them is passed through directly; the rest is checked with
// the normalizer's quick check, and only segments that fail it are
// normalized.
func foldRunes(s string, yield func(run string, r rune) bool) {
	var it *norm.Iter
	defer func() {
		if it != nil {
			it.InitString(norm.NFKC, "") // drop the reference to s
			iters.Put(it)
		}
	}()
	for s != "" {
		i := 0
		for hanAt(s, i) {
			i += 3
		}
		if i > 0 && !yield(s[:i], 0) {
			return
		}
		s = s[i:]

		end := 0
		for end < len(s) && !hanAt(s, end) {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		chunk := s[:end]
		s = s[end:]
		for chunk != "" {
			n := norm.NFKC.QuickSpanString(chunk)
			for span := chunk[:n]; span != ""; {
				// ASCII that folding keeps as it is goes as a run.
				j := 0
				for j < len(span) && keptASCII(span[j]) {
					j++
				}
				if j > 0 {
					if !yield(span[:j], 0) {
						return
					}
					span = span[j:]
					continue
				}
				r, size := utf8.DecodeRuneInString(span)
				span = span[size:]
				if r, keep := fold(r); keep && !yield("", r) {
					return
				}
			}
			if chunk = chunk[n:]; chunk == "" {
				break
			}
			k := norm.NFKC.NextBoundaryInString(chunk, true)
			if it == nil {
				it = iters.Get().(*norm.Iter)
			}
			it.InitString(norm.NFKC, chunk[:k])
			for !it.Done() {
				seg := it.Next()
				for len(seg) > 0 {
					r, size := utf8.DecodeRune(seg)
					seg = seg[size:]
					if r, keep := fold(r); keep && !yield("", r) {
						return
					}
				}
			}
			chunk = chunk[k:]
		}
	}
}

// hanAt reports whether s holds a Han ideograph (U+4E00-U+9FFF) at byte
// i, reading its three UTF-8 bytes (E4 B8 80 to E9 BF BF) without decoding.
func hanAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	b0, b1, b2 := s[i], s[i+1], s[i+2]
	return (b0 == 0xe4 && b1 >= 0xb8 || b0 > 0xe4 && b0 <= 0xe9 && b1 >= 0x80) && b1 <= 0xbf && b2 >= 0x80 && b2 <= 0xbf
}

// keptASCII reports whether fold leaves an ASCII byte as it is: neither a
// capital nor white space.
func keptASCII(c byte) bool {
	return c < utf8.RuneSelf && (c < 'A' || c > 'Z') && c != ' ' && (c < '\t' || c > '\r')
}

// fold lower-cases one rune of NFKC text; keep is false for white space and
// format characters.
func fold(r rune) (folded rune, keep bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A', true
		}
		// ASCII white space is \t-\r and space; ASCII has no format characters.
		return r, r != ' ' && (r < '\t' || r > '\r')
	}
	r = unicode.ToLower(r)
	return r, !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r)
}

// Matcher finds the words of a fixed list in texts. It is an Aho–Corasick
// automaton over the UTF-8 bytes of the normalized words, so one pass over a
// text finds every word, overlapping ones included, whatever the list size.
// A Matcher is immutable after NewMatcher and safe for concurrent use.
type Matcher struct {
	words []string // distinct original spellings, in list order

	root [256]int32 // root transitions, dense: most text bytes lead back here
	// Trie edges of node n (n > 0) are labels/next[first[n]:first[n+1]],
	// sorted by label.
	first  []int32
	labels []byte
	next   []int32
	fail   []int32
	// out is the nearest node, n itself or along its failure chain, at
	// which a word ends; 0 if none. Following out then dict visits every
	// word ending at a text position once.
	out  []int32
	dict []int32
	// Words ending at node n are ends[endsAt[n]:endsAt[n+1]], word indices.
	endsAt []int32
	ends   []int32
}

// NewMatcher builds a Matcher for words. Words that are empty after
// Normalize are ignored; repeated spellings count once.
func NewMatcher(words []string) *Matcher {
	m := &Matcher{}
	type node struct {
		edges map[byte]int32
		ends  []int32
	}
	nodes := []node{{}} // node 0 is the root
	seen := map[string]bool{}
	for _, w := range words {
		key := Normalize(w)
		if key == "" || seen[w] {
			continue
		}
		seen[w] = true
		n := int32(0)
		for i := 0; i < len(key); i++ {
			nx, ok := nodes[n].edges[key[i]]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{})
				if nodes[n].edges == nil {
					nodes[n].edges = map[byte]int32{}
				}
				nodes[n].edges[key[i]] = nx
			}
			n = nx
		}
		nodes[n].ends = append(nodes[n].ends, int32(len(m.words)))
		m.words = append(m.words, w)
	}

	// Flatten the trie with sorted edges.
	count := len(nodes)
	m.first = make([]int32, count+1)
	m.endsAt = make([]int32, count+1)
	for n := range nodes {
		m.first[n] = int32(len(m.labels))
		m.endsAt[n] = int32(len(m.ends))
		keys := make([]byte, 0, len(nodes[n].edges))
		for b := range nodes[n].edges {
			keys = append(keys, b)
		}
		slices.Sort(keys)
		for _, b := range keys {
			m.labels = append(m.labels, b)
			m.next = append(m.next, nodes[n].edges[b])
		}
		m.ends = append(m.ends, nodes[n].ends...)
	}
	m.first[count] = int32(len(m.labels))
	m.endsAt[count] = int32(len(m.ends))
	for i := m.first[0]; i < m.first[1]; i++ {
		m.root[m.labels[i]] = m.next[i]
	}

	// Failure links breadth first, so a node's failure target is final
	// before its children need it.
	m.fail = make([]int32, count)
	m.out = make([]int32, count)
	m.dict = make([]int32, count)
	queue := make([]int32, 0, count)
	for i := m.first[0]; i < m.first[1]; i++ {
		queue = append(queue, m.next[i])
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if m.endsAt[n] < m.endsAt[n+1] {
			m.out[n] = n
		} else {
			m.out[n] = m.out[m.fail[n]]
		}
		m.dict[n] = m.out[m.fail[n]]
		for i := m.first[n]; i < m.first[n+1]; i++ {
			child := m.next[i]
			m.fail[child] = m.step(m.fail[n], m.labels[i])
			queue = append(queue, child)
		}
	}
	return m
}

// step is the automaton's transition from node n on byte b.
func (m *Matcher) step(n int32, b byte) int32 {
	for n != 0 {
		lo, hi := m.first[n], m.first[n+1]
		if i, ok := slices.BinarySearch(m.labels[lo:hi], b); ok {
			return m.next[lo+int32(i)]
		}
		n = m.fail[n]
	}
	return m.root[b]
}

// scan runs the automaton over Normalize(text) and calls hit with the first
// output node of each position where a word ends, until hit returns false.
func (m *Matcher) scan(text string, hit func(out int32) bool) {
	var n int32
	feed := func(piece string) bool {
		for i := 0; i < len(piece); i++ {
			n = m.step(n, piece[i])
			if o := m.out[n]; o != 0 && !hit(o) {
				return false
			}
		}
		return true
	}
	foldRunes(text, func(run string, r rune) bool {
		if run != "" {
			return feed(run)
		}
		var buf [utf8.UTFMax]byte
		return feed(string(buf[:utf8.EncodeRune(buf[:], r)]))
	})
}

// Find returns the list words that occur in text after both are normalized,
// each once, in list order and in the list's own spelling; nil if none does.
// It allocates only when it has something to return.
func (m *Matcher) Find(text string) []string {
	if m == nil || len(m.words) == 0 {
		return nil
	}
	var found []bool
	left := len(m.words)
	m.scan(text, func(o int32) bool {
		if found == nil {
			found = make([]bool, len(m.words))
		}
		for ; o != 0; o = m.dict[o] {
			for _, w := range m.ends[m.endsAt[o]:m.endsAt[o+1]] {
				if !found[w] {
					found[w] = true
					left--
				}
			}
		}
		return left > 0 // every word found: the rest of the text cannot add one
	})
	if found == nil {
		return nil
	}
	result := make([]string, 0, len(m.words)-left)
	for i, ok := range found {
		if ok {
			result = append(result, m.words[i])
		}
	}
	return result
}

// Contains reports whether any list word occurs in text; it never allocates.
func (m *Matcher) Contains(text string) bool {
	if m == nil || len(m.words) == 0 {
		return false
	}
	found := false
	m.scan(text, func(int32) bool {
		found = true
		return false
	})
	return found
}
