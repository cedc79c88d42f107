package check

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
)

// problemOf returns the *Problem err is or wraps, nil for nil, and a
// problem no check reports for any other error, so that cmp.Diff shows it.
func problemOf(err error) *Problem {
	if err == nil {
		return nil
	}
	var p *Problem
	if !errors.As(err, &p) {
		return &Problem{Code: "not a *Problem: " + err.Error()}
	}
	return p
}

var placeholder = regexp.MustCompile(`\{[1-9]\}`)

// latinInChinese lists the Latin words a Chinese text may hold: the
// letters with which Chinese writes these terms, as the filing consoles do
// (IP地址, IPv4), and the check character X of GB 11643, which is a letter.
var latinInChinese = map[string]bool{"IP": true, "IPv4": true, "IPv6": true, "X": true}

var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)

// Every code renders wholly in Chinese and wholly in English: with its
// values replaced by a marker, a Chinese text holds no Latin letter but the
// few terms above, and an English text no Han character. Both use the same
// placeholders.
func TestProblemTexts(t *testing.T) {
	for _, code := range ProblemCodes() {
		tx := problemTexts[code]
		zhArgs := placeholder.FindAllString(tx.zh, -1)
		enArgs := placeholder.FindAllString(tx.en, -1)
		if diff := cmp.Diff(set(zhArgs), set(enArgs)); diff != "" {
			t.Errorf("%s: Chinese and English use different values (-zh +en):\n%s", code, diff)
		}
		args := []string{"①", "②", "③", "④"}
		p := &Problem{Code: code, Args: args}
		zh := strip(p.Text(model.Chinese), args)
		en := strip(p.Text(model.English), args)
		for _, w := range latinWord.FindAllString(zh, -1) {
			if !latinInChinese[w] {
				t.Errorf("%s: Chinese text holds %q: %s", code, w, p.Text(model.Chinese))
			}
		}
		if strings.ContainsFunc(en, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: English text holds Han characters: %s", code, p.Text(model.English))
		}
		if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: Chinese text has no Chinese: %s", code, p.Text(model.Chinese))
		}
		if strings.HasSuffix(zh, "。") || strings.HasSuffix(en, ".") {
			t.Errorf("%s: texts are clauses without a final full stop", code)
		}
		if p.Error() != p.Text(model.English) {
			t.Errorf("%s: Error() = %q, want the English text", code, p.Error())
		}
	}
}

