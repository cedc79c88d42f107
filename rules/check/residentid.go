package check

import (
	"unicode/utf8"

	"github.com/icpcheck/icpcheck/model"
)

// Problems name the part of an identifier that is wrong but never repeat
// the identifier: resident ID numbers are personal data and problems may
// end up in logs.

// ResidentIDInfo is what a resident identity number (公民身份号码) says.
type ResidentIDInfo struct {
	Division string         // six-digit address code (GB/T 2260)
	Province model.Province // "" for Hong Kong, Macao and Taiwan
	Birth    model.Date
	Male     bool // the order code is odd
}

// nonMainland lists the province-level codes of ID numbers that are valid
// but belong to no mainland province: GB/T 2260's codes for Taiwan (71),
// Hong Kong (81) and Macao (82), and 83, which the residence permits for
// Taiwan residents (台湾居民居住证) use in place of 71.
var nonMainland = map[string]bool{"71": true, "81": true, "82": true, "83": true}

var residentIDTexts = map[string]texts{
	"resident-id.legacy-15": {
		"15位的旧身份证号码已停止使用,请填写18位的居民身份证号码",
		"15-digit resident ID numbers were replaced by 18-character ones and are no longer valid"},
	"resident-id.length": {
		"身份证号码有{1}位,应为18位",
		"the resident ID number has {1} characters, not 18"},
	"resident-id.non-ascii": {
		"身份证号码第{1}位是“{2}”,应为半角数字",
		`character {1} of the resident ID number is "{2}", not an ASCII digit`},
	"resident-id.not-digit": {
		"身份证号码第{1}位是“{2}”,应为数字",
		`character {1} of the resident ID number is "{2}", not a digit`},
	"resident-id.check-character-form": {
		"身份证号码的校验码(第18位)是“{1}”,应为数字或X",
		`the check character of the resident ID number (character 18) is "{1}", not a digit or X`},
	"resident-id.check-character": {
		"身份证号码的校验码(第18位)是{1},按前17位计算应为{2}",
		"the check character of the resident ID number is {1}, but the first 17 digits give {2}"},
	"resident-id.birth-date": {
		"身份证号码中的出生日期{1}(第7至14位)不是真实的日期",
		"the birth date {1} in the resident ID number (characters 7-14) is not a calendar date"},
	"resident-id.birth-before-1900": {
		"身份证号码中的出生日期{1}早于1900年",
		"the birth date {1} in the resident ID number is before 1900"},
	"resident-id.birth-in-future": {
		"身份证号码中的出生日期{1}晚于{2}",
		"the birth date {1} in the resident ID number is after {2}"},
	"resident-id.birth-too-old": {
		"身份证号码中的出生日期{1}比{2}早120年以上",
		"the birth date {1} in the resident ID number is more than 120 years before {2}"},
	"resident-id.division": {
		"身份证号码的地址码{1}以{2}开头,不是省级行政区划代码",
		"the address code {1} of the resident ID number starts with {2}, which is no province-level division code"},
	"date.invalid": {
		"“{1}”不是真实的日期(格式为年-月-日,如2024-01-31)",
		`"{1}" is not a calendar date in the form YYYY-MM-DD`},
	"age.birth-date-invalid": {
		"出生日期“{1}”不是真实的日期(格式为年-月-日,如2024-01-31)",
		`the birth date "{1}" is not a calendar date in the form YYYY-MM-DD`},
	"age.before-birth": {
		"日期{1}早于出生日期{2}",
		"the date {1} is before the birth date {2}"},
}

