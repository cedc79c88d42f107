package rules_test

import (
	"context"
	"fmt"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// A rule file parsed, compiled and evaluated on a filing built in Go: the
// rule runs once per service and points at the one at fault.
func ExampleCompile() {
	file, err := rules.ParseFile("acme.yaml", []byte(`scope: acme
rules:
  - id: acme.site-name-length
    title: {zh: 网站名称不超过10个字, en: Website names have at most 10 characters}
    message: {zh: "网站名称「{name}」有{n}个字", en: "website name {name} has {n} characters"}
    fix: {zh: 请缩短网站名称, en: Shorten the website name}
    severity: error
    category: name
    applies_to: {kind: website}
    each: services
    path: name
    check: size(service.name) <= 10
    values: {name: service.name, n: size(service.name)}
    source: {publisher: Acme Cloud, document: 备案前检查清单, retrieved: 2026-11-30}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	set, err := rules.Compile([]*rules.File{file}, rules.Providers("acme"))
	if err != nil {
		fmt.Println(err)
		return
	}
	filing := &model.Filing{Provider: "acme", Services: []model.Service{
		{Kind: model.Website, Name: "中原数据"},
		{Kind: model.Website, Name: "中原数据科技有限公司官方网站"},
	}}
	res, err := set.Evaluate(context.Background(), filing, "2026-03-01", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Println(f.Path, f.Message(model.English))
	}
	// Output:
	// services[1].name website name 中原数据科技有限公司官方网站 has 14 characters
}