// strip removes the marker values from a rendered text.
func strip(s string, args []string) string {
	for _, a := range args {
		s = strings.ReplaceAll(s, a, "")
	}
	return s
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func TestProblemText(t *testing.T) {
	p := newProblem("resident-id.check-character", "9", "8")
	if got, want := p.Text(model.Chinese), "身份证号码的校验码(第18位)是9,按前17位计算应为8"; got != want {
		t.Errorf("Text(Chinese) = %q, want %q", got, want)
	}
	if got, want := p.Error(), "the check character of the resident ID number is 9, but the first 17 digits give 8"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	// Braces of the text itself stay.
	p = newProblem("email.local-part", "a{b@example.cn")
	if got, want := p.Text(model.English), "the local part (before the \"@\") of the e-mail address \"a{b@example.cn\" is not well formed: letters, digits and !#$%&'*+-/=?^_`{|}~, with single dots between them"; got != want {
		t.Errorf("Text(English) = %q, want %q", got, want)
	}
	// Values from the input stay as written, whatever they hold.
	p = newProblem("host.label-character", "a{1}_b.cn", "a{1}_b", "_")
	if got, want := p.Text(model.English), `the label "a{1}_b" of the domain name "a{1}_b.cn" contains "_"; use only letters, digits and hyphens`; got != want {
		t.Errorf("Text(English) = %q, want %q", got, want)
	}
}

// Each code is reported for some real input, with exactly the values its
// texts name, and no check reports a code ProblemCodes does not list.
func TestEveryCodeFromInput(t *testing.T) {
	id := func(s string) error { _, err := ResidentID(s); return err }
	idOn := func(s string, on model.Date) func() error {
		return func() error { _, err := ResidentIDOn(s, on); return err }
	}
	uscc := func(s string) error { _, err := USCC(s); return err }
	age := func(birth, at model.Date) func() error {
		return func() error { _, err := AgeAt(birth, at); return err }
	}
	call := func(f func(string) error, s string) func() error { return func() error { return f(s) } }
	tests := []struct {
		code string
		run  func() error
	}{
		{"resident-id.legacy-15", call(id, "360426910101007")},
		{"resident-id.length", call(id, "36042619910101007")},
		{"resident-id.non-ascii", call(id, "３60426199101010071")},
		{"resident-id.not-digit", call(id, "T60426199101010078")},
		{"resident-id.check-character-form", call(id, "36042619910101007Y")},
		{"resident-id.check-character", call(id, "360426199101010070")},
		{"resident-id.birth-date", call(id, "360426199113010079")},
		{"resident-id.birth-before-1900", call(id, "440524188001010014")},
		{"resident-id.division", call(id, "990426199112010074")},
		{"resident-id.birth-in-future", idOn("11010520300101001X", "2026-06-01")},
		{"resident-id.birth-too-old", idOn("110105190605310013", "2026-06-01")},
		{"date.invalid", idOn("110105190605310013", "2026/06/01")},
		{"age.birth-date-invalid", age("1990-02-30", "2026-06-01")},
		{"age.before-birth", age("2020-01-02", "2020-01-01")},

		{"uscc.length", call(uscc, "12345")},
		{"uscc.non-ascii", call(uscc, "９1110000600037341L")},
		{"uscc.lower-case", call(uscc, "91110000600037341l")},
		{"uscc.unused-letter", call(uscc, "9111000060003IOZSV")},
		{"uscc.bad-character", call(uscc, "91110000-60003734L")},
		{"uscc.check-character", call(uscc, "91110000600037341N")},
		{"uscc.department", call(uscc, "B1110000600037341J")},
		{"uscc.kind", call(uscc, "94110000600037341B")},
		{"uscc.division-digits", call(uscc, "9111000A6000373415")},
		{"uscc.division-province", call(uscc, "91990000600037341B")},
		{"uscc.organization-code.check-character", call(uscc, "91110000600037342P")},
		{"uscc.organization-code.reserved", call(uscc, "91110000PDY00001X3")},
		{"organization-code.length", call(OrganizationCode, "60003734")},
		{"organization-code.non-ascii", call(OrganizationCode, "6000373４1")},
		{"organization-code.lower-case", call(OrganizationCode, "ma2pbm9hx")},
		{"organization-code.bad-character", call(OrganizationCode, "6000373.1")},
		{"organization-code.reserved", call(OrganizationCode, "PDY00001X")},
		{"organization-code.check-character", call(OrganizationCode, "600037342")},

		{"host.empty", call(Hostname, "")},
		{"host.ip-address", call(Hostname, "1.2.3.4")},
		{"host.scheme", call(Hostname, "https://example.com")},
		{"host.path", call(Hostname, "example.com/index.html")},
		{"host.port", call(Hostname, "example.com:8080")},
		{"host.wildcard", call(Hostname, "*.example.com")},
		{"host.space", call(Hostname, "exa mple.com")},
		{"host.full-width-dot", call(Hostname, "例子。中国")},
		{"host.trailing-dot", call(Hostname, "example.com.")},
		{"host.leading-dot", call(Hostname, ".example.com")},
		{"host.empty-label", call(Hostname, "a..example.com")},
		{"host.one-label", call(Hostname, "localhost")},
		{"host.label-symbol", call(Hostname, "股票・基金.com")},
		{"host.label-idna", call(Hostname, "xn--zz.com")},
		{"host.label-ascii-length", call(Hostname, "中华人民共和国工业和信息化部互联网信息服务备案.cn")},
		{"host.label-length", call(Hostname, strings.Repeat("a", 64)+".com")},
		{"host.label-hyphen", call(Hostname, "-a.com")},
		{"host.label-double-hyphen", call(Hostname, "ab--cd.com")},
		{"host.label-character", call(Hostname, "exa_mple.com")},
		{"host.length", call(Hostname, strings.Repeat(strings.Repeat("a", 63)+".", 3)+strings.Repeat("a", 59)+".cn")},
		{"host.numeric-tld", call(Hostname, "example.123")},
		{"host.idna", call(Hostname, "שלום.1a.com")},

		{"ip.invalid", call(IP, "1.2.3.256")},
		{"ip.prefix-length", call(IP, "1.2.3.0/24")},
		{"ip.zone", call(IP, "fe80::1%eth0")},
		{"ip-range.start", call(IPRange, "1.1.1-1.1.1.9")},
		{"ip-range.end", call(IPRange, "1.1.1.1-1.1.1")},
		{"ip-range.mixed", call(IPRange, "1.1.1.1-::1")},
		{"ip-range.reversed", call(IPRange, "1.1.1.10-1.1.1.1")},

		{"mobile.country-code", call(Mobile, "+85213800138000")},
		{"mobile.length", call(Mobile, "1380013800")},
		{"mobile.not-digit", call(Mobile, "1380013800a")},
		{"mobile.prefix", call(Mobile, "12345678901")},
		{"phone.format", call(Phone, "(0731)88886666")},
		{"phone.no-area-code", call(Phone, "88886666")},
		{"phone.area-code", call(Phone, "011-88886666")},
		{"phone.local-length-8", call(Phone, "010-6500123")},
		{"phone.local-length", call(Phone, "0731-888866")},
		{"phone.extension", call(Phone, "0731-88886666-123")},
		{"phone.country-code", call(Phone, "+86 731 88886666")},

		{"email.empty", call(Email, "")},
		{"email.display-name", call(Email, "赵 <zhao@example.cn>")},
		{"email.angle-brackets", call(Email, "<zhao@example.cn>")},
		{"email.comment", call(Email, "zhao@example.cn (Zhao)")},
		{"email.space", call(Email, "zhao @example.cn")},
		{"email.several", call(Email, "zhao@example.cn,qian@example.cn")},
		{"email.quoted", call(Email, `"zhao"@example.cn`)},
		{"email.non-ascii", call(Email, "zhao＠example.cn")},
		{"email.no-at", call(Email, "zhao.example.cn")},
		{"email.no-local", call(Email, "@example.cn")},
		{"email.no-domain", call(Email, "zhao@")},
		{"email.ip-literal", call(Email, "zhao@[121.36.10.20]")},
		{"email.local-part", call(Email, "zhao..li@example.cn")},
		{"email.local-length", call(Email, strings.Repeat("z", 65)+"@example.cn")},
		{"email.length", call(Email, strings.Repeat("z", 64)+"@"+strings.Repeat(strings.Repeat("a", 60)+".", 4)+"cn")},
		{"email.domain-one-label", call(Email, "zhao@localhost")},
		{"email.domain-public-suffix", call(Email, "zhao@com.cn")},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		p := problemOf(tt.run())
		if p == nil || p.Code != tt.code {
			t.Errorf("%s: got %+v", tt.code, p)
			continue
		}
		seen[tt.code] = true
		tx, ok := problemTexts[p.Code]
		if !ok {
			t.Errorf("%s: not in ProblemCodes", p.Code)
		}
		uses := set(placeholder.FindAllString(tx.zh+tx.en, -1))
		for i := range p.Args {
			if !uses["{"+itoa(i+1)+"}"] {
				t.Errorf("%s: value %d (%q) is in no text", p.Code, i+1, p.Args[i])
			}
		}
		if n := len(uses); n > len(p.Args) {
			t.Errorf("%s: texts name %d values, the problem has %d: %q", p.Code, n, len(p.Args), p.Args)
		}
	}
	for _, code := range ProblemCodes() {
		if !seen[code] {
			t.Errorf("%s: no input in this test reports it", code)
		}
	}
}
