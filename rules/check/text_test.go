package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"股票", "股票"},
		{"股 票", "股票"},
		{"股\u3000票", "股票"},       // ideographic space
		{"股\t\n\r票", "股票"},       // control white space
		{"股\u00a0票", "股票"},       // no-break space
		{"股\u200b票", "股票"},       // zero-width space
		{"股\u200c\u200d票", "股票"}, // zero-width non-joiner and joiner
		{"股\u2060票", "股票"},       // word joiner
		{"\ufeff股票", "股票"},       // byte-order mark
		{"s\u00adex", "sex"},     // soft hyphen
		{"ＡＰＰ", "app"},           // full-width letters
		{"ＶＰＮ下载", "vpn下载"},
		{"１２３", "123"},        // full-width digits
		{"ｶﾀｶﾅ", "カタカナ"},      // half-width katakana
		{"㈱", "(株)"},          // parenthesized ideograph, NFKC
		{"ﬁnance", "finance"}, // ligature
		{"①②", "12"},          // circled digits
		{"Ⅻ", "xii"},          // roman numeral
		{"㎏", "kg"},
		{"Ｈｅｌｌｏ Ｗｏｒｌｄ", "helloworld"},
		{"Café", "café"},
		{"Cafe\u0301", "café"}, // composed by NFKC
		{"ΣΑΣ", "σασ"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeReference compares Normalize, which passes Han runs and
// already-normalized spans through without the normalizer, with the plain
// pipeline applied to whole strings, on random mixes of characters that
// compose, reorder, fold or vanish.
func TestNormalizeReference(t *testing.T) {
	reference := func(s string) string {
		s = strings.ToLower(width.Fold.String(norm.NFKC.String(s)))
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, s)
	}
	pool := []string{
		"股", "票", "e", "E", "a", " ", "\u3000", "\u200b", "\u00ad", "\u0301", "\u0323", "\u0308",
		"\u3099", "カ", "ｶ", "ﾞ", "Ａ", "ﬁ", "㈱", "\u1100", "\u1161", "\u11a8", "가", "Å", "\u212b",
		"①", "Σ", "İ", "\xff", "，", "\ufeff", "\u0345", "\u0f73", "丽", "\uf900", "\t", "1", "-", "ab",
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pool[r.IntN(len(pool))])
		}
		s := b.String()
		if got, want := Normalize(s), reference(s); got != want {
			t.Fatalf("Normalize(%+q) = %+q, reference %+q", s, got, want)
		}
	}
}

// TestNFKCFoldsWidth guards Normalize's omission of width.Fold: if a
// Unicode update gives width folding something NFKC leaves alone, this
// fails and foldRunes must fold width again.
func TestNFKCFoldsWidth(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if 0xd800 <= r && r <= 0xdfff {
			continue // surrogates are not characters
		}
		nfkc := norm.NFKC.String(string(r))
		if folded := width.Fold.String(nfkc); folded != nfkc {
			t.Errorf("%U: NFKC gives %+q, width.Fold then %+q", r, nfkc, folded)
		}
	}
}

func TestMatcherFind(t *testing.T) {
	m := NewMatcher([]string{"股票", "票", "ＡＰＰ", "", "  \u200b", "black jack", "彩票", "股票"})
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"今天天气很好", nil},
		{"股票", []string{"股票", "票"}},          // overlapping words both found
		{"票股票", []string{"股票", "票"}},         // list order, not text order
		{"彩票和股票", []string{"股票", "票", "彩票"}}, // each once, in list order
		{"股 票", []string{"股票", "票"}},         // spacing does not hide a word
		{"股\u200b票", []string{"股票", "票"}},    // nor zero-width characters
		{"下载app", []string{"ＡＰＰ"}},           // original spelling reported
		{"下载 A P P 领股票", []string{"股票", "票", "ＡＰＰ"}},
		{"BlackJack 21点", []string{"black jack"}},
		{"blackjac k", []string{"black jack"}},
		{"blac", nil},
	}
	for _, tt := range tests {
		got := m.Find(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
		}
		if got == nil && tt.want != nil || got != nil && len(got) == 0 {
			t.Errorf("Find(%q) = %#v: want nil exactly when nothing matches", tt.text, got)
		}
		if c := m.Contains(tt.text); c != (tt.want != nil) {
			t.Errorf("Contains(%q) = %v, want %v", tt.text, c, tt.want != nil)
		}
	}
}

