package rulestest

import (
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/rules"
)

func TestTextProblems(t *testing.T) {
	good := func() *rules.Rule {
		return &rules.Rule{
			Severity: rules.SeverityError,
			Title:    rules.Text{Zh: "APP须上传MD5值", En: "An APP gives its MD5"},
			Message:  rules.Text{Zh: "{name}的域名a.example.cn无效,请上传png或PDF文件", En: `{name} should read "某某的个人博客"`},
			Fix:      rules.Text{Zh: "请填写.cn域名或name@example.cn", En: "Give “官网” at the end"},
		}
	}
	cases := []struct {
		name   string
		change func(*rules.Rule)
		want   []string // fragments, one per problem
	}{
		{"good", func(*rules.Rule) {}, nil},
		{"an error without a fix", func(r *rules.Rule) { r.Fix = rules.Text{} }, []string{"needs a fix"}},
		{"an info rule without the reminder prefix", func(r *rules.Rule) { r.Severity, r.Fix = rules.SeverityInfo, rules.Text{} }, []string{"reminder"}},
		{"an info rule without a fix", func(r *rules.Rule) {
			r.Severity, r.Fix = rules.SeverityInfo, rules.Text{}
			r.Title = rules.Text{Zh: "提醒:标题", En: "Reminder: title"}
		}, nil},
		{"an English word in Chinese", func(r *rules.Rule) { r.Message.Zh = "手机号码invalid" }, []string{`"invalid"`}},
		{"an enum value in Chinese", func(r *rules.Rule) { r.Message.Zh = "性质为individual" }, []string{`"individual"`}},
		{"Chinese in English", func(r *rules.Rule) { r.Fix.En = "Name it 某某的个人博客" }, []string{"Chinese outside quotes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := good()
			c.change(r)
			got := textProblems(r)
			if len(got) != len(c.want) {
				t.Fatalf("problems %q, want %d", got, len(c.want))
			}
			for i, frag := range c.want {
				if !strings.Contains(got[i], frag) {
					t.Errorf("problem %q lacks %q", got[i], frag)
				}
			}
		})
	}
}
