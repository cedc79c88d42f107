package check

import (
	"net/netip"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// Host is a valid domain name as a filing writes it, parsed once for all
// the questions rules ask about it.
type Host struct {
	// ASCII is the name in lower case with internationalised labels in
	// their xn-- form: example.com, www.xn--fsqu00a.xn--fiqs8s.
	ASCII string
	// Labels is the number of labels: 4 for www.example.com.cn.
	Labels int
	// Level is the level filing systems count: 2 for the registrable
	// domain (example.com, example.com.cn, 例子.中国), 3 for a name directly
	// under it, and so on; 0 for a bare public suffix such as com.cn.
	Level int
	// Registrable is the registrable domain (the ICANN public suffix and one
	// label more) in lower case and in the form the name was written
	// (例子.中国 stays Unicode); "" for a bare public suffix.
	Registrable string
	// MainLabel is the label left of the public suffix, in Unicode, where a
	// domain's name "prefix" (字头) stands: 中国湘云 in www.中国湘云.cn;
	// "" for a bare public suffix.
	MainLabel string
}

var hostTexts = map[string]texts{
	"host.empty": {
		"域名为空",
		"the domain name is empty"},
	"host.ip-address": {
		"“{1}”是IP地址,不是域名",
		`"{1}" is an IP address, not a domain name`},
	"host.scheme": {
		"域名“{1}”带有协议头,请只填写域名",
		`the domain name "{1}" has a scheme; give the domain name alone`},
	"host.path": {
		"域名“{1}”带有路径或查询参数,请只填写域名",
		`the domain name "{1}" has a path or query; give the domain name alone`},
	"host.port": {
		"域名“{1}”带有端口号,请只填写域名",
		`the domain name "{1}" has a port; give the domain name alone`},
	"host.wildcard": {
		"域名“{1}”含有通配符,请逐个填写要备案的域名",
		`the domain name "{1}" has a wildcard; file each name`},
	"host.space": {
		"域名“{1}”含有空白字符",
		`the domain name "{1}" contains white space`},
	"host.full-width-dot": {
		"域名“{1}”使用了全角句点,各级之间请用半角句点分隔",
		`the domain name "{1}" uses a full-width dot; separate labels with "."`},
	"host.trailing-dot": {
		"域名“{1}”以句点结尾",
		`the domain name "{1}" ends with a dot`},
	"host.leading-dot": {
		"域名“{1}”以句点开头",
		`the domain name "{1}" starts with a dot`},
	"host.empty-label": {
		"域名“{1}”中有两个相连的句点",
		`the domain name "{1}" has an empty label ("..")`},
	"host.one-label": {
		"域名“{1}”只有一级,备案的域名至少有两级",
		`the domain name "{1}" has one label; a filed domain name has at least two`},
	"host.label-symbol": {
		"域名“{1}”中的“{2}”这一级含有“{3}”,中文等国际化域名只能由文字、数字和连字符组成",
		`the label "{2}" of the domain name "{1}" contains "{3}"; internationalised labels are letters, marks, digits and hyphens`},
	"host.label-idna": {
		"域名“{1}”中的“{2}”这一级不是有效的国际化域名",
		`the label "{2}" of the domain name "{1}" is not a valid internationalised label`},
	"host.label-ascii-length": {
		"域名“{1}”中的“{2}”这一级编码后({4})长{3}字节,超过63字节",
		`the label "{2}" of the domain name "{1}" is {3} bytes long in ASCII form ({4}), more than 63`},
	"host.label-length": {
		"域名“{1}”中的“{2}”这一级长{3}个字符,超过63个",
		`the label "{2}" of the domain name "{1}" is {3} bytes long, more than 63`},
	"host.label-hyphen": {
		"域名“{1}”中的“{2}”这一级以连字符开头或结尾",
		`the label "{2}" of the domain name "{1}" starts or ends with a hyphen`},
	"host.label-double-hyphen": {
		"域名“{1}”中的“{2}”这一级第3、4个字符是两个连字符,只有国际化域名的编码形式可以这样写",
		`the label "{2}" of the domain name "{1}" has "--" in the third and fourth places, which only xn-- labels may`},
	"host.label-character": {
		"域名“{1}”中的“{2}”这一级含有“{3}”,只能使用字母、数字和连字符",
		`the label "{2}" of the domain name "{1}" contains "{3}"; use only letters, digits and hyphens`},
	"host.length": {
		"域名“{1}”编码后长{2}字节,超过253字节",
		`the domain name "{1}" is {2} bytes long in ASCII form, more than 253`},
	"host.numeric-tld": {
		"域名“{1}”的顶级域全是数字",
		`the domain name "{1}" has an all-numeric top-level label`},
	"host.idna": {
		"域名“{1}”不是有效的国际化域名",
		`the domain name "{1}" is not a valid internationalised domain name`},
}

// ParseHost checks a domain name as written in a filing and tells what
// rules ask about it. The name has dot-separated labels, at least two, with
// no scheme, port, path, wildcard or trailing dot. ASCII labels are
// letters, digits and hyphens (RFC 1123), 1-63 bytes, not starting or
// ending with a hyphen; other labels must be valid IDNA2008 labels for
// registration (RFC 5891), such as 例子.中国, and are measured in their
// xn-- form. The whole name is at most 253 bytes in ASCII form and the
// top-level label is not all digits. Upper-case ASCII is accepted.
//
// Levels and registrable domains follow the ICANN section of the Public
// Suffix List. Its private entries (github.io, blogspot.com) are not used:
// their subdomains are not registered with a registrar, and a filing names
// the domain its holder registered.
func ParseHost(s string) (Host, error) {
	ascii, err := asciiHostname(s)
	if err != nil {
		return Host{}, err
	}
	h := Host{ASCII: ascii, Labels: strings.Count(ascii, ".") + 1}
	suffix := icannSuffixLabels(ascii)
	if suffix >= h.Labels {
		return h, nil
	}
	h.Level = h.Labels - suffix + 1
	written := strings.Split(asciiLower(s), ".")
	h.Registrable = strings.Join(written[len(written)-suffix-1:], ".")
	main := strings.Split(ascii, ".")[h.Labels-suffix-1]
	h.MainLabel = main
	if strings.HasPrefix(main, "xn--") { // only such a label has another form
		if u, err := idna.ToUnicode(main); err == nil {
			h.MainLabel = u
		}
	}
	return h, nil
}

// Hostname checks a domain name as ParseHost does.
func Hostname(s string) error {
	_, err := ParseHost(s)
	return err
}

// DomainLevel returns Host.Level of s, 0 for an invalid name.
func DomainLevel(s string) int {
	h, _ := ParseHost(s)
	return h.Level
}

// RegistrableDomain returns Host.Registrable of s, "" for an invalid name.
func RegistrableDomain(s string) string {
	h, _ := ParseHost(s)
	return h.Registrable
}

// LabelCount returns Host.Labels of s, 0 for an invalid name.
func LabelCount(s string) int {
	h, _ := ParseHost(s)
	return h.Labels
}

// MainLabel returns Host.MainLabel of s, "" for an invalid name.
func MainLabel(s string) string {
	h, _ := ParseHost(s)
	return h.MainLabel
}

// asciiHostname checks s as ParseHost does and returns its lower-case ASCII
// (xn--) form.
func asciiHostname(s string) (string, error) {
	if s == "" {
		return "", newProblem("host.empty")
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return "", newProblem("host.ip-address", s)
	}
	switch {
	case strings.Contains(s, "://"):
		return "", newProblem("host.scheme", s)
	case strings.ContainsAny(s, "/?#"):
		return "", newProblem("host.path", s)
	case strings.Contains(s, ":"):
		return "", newProblem("host.port", s)
	case strings.Contains(s, "*"):
		return "", newProblem("host.wildcard", s)
	case strings.ContainsFunc(s, unicode.IsSpace):
		return "", newProblem("host.space", s)
	case strings.ContainsAny(s, "。．｡"):
		return "", newProblem("host.full-width-dot", s)
	case strings.HasSuffix(s, "."):
		return "", newProblem("host.trailing-dot", s)
	case strings.HasPrefix(s, "."):
		return "", newProblem("host.leading-dot", s)
	case strings.Contains(s, ".."):
		return "", newProblem("host.empty-label", s)
	}
	lower := asciiLower(s)
	labels := strings.Split(lower, ".")
	if len(labels) < 2 {
		return "", newProblem("host.one-label", s)
	}
	internationalised := false
	for i, label := range labels {
		a, p := asciiLabel(s, label)
		if p != nil {
			return "", p
		}
		internationalised = internationalised || a != label || strings.HasPrefix(a, "xn--")
		labels[i] = a
	}
	ascii := lower
	if internationalised {
		ascii = strings.Join(labels, ".")
	}
	if len(ascii) > 253 {
		return "", newProblem("host.length", s, itoa(len(ascii)))
	}
	if allDigits(labels[len(labels)-1]) {
		return "", newProblem("host.numeric-tld", s)
	}
	// The bidi rule (RFC 5893) looks across labels, so check the whole name;
	// a name of letters, digits and hyphens alone has nothing it could
	// refuse that asciiLabel has not (TestLDHNamesNeedNoIDNACheck).
	if internationalised {
		if _, err := idna.Registration.ToASCII(ascii); err != nil {
			return "", newProblem("host.idna", s)
		}
	}
	return ascii, nil
}

// labelProfile is idna.Registration without its length check, so that a
// label that is too long gets its own problem instead of a bare "invalid
// label".
var labelProfile = idna.New(idna.ValidateForRegistration(), idna.VerifyDNSLength(false))

// asciiLabel checks one lower-cased label of host and returns its ASCII
// form.
func asciiLabel(host, label string) (string, *Problem) {
	if !isASCII(label) || strings.HasPrefix(label, "xn--") {
		// x/net/idna follows UTS #46, whose tables still let through the
		// symbols that IDNA2008 disallows (RFC 5892's LetterDigits rule):
		// emoji, punctuation, other symbols.
		for _, r := range label {
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.Is(unicode.Nd, r) && r != '-' {
				return "", newProblem("host.label-symbol", host, label, charArg(r))
			}
		}
		a, err := labelProfile.ToASCII(label)
		if err != nil {
			return "", newProblem("host.label-idna", host, label)
		}
		if len(a) > 63 {
			return "", newProblem("host.label-ascii-length", host, label, itoa(len(a)), a)
		}
		return a, nil
	}
	switch {
	case len(label) > 63:
		return "", newProblem("host.label-length", host, label, itoa(len(label)))
	case label[0] == '-' || label[len(label)-1] == '-':
		return "", newProblem("host.label-hyphen", host, label)
	case len(label) >= 4 && label[2:4] == "--":
		return "", newProblem("host.label-double-hyphen", host, label)
	}
	for i := 0; i < len(label); i++ {
		if c := label[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", newProblem("host.label-character", host, label, byteArg(c))
		}
	}
	return label, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiLower lower-cases ASCII letters only: other upper-case letters are
// not valid in an IDN label and must stay visible to the IDNA check.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
