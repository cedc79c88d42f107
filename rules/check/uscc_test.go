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
//     stdnum/cn/uscc.py and tests/test_cn_uscc.doctest (the long list is in
//     testdata/stdnum_uscc_valid.txt).
//   - Published codes of universities and institutes, from their finance
//     offices' invoice-header pages (cited per line).
//   - hutool #2020: https://github.com/chinabugotech/hutool/issues/2020, a
//     real company code whose check character is wrong (should be J).
//   - constructed: made for this test, with the check character computed.

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
		code string
		want *Problem
	}{
		{"12345", newProblem("uscc.length", "5")},                            // stdnum: invalid length
		{"A1110000600037341L", newProblem("uscc.check-character", "L", "K")}, // stdnum: invalid format there; A is a department now, so the check fails
		{"9111000060003IOZSV", newProblem("uscc.unused-letter", "14", "I")},  // stdnum: letters never used
		{"91110000600037341N", newProblem("uscc.check-character", "N", "L")}, // stdnum: invalid checksum
		{"91350203M0001FUE2P", newProblem("uscc.check-character", "P", "J")}, // hutool #2020: real but wrongly issued
		{"91110000600037341l", newProblem("uscc.lower-case", "18", "l")},
		{"91110000-60003734L", newProblem("uscc.bad-character", "9", "-")},
		{"91 110000 600037341L", newProblem("uscc.length", "20")}, // stdnum strips spaces; a filing must not contain them
		{"９1110000600037341L", newProblem("uscc.non-ascii", "1", "９")},
		{"91110000600037341", newProblem("uscc.length", "17")},
		{"B1110000600037341J", newProblem("uscc.department", "B")},                             // constructed
		{"94110000600037341B", newProblem("uscc.kind", "4", "9", "1, 2, 3")},                   // constructed
		{"Y2110000600037341U", newProblem("uscc.kind", "2", "Y", "1")},                         // constructed
		{"91710000600037341W", newProblem("uscc.division-province", "710000")},                 // constructed: Taiwan is no registration division
		{"91990000600037341B", newProblem("uscc.division-province", "990000")},                 // constructed
		{"9111000A6000373415", newProblem("uscc.division-digits", "11000A")},                   // constructed
		{"91110000600037342P", newProblem("uscc.organization-code.check-character", "2", "1")}, // constructed
		{"91110000PDY00001X3", newProblem("uscc.organization-code.reserved", "PDY00001X")},     // constructed
	}
	for _, tt := range tests {
		_, err := USCC(tt.code)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("USCC(%q) problem (-want +got):\n%s", tt.code, diff)
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
		code string
		want *Problem // nil for a valid code
	}{
		// Organisation codes embedded in published USCCs (stdnum, universities).
		{"600037341", nil},
		{"60003734-1", nil},
		{"40000062-4", nil}, // 清华大学
		{"MA2PBM9HX", nil},
		{"L01510128", nil},
		{"71526726-X", nil},
		{"42500615X", nil}, // 复旦大学's 1210000042500615X0, organisation check X
		// constructed: GB 11714 allows all 26 letters, unlike GB 32100.
		{"ZZZZZZZZ3", nil},
		{"IOSV12340", nil},
		{"600037342", newProblem("organization-code.check-character", "2", "1")},
		{"60003734-2", newProblem("organization-code.check-character", "2", "1")},
		{"6000373-41", newProblem("organization-code.length", "10")},
		{"60003734_1", newProblem("organization-code.length", "10")},
		{"60003734—1", newProblem("organization-code.length", "10")}, // em dash is not the hyphen
		{"ma2pbm9hx", newProblem("organization-code.lower-case", "1", "m")},
		{"60003734", newProblem("organization-code.length", "8")},
		{"6000373４1", newProblem("organization-code.non-ascii", "8", "４")},
		{"6000373.1", newProblem("organization-code.bad-character", "8", ".")},
		{"PDY00001X", newProblem("organization-code.reserved", "PDY00001X")},
		{"", newProblem("organization-code.length", "0")},
	}
	for _, tt := range tests {
		err := OrganizationCode(tt.code)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("OrganizationCode(%q) problem (-want +got):\n%s", tt.code, diff)
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
