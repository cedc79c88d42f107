package check

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
)

// Sources of the vectors below:
//
//   - stdnum: python-stdnum, https://github.com/arthurdejong/python-stdnum,
//     stdnum/cn/ric.py, tests/test_cn_ric.doctest, stdnum/cn/uscc.py and
//     tests/test_cn_uscc.doctest (the long list is in
//     testdata/stdnum_uscc_valid.txt).
//   - GB 11643 A: GB 11643-1999 appendix A (公民身份号码实例), as reproduced on
//     https://zh.wikisource.org/wiki/GB_11643-1999_公民身份号码.
//   - Published codes of universities and institutes, from their finance
//     offices' invoice-header pages (cited per line).
//   - hutool #2020: https://github.com/chinabugotech/hutool/issues/2020, a
//     real company code whose check character is wrong (should be J).
//   - constructed: made for this test, with the check character computed.

func TestResidentIDValid(t *testing.T) {
	tests := []struct {
		id   string
		want ResidentIDInfo
	}{
		// stdnum, test_cn_ric.doctest and ric.py.
		{"360426199101010071", ResidentIDInfo{"360426", "jiangxi", "1991-01-01", true}},
		{"44011320141005001x", ResidentIDInfo{"440113", "guangdong", "2014-10-05", true}},
		{"44011320141005001X", ResidentIDInfo{"440113", "guangdong", "2014-10-05", true}},
		{"412723199010050012", ResidentIDInfo{"412723", "henan", "1990-10-05", true}},
		{"110102199101010078", ResidentIDInfo{"110102", "beijing", "1991-01-01", true}},
		{"120110198012010073", ResidentIDInfo{"120110", "tianjin", "1980-12-01", true}},
		{"120110199212010072", ResidentIDInfo{"120110", "tianjin", "1992-12-01", true}},
		// stdnum refuses these two because the county did not exist in the
		// birth year; the county is not checked here (see ResidentID).
		{"110111198012010078", ResidentIDInfo{"110111", "beijing", "1980-12-01", true}},
		{"110201199312010077", ResidentIDInfo{"110201", "beijing", "1993-12-01", true}},
		// GB 11643 A: 北京市朝阳区, 1949-12-31, female.
		{"11010519491231002X", ResidentIDInfo{"110105", "beijing", "1949-12-31", false}},
		// constructed: leap day, first valid day, Chongqing and Shanghai.
		{"110000200002290016", ResidentIDInfo{"110000", "beijing", "2000-02-29", true}},
		{"110000190001010012", ResidentIDInfo{"110000", "beijing", "1900-01-01", true}},
		{"500000200001010011", ResidentIDInfo{"500000", "chongqing", "2000-01-01", true}},
		{"310000200001010016", ResidentIDInfo{"310000", "shanghai", "2000-01-01", true}},
		// constructed: Hong Kong, Macao and Taiwan residence permits (81, 82,
		// 83) and GB/T 2260's Taiwan code 71 have no mainland province.
		{"810000199001010019", ResidentIDInfo{"810000", "", "1990-01-01", true}},
		{"820000199001010010", ResidentIDInfo{"820000", "", "1990-01-01", true}},
		{"830000199001010012", ResidentIDInfo{"830000", "", "1990-01-01", true}},
		{"710000199001010015", ResidentIDInfo{"710000", "", "1990-01-01", true}},
	}
	for _, tt := range tests {
		got, err := ResidentID(tt.id)
		if err != nil {
			t.Errorf("ResidentID(%q): %v", tt.id, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ResidentID(%q) (-want +got):\n%s", tt.id, diff)
		}
	}
}

func TestResidentIDInvalid(t *testing.T) {
	tests := []struct {
		id, want string // want is a part of the error message
	}{
		{"T60426199101010078", "character 1 is 'T'"},             // stdnum: invalid format
		{"360426199113010079", "birth date 1991-13-01"},          // stdnum: invalid date
		{"36042619910102009X", "check character is X, want 3"},   // stdnum: invalid checksum
		{"990426199112010074", "division 990426 starts with 99"}, // stdnum: unknown place
		{"440524188001010014", "birth date 1880-01-01"},          // GB 11643 A: valid in 1999, before 1900 here
		{"110000200102290013", "birth date 2001-02-29"},          // constructed: no leap day
		{"110000189912310018", "before 1900"},                    // constructed
		{"360426910101007", "15-digit numbers"},                  // legacy GB 11643-1989 form
		{"36042619910101007", "has 17 characters"},               // one short
		{"3604261991010100711", "has 19 characters"},             // one long
		{"", "has 0 characters"},                                 // empty
		{"３60426199101010071", "character 1 is '３'"},             // full-width digit
		{"360426199101010071 ", "has 19 characters"},             // trailing space
		{"36042619910101007Y", "check character is 'Y'"},         // not a digit or X
		{"360426-99101010071", "character 7 is '-'"},             // separator
		{"360426199101010070", "check character is 0, want 1"},   // wrong check digit
		{"11010519491231002Y", "want a digit or X"},              // wrong check letter
		{"110105194912310020", "check character is 0, want X"},   // X expected
		{"000000200001010013", "division 000000 starts with 00"}, // constructed
		{"100000200001010017", "division 100000 starts with 10"}, // constructed: USCC national code, not a province
	}
	for _, tt := range tests {
		_, err := ResidentID(tt.id)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ResidentID(%q) error = %v, want it to contain %q", tt.id, err, tt.want)
		}
		if err != nil && len(tt.id) >= 15 && strings.Contains(err.Error(), tt.id) {
			t.Errorf("ResidentID(%q) error repeats the number: %v", tt.id, err)
		}
	}
}

