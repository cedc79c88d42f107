package check

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

func TestHostname(t *testing.T) {
	long63 := strings.Repeat("a", 63)
	long253 := strings.Repeat(long63+".", 3) + strings.Repeat("a", 58) + ".cn"
	long254 := strings.Repeat(long63+".", 3) + strings.Repeat("a", 59) + ".cn"
	tests := []struct {
		host string
		want *Problem // nil for a valid name
	}{
		{"example.com", nil},
		{"www.example.com", nil},
		{"example.com.cn", nil},
		{"a-b.example.com", nil},
		{"123.com", nil}, // numeric labels are fine below the top level
		{"Example.COM", nil},
		{"例子.中国", nil},
		{"www.例子.中国", nil},
		{"中文网.com", nil},
		{"xn--fsqu00a.xn--fiqs8s", nil}, // 例子.中国 in ASCII form
		{long63 + ".com", nil},
		{long253, nil},
		{"工业和信息化部.中国", nil},
		{"EXAMPLE.中国", nil},

		{"", newProblem("host.empty")},
		{"com", newProblem("host.one-label", "com")},
		{"localhost", newProblem("host.one-label", "localhost")},
		{"example.com.", newProblem("host.trailing-dot", "example.com.")},
		{".example.com", newProblem("host.leading-dot", ".example.com")},
		{"a..example.com", newProblem("host.empty-label", "a..example.com")},
		{"http://example.com", newProblem("host.scheme", "http://example.com")},
		{"example.com/index.html", newProblem("host.path", "example.com/index.html")},
		{"example.com?a=1", newProblem("host.path", "example.com?a=1")},
		{"example.com:8080", newProblem("host.port", "example.com:8080")},
		{"*.example.com", newProblem("host.wildcard", "*.example.com")},
		{"exa mple.com", newProblem("host.space", "exa mple.com")},
		{" example.com", newProblem("host.space", " example.com")},
		{"例子。中国", newProblem("host.full-width-dot", "例子。中国")},
		{"1.2.3.4", newProblem("host.ip-address", "1.2.3.4")},
		{"::1", newProblem("host.ip-address", "::1")},
		{"example.123", newProblem("host.numeric-tld", "example.123")},
		{"-a.com", newProblem("host.label-hyphen", "-a.com", "-a")},
		{"a-.com", newProblem("host.label-hyphen", "a-.com", "a-")},
		{"ab--cd.com", newProblem("host.label-double-hyphen", "ab--cd.com", "ab--cd")},
		{"exa_mple.com", newProblem("host.label-character", "exa_mple.com", "exa_mple", "_")},
		{long63 + "a.com", newProblem("host.label-length", long63+"a.com", long63+"a", "64")},
		{long254, newProblem("host.length", long254, "254")},
		{"中华人民共和国工业和信息化部互联网信息服务备案.cn", newProblem("host.label-ascii-length", // 23 characters
			"中华人民共和国工业和信息化部互联网信息服务备案.cn", "中华人民共和国工业和信息化部互联网信息服务备案", "71",
			"xn--vhqqbyuif02dba01zv5c93a4pm3iba732f9th1nuisjda6061ac5ej2vdm9g1we429i")},
		{"ｅｘａｍｐｌｅ.com", newProblem("host.label-idna", "ｅｘａｍｐｌｅ.com", "ｅｘａｍｐｌｅ")}, // full-width letters
		{"É.com", newProblem("host.label-idna", "É.com", "É")},                   // upper-case non-ASCII
		{"xn--zz.com", newProblem("host.label-idna", "xn--zz.com", "xn--zz")},
		{"xn--example.com", newProblem("host.label-idna", "xn--example.com", "xn--example")},
		{"😀.com", newProblem("host.label-symbol", "😀.com", "😀", "😀")},
		{"股票・基金.com", newProblem("host.label-symbol", "股票・基金.com", "股票・基金", "・")},
		{"例子！.com", newProblem("host.label-symbol", "例子！.com", "例子！", "！")},
		{"例\u200b子.com", newProblem("host.label-symbol", "例\u200b子.com", "例\u200b子", "U+200B")},
		{"שלום.1a.com", newProblem("host.idna", "שלום.1a.com")}, // bidi rule: an RTL name's labels must not start with a digit
	}
	for _, tt := range tests {
		err := Hostname(tt.host)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("Hostname(%q) problem (-want +got):\n%s", tt.host, diff)
		}
	}
}

