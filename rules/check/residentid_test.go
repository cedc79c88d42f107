package check

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
)

// Sources of the vectors below:
//
//   - stdnum: python-stdnum, https://github.com/arthurdejong/python-stdnum,
//     stdnum/cn/ric.py and tests/test_cn_ric.doctest.
//   - GB 11643 A: GB 11643-1999 appendix A (公民身份号码实例), as reproduced on
//     https://zh.wikisource.org/wiki/GB_11643-1999_公民身份号码.
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
		id   string
		want *Problem
	}{
		{"T60426199101010078", newProblem("resident-id.not-digit", "1", "T")},             // stdnum: invalid format
		{"360426199113010079", newProblem("resident-id.birth-date", "1991-13-01")},        // stdnum: invalid date
		{"36042619910102009X", newProblem("resident-id.check-character", "X", "3")},       // stdnum: invalid checksum
		{"990426199112010074", newProblem("resident-id.division", "990426", "99")},        // stdnum: unknown place
		{"440524188001010014", newProblem("resident-id.birth-before-1900", "1880-01-01")}, // GB 11643 A: valid in 1999, before 1900 here
		{"110000200102290013", newProblem("resident-id.birth-date", "2001-02-29")},        // constructed: no leap day
		{"110000189912310018", newProblem("resident-id.birth-before-1900", "1899-12-31")}, // constructed
		{"360426910101007", newProblem("resident-id.legacy-15")},                          // legacy GB 11643-1989 form
		{"36042619910101007", newProblem("resident-id.length", "17")},                     // one short
		{"3604261991010100711", newProblem("resident-id.length", "19")},                   // one long
		{"", newProblem("resident-id.length", "0")},                                       // empty
		{"３60426199101010071", newProblem("resident-id.non-ascii", "1", "３")},             // full-width digit
		{"36042619910101007\u200b", newProblem("resident-id.non-ascii", "18", "U+200B")},  // zero-width space
		{"360426199101010071 ", newProblem("resident-id.length", "19")},                   // trailing space
		{"36042619910101007Y", newProblem("resident-id.check-character-form", "Y")},       // not a digit or X
		{"360426-99101010071", newProblem("resident-id.not-digit", "7", "-")},             // separator
		{"360426199101010070", newProblem("resident-id.check-character", "0", "1")},       // wrong check digit
		{"11010519491231002Y", newProblem("resident-id.check-character-form", "Y")},       // wrong check letter
		{"110105194912310020", newProblem("resident-id.check-character", "0", "X")},       // X expected
		{"000000200001010013", newProblem("resident-id.division", "000000", "00")},        // constructed
		{"100000200001010017", newProblem("resident-id.division", "100000", "10")},        // constructed: USCC national code, not a province
	}
	for _, tt := range tests {
		_, err := ResidentID(tt.id)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("ResidentID(%q) problem (-want +got):\n%s", tt.id, diff)
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

func TestResidentIDOn(t *testing.T) {
	// constructed numbers of 北京市朝阳区, check characters computed.
	tests := []struct {
		id   string
		on   model.Date
		want *Problem // nil for a plausible number
	}{
		{"110105202606010018", "2026-06-01", nil}, // born on the filing's day
		{"110105202606020013", "2026-06-01", newProblem("resident-id.birth-in-future", "2026-06-02", "2026-06-01")},
		{"11010520300101001X", "2026-06-01", newProblem("resident-id.birth-in-future", "2030-01-01", "2026-06-01")},
		{"110105190606010012", "2026-06-01", nil}, // 120 years to the day
		{"110105190605310013", "2026-06-01", newProblem("resident-id.birth-too-old", "1906-05-31", "2026-06-01")},
		{"11010519491231002X", "2026-06-01", nil},
		// 120 years before 2024-02-29 is 1904-02-29; before 2020-02-29, 1900-03-01.
		{"110105190402290016", "2024-02-29", nil},
		{"110105190402290016", "2024-03-01", newProblem("resident-id.birth-too-old", "1904-02-29", "2024-03-01")},
		{"110000190001010012", "2020-02-29", newProblem("resident-id.birth-too-old", "1900-01-01", "2020-02-29")},
		{"110105200002290013", "2026-06-01", nil},
		// ResidentID's problems come first.
		{"110105202606010019", "2026-06-01", newProblem("resident-id.check-character", "9", "8")},
		{"110105202606010018", "2026-6-1", newProblem("date.invalid", "2026-6-1")},
		{"110105202606010018", "", newProblem("date.invalid", "")},
	}
	for _, tt := range tests {
		info, err := ResidentIDOn(tt.id, tt.on)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("ResidentIDOn(%q, %q) problem (-want +got):\n%s", tt.id, tt.on, diff)
			continue
		}
		if err != nil {
			continue
		}
		// A number ResidentIDOn accepts gives an age, between 0 and 120.
		want, _ := ResidentID(tt.id)
		if diff := cmp.Diff(want, info); diff != "" {
			t.Errorf("ResidentIDOn(%q, %q) info (-ResidentID +ResidentIDOn):\n%s", tt.id, tt.on, diff)
		}
		if age, err := AgeAt(info.Birth, tt.on); err != nil || age < 0 || age > maxAge {
			t.Errorf("AgeAt(%q, %q) = %d, %v after ResidentIDOn accepted the number", info.Birth, tt.on, age, err)
		}
	}
}

func TestAgeAt(t *testing.T) {
	tests := []struct {
		birth, at model.Date
		want      int
		problem   *Problem
	}{
		{"1990-05-10", "2020-05-09", 29, nil},
		{"1990-05-10", "2020-05-10", 30, nil},
		{"1990-05-10", "1990-05-10", 0, nil},
		{"2000-02-29", "2001-02-28", 0, nil}, // not yet: 29 February has not come
		{"2000-02-29", "2001-03-01", 1, nil}, // completes on 1 March
		{"2000-02-29", "2004-02-28", 3, nil},
		{"2000-02-29", "2004-02-29", 4, nil},
		{"2007-12-31", "2025-12-30", 17, nil},
		{"2007-12-31", "2025-12-31", 18, nil},
		{"2020-01-02", "2020-01-01", 0, newProblem("age.before-birth", "2020-01-01", "2020-01-02")},
		{"2001-02-29", "2020-01-01", 0, newProblem("age.birth-date-invalid", "2001-02-29")}, // no such day
		{"2001-2-3", "2020-01-01", 0, newProblem("age.birth-date-invalid", "2001-2-3")},     // not canonical
		{"2001-02-03", "", 0, newProblem("date.invalid", "")},
	}
	for _, tt := range tests {
		got, err := AgeAt(tt.birth, tt.at)
		if diff := cmp.Diff(tt.problem, problemOf(err)); diff != "" || got != tt.want {
			t.Errorf("AgeAt(%q, %q) = %d, %v; want %d, %v", tt.birth, tt.at, got, err, tt.want, tt.problem)
		}
	}
}
