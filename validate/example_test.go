package validate_test

import (
	"context"
	"fmt"
	"log"
	"testing/fstest"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

const henanFiling = `
province: 河南
submitted_at: 2026-03-02
subject: {nature: individual, name: 赵中原}
services:
  - {kind: website, name: 老赵设计工作室, domains: [laozhao-design.cn], remarks: 个人设计作品}
`

// The five-line use: build a Validator once, then validate filings.
func Example() {
	v, err := validate.New()
	if err != nil {
		log.Fatal(err)
	}
	filing, err := model.DecodeYAML([]byte(henanFiling))
	if err != nil {
		log.Fatal(err)
	}
	report, err := v.Validate(context.Background(), filing)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ok:", report.OK)
	for _, x := range report.Violations {
		fmt.Println(x.Severity, x.Path, x.Rule)
		fmt.Println(x.Message)
	}
	// Output:
	// ok: false
	// error services[0].name henan.banned-name-words
	// 网站名称「老赵设计工作室」含有河南省禁用词:设计、工作室
	// error services[0].name national.name.personal-banned-words
	// 个人网站名称「老赵设计工作室」含有全国禁用于个人网站名称的词汇:工作室
}

// Messages in English, chosen from a caller's preferences (an
// Accept-Language header, say); validate.WithLanguage(validate.English)
// chooses it directly.
func Example_english() {
	lang, err := model.ParseLanguage("en-GB,en;q=0.9,zh;q=0.5")
	if err != nil {
		log.Fatal(err)
	}
	v, err := validate.New(validate.WithLanguage(lang))
	if err != nil {
		log.Fatal(err)
	}
	filing, err := model.DecodeYAML([]byte(henanFiling))
	if err != nil {
		log.Fatal(err)
	}
	report, err := v.Validate(context.Background(), filing)
	if err != nil {
		log.Fatal(err)
	}
	for _, x := range report.Violations {
		fmt.Println(x.Message)
	}
	// Output:
	// website name 老赵设计工作室 contains words Henan bans for personal sites: 设计, 工作室
	// personal website name 老赵设计工作室 contains words no personal website name may use: 工作室
}

// A provider adds its own rule file next to the embedded ones.
func ExampleWithRules() {
	ownRules := fstest.MapFS{"acme.yaml": {Data: []byte(`
scope: acme
rules:
  - id: acme.icon-size
    title: {zh: APP图标不超过100KB, en: APP icons are at most 100 KB}
    message: {zh: "图标{size}字节,超过100KB", en: "the icon has {size} bytes, over 100 KB"}
    severity: warning
    category: other
    each: services
    path: icon.size_bytes
    when: service.kind == "app" && has(service.icon.size_bytes)
    check: service.icon.size_bytes <= 102400
    values: {size: service.icon.size_bytes}
    source: "seed 000: 图标大小推荐在100K以内"
`)}}
	v, err := validate.New(validate.WithRules(ownRules), validate.WithProviders("acme"), validate.WithLanguage(validate.English))
	if err != nil {
		log.Fatal(err)
	}
	filing := &model.Filing{
		Province: "hubei",
		Provider: "acme",
		Services: []model.Service{{Kind: model.App, Name: "楚天数据", Domains: []model.Domain{{Name: "api.chutian-data.cn"}}, IPs: []string{"121.37.55.18"}, Icon: &model.Icon{Format: "png", SizeBytes: ptr(204800)}}},
	}
	report, err := v.Validate(context.Background(), filing, validate.OnDate("2026-03-02"))
	if err != nil {
		log.Fatal(err)
	}
	for _, x := range report.Violations {
		fmt.Println(x.Severity, x.Path, x.Message)
	}
	// Output:
	// warning services[0].icon.size_bytes the icon has 204800 bytes, over 100 KB
}

func ptr[T any](v T) *T { return &v }
