package check

import (
	"strings"
	"testing"
)

func TestMobile(t *testing.T) {
	tests := []struct {
		number, wantErr string // wantErr is "" for a valid number
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

		{"", "want 11 digits"},
		{"1380013800", "want 11 digits"},
		{"138001380000", "want 11 digits"},
		{"12345678901", "begin with 13 to 19"},
		{"10086100861", "begin with 13 to 19"},
		{"23800138000", "begin with 13 to 19"},
		{"86138001380", "begin with 13 to 19"}, // 11 digits: no room for a country code
		{"138 0013 8000", "want 11 digits"},
		{"138-0013-8000", "want 11 digits"},
		{"1380013800a", "other than digits"},
		{"１３８００１３８０００", "want 11 digits"}, // full-width digits
		{"+86  13800138000", "want 11 digits"},
		{"+86_13800138000", "want 11 digits"},
		{"+85213800138000", "only country code allowed is +86"},
		{"+1 4155550123", "only country code allowed is +86"},
		{"+86", "want 11 digits"},
		{"0086 13800138000", "want 11 digits"},
		{" 13800138000", "want 11 digits"},
	}
	for _, tt := range tests {
		err := Mobile(tt.number)
		if tt.wantErr == "" && err != nil {
			t.Errorf("Mobile(%q): %v", tt.number, err)
		}
		if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("Mobile(%q) error = %v, want it to contain %q", tt.number, err, tt.wantErr)
		}
	}
}
