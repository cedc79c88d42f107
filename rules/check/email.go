package check

import (
	"errors"
	"net/mail"
	"strings"
	"unicode"
)

var emailTexts = map[string]texts{
	"email.empty": {
		"电子邮件地址为空",
		"the e-mail address is empty"},
	"email.display-name": {
		"电子邮件地址“{1}”带有姓名和尖括号,请只填写邮箱地址本身",
		`the e-mail address "{1}" has a display name and angle brackets; give the address alone`},
	"email.angle-brackets": {
		"电子邮件地址“{1}”带有尖括号,请只填写邮箱地址本身",
		`the e-mail address "{1}" is in angle brackets; give the address alone`},
	"email.comment": {
		"电子邮件地址“{1}”带有括号注释,请只填写邮箱地址本身",
		`the e-mail address "{1}" has a comment in parentheses; give the address alone`},
	"email.space": {
		"电子邮件地址“{1}”含有空白字符",
		`the e-mail address "{1}" contains white space`},
	"email.several": {
		"“{1}”含有分隔符,像是多个电子邮件地址,请只填写一个地址",
		`"{1}" has a separator, as if it held several e-mail addresses; give one address`},
	"email.quoted": {
		"电子邮件地址“{1}”的用户名带有引号,备案系统不接受这种写法",
		`the e-mail address "{1}" has a quoted local part, which filing systems do not accept`},
	"email.non-ascii": {
		"电子邮件地址“{1}”含有“{2}”,备案系统只接受由半角字母、数字和符号组成的邮箱地址",
		`the e-mail address "{1}" contains "{2}"; filing systems take addresses in ASCII characters only`},
	"email.no-at": {
		"电子邮件地址“{1}”缺少“@”",
		`the e-mail address "{1}" has no "@"`},
	"email.no-local": {
		"电子邮件地址“{1}”在“@”前没有用户名",
		`the e-mail address "{1}" has nothing before the "@"`},
	"email.no-domain": {
		"电子邮件地址“{1}”在“@”后没有域名",
		`the e-mail address "{1}" has no domain after the "@"`},
	"email.ip-literal": {
		"电子邮件地址“{1}”用方括号中的IP地址代替了域名",
		`the e-mail address "{1}" has an IP address in brackets instead of a domain`},
	"email.local-part": {
		"电子邮件地址“{1}”的用户名(“@”前的部分)格式不正确:只能由字母、数字和!#$%&'*+-/=?^_`{|}~组成,句点不能在开头、结尾或连用",
		"the local part (before the \"@\") of the e-mail address \"{1}\" is not well formed: letters, digits and !#$%&'*+-/=?^_`{|}~, with single dots between them"},
	"email.local-length": {
		"电子邮件地址“{1}”的用户名长{2}个字符,超过64个",
		`the local part of the e-mail address "{1}" is {2} characters long, more than 64`},
	"email.length": {
		"电子邮件地址“{1}”长{2}个字符,超过254个",
		`the e-mail address "{1}" is {2} characters long, more than 254`},
	"email.domain-one-label": {
		"电子邮件地址“{1}”的域名“{2}”只有一级,邮箱的域名至少有两级",
		`the domain "{2}" of the e-mail address "{1}" has one label; a mail domain has at least two`},
	"email.domain-public-suffix": {
		"电子邮件地址“{1}”的域名“{2}”是公共后缀,不是能收信的邮箱域名",
		`the domain "{2}" of the e-mail address "{1}" is a public suffix, not a mail domain`},
}

// Email checks an e-mail address as filing consoles take it: the bare
// address, local@domain, that net/mail's RFC 5322 parser reads, and no more.
//
// Refused, each with a problem of its own: a display name or angle brackets
// (赵 <zhao@example.cn>), a comment in parentheses, white space, several
// addresses, a quoted local part, an IP literal for the domain ([1.2.3.4]),
// a local part over 64 or an address over 254 characters (RFC 5321), and a
// domain that is not a valid host name of at least two labels (ParseHost's
// problem is returned as it is) or is a bare public suffix (com.cn).
//
// Non-ASCII characters are refused anywhere, both internationalised local
// parts (RFC 6531) and Unicode domains: consoles and the ministry's system
// send their notices to ASCII addresses, and a full-width ＠ or letter typed
// by an input method is the usual cause. A Unicode domain can be written in
// its xn-- form.
func Email(s string) error {
	switch {
	case s == "":
		return newProblem("email.empty")
	case strings.ContainsAny(s, "<>"):
		if i := strings.IndexByte(s, '<'); i > 0 && strings.TrimSpace(s[:i]) != "" {
			return newProblem("email.display-name", s)
		}
		return newProblem("email.angle-brackets", s)
	case strings.ContainsAny(s, "()"):
		return newProblem("email.comment", s)
	case strings.ContainsFunc(s, unicode.IsSpace):
		return newProblem("email.space", s)
	case strings.ContainsAny(s, ",;"):
		return newProblem("email.several", s)
	case strings.Contains(s, `"`):
		return newProblem("email.quoted", s)
	}
	if _, r := nonASCII(s); r != 0 {
		return newProblem("email.non-ascii", s, charArg(r))
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return newProblem("email.no-at", s)
	}
	local, domain := s[:at], s[at+1:]
	switch {
	case local == "":
		return newProblem("email.no-local", s)
	case domain == "":
		return newProblem("email.no-domain", s)
	case domain[0] == '[':
		return newProblem("email.ip-literal", s)
	case len(local) > 64:
		return newProblem("email.local-length", s, itoa(len(local)))
	case len(s) > 254:
		return newProblem("email.length", s, itoa(len(s)))
	}
	h, err := ParseHost(domain)
	if p := (*Problem)(nil); errors.As(err, &p) && p.Code == "host.one-label" {
		return newProblem("email.domain-one-label", s, domain)
	}
	if err != nil {
		return err
	}
	if h.Level == 0 {
		return newProblem("email.domain-public-suffix", s, domain)
	}
	// The domain is now letters, digits, hyphens and dots, so what the
	// parser refuses is in the local part: a dot at its start or end, two
	// dots together, a character outside RFC 5322's atext, another "@".
	if _, err := mail.ParseAddress(s); err != nil {
		return newProblem("email.local-part", s)
	}
	return nil
}
