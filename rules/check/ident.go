package check

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/icpcheck/model"
)

// Error messages name the part of an identifier that is wrong but never
// repeat the identifier: resident ID numbers are personal data and these
// messages may end up in logs.

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

// ResidentID checks an 18-character resident identity number against
// GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character (a digit,
// or X, also accepted as lower-case x), a real birth date from 1900-01-01 on,
// and a province-level division code. The county part of the division is
// not checked: it would need every historical GB/T 2260 table.
func ResidentID(s string) (ResidentIDInfo, error) {
	n := utf8.RuneCountInString(s)
	if n == 15 && allDigits(s) {
		return ResidentIDInfo{}, errors.New("resident ID: 15-digit numbers were replaced by 18-character ones (GB 11643-1999) and are no longer valid")
	}
	if n != 18 {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: has %d characters, want 18", n)
	}
	if i, r := nonASCII(s); r != 0 {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: character %d is %q, want an ASCII digit", i, r)
	}
	sum := 0
	for i := range 17 {
		c := s[i]
		if c < '0' || c > '9' {
			return ResidentIDInfo{}, fmt.Errorf("resident ID: character %d is %q, want a digit", i+1, c)
		}
		sum += int(c-'0') * idWeights[i]
	}
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	if last != 'X' && (last < '0' || last > '9') {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: check character is %q, want a digit or X", s[17])
	}
	if want := "10X98765432"[sum%11]; last != want {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: check character is %c, want %c for the first 17 digits", last, want)
	}

	birth := model.Date(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if _, err := model.ParseDate(string(birth)); err != nil {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: birth date %s (characters 7-14) is not a calendar date", birth)
	}
	if birth < "1900-01-01" {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: birth date %s (characters 7-14) is before 1900", birth)
	}

	info := ResidentIDInfo{Division: s[:6], Birth: birth, Male: (s[16]-'0')%2 == 1}
	if p, ok := model.ProvinceByCode(s[:2]); ok {
		info.Province = p
	} else if !nonMainland[s[:2]] {
		return ResidentIDInfo{}, fmt.Errorf("resident ID: division %s starts with %s, not a GB/T 2260 province-level code", s[:6], s[:2])
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
	if _, err := model.ParseDate(string(birth)); err != nil {
		return 0, fmt.Errorf("birth date: %w", err)
	}
	if _, err := model.ParseDate(string(at)); err != nil {
		return 0, err
	}
	b, _ := birth.Time()
	t, _ := at.Time()
	if t.Before(b) {
		return 0, fmt.Errorf("date %s is before birth date %s", at, birth)
	}
	age := t.Year() - b.Year()
	// Month and day compared as one number, so 02-29 > 02-28 and < 03-01.
	if int(t.Month())*100+t.Day() < int(b.Month())*100+b.Day() {
		age--
	}
	return age, nil
}

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

// USCC checks an 18-character unified social credit code against
// GB 32100-2015: its character set, check character, registration department
// and organisation kind, a province-level (or the national 100000) division,
// and the embedded organisation code with its own GB 11714 check character.
// Letters must be upper case, as the standard writes them and as the
// registration systems store them; a lower-case code is refused with a
// message that says so rather than silently accepted.
func USCC(s string) (USCCInfo, error) {
	if n := utf8.RuneCountInString(s); n != 18 {
		return USCCInfo{}, fmt.Errorf("unified social credit code: has %d characters, want 18", n)
	}
	if i, r := nonASCII(s); r != 0 {
		return USCCInfo{}, fmt.Errorf("unified social credit code: character %d is %q, want an ASCII digit or upper-case letter", i, r)
	}
	sum := 0
	for i := range 18 {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return USCCInfo{}, fmt.Errorf("unified social credit code: character %d %s", i+1, badCodeChar(s[i]))
		}
		if i < 17 {
			sum += v * usccWeights[i]
		}
	}
	if want := usccAlphabet[(31-sum%31)%31]; s[17] != want {
		return USCCInfo{}, fmt.Errorf("unified social credit code: check character is %c, want %c for the first 17 characters", s[17], want)
	}

	kinds, ok := usccKinds[s[0]]
	if !ok {
		return USCCInfo{}, fmt.Errorf("unified social credit code: registration department code %c (character 1) is not one of GB 32100's 1-9, A, N, Y", s[0])
	}
	if strings.IndexByte(kinds, s[1]) < 0 {
		return USCCInfo{}, fmt.Errorf("unified social credit code: organisation kind %c (character 2) is not defined for registration department %c (want one of %s)", s[1], s[0], strings.Join(strings.Split(kinds, ""), ", "))
	}

	info := USCCInfo{Department: s[0], Kind: s[1], Division: s[2:8], OrganizationCode: s[8:17]}
	if !allDigits(info.Division) {
		return USCCInfo{}, fmt.Errorf("unified social credit code: division %s (characters 3-8) is not six digits", info.Division)
	}
	if p, ok := model.ProvinceByCode(info.Division[:2]); ok {
		info.Province = p
	} else if info.Division != "100000" {
		return USCCInfo{}, fmt.Errorf("unified social credit code: division %s (characters 3-8) has no mainland province-level prefix", info.Division)
	}
	if err := orgCode(info.OrganizationCode); err != nil {
		return USCCInfo{}, fmt.Errorf("unified social credit code: characters 9-17 are the organisation code, which %w", err)
	}
	return info, nil
}

// badCodeChar says why c is not a USCC character.
func badCodeChar(c byte) string {
	switch {
	case c >= 'a' && c <= 'z':
		return fmt.Sprintf("is lower-case %q, write it in upper case", c)
	case strings.IndexByte("IOSVZ", c) >= 0:
		return fmt.Sprintf("is %c, which codes never use (no I, O, S, V or Z)", c)
	}
	return fmt.Sprintf("is %q, want a digit or an upper-case letter", c)
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
		return fmt.Errorf("organisation code: has %d characters, want 9 (or 10 with the hyphen before the check character)", n)
	}
	if i, r := nonASCII(s); r != 0 {
		return fmt.Errorf("organisation code: character %d is %q, want an ASCII digit or upper-case letter", i, r)
	}
	if err := orgCode(s); err != nil {
		return fmt.Errorf("organisation code: %w", err)
	}
	return nil
}

// orgCode checks the nine characters of an organisation code. Errors are
// phrased to follow "the organisation code".
func orgCode(s string) error {
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
			return fmt.Errorf("has lower-case %q at character %d, write it in upper case", c, i+1)
		default:
			return fmt.Errorf("has %q at character %d, want a digit or an upper-case letter", c, i+1)
		}
		sum += v * orgWeights[i]
	}
	if strings.HasPrefix(s, "PDY") {
		// GB 11714-1997, 3: PDY00001-PDY99999 is for codes internal to one
		// system, never exchanged between systems.
		return errors.New("is in the PDY range reserved for internal use")
	}
	want := "0X987654321"[sum%11] // 11 - sum mod 11, with 10 written X and 11 written 0
	if s[8] != want {
		return fmt.Errorf("has check character %q, want %c", s[8], want)
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
