package main

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/weppos/publicsuffix-go/publicsuffix"
)

// The committed table is what this generator makes from the list in
// go.mod: a bump of the module, or an edit of the table by hand, shows
// here until `go generate ./rules/check` is run.
func TestTableInStep(t *testing.T) {
	rules := publicsuffix.DefaultRules()
	want, err := generate(rules[:], publicsuffix.ListVersion)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../psl_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("../psl_table.go is not what pslgen makes; run go generate ./rules/check")
	}
}

func TestGenerateRefuses(t *testing.T) {
	ok := make([]publicsuffix.Rule, 6000)
	for i := range ok {
		ok[i] = publicsuffix.Rule{Type: publicsuffix.NormalType, Value: fmt.Sprintf("a%d.cn", i)}
	}
	if _, err := generate(ok, "test"); err != nil {
		t.Fatalf("generate refused a good list: %v", err)
	}
	for name, rule := range map[string]publicsuffix.Rule{
		"Unicode label":   {Type: publicsuffix.NormalType, Value: "中国"},
		"upper case":      {Type: publicsuffix.NormalType, Value: "CN"},
		"empty label":     {Type: publicsuffix.NormalType, Value: "com..cn"},
		"unknown type":    {Type: 9, Value: "cn"},
		"wildcard inside": {Type: publicsuffix.NormalType, Value: "*.cn"},
	} {
		if _, err := generate(append(ok[:len(ok):len(ok)], rule), "test"); err == nil {
			t.Errorf("%s: generate accepted %+v", name, rule)
		}
	}
	if _, err := generate(ok[:10], "test"); err == nil {
		t.Error("generate accepted a list of 10 rules")
	}
	// Private rules are left out; the flags say which rules a name is in,
	// and the names that rules end with are there with no flag.
	more := append(ok[:len(ok):len(ok)],
		publicsuffix.Rule{Type: publicsuffix.NormalType, Value: "github.io", Private: true},
		publicsuffix.Rule{Type: publicsuffix.WildcardType, Value: "kawasaki.jp"},
		publicsuffix.Rule{Type: publicsuffix.NormalType, Value: "kawasaki.jp"},
		publicsuffix.Rule{Type: publicsuffix.ExceptionType, Value: "city.kawasaki.jp"},
	)
	src, err := generate(more, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"a5999.cn 1", "cn 0", "kawasaki.jp 3", "city.kawasaki.jp 4", "jp 0"} {
		if !bytes.Contains(src, []byte(fmt.Sprintf("%q", line+"\n"))) {
			t.Errorf("generate left out %q", line)
		}
	}
	if bytes.Contains(src, []byte("github.io")) || bytes.Contains(src, []byte(`"io `)) {
		t.Error("generate kept a private rule")
	}
}
