package rules

import (
	"strconv"
	"strings"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/rules/check"
)

// The memo answers as the checks do without it, the second time too, for
// a short text it keeps and for a long one it does not.
func TestCallMemoAnswers(t *testing.T) {
	long := strings.Repeat("a", memoTextBytes) + ".cn"
	for _, text := range []string{"nanhaiyun.cn", "a..cn", "a@b.cn", long} {
		m := &callMemo{}
		for round := range 2 {
			_, hostErr := check.ParseHost(text)
			emailErr := check.Email(text)
			got := []ref.Val{m.call("hostname_valid_string", types.String(text)), m.call("email_valid_string", types.String(text))}
			want := []ref.Val{types.Bool(hostErr == nil), types.Bool(emailErr == nil)}
			for k := range got {
				if got[k] != want[k] {
					t.Errorf("%.20q round %d: answer %d is %v, want %v", text, round, k, got[k], want[k])
				}
			}
		}
		if _, kept := m.hosts[text]; kept != (text != long) {
			t.Errorf("%d bytes: kept %v", len(text), kept)
		}
	}
}

// However many texts a rule makes, the memo holds memoEntries of each
// kind at most.
func TestCallMemoBounded(t *testing.T) {
	m := &callMemo{}
	for k := range 3 * memoEntries {
		text := types.String("a" + strconv.Itoa(k))
		m.call("hostname_valid_string", text+".cn")
		m.call("email_valid_string", text+"@a.cn")
	}
	if len(m.hosts) != memoEntries || len(m.emails) != memoEntries {
		t.Errorf("the memo holds %d hosts and %d addresses, want %d of each", len(m.hosts), len(m.emails), memoEntries)
	}
}