// Changing any one character of a valid number to any other allowed
// character must be caught: the weights of both check systems are non-zero
// modulo their prime, so every single substitution changes the check.
func TestResidentIDMutation(t *testing.T) {
	for _, id := range []string{"360426199101010071", "44011320141005001X", "11010519491231002X", "412723199010050012"} {
		for i := range len(id) {
			for _, c := range "0123456789X" {
				if byte(c) == id[i] || c == 'X' && i < 17 {
					continue
				}
				m := id[:i] + string(c) + id[i+1:]
				if _, err := ResidentID(m); err == nil {
					t.Errorf("ResidentID(%q) accepted a mutation of %q", m, id)
				}
			}
		}
	}
}

func TestAgeAt(t *testing.T) {
	tests := []struct {
		birth, at model.Date
		want      int
		wantErr   bool
	}{
		{"1990-05-10", "2020-05-09", 29, false},
		{"1990-05-10", "2020-05-10", 30, false},
		{"1990-05-10", "1990-05-10", 0, false},
		{"2000-02-29", "2001-02-28", 0, false}, // not yet: 29 February has not come
		{"2000-02-29", "2001-03-01", 1, false}, // completes on 1 March
		{"2000-02-29", "2004-02-28", 3, false},
		{"2000-02-29", "2004-02-29", 4, false},
		{"2007-12-31", "2025-12-30", 17, false},
		{"2007-12-31", "2025-12-31", 18, false},
		{"2020-01-02", "2020-01-01", 0, true}, // before birth
		{"2001-02-29", "2020-01-01", 0, true}, // no such day
		{"2001-2-3", "2020-01-01", 0, true},   // not canonical
		{"2001-02-03", "", 0, true},
	}
	for _, tt := range tests {
		got, err := AgeAt(tt.birth, tt.at)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("AgeAt(%q, %q) = %d, %v; want %d, error %v", tt.birth, tt.at, got, err, tt.want, tt.wantErr)
		}
	}
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestUSCCStdnumList(t *testing.T) {
	codes := readLines(t, "testdata/stdnum_uscc_valid.txt")
	if len(codes) != 383 {
		t.Fatalf("read %d codes, want 383", len(codes))
	}
	for _, code := range codes {
		info, err := USCC(code)
		if err != nil {
			t.Errorf("USCC(%q): %v", code, err)
			continue
		}
		// Every embedded organisation code is GB 11714-valid, individual
		// businesses (92…MA…) included: nothing in the list needs an
		// exemption from that check.
		if err := OrganizationCode(info.OrganizationCode); err != nil {
			t.Errorf("OrganizationCode(%q) from %q: %v", info.OrganizationCode, code, err)
		}
	}
}