func TestMatcherEmpty(t *testing.T) {
	for _, m := range []*Matcher{nil, NewMatcher(nil), NewMatcher([]string{"", " ", "\u200b"})} {
		if got := m.Find("anything 股票"); got != nil {
			t.Errorf("Find on an empty matcher = %q, want nil", got)
		}
		if m.Contains("anything") {
			t.Error("Contains on an empty matcher = true")
		}
	}
}

// TestMatcherAgainstNaive compares the automaton with strings.Contains on
// random words and texts over a small alphabet, where overlaps, shared
// prefixes and suffix-words abound.
func TestMatcherAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "股", "票", "Ａ", " ", "\u200b"}
	randString := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 300 {
		words := make([]string, 1+r.IntN(8))
		for i := range words {
			words[i] = randString(1 + r.IntN(4))
		}
		m := NewMatcher(words)
		for range 20 {
			text := randString(r.IntN(30))
			var want []string
			seen := map[string]bool{}
			for _, w := range words {
				if k := Normalize(w); k != "" && !seen[w] && strings.Contains(Normalize(text), k) {
					want = append(want, w)
				}
				seen[w] = true
			}
			if diff := cmp.Diff(want, m.Find(text)); diff != "" {
				t.Fatalf("words %q, text %q (-naive +matcher):\n%s", words, text, diff)
			}
		}
	}
}

func TestMatcherNoAllocs(t *testing.T) {
	m := NewMatcher(benchWords())
	miss, hit := benchText(false), benchText(true)
	if n := testing.AllocsPerRun(200, func() { m.Find(miss) }); n >= 0.5 {
		t.Errorf("Find without a match: %v allocations per call, want 0", n)
	}
	if n := testing.AllocsPerRun(200, func() { m.Contains(hit) }); n >= 0.5 {
		t.Errorf("Contains: %v allocations per call, want 0", n)
	}
}

func TestMatcherConcurrent(t *testing.T) {
	m := NewMatcher([]string{"股票", "票", "app"})
	want := []string{"股票", "票", "app"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := m.Find("下载ＡＰＰ炒股票"); !cmp.Equal(got, want) {
					t.Errorf("Find = %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// benchWords is a list the size of a real banned-word list: 2,000 words of
// two to four Han characters with shared prefixes.
func benchWords() []string {
	r := rand.New(rand.NewPCG(3, 4))
	words := make([]string, 2000)
	for i := range words {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteRune(rune(0x4e00 + r.IntN(400)))
		}
		words[i] = b.String()
	}
	return words
}

// benchText is about 2 KB of service description text, built from
// characters outside the words' range unless match is set, when a listed
// word appears at the end.
func benchText(match bool) string {
	var b strings.Builder
	for i := range 600 {
		b.WriteRune(rune(0x5000 + i%500))
		if i%40 == 0 {
			b.WriteString(" Web App 2.0，")
		}
	}
	if match {
		b.WriteString(benchWords()[1999])
	}
	return b.String()
}

func BenchmarkMatcherFind(b *testing.B) {
	m := NewMatcher(benchWords())
	for _, match := range []bool{false, true} {
		text := benchText(match)
		b.Run(fmt.Sprintf("match=%v", match), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m.Find(text)
			}
		})
	}
}

// hanAt reads Han ideographs from their bytes as decoding them would, on
// every three-byte sequence that starts like one, and on cut ones.
func TestHanAt(t *testing.T) {
	for b0 := 0xe0; b0 <= 0xef; b0++ {
		for b1 := 0x70; b1 <= 0xc0; b1++ {
			for _, b2 := range []int{0x7f, 0x80, 0xa5, 0xbf, 0xc0} {
				s := string([]byte{byte(b0), byte(b1), byte(b2)})
				r, size := utf8.DecodeRuneInString(s)
				want := size == 3 && 0x4e00 <= r && r <= 0x9fff
				if got := hanAt(s, 0); got != want {
					t.Fatalf("% x: hanAt %v, want %v", s, got, want)
				}
				if hanAt(s[:2], 0) || hanAt("a"+s, 0) {
					t.Fatalf("% x: a cut or shifted sequence is no ideograph", s)
				}
			}
		}
	}
}
