package model

import (
	"testing"

	"golang.org/x/text/language"
)

func TestParseLanguage(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Language
		ok   bool
	}{
		{"", Chinese, true},
		{"zh", Chinese, true},
		{"zh-CN", Chinese, true},
		{"zh-Hant-TW", Chinese, true},
		{"en", English, true},
		{"en-GB", English, true},
		{"fr;q=0.9, en;q=0.8", English, true},
		{"fr", Chinese, false},
		{"!!", Chinese, false},
	} {
		got, err := ParseLanguage(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseLanguage(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestMatchLanguage(t *testing.T) {
	if got := MatchLanguage(); got != Chinese {
		t.Errorf("no preference: %v", got)
	}
	if got := MatchLanguage(language.MustParse("en-US")); got != English {
		t.Errorf("en-US: %v", got)
	}
	if got := MatchLanguage(language.French); got != Chinese {
		t.Errorf("fr: %v, want the default", got)
	}
	if English.String() != "en" || Chinese.String() != "zh" {
		t.Errorf("String: %s %s", English, Chinese)
	}
}
