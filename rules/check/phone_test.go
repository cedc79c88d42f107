package check

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMobile(t *testing.T) {
	tests := []struct {
		number string
		want   string // problem code, "" for a valid number
	}{
		{"13800138000", ""},
		{"19912345678", ""},
		{"14700000000", ""},
		{"+8613800138000", ""},
		{"8613800138000", ""},
		{"+86 13800138000", ""},
		{"+86-13800138000", ""},
		{"86 13800138000", ""},
		{"86-13800138000", ""},

		{"", "mobile.length"},
		{"1380013800", "mobile.length"},
		{"138001380000", "mobile.length"},
		{"12345678901", "mobile.prefix"},
		{"10086100861", "mobile.prefix"},
		{"23800138000", "mobile.prefix"},
		{"86138001380", "mobile.prefix"}, // 11 digits: no room for a country code
		{"138 0013 8000", "mobile.length"},
		{"138-0013-8000", "mobile.length"},
		{"1380013800a", "mobile.not-digit"},
		{"１３８００１３８０００", "mobile.length"}, // full-width digits
		{"+86  13800138000", "mobile.length"},
		{"+86_13800138000", "mobile.length"},
		{"+85213800138000", "mobile.country-code"},
		{"+1 4155550123", "mobile.country-code"},
		{"+86", "mobile.length"},
		{"0086 13800138000", "mobile.length"},
		{" 13800138000", "mobile.length"},
	}
	for _, tt := range tests {
		var want *Problem
		if tt.want != "" {
			want = newProblem(tt.want, tt.number) // every mobile problem names the number
		}
		if diff := cmp.Diff(want, problemOf(Mobile(tt.number))); diff != "" {
			t.Errorf("Mobile(%q) problem (-want +got):\n%s", tt.number, diff)
		}
	}
}

func TestPhone(t *testing.T) {
	tests := []struct {
		number string
		want   *Problem // nil for a valid number
	}{
		// Mobile numbers, as Mobile takes them.
		{"13901112222", nil},
		{"+86 13901112222", nil},
		// Landlines with their area codes, with or without the hyphen.
		{"010-65001234", nil},
		{"01065001234", nil},
		{"010 65001234", nil},
		{"010-12345678", nil},
		{"021-62345678", nil},
		{"029-88886666", nil},
		{"0731-88886666", nil},
		{"073188886666", nil},
		{"0731-8888666", nil}, // 7-digit local numbers remain under three-digit area codes
		{"0898-66668888", nil},
		{"0311-8888666", nil},

		{"65001234", newProblem("phone.no-area-code", "65001234")},
		{"8888666", newProblem("phone.no-area-code", "8888666")},
		{"010-6500123", newProblem("phone.local-length-8", "010-6500123", "010", "7")},
		{"0106500123", newProblem("phone.local-length-8", "0106500123", "010", "7")},
		{"021-650012345", newProblem("phone.local-length-8", "021-650012345", "021", "9")},
		{"0731-888866", newProblem("phone.local-length", "0731-888866", "0731", "6")},
		{"0731-888866661", newProblem("phone.local-length", "0731-888866661", "0731", "9")},
		{"031-1234567", newProblem("phone.format", "031-1234567")},                  // 031 is no area code
		{"0311234567", newProblem("phone.local-length", "0311234567", "0311", "6")}, // read as 0311 and 6 digits
		{"011-88886666", newProblem("phone.area-code", "011-88886666", "011")},
		{"0731-88886666-123", newProblem("phone.extension", "0731-88886666-123")},
		{"0731-88886666转123", newProblem("phone.extension", "0731-88886666转123")},
		{"0731-88886666 ext. 123", newProblem("phone.extension", "0731-88886666 ext. 123")},
		{"010-65001234#8", newProblem("phone.extension", "010-65001234#8")},
		{"0731-8888-6666", newProblem("phone.format", "0731-8888-6666")},
		{"0731 8888 6666", newProblem("phone.format", "0731 8888 6666")},
		{"0731--88886666", newProblem("phone.format", "0731--88886666")},
		{"(0731)88886666", newProblem("phone.format", "(0731)88886666")},
		{"０７３１-88886666", newProblem("phone.format", "０７３１-88886666")},
		{"0731-8888666a", newProblem("phone.format", "0731-8888666a")},
		{"400-123-4567", newProblem("phone.format", "400-123-4567")},
		{"95555", newProblem("phone.format", "95555")},
		{"", newProblem("phone.format", "")},
		{"0", newProblem("phone.format", "0")},
		{"+86 731 88886666", newProblem("phone.country-code", "+86 731 88886666")},
		{"+86-10-65001234", newProblem("phone.country-code", "+86-10-65001234")},
		{"0086 731 88886666", newProblem("phone.country-code", "0086 731 88886666")},
		{"+852 2345 6789", newProblem("phone.country-code", "+852 2345 6789")},
		// Meant as mobile numbers: Mobile's problem says what is wrong.
		{"+86 1390111222", newProblem("mobile.length", "+86 1390111222")},
		{"1390111222", newProblem("mobile.length", "1390111222")},
		{"12345678901", newProblem("mobile.prefix", "12345678901")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, problemOf(Phone(tt.number))); diff != "" {
			t.Errorf("Phone(%q) problem (-want +got):\n%s", tt.number, diff)
		}
	}
}