func TestUSCCValid(t *testing.T) {
	tests := []struct {
		code string
		want USCCInfo
	}{
		// stdnum, uscc.py.
		{"91110000600037341L", USCCInfo{'9', '1', "110000", "beijing", "600037341"}},
		// stdnum list: a Tianjin public institution, a Shanghai company with
		// a new-style MA code, an Anhui individual business, a Gansu code
		// whose organisation code starts with a letter.
		{"121200004013590816", USCCInfo{'1', '2', "120000", "tianjin", "401359081"}},
		{"91310115MA1K3BTP2B", USCCInfo{'9', '1', "310115", "shanghai", "MA1K3BTP2"}},
		{"92340602MA2PBMEM24", USCCInfo{'9', '2', "340602", "anhui", "MA2PBMEM2"}},
		{"91620105L015101280", USCCInfo{'9', '1', "620105", "gansu", "L01510128"}},
		// 清华大学, registered at national level (100000), invoice header
		// published at https://wsbx.tsinghua.edu.cn/.
		{"12100000400000624D", USCCInfo{'1', '2', "100000", "", "400000624"}},
		// 北京航空航天大学, https://cwc.buaa.edu.cn/info/1017/5016.htm.
		{"12100000400011227Y", USCCInfo{'1', '2', "100000", "", "400011227"}},
		// 北京科技大学, https://caiwu.ustb.edu.cn/shouji/shuihaozhanghao1/2018-08-01/601.html.
		{"121000004000022245", USCCInfo{'1', '2', "100000", "", "400002224"}},
		// 中国科学院大气物理研究所, https://iap.cas.cn/gb/jgsz/glxt/jhcwc/xzc_cwc/202101/P020241030707944946136.pdf.
		{"121000004000119994", USCCInfo{'1', '2', "100000", "", "400011999"}},
		// constructed: departments added after GB 32100-2015 (law firm 31,
		// village collective N2, military A1) and Y1.
		{"31110000600037341T", USCCInfo{'3', '1', "110000", "beijing", "600037341"}},
		{"N24403006000373414", USCCInfo{'N', '2', "440300", "guangdong", "600037341"}},
		{"A1110000600037341K", USCCInfo{'A', '1', "110000", "beijing", "600037341"}},
		{"Y1440300600037341Y", USCCInfo{'Y', '1', "440300", "guangdong", "600037341"}},
	}
	for _, tt := range tests {
		got, err := USCC(tt.code)
		if err != nil {
			t.Errorf("USCC(%q): %v", tt.code, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("USCC(%q) (-want +got):\n%s", tt.code, diff)
		}
	}
}

func TestUSCCInvalid(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"12345", "has 5 characters"},                          // stdnum: invalid length
		{"A1110000600037341L", "check character is L, want K"}, // stdnum: invalid format there; A is a department now, so the check fails
		{"9111000060003IOZSV", "character 14 is I"},            // stdnum: letters never used
		{"91110000600037341N", "check character is N, want L"}, // stdnum: invalid checksum
		{"91350203M0001FUE2P", "check character is P, want J"}, // hutool #2020: real but wrongly issued
		{"91110000600037341l", "lower-case 'l'"},
		{"91110000-60003734L", "character 9 is '-'"},
		{"91 110000 600037341L", "has 20 characters"}, // stdnum strips spaces; a filing must not contain them
		{"９1110000600037341L", "character 1 is '９'"},
		{"91110000600037341", "has 17 characters"},
		{"B1110000600037341J", "registration department code B"},                           // constructed
		{"94110000600037341B", "organisation kind 4"},                                      // constructed
		{"Y2110000600037341U", "organisation kind 2"},                                      // constructed
		{"91710000600037341W", "division 710000"},                                          // constructed: Taiwan is no registration division
		{"91990000600037341B", "division 990000"},                                          // constructed
		{"9111000A6000373415", "division 11000A"},                                          // constructed
		{"91110000600037342P", "organisation code, which has check character '2', want 1"}, // constructed
		{"91110000PDY00001X3", "PDY range"},                                                // constructed
	}
	for _, tt := range tests {
		_, err := USCC(tt.code)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("USCC(%q) error = %v, want it to contain %q", tt.code, err, tt.want)
		}
	}
}

