package check_test

import (
	"errors"
	"fmt"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
)

// A resident ID number with a wrong check character, explained in the
// report's two languages.
func ExampleResidentID() {
	_, err := check.ResidentID("110105198803121235")
	var p *check.Problem
	if errors.As(err, &p) {
		fmt.Println(p.Text(model.Chinese))
		fmt.Println(p.Text(model.English))
	}
	info, _ := check.ResidentID("110105198803121236")
	fmt.Println(info.Birth, info.Province)
	// Output:
	// 身份证号码的校验码(第18位)是5,按前17位计算应为6
	// the check character of the resident ID number is 5, but the first 17 digits give 6
	// 1988-03-12 beijing
}

// Word lists match after normalisation: full-width letters, spaces and
// zero-width characters do not hide a word.
func ExampleMatcher() {
	m := check.NewMatcher([]string{"工作室", "ACME"})
	fmt.Println(m.Contains("老赵设计工作 室"), m.Contains("ａｃｍｅ中原"), m.Contains("中原拾光"))
	// Output: true true false
}

// A host name parsed once: its registrable domain under the Public Suffix
// List and the label a filing's name rules read.
func ExampleParseHost() {
	h, err := check.ParseHost("www.zydata.com.cn")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Registrable, h.MainLabel, h.Level)
	// Output: zydata.com.cn zydata 3
}