// ResidentID checks an 18-character resident identity number against
// GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character (a digit,
// or X, also accepted as lower-case x), a real birth date from 1900-01-01 on,
// and a province-level division code. The county part of the division is
// not checked: it would need every historical GB/T 2260 table.
func ResidentID(s string) (ResidentIDInfo, error) {
	n := utf8.RuneCountInString(s)
	if n == 15 && allDigits(s) {
		return ResidentIDInfo{}, newProblem("resident-id.legacy-15")
	}
	if n != 18 {
		return ResidentIDInfo{}, newProblem("resident-id.length", itoa(n))
	}
	if i, r := nonASCII(s); r != 0 {
		return ResidentIDInfo{}, newProblem("resident-id.non-ascii", itoa(i), charArg(r))
	}
	sum := 0
	for i := range 17 {
		c := s[i]
		if c < '0' || c > '9' {
			return ResidentIDInfo{}, newProblem("resident-id.not-digit", itoa(i+1), byteArg(c))
		}
		sum += int(c-'0') * idWeights[i]
	}
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	if last != 'X' && (last < '0' || last > '9') {
		return ResidentIDInfo{}, newProblem("resident-id.check-character-form", byteArg(s[17]))
	}
	if want := "10X98765432"[sum%11]; last != want {
		return ResidentIDInfo{}, newProblem("resident-id.check-character", string(last), string(want))
	}

	birth := model.Date(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if _, err := model.ParseDate(string(birth)); err != nil {
		return ResidentIDInfo{}, newProblem("resident-id.birth-date", string(birth))
	}
	if birth < "1900-01-01" {
		return ResidentIDInfo{}, newProblem("resident-id.birth-before-1900", string(birth))
	}

	info := ResidentIDInfo{Division: s[:6], Birth: birth, Male: (s[16]-'0')%2 == 1}
	if p, ok := model.ProvinceByCode(s[:2]); ok {
		info.Province = p
	} else if !nonMainland[s[:2]] {
		return ResidentIDInfo{}, newProblem("resident-id.division", s[:6], s[:2])
	}
	return info, nil
}

// maxAge bounds the age a resident ID can plausibly give on a filing's
// date: no one has been recorded living past 122, so an older birth date is
// a typing mistake, not a person.
const maxAge = 120

// ResidentIDOn checks s as ResidentID does and that its holder is born on
// or before on (the filing's date) and not more than 120 years before it.
// A number that passes gives a meaningful AgeAt(info.Birth, on). on must be
// a date in YYYY-MM-DD form.
func ResidentIDOn(s string, on model.Date) (ResidentIDInfo, error) {
	info, err := ResidentID(s)
	if err != nil {
		return ResidentIDInfo{}, err
	}
	day, err := on.Time()
	if err != nil {
		return ResidentIDInfo{}, newProblem("date.invalid", string(on))
	}
	birth, _ := info.Birth.Time() // ResidentID checked it
	if birth.After(day) {
		return ResidentIDInfo{}, newProblem("resident-id.birth-in-future", string(info.Birth), string(on))
	}
	if birth.Before(day.AddDate(-maxAge, 0, 0)) {
		return ResidentIDInfo{}, newProblem("resident-id.birth-too-old", string(info.Birth), string(on))
	}
	return info, nil
}

// idWeights are 2^(17-i) mod 11, i = 0..16 (GB 11643-1999, 7.2).
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// nonASCII returns the 1-based position and value of the first non-ASCII
// rune of s, or (0, 0). Full-width digits typed by an input method are the
// usual case; naming them beats a bare "wrong length".
func nonASCII(s string) (int, rune) {
	pos := 0
	for _, r := range s {
		pos++
		if r >= utf8.RuneSelf {
			return pos, r
		}
	}
	return 0, 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// AgeAt returns the completed years (周岁) between birth and at. Someone born
// on 29 February completes a year on 1 March in years without that day.
func AgeAt(birth, at model.Date) (int, error) {
	b, err := birth.Time()
	if err != nil {
		return 0, newProblem("age.birth-date-invalid", string(birth))
	}
	t, err := at.Time()
	if err != nil {
		return 0, newProblem("date.invalid", string(at))
	}
	if t.Before(b) {
		return 0, newProblem("age.before-birth", string(at), string(birth))
	}
	age := t.Year() - b.Year()
	// Month and day compared as one number, so 02-29 > 02-28 and < 03-01.
	if int(t.Month())*100+t.Day() < int(b.Month())*100+b.Day() {
		age--
	}
	return age, nil
}