func TestUSCCMutation(t *testing.T) {
	for _, code := range []string{"91110000600037341L", "92340602MA2PBMEM24", "12100000400000624D", "9144030071526726XG"} {
		for i := range len(code) {
			for j := range len(usccAlphabet) {
				c := usccAlphabet[j]
				if c == code[i] {
					continue
				}
				m := code[:i] + string(c) + code[i+1:]
				if _, err := USCC(m); err == nil {
					t.Errorf("USCC(%q) accepted a mutation of %q", m, code)
				}
			}
		}
	}
}

func TestOrganizationCode(t *testing.T) {
	tests := []struct {
		code, wantErr string // wantErr is "" for a valid code
	}{
		// Organisation codes embedded in published USCCs (stdnum, universities).
		{"600037341", ""},
		{"60003734-1", ""},
		{"40000062-4", ""}, // 清华大学
		{"MA2PBM9HX", ""},
		{"L01510128", ""},
		{"71526726-X", ""},
		{"42500615X", ""}, // 复旦大学's 1210000042500615X0, organisation check X
		// constructed: GB 11714 allows all 26 letters, unlike GB 32100.
		{"ZZZZZZZZ3", ""},
		{"IOSV12340", ""},
		{"600037342", "check character '2', want 1"},
		{"60003734-2", "check character '2', want 1"},
		{"6000373-41", "has 10 characters"},
		{"60003734_1", "has 10 characters"},
		{"60003734—1", "has 10 characters"}, // em dash is not the hyphen
		{"ma2pbm9hx", "lower-case 'm'"},
		{"60003734", "has 8 characters"},
		{"6000373４1", "character 8 is '４'"},
		{"6000373.1", "has '.' at character 8"},
		{"PDY00001X", "PDY range"},
		{"", "has 0 characters"},
	}
	for _, tt := range tests {
		err := OrganizationCode(tt.code)
		if tt.wantErr == "" && err != nil {
			t.Errorf("OrganizationCode(%q): %v", tt.code, err)
		}
		if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("OrganizationCode(%q) error = %v, want it to contain %q", tt.code, err, tt.wantErr)
		}
	}
}

func TestCertificateProvince(t *testing.T) {
	tests := []struct {
		certType, number string
		want             model.Province
		ok               bool
	}{
		{"resident_id", "360426199101010071", "jiangxi", true},
		{"resident_id", "44011320141005001x", "guangdong", true},
		{"resident_id", "360426199101010070", "", false}, // bad check character
		{"resident_id", "810000199001010019", "", false}, // Hong Kong: no mainland province
		{"resident_id", "91110000600037341L", "", false}, // a USCC is not a resident ID
		{"business_license", "91110000600037341L", "beijing", true},
		{"unified_social_credit_certificate", "92340602MA2PBMEM24", "anhui", true},
		{"public_institution_certificate", "121200004013590816", "tianjin", true},
		{"public_institution_certificate", "12100000400000624D", "", false}, // national registration
		{"business_license", "91110000600037341N", "", false},
		{"business_license", "360426199101010071", "", false},
		{"passport", "E12345678", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		got, ok := CertificateProvince(tt.certType, tt.number)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CertificateProvince(%q, %q) = %q, %v; want %q, %v", tt.certType, tt.number, got, ok, tt.want, tt.ok)
		}
	}
}
