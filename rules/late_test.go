package rules

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/rules/check"
)

func memoForTest() *callMemo {
	return &callMemo{lists: map[string]*wordList{"t.words": {words: []string{"股票", "app"}}}}
}

// The memo answers as the functions do without it, the second time too,
// for a short text it keeps and for a long one it does not.
func TestCallMemoAnswers(t *testing.T) {
	long := strings.Repeat("名", memoTextBytes) + "ＡＰＰ股 票"
	for _, text := range []string{"ＡＰＰ股 票网", "股票网", "网", long} {
		m := memoForTest()
		for round := range 2 {
			got := []ref.Val{
				m.call("normalize_string", types.String(text)),
				m.call("has_words_string_string", types.String(text), types.String("t.words")),
				m.call("found_words_string_string", types.String(text), types.String("t.words")),
				m.call("prefix_words_string_string", types.String(text), types.String("t.words")),
			}
			matcher := m.lists["t.words"].matcher()
			var prefixes []string
			for _, w := range matcher.Find(text) {
				if strings.HasPrefix(check.Normalize(text), check.Normalize(w)) {
					prefixes = append(prefixes, w)
				}
			}
			want := []any{check.Normalize(text), matcher.Contains(text), matcher.Find(text), prefixes}
			for k := range got {
				native, err := got[k].ConvertToNative(reflect.TypeOf(want[k]))
				if err != nil {
					t.Fatalf("%q round %d: value %d: %v", text, round, k, err)
				}
				if diff := cmp.Diff(want[k], native); diff != "" {
					t.Errorf("%q round %d: value %d (-want +got):\n%s", text, round, k, diff)
				}
			}
		}
		if _, kept := m.folded[text]; kept != (text != long) {
			t.Errorf("%d bytes: kept %v", len(text), kept)
		}
	}
}

// However many texts a rule makes, the memo holds memoEntries of each
// kind at most.
func TestCallMemoBounded(t *testing.T) {
	m := memoForTest()
	for k := range 3 * memoEntries {
		text := types.String("站" + strconv.Itoa(k))
		m.call("has_words_string_string", text, types.String("t.words"))
		m.call("hostname_valid_string", text+".cn")
		m.call("email_valid_string", text+"@a.cn")
	}
	for name, n := range map[string]int{"folded": len(m.folded), "answers": len(m.answers), "hosts": len(m.hosts), "emails": len(m.emails)} {
		if n != memoEntries {
			t.Errorf("%s holds %d entries, want %d", name, n, memoEntries)
		}
	}
}

func TestCallMemoRefusesWhatIsNotAFunction(t *testing.T) {
	m := memoForTest()
	for _, v := range []ref.Val{
		m.call("no_such_function_string", types.String("a")),
		m.call("has_words_string_string", types.String("a")),
		m.call("has_words_string_string", types.Int(1), types.String("t.words")),
		m.call("has_words_string_string", types.String("a"), types.String("t.missing")),
	} {
		if !types.IsError(v) {
			t.Errorf("got %v, want an error", v)
		}
	}
}
