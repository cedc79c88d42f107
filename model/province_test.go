package model

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// mixedCase upper-cases every other letter: "hunan" → "HuNaN".
func mixedCase(s string) string {
	r := []rune(s)
	for i := 0; i < len(r); i += 2 {
		r[i] = unicode.ToUpper(r[i])
	}
	return string(r)
}

func TestParseProvinceAliases(t *testing.T) {
	if len(Provinces()) != 31 {
		t.Fatalf("%d provinces, want 31", len(Provinces()))
	}
	seen := map[string]bool{}
	for _, p := range Provinces() {
		inputs := []string{
			string(p.Slug), p.Short, p.Full, p.Code,
			width.Widen.String(p.Code),         // full-width digits, "４３"
			width.Widen.String(string(p.Slug)), // full-width letters
			mixedCase(string(p.Slug)),
			strings.ToUpper(string(p.Slug)),
			" " + p.Short + " ",
		}
		for _, in := range inputs {
			got, err := ParseProvince(in)
			if err != nil || got != p.Slug {
				t.Errorf("ParseProvince(%q) = %q, %v; want %q", in, got, err, p.Slug)
			}
		}
		for _, alias := range []string{string(p.Slug), p.Short, p.Full, p.Code} {
			if seen[alias] {
				t.Errorf("alias %q belongs to two provinces", alias)
			}
			seen[alias] = true
		}
		if info, ok := p.Slug.Info(); !ok || info != p {
			t.Errorf("%s.Info() = %+v, %v", p.Slug, info, ok)
		}
	}
}

func TestParseProvince(t *testing.T) {
	tests := []struct {
		in   string
		want Province
		err  string // fragment; "" when in is accepted
	}{
		{in: "４３", want: "hunan"},
		{in: "湖南", want: "hunan"},
		{in: "湖南省", want: "hunan"},
		{in: "陕西", want: "shaanxi"},
		{in: "陕西省", want: "shaanxi"},
		{in: "61", want: "shaanxi"},
		{in: "ShaanXi", want: "shaanxi"},
		{in: "山西", want: "shanxi"},
		{in: "14", want: "shanxi"},
		{in: "shanxi", want: "shanxi"},
		{in: "内蒙古自治区", want: "neimenggu"},
		{in: "Inner Mongolia", want: "neimenggu"},
		{in: "广西壮族自治区", want: "guangxi"},
		{in: "Tibet", want: "xizang"},
		{in: "香港", err: "Hong Kong is not a mainland province"},
		{in: "香港特别行政区", err: "Hong Kong is not a mainland province"},
		{in: "澳门", err: "Macao is not a mainland province"},
		{in: "Macau", err: "Macao is not a mainland province"},
		{in: "台湾", err: "Taiwan is not a mainland province"},
		{in: "71", err: "Taiwan is not a mainland province"},
		{in: "atlantis", err: `unknown province "atlantis"`},
		{in: "", err: "unknown province"},
		{in: "43x", err: "unknown province"},
	}
	for _, tt := range tests {
		got, err := ParseProvince(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseProvince(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseProvince(%q) = %q, %v; want an error containing %q", tt.in, got, err, tt.err)
		}
	}
}
