package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestCheckAccepts(t *testing.T) {
	decoded, err := DecodeYAML([]byte(richYAML))
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]*Filing{"decoded": decoded, "built": richFiling(), "zero": {}, "tricky": trickyFiling()} {
		if err := Check(f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Filing)
		path   string
		msg    string
	}{
		{"enum not lower-case", func(f *Filing) { f.Services[0].Kind = "Website" }, "services[0].kind", `"Website" is not in canonical form; write "website"`},
		{"enum with spaces", func(f *Filing) { f.Type = " first_filing" }, "type", `write "first_filing"`},
		{"unknown enum", func(f *Filing) { f.Subject.Nature = "company" }, "subject.nature", `unknown subject nature "company"`},
		{"nested enum", func(f *Filing) { f.Services[1].Principal.Certificate.Type = "RESIDENT_ID" },
			"services[1].principal.certificate.type", `write "resident_id"`},
		{"material kind", func(f *Filing) { f.Materials[2].Kind = "domain certificate" }, "materials[2].kind", `unknown material kind`},
		{"resource type", func(f *Filing) { f.Resource.Type = "ECS" }, "resource.type", `write "ecs"`},
		{"province name", func(f *Filing) { f.Province = "湖南" }, "province", `"湖南" is not in canonical form; write "hunan"`},
		{"province code", func(f *Filing) { f.Province = "43" }, "province", `write "hunan"`},
		{"province case", func(f *Filing) { f.Province = "Hunan" }, "province", `write "hunan"`},
		{"province abroad", func(f *Filing) { f.Province = "香港" }, "province", "not a mainland province"},
		{"invalid date", func(f *Filing) { f.Subject.Certificate.ValidUntil = "2023-02-30" }, "subject.certificate.valid_until", `invalid date "2023-02-30"`},
		{"unpadded date", func(f *Filing) { f.Subject.Principal.Certificate.ValidFrom = "2020-1-1" }, "subject.principal.certificate.valid_from", "invalid date"},
		{"invalid date-time", func(f *Filing) { f.SubmittedAt = "2024-05-01 10:00" }, "submitted_at", "invalid date or date-time"},
		{"verification date-time", func(f *Filing) { f.Verification.SMSVerifiedAt = "yesterday" }, "verification.sms_verified_at", "invalid date or date-time"},
		{"name not UTF-8", func(f *Filing) { f.Services[1].Name = "南海\xff云" }, "services[1].name", "value is not valid UTF-8; a filing is UTF-8 text"},
		{"NUL in a domain", func(f *Filing) { f.Services[0].Domains[0].Name = "a.cn\x00" }, "services[0].domains[0].name", "value contains a NUL character (U+0000), which no filing holds"},
		{"NUL in a list of strings", func(f *Filing) { f.Services[0].IPs = []string{"192.0.2.1", "\x00"} }, "services[0].ips[1]", "value contains a NUL character"},
		{"first in field order", func(f *Filing) { f.Materials[0].Kind = "X"; f.Type = "X" }, "type", "unknown filing type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, want := richFiling(), richFiling()
			tt.mutate(f)
			tt.mutate(want)
			err := Check(f)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Check = %v, want a *DecodeError", err)
			}
			if de.Path != tt.path || de.Line != 0 || de.Column != 0 || de.File != "" {
				t.Errorf("error at %q %d:%d, want %q with no position", de.Path, de.Line, de.Column, tt.path)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), tt.path+": ") {
				t.Errorf("error %q does not start with %q and contain %q", err, tt.path, tt.msg)
			}
			if diff := cmp.Diff(want, f); diff != "" {
				t.Errorf("Check modified its argument (-before +after):\n%s", diff)
			}
		})
	}
}

func TestCheckNil(t *testing.T) {
	var de *DecodeError
	if err := Check(nil); !errors.As(err, &de) {
		t.Errorf("Check(nil) = %v, want a *DecodeError", err)
	}
}

func TestParseDate(t *testing.T) {
	for s, ok := range map[string]bool{
		"2024-02-29": true, "2023-02-29": false, "2000-02-29": true, "1900-02-29": false,
		"2026-12-31": true, "2026-13-01": false, "2026-00-10": false, "2026-04-31": false,
		"0000-01-01": false, "2026-1-01": false, "2026/01/01": false, "2026-01-0a": false, "": false,
	} {
		if _, err := ParseDate(s); (err == nil) != ok {
			t.Errorf("ParseDate(%q) error = %v, want ok=%v", s, err, ok)
		}
		// Time reads the same days, as time.Parse would.
		got, err := Date(s).Time()
		if (err == nil) != ok {
			t.Errorf("Date(%q).Time() error = %v, want ok=%v", s, err, ok)
		}
		if want, _ := time.Parse("2006-01-02", s); ok && !got.Equal(want) {
			t.Errorf("Date(%q).Time() = %v, want %v", s, got, want)
		}
	}
}

// textProblemOf reads eight bytes at a time; wherever the NUL or the bad
// byte falls, and whatever precedes it, it must find what a plain scan finds.
func TestTextProblemOfAtEveryPosition(t *testing.T) {
	reference := func(s string) textProblem {
		switch {
		case !utf8.ValidString(s):
			return notUTF8
		case strings.IndexByte(s, 0) >= 0:
			return containsNUL
		}
		return textOK
	}
	for _, prefix := range []string{"", "a", "张"} {
		for n := 0; n <= 20; n++ {
			base := prefix + strings.Repeat("x", n)
			for _, bad := range []string{"", "\x00", "\xff", "\x80", "\xe5\xbc", "三", "\x7f"} {
				for _, tail := range []string{"", "yz", "0123456789", "a\xff", "\x00b"} {
					s := base + bad + tail
					if got, want := textProblemOf(s), reference(s); got != want {
						t.Errorf("textProblemOf(%q) = %d, want %d", s, got, want)
					}
				}
			}
		}
	}
}

// Check's walk is written by hand, field by field: every text field of the
// model, at any depth, must be checked and named by its wire path. Each is
// set in turn to a value no filing may hold.
func TestCheckCoversEveryTextField(t *testing.T) {
	f := richFiling()
	var paths []string
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			old := v.String()
			v.SetString("\x00")
			err := Check(f)
			v.SetString(old)
			var de *DecodeError
			if !errors.As(err, &de) || de.Path != path {
				t.Errorf("%s set to NUL: Check = %v, want an error at %s", path, err, path)
			}
			paths = append(paths, path)
		case reflect.Pointer:
			if !v.IsNil() {
				visit(v.Elem(), path)
			}
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i), indexPath(path, i))
			}
		case reflect.Struct:
			for _, field := range fieldsOf(v.Type()).list {
				visit(v.Field(field.index), keyPath(path, field.name))
			}
		}
	}
	visit(reflect.ValueOf(f).Elem(), "")
	if len(paths) < 60 {
		t.Errorf("only %d text fields visited: richFiling no longer sets them all", len(paths))
	}
	if err := Check(f); err != nil {
		t.Errorf("the filing was not restored: %v", err)
	}
}

// Every Validate runs Check: on a filing without fault it builds no path
// and allocates nothing.
func TestCheckAllocatesNothing(t *testing.T) {
	f := richFiling()
	if n := testing.AllocsPerRun(100, func() { _ = Check(f) }); n != 0 {
		t.Errorf("Check allocates %v times per call, want 0", n)
	}
}
