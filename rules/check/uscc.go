package check

import (
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/icpcheck/model"
)

// USCCInfo is what a unified social credit code (统一社会信用代码) says.
type USCCInfo struct {
	Department       byte           // registration department (登记管理部门代码), '9' for market regulation
	Kind             byte           // organisation kind within the department (机构类别代码)
	Division         string         // six-digit division of the registration authority
	Province         model.Province // "" for 100000, registration at national level
	OrganizationCode string         // nine characters, GB 11714, without hyphen
}

// usccAlphabet is GB 32100's character set in value order: digits, then
// upper-case letters without I, O, S, V and Z.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^i mod 31 (GB 32100-2015, 4.2).
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccKinds maps each registration department code to its organisation
// kind codes, from GB 32100-2015 table 1 with the departments added since
// (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室,
// N 农业): for example 91 enterprise, 92 individual business, 93 farmers'
// cooperative, 12 public institution, 31 law firm, N2 village collective.
var usccKinds = map[byte]string{
	'1': "1239", '2': "19", '3': "123459", '4': "19", '5': "1239", '6': "129",
	'7': "129", '8': "19", '9': "123", 'A': "19", 'N': "1239", 'Y': "1",
}

var usccTexts = map[string]texts{
	"uscc.length": {
		"统一社会信用代码有{1}位,应为18位",
		"the unified social credit code has {1} characters, not 18"},
	"uscc.non-ascii": {
		"统一社会信用代码第{1}位是“{2}”,应为半角数字或大写字母",
		`character {1} of the unified social credit code is "{2}", not an ASCII digit or upper-case letter`},
	"uscc.lower-case": {
		"统一社会信用代码第{1}位是小写字母“{2}”,请改为大写",
		`character {1} of the unified social credit code is lower-case "{2}"; write it in upper case`},
	"uscc.unused-letter": {
		"统一社会信用代码第{1}位是“{2}”,统一社会信用代码不使用这个字母",
		`character {1} of the unified social credit code is "{2}", which codes never use (no I, O, S, V or Z)`},
	"uscc.bad-character": {
		"统一社会信用代码第{1}位是“{2}”,应为数字或大写字母",
		`character {1} of the unified social credit code is "{2}", not a digit or an upper-case letter`},
	"uscc.check-character": {
		"统一社会信用代码的校验码(第18位)是{1},按前17位计算应为{2}",
		"the check character of the unified social credit code is {1}, but the first 17 characters give {2}"},
	"uscc.department": {
		"统一社会信用代码的登记管理部门代码(第1位)“{1}”不是国家标准规定的代码",
		`the registration department code "{1}" (character 1) of the unified social credit code is not one of GB 32100's 1-9, A, N, Y`},
	"uscc.kind": {
		"统一社会信用代码的机构类别代码(第2位)“{1}”不适用于登记管理部门“{2}”,应为{3}之一",
		`the organisation kind "{1}" (character 2) of the unified social credit code is not defined for registration department "{2}" (want one of {3})`},
	"uscc.division-digits": {
		"统一社会信用代码的登记管理机关行政区划码“{1}”(第3至8位)不是6位数字",
		`the division "{1}" (characters 3-8) of the unified social credit code is not six digits`},
	"uscc.division-province": {
		"统一社会信用代码的登记管理机关行政区划码{1}(第3至8位)不以大陆省级行政区划代码开头",
		"the division {1} (characters 3-8) of the unified social credit code has no mainland province-level prefix"},
	"uscc.organization-code.check-character": {
		"统一社会信用代码第9至17位是组织机构代码,其校验码是{1},应为{2}",
		"characters 9-17 of the unified social credit code are the organisation code, whose check character is {1}, but its first 8 characters give {2}"},
	"uscc.organization-code.reserved": {
		"统一社会信用代码第9至17位的组织机构代码{1}属于仅供系统内部使用的保留号段",
		"characters 9-17 of the unified social credit code are the organisation code {1}, which is in the PDY range reserved for internal use"},
	"organization-code.length": {
		"组织机构代码有{1}位,应为9位(或在校验码前加连字符共10位)",
		"the organisation code has {1} characters, not 9 (or 10 with the hyphen before the check character)"},
	"organization-code.non-ascii": {
		"组织机构代码第{1}位是“{2}”,应为半角数字或大写字母",
		`character {1} of the organisation code is "{2}", not an ASCII digit or upper-case letter`},
	"organization-code.lower-case": {
		"组织机构代码第{1}位是小写字母“{2}”,请改为大写",
		`character {1} of the organisation code is lower-case "{2}"; write it in upper case`},
	"organization-code.bad-character": {
		"组织机构代码第{1}位是“{2}”,应为数字或大写字母",
		`character {1} of the organisation code is "{2}", not a digit or an upper-case letter`},
	"organization-code.reserved": {
		"组织机构代码{1}属于仅供系统内部使用的保留号段",
		"the organisation code {1} is in the PDY range reserved for internal use"},
	"organization-code.check-character": {
		"组织机构代码的校验码是{1},按前8位计算应为{2}",
		"the check character of the organisation code is {1}, but its first 8 characters give {2}"},
}

