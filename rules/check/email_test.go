package check

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEmail(t *testing.T) {
	local64 := strings.Repeat("z", 64)
	domain246 := strings.Repeat(strings.Repeat("a", 60)+".", 4) + "cn"
	long := local64 + "@" + domain246
	tests := []struct {
		address string
		want    *Problem // nil for an address consoles take
	}{
		{"zhao@example.cn", nil},
		{"wangjianguo@yunzhan.example.cn", nil},
		{"Zhao.Li@Example.COM.CN", nil},
		{"zhao+icp@example.com", nil},
		{"zhao_li-2024@mail.example.cn", nil},
		{"12345678@qq.com", nil},
		{"a!#$%&'*+/=?^_`{|}~-b@example.cn", nil},
		{"zhao@xn--fsqu00a.xn--fiqs8s", nil}, // 例子.中国 in ASCII form
		{local64 + "@example.cn", nil},
		{"zhao@" + domain246, nil},

		{"", newProblem("email.empty")},
		{"zhao@", newProblem("email.no-domain", "zhao@")},
		{"@example.cn", newProblem("email.no-local", "@example.cn")},
		{"zhao", newProblem("email.no-at", "zhao")},
		{"赵 <zhao@example.cn>", newProblem("email.display-name", "赵 <zhao@example.cn>")},
		{`"Zhao Li" <zhao@example.cn>`, newProblem("email.display-name", `"Zhao Li" <zhao@example.cn>`)},
		{"<zhao@example.cn>", newProblem("email.angle-brackets", "<zhao@example.cn>")},
		{"zhao@example.cn>", newProblem("email.angle-brackets", "zhao@example.cn>")},
		{"zhao@example.cn (Zhao)", newProblem("email.comment", "zhao@example.cn (Zhao)")},
		{"zhao(li)@example.cn", newProblem("email.comment", "zhao(li)@example.cn")},
		{"zhao @example.cn", newProblem("email.space", "zhao @example.cn")},
		{" zhao@example.cn", newProblem("email.space", " zhao@example.cn")},
		{"zhao@example.cn\n", newProblem("email.space", "zhao@example.cn\n")},
		{"zhao@example.cn,qian@example.cn", newProblem("email.several", "zhao@example.cn,qian@example.cn")},
		{"zhao@example.cn;", newProblem("email.several", "zhao@example.cn;")},
		{`"zhao"@example.cn`, newProblem("email.quoted", `"zhao"@example.cn`)},
		{"zhao＠example.cn", newProblem("email.non-ascii", "zhao＠example.cn", "＠")},
		{"赵@example.cn", newProblem("email.non-ascii", "赵@example.cn", "赵")},
		{"zhao@例子.中国", newProblem("email.non-ascii", "zhao@例子.中国", "例")},
		{"zhao@example.cn\u200b", newProblem("email.non-ascii", "zhao@example.cn\u200b", "U+200B")},
		{"zhao@[121.36.10.20]", newProblem("email.ip-literal", "zhao@[121.36.10.20]")},
		{"zhao@121.36.10.20", newProblem("host.ip-address", "121.36.10.20")},
		{"zhao..li@example.cn", newProblem("email.local-part", "zhao..li@example.cn")},
		{".zhao@example.cn", newProblem("email.local-part", ".zhao@example.cn")},
		{"zhao.@example.cn", newProblem("email.local-part", "zhao.@example.cn")},
		{"zhao@li@example.cn", newProblem("email.local-part", "zhao@li@example.cn")},
		{"zh\\ao@example.cn", newProblem("email.local-part", "zh\\ao@example.cn")},
		{"z" + local64 + "@example.cn", newProblem("email.local-length", "z"+local64+"@example.cn", "65")},
		{long, newProblem("email.length", long, "311")},
		{"zhao@localhost", newProblem("email.domain-one-label", "zhao@localhost", "localhost")},
		{"zhao@cn", newProblem("email.domain-one-label", "zhao@cn", "cn")},
		{"zhao@com.cn", newProblem("email.domain-public-suffix", "zhao@com.cn", "com.cn")},
		{"zhao@github.io", nil}, // github.io is a private suffix, registered by its holder
		{"zhao@example..cn", newProblem("host.empty-label", "example..cn")},
		{"zhao@example.cn.", newProblem("host.trailing-dot", "example.cn.")},
		{"zhao@-example.cn", newProblem("host.label-hyphen", "-example.cn", "-example")},
		{"zhao@exa_mple.cn", newProblem("host.label-character", "exa_mple.cn", "exa_mple", "_")},
		{"zhao@example.cn:25", newProblem("host.port", "example.cn:25")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, problemOf(Email(tt.address))); diff != "" {
			t.Errorf("Email(%q) problem (-want +got):\n%s", tt.address, diff)
		}
	}
}