func TestParseHost(t *testing.T) {
	tests := []struct {
		host string
		want Host
	}{
		{"example.com", Host{"example.com", 2, 2, "example.com", "example"}},
		{"a.example.com", Host{"a.example.com", 3, 3, "example.com", "example"}},
		{"b.a.example.com", Host{"b.a.example.com", 4, 4, "example.com", "example"}},
		{"example.com.cn", Host{"example.com.cn", 3, 2, "example.com.cn", "example"}},
		{"a.example.com.cn", Host{"a.example.com.cn", 4, 3, "example.com.cn", "example"}},
		{"example.gov.cn", Host{"example.gov.cn", 3, 2, "example.gov.cn", "example"}},
		{"example.cn", Host{"example.cn", 2, 2, "example.cn", "example"}},
		{"WWW.Example.COM", Host{"www.example.com", 3, 3, "example.com", "example"}},
		{"例子.中国", Host{"xn--fsqu00a.xn--fiqs8s", 2, 2, "例子.中国", "例子"}},
		{"www.例子.中国", Host{"www.xn--fsqu00a.xn--fiqs8s", 3, 3, "例子.中国", "例子"}},
		{"www.xn--fsqu00a.xn--fiqs8s", Host{"www.xn--fsqu00a.xn--fiqs8s", 3, 3, "xn--fsqu00a.xn--fiqs8s", "例子"}},
		{"www.中国湘云.cn", Host{"www.xn--fiq6i14ul9y.cn", 3, 3, "中国湘云.cn", "中国湘云"}},
		{"例子.公司", Host{"xn--fsqu00a.xn--55qx5d", 2, 2, "例子.公司", "例子"}},
		{"Example.中国", Host{"example.xn--fiqs8s", 2, 2, "example.中国", "example"}},
		{"www.example.co.uk", Host{"www.example.co.uk", 4, 3, "example.co.uk", "example"}},
		{"example.unknowntld", Host{"example.unknowntld", 2, 2, "example.unknowntld", "example"}},
		// Private Public Suffix List entries are not suffixes here: the
		// domain a filer can register is github.io's holder's.
		{"user.github.io", Host{"user.github.io", 3, 3, "github.io", "github"}},
		// Wildcard and exception rules: *.kawasaki.jp, !city.kawasaki.jp.
		{"a.b.kawasaki.jp", Host{"a.b.kawasaki.jp", 4, 2, "a.b.kawasaki.jp", "a"}},
		{"b.kawasaki.jp", Host{"b.kawasaki.jp", 3, 0, "", ""}},
		{"www.city.kawasaki.jp", Host{"www.city.kawasaki.jp", 4, 3, "city.kawasaki.jp", "city"}},
		{"city.kawasaki.jp", Host{"city.kawasaki.jp", 3, 2, "city.kawasaki.jp", "city"}},
		{"com.cn", Host{"com.cn", 2, 0, "", ""}}, // a public suffix itself
		{"中国", Host{}},
	}
	for _, tt := range tests {
		got, err := ParseHost(tt.host)
		if err != nil && tt.want != (Host{}) {
			t.Errorf("ParseHost(%q): %v", tt.host, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseHost(%q) (-want +got):\n%s", tt.host, diff)
		}
		// The wrappers answer from the same parse.
		if got := DomainLevel(tt.host); got != tt.want.Level {
			t.Errorf("DomainLevel(%q) = %d, want %d", tt.host, got, tt.want.Level)
		}
		if got := RegistrableDomain(tt.host); got != tt.want.Registrable {
			t.Errorf("RegistrableDomain(%q) = %q, want %q", tt.host, got, tt.want.Registrable)
		}
		if got := LabelCount(tt.host); got != tt.want.Labels {
			t.Errorf("LabelCount(%q) = %d, want %d", tt.host, got, tt.want.Labels)
		}
		if got := MainLabel(tt.host); got != tt.want.MainLabel {
			t.Errorf("MainLabel(%q) = %q, want %q", tt.host, got, tt.want.MainLabel)
		}
	}
	for _, bad := range []string{"com", "*.example.com", "", "exa_mple.com"} {
		if h, err := ParseHost(bad); err == nil || h != (Host{}) {
			t.Errorf("ParseHost(%q) = %+v, %v; want an error and no host", bad, h, err)
		}
	}
}

// xnetICANNSuffix is the ICANN public suffix of domain by
// golang.org/x/net/publicsuffix, whose table is generated from the same
// list by other code: a private rule's match is replaced by the ICANN
// answer for its parent, which covers it.
func xnetICANNSuffix(domain string) string {
	for {
		suffix, icann := publicsuffix.PublicSuffix(domain)
		dot := strings.IndexByte(suffix, '.')
		if icann || dot < 0 {
			return suffix
		}
		domain = suffix[dot+1:]
	}
}

// icannRules rebuilds the rules of icannNodes in the list's syntax.
func icannRules(t *testing.T) []string {
	var rules []string
	for _, line := range strings.Split(strings.TrimSuffix(icannNodes, "\n"), "\n") {
		name, flags, ok := strings.Cut(line, " ")
		if !ok || len(flags) != 1 || flags < "0" || flags > "7" {
			t.Fatalf("icannNodes line %q is not \"name flags\"", line)
		}
		f := int(flags[0] - '0')
		if f&ruleFlag != 0 {
			rules = append(rules, name)
		}
		if f&wildcardFlag != 0 {
			rules = append(rules, "*."+name)
		}
		if f&exceptionFlag != 0 {
			rules = append(rules, "!"+name)
		}
	}
	if len(rules) < 6000 {
		t.Fatalf("%d rules; the table looks truncated", len(rules))
	}
	return rules
}

// Our table and lookup agree with x/net/publicsuffix on every ICANN rule,
// tried as the rule itself, one label below it and two, with wildcards
// filled in. x/net's copy of the list is older or newer than ours by the
// time between their releases: the few rules the list changed in between
// are named in listChanges and skipped.
func TestICANNSuffixAgreesWithXNet(t *testing.T) {
	for _, rule := range icannRules(t) {
		name := strings.TrimPrefix(strings.Replace(rule, "*", "wild", 1), "!")
		if listChanges[strings.TrimPrefix(name, "wild.")] {
			continue
		}
		for _, host := range []string{name, "a." + name, "b.a." + name} {
			n := icannSuffixLabels(host)
			labels := strings.Split(host, ".")
			ours := strings.Join(labels[len(labels)-n:], ".")
			if n == 0 {
				ours = ""
			}
			if theirs := xnetICANNSuffix(host); ours != theirs {
				t.Errorf("rule %q: public suffix of %q is %q here, %q in x/net", rule, host, ours, theirs)
			}
		}
	}
}

// listChanges are the rules the list changed between x/net's copy
// (2026-02-06) and ours (2026-03-02, see pslgen).
var listChanges = map[string]bool{
	"hue.vn": true, // added
	"kh":     true, // *.kh became kh and a list of second-level rules
}

func TestICANNNode(t *testing.T) {
	tests := []struct {
		name  string
		flags int
		ok    bool
	}{
		{"cn", ruleFlag, true},
		{"com.cn", ruleFlag, true},
		{"xn--fiqs8s", ruleFlag, true},
		{"kawasaki.jp", wildcardFlag, true},
		{"city.kawasaki.jp", exceptionFlag, true},
		{"ck", wildcardFlag, true},
		{"www.ck", exceptionFlag, true},
		{"za", 0, true}, // no rule, but co.za and others end with it
		{"co.za", ruleFlag, true},
		{"ac", ruleFlag, true}, // the first and last rules without a digit
		{"zw", ruleFlag, true},
		{"", 0, false},
		{"github.io", 0, false}, // private
		{"example.com", 0, false},
		{"c", 0, false},
		{"com.c", 0, false},
		{"zzzzzz", 0, false},
		{"com.cn ", 0, false},
		{"com.cn 1", 0, false},
	}
	for _, tt := range tests {
		if flags, ok := icannNode(tt.name); flags != tt.flags || ok != tt.ok {
			t.Errorf("icannNode(%q) = %d, %v; want %d, %v", tt.name, flags, ok, tt.flags, tt.ok)
		}
	}
}

// A name of ASCII letters, digits and hyphens skips the whole-name IDNA
// check: the check must agree that such a name asciiHostname accepts is
// valid, and give back the same ASCII form.
func TestLDHNamesNeedNoIDNACheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "abcXYZ019-.-."
	accepted := 0
	for range 100_000 {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		name := string(b)
		ascii, err := asciiHostname(name)
		if err != nil {
			continue
		}
		accepted++
		idnaASCII, idnaErr := idna.Registration.ToASCII(ascii)
		if idnaErr != nil || idnaASCII != ascii {
			t.Fatalf("asciiHostname(%q) = %q, but IDNA gives %q, %v", name, ascii, idnaASCII, idnaErr)
		}
	}
	if accepted < 1000 {
		t.Fatalf("only %d of the generated names were valid; the test says little", accepted)
	}
}