// USCC checks an 18-character unified social credit code against
// GB 32100-2015: its character set, check character, registration department
// and organisation kind, a province-level (or the national 100000) division,
// and the embedded organisation code with its own GB 11714 check character.
// Letters must be upper case, as the standard writes them and as the
// registration systems store them; a lower-case code is refused with a
// problem that says so rather than silently accepted.
func USCC(s string) (USCCInfo, error) {
	if n := utf8.RuneCountInString(s); n != 18 {
		return USCCInfo{}, newProblem("uscc.length", itoa(n))
	}
	if i, r := nonASCII(s); r != 0 {
		return USCCInfo{}, newProblem("uscc.non-ascii", itoa(i), charArg(r))
	}
	sum := 0
	for i := range 18 {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return USCCInfo{}, newProblem(badCodeChar(s[i]), itoa(i+1), byteArg(s[i]))
		}
		if i < 17 {
			sum += v * usccWeights[i]
		}
	}
	if want := usccAlphabet[(31-sum%31)%31]; s[17] != want {
		return USCCInfo{}, newProblem("uscc.check-character", string(s[17]), string(want))
	}

	kinds, ok := usccKinds[s[0]]
	if !ok {
		return USCCInfo{}, newProblem("uscc.department", string(s[0]))
	}
	if strings.IndexByte(kinds, s[1]) < 0 {
		return USCCInfo{}, newProblem("uscc.kind", string(s[1]), string(s[0]), strings.Join(strings.Split(kinds, ""), ", "))
	}

	info := USCCInfo{Department: s[0], Kind: s[1], Division: s[2:8], OrganizationCode: s[8:17]}
	if !allDigits(info.Division) {
		return USCCInfo{}, newProblem("uscc.division-digits", info.Division)
	}
	if p, ok := model.ProvinceByCode(info.Division[:2]); ok {
		info.Province = p
	} else if info.Division != "100000" {
		return USCCInfo{}, newProblem("uscc.division-province", info.Division)
	}
	if p := orgCode(info.OrganizationCode); p != nil {
		// Only the check character and the reserved range can be wrong
		// here: the USCC alphabet already refused the other characters.
		return USCCInfo{}, newProblem("uscc."+p.Code, p.Args...)
	}
	return info, nil
}

// badCodeChar returns the code of the problem with c as a USCC character.
func badCodeChar(c byte) string {
	switch {
	case c >= 'a' && c <= 'z':
		return "uscc.lower-case"
	case strings.IndexByte("IOSVZ", c) >= 0:
		return "uscc.unused-letter"
	}
	return "uscc.bad-character"
}

// orgWeights are GB 11714-1997's weights for the eight body characters.
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// OrganizationCode checks a GB 11714-1997 organisation code (组织机构代码):
// eight digits or upper-case letters and a check character, written with or
// without a hyphen before the check character ("12345678-9").
func OrganizationCode(s string) error {
	if len(s) == 10 && s[8] == '-' {
		s = s[:8] + s[9:]
	}
	if n := utf8.RuneCountInString(s); n != 9 {
		return newProblem("organization-code.length", itoa(n))
	}
	if i, r := nonASCII(s); r != 0 {
		return newProblem("organization-code.non-ascii", itoa(i), charArg(r))
	}
	if p := orgCode(s); p != nil {
		return p
	}
	return nil
}

// orgCode checks the nine ASCII characters of an organisation code.
func orgCode(s string) *Problem {
	sum := 0
	for i := range 8 {
		c := s[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10 // GB 11714 appendix A: A=10 … Z=35
		case c >= 'a' && c <= 'z':
			return newProblem("organization-code.lower-case", itoa(i+1), byteArg(c))
		default:
			return newProblem("organization-code.bad-character", itoa(i+1), byteArg(c))
		}
		sum += v * orgWeights[i]
	}
	if strings.HasPrefix(s, "PDY") {
		// GB 11714-1997, 3: PDY00001-PDY99999 is for codes internal to one
		// system, never exchanged between systems.
		return newProblem("organization-code.reserved", s)
	}
	want := "0X987654321"[sum%11] // 11 - sum mod 11, with 10 written X and 11 written 0
	if s[8] != want {
		return newProblem("organization-code.check-character", byteArg(s[8]), string(want))
	}
	return nil
}

// CertificateProvince returns the mainland province a certificate number
// points to: for "resident_id", the division of a valid resident ID; for any
// other type (business licence, unified social credit certificate and the
// other registration certificates, whose numbers are now USCCs), the
// division of a valid USCC. It returns ("", false) for invalid numbers and
// for numbers from Hong Kong, Macao, Taiwan or national-level registration.
func CertificateProvince(certType, number string) (model.Province, bool) {
	if certType == string(model.ResidentID) {
		info, err := ResidentID(number)
		return info.Province, err == nil && info.Province != ""
	}
	info, err := USCC(number)
	return info.Province, err == nil && info.Province != ""
}
