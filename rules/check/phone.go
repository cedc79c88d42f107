package check

import "strings"

var phoneTexts = map[string]texts{
	"mobile.country-code": {
		"手机号码“{1}”的国家代码只能是+86",
		`the mobile number "{1}" has a country code other than +86`},
	"mobile.length": {
		"手机号码“{1}”应为11位数字,前面可加+86",
		`the mobile number "{1}" is not 11 digits, optionally after +86`},
	"mobile.not-digit": {
		"手机号码“{1}”含有数字以外的字符",
		`the mobile number "{1}" has characters other than digits`},
	"mobile.prefix": {
		"手机号码“{1}”不以13至19开头,不是大陆手机号码",
		`the mobile number "{1}" does not begin with 13 to 19, as mainland mobile numbers do`},
	"phone.format": {
		"电话号码“{1}”既不是手机号码,也不是带区号的固定电话号码(如0731-88886666)",
		`the phone number "{1}" is neither a mobile number nor a landline number with its area code (such as 0731-88886666)`},
	"phone.no-area-code": {
		"固定电话号码“{1}”缺少区号,请在号码前加上以0开头的区号",
		`the landline number "{1}" has no area code; put the area code, starting with 0, before it`},
	"phone.area-code": {
		"电话号码“{1}”的开头{2}不是国内长途区号",
		`the phone number "{1}" starts with {2}, which is no mainland area code`},
	"phone.local-length-8": {
		"电话号码“{1}”区号{2}后的号码有{3}位,应为8位",
		`the phone number "{1}" has {3} digits after the area code {2}, not 8`},
	"phone.local-length": {
		"电话号码“{1}”区号{2}后的号码有{3}位,应为7位或8位",
		`the phone number "{1}" has {3} digits after the area code {2}, not 7 or 8`},
	"phone.extension": {
		"电话号码“{1}”带有分机号,请填写不经分机就能直接拨通的号码",
		`the phone number "{1}" has an extension; give a number that rings without one`},
	"phone.country-code": {
		"电话号码“{1}”带有国际冠字或国家代码,请按国内格式填写:手机号码,或以0开头的区号加固定电话号码",
		`the phone number "{1}" has an international prefix or country code; give a mainland number: a mobile number, or 0, the area code and the landline number`},
}

// Mobile checks a mainland China mobile number: 11 digits beginning 13-19
// (the 1xx mobile blocks of the MIIT numbering plan, 电信网编号计划),
// optionally after the country code "+86" or "86" and one space or hyphen.
// Nothing else is allowed, not even spaces inside the number, so that the
// filed number is exactly the one verification messages go to.
func Mobile(s string) error {
	number, prefixed := s, false
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		if !strings.HasPrefix(rest, "86") {
			return newProblem("mobile.country-code", s)
		}
		number, prefixed = rest[2:], true
	} else if len(s) > 11 && strings.HasPrefix(s, "86") {
		number, prefixed = s[2:], true
	}
	if prefixed && number != "" && (number[0] == ' ' || number[0] == '-') {
		number = number[1:]
	}
	if len(number) != 11 {
		return newProblem("mobile.length", s)
	}
	if !allDigits(number) {
		return newProblem("mobile.not-digit", s)
	}
	if number[0] != '1' || number[1] < '3' {
		return newProblem("mobile.prefix", s)
	}
	return nil
}

// Phone checks a phone number that reaches the filer directly, such as the
// emergency phone (应急电话): a mobile number as Mobile accepts it, or a
// mainland landline number with its area code (区号): 0, a two- or
// three-digit area code and the local number, with an optional hyphen or
// space between them: 010-12345678, 0731-88886666, 073188886666.
//
// The area code decides the length of what follows, so a number written
// without the hyphen is still read one way only: 010 and 02x have 8-digit
// local numbers (every two-digit area code has had them since the 1990s);
// 0[3-9]xx have 7 or 8. Other codes starting 01 do not exist.
//
// Refused, each with a problem of its own: a landline with +86 or another
// international prefix (consoles take the number as dialled within China,
// 区号-号码, and the trunk 0 is part of it); an extension (an emergency
// phone must ring without an operator); a landline without its area code.
// Spaces inside the local number are refused as Mobile refuses them.
func Phone(s string) error {
	err := Mobile(s)
	if err == nil {
		return nil
	}
	switch {
	case strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00"):
		if mobileShaped(s) {
			return err
		}
		return newProblem("phone.country-code", s)
	case strings.HasPrefix(s, "0"):
		return landline(s)
	case strings.HasPrefix(s, "1"):
		return err
	case allDigits(s) && (len(s) == 7 || len(s) == 8) && s[0] >= '2':
		return newProblem("phone.no-area-code", s)
	}
	return newProblem("phone.format", s)
}

// mobileShaped reports whether s, written with +86, continues as a mobile
// number does (1 and 3-9), so that Mobile's problem is the one to report.
func mobileShaped(s string) bool {
	rest, ok := strings.CutPrefix(s, "+86")
	if !ok {
		return false
	}
	if rest != "" && (rest[0] == ' ' || rest[0] == '-') {
		rest = rest[1:]
	}
	return len(rest) >= 2 && rest[0] == '1' && rest[1] >= '3' && rest[1] <= '9'
}

// landline checks a number starting with 0 as Phone describes.
func landline(s string) error {
	var areaLen int
	switch {
	case len(s) < 4:
		return newProblem("phone.format", s)
	case s[1] == '1' && s[2] == '0', s[1] == '2':
		areaLen = 3
	case s[1] == '1':
		return newProblem("phone.area-code", s, s[:3])
	default:
		areaLen = 4
	}
	area, rest := s[:areaLen], s[areaLen:]
	if !allDigits(area) {
		return newProblem("phone.format", s)
	}
	if rest != "" && (rest[0] == '-' || rest[0] == ' ') {
		rest = rest[1:]
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if tail := rest[n:]; tail != "" {
		if n >= 7 && n <= 8 && isExtension(tail) {
			return newProblem("phone.extension", s)
		}
		return newProblem("phone.format", s)
	}
	if areaLen == 3 && n != 8 {
		return newProblem("phone.local-length-8", s, area, itoa(n))
	}
	if n < 7 || n > 8 {
		return newProblem("phone.local-length", s, area, itoa(n))
	}
	return nil
}

// extensionMarks are the ways an extension is written after a number:
// 0731-88886666-123, 0731-88886666转123, 0731-88886666 ext. 123.
var extensionMarks = []string{"-", "转", "分机", "ext.", "ext", "x", "#", ",", "，"}

// isExtension reports whether tail, what follows a complete local number,
// is an extension: a mark and digits.
func isExtension(tail string) bool {
	tail = strings.ToLower(strings.TrimLeft(tail, " "))
	for _, mark := range extensionMarks {
		if rest, ok := strings.CutPrefix(tail, mark); ok {
			return allDigits(strings.TrimLeft(rest, " "))
		}
	}
	return false
}
