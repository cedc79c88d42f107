package model

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// billionLaughs nests ten aliases nine deep: 10^9 strings once expanded.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]` + "\n")
	for i := 1; i < 9; i++ {
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 9) + prev + "]\n")
	}
	return b.String()
}

// nested is n lists, one inside the other.
func nested(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

// hostileCase is a document and the one error it must give: where, what,
// and whether it is a limit (errors.Is ErrLimit).
type hostileCase struct {
	name, format, in string
	path             string
	line, col        int
	msg              string // the whole of DecodeError.Err's message
	limit            bool
}

func (c hostileCase) run(t *testing.T, decode func([]byte) (*Filing, error)) {
	t.Helper()
	f, err := decode([]byte(c.in))
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("got %v (%T), want a *DecodeError", err, err)
	}
	if f != nil {
		t.Errorf("a filing came back with the error")
	}
	got := hostileCase{path: de.Path, line: de.Line, col: de.Column, msg: de.Err.Error(), limit: errors.Is(err, ErrLimit)}
	want := hostileCase{path: c.path, line: c.line, col: c.col, msg: c.msg, limit: c.limit}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(hostileCase{})); diff != "" {
		t.Errorf("error %v (-want +got):\n%s", err, diff)
	}
}

// TestLimits refuses documents over each default limit, at the path and
// line where the parser or the walker stopped.
func TestLimits(t *testing.T) {
	tests := []hostileCase{
		{name: "oversize json", format: "json", in: "{}" + strings.Repeat(" ", MaxInputBytes-1),
			msg: "JSON input is 8388609 bytes, more than the limit of 8388608 (8 MiB)", limit: true},
		{name: "oversize yaml", format: "yaml", in: "type: change\n" + strings.Repeat("#", DefaultLimits().MaxYAMLBytes),
			msg: "YAML input is 524301 bytes, more than the limit of 524288 (512 KiB)", limit: true},
		// The root, then a0 to a4 with their keys, are 123 461 values; the
		// 250 001st is a5[1][1][3][8][8][1], the second "lol" of a0 (line 1,
		// column 17), reached through five aliases.
		{name: "billion laughs", format: "yaml", in: billionLaughs(), path: "a5[1][1][3][8][8][1]", line: 1, col: 17,
			msg: "document has more than 250000 values (each use of a YAML alias counts as a copy)", limit: true},
		// The root, the key and the list are 3 values; item 249 997 is the
		// 250 001st, at column 15 + 3 × 249 997.
		{name: "too many values", format: "json", in: `{"services": [` + strings.Repeat("{},", DefaultLimits().MaxNodes) + "{}]}",
			path: "services[249997]", line: 1, col: 750006,
			msg: "document has more than 250000 values (each use of a YAML alias counts as a copy)", limit: true},
		// subject.name's list is at depth 2 (column 22); depth 65 is 63 lists further in.
		{name: "deep json", format: "json", in: `{"subject": {"name": ` + nested(100) + "}}",
			path: "subject.name" + strings.Repeat("[0]", 63), line: 1, col: 85,
			msg: "document is nested more than 64 levels deep", limit: true},
		{name: "deep json, unclosed", format: "json", in: strings.Repeat("[", 100000),
			path: strings.Repeat("[0]", 65), line: 1, col: 66,
			msg: "document is nested more than 64 levels deep", limit: true},
		{name: "deep yaml flow", format: "yaml", in: "subject:\n  name: " + nested(100) + "\n",
			path: "subject.name" + strings.Repeat("[0]", 63), line: 2, col: 72,
			msg: "document is nested more than 64 levels deep", limit: true},
		{name: "deep yaml block", format: "yaml", in: deepBlockYAML(100),
			path: strings.TrimSuffix(strings.Repeat("k.", 64), "."), line: 65, col: 65,
			msg: "document is nested more than 64 levels deep", limit: true},
		// yaml.v3 stops at 10 000 levels itself, before the tree is built.
		{name: "deeper yaml", format: "yaml", in: "subject:\n  name: " + strings.Repeat("[", 20000) + "\n",
			line: 2, msg: "invalid YAML: exceeded max depth of 10000"},
		{name: "too many domains", format: "json",
			in:   "{\"services\": [{\"kind\": \"website\",\n  \"domains\": [" + strings.Repeat(`"a.cn", `, 1000) + "\"b.cn\"]}]}",
			path: "services[0].domains", line: 2, col: 14, msg: "list has more than 1000 items", limit: true},
		{name: "too many ips", format: "yaml",
			in:   "services:\n  - kind: website\n    ips:\n" + strings.Repeat("      - 192.0.2.1\n", 1001),
			path: "services[0].ips", line: 4, col: 7, msg: "list has more than 1000 items", limit: true},
		{name: "1 MB name", format: "json", in: "{\"services\": [\n  {\"name\": \"" + strings.Repeat("名", 1<<20/3) + "x\"}]}",
			path: "services[0].name", line: 2, col: 12, msg: "value is 1048576 bytes, more than the limit of 65536", limit: true},
		{name: "100 KiB name", format: "yaml", in: "services:\n  - kind: app\n    name: " + strings.Repeat("a", 100<<10) + "\n",
			path: "services[0].name", line: 3, col: 11, msg: "value is 102400 bytes, more than the limit of 65536", limit: true},
		{name: "long number", format: "json", in: `{"resource": {"months": ` + strings.Repeat("9", 70000) + "}}",
			path: "resource.months", line: 1, col: 25, msg: "value is 70000 bytes, more than the limit of 65536", limit: true},
		{name: "long key", format: "json", in: `{"subject": {"` + strings.Repeat("k", 70000) + `": 1}}`,
			path: "subject", line: 1, col: 14, msg: "key is 70000 bytes, more than the limit of 65536", limit: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, decodeAs(tt.format)) })
	}
}

// deepBlockYAML nests n block mappings "k:", each indented one more space.
func deepBlockYAML(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

// TestLimitsOptions: zero and negative fields are the defaults, other
// fields are used as given, and MaxDepth stops at yaml.v3's 10 000.
func TestLimitsOptions(t *testing.T) {
	domains := func(n int) string {
		return `{"services": [{"domains": [` + strings.TrimSuffix(strings.Repeat(`"a.cn",`, n), ",") + "]}]}"
	}
	tests := []struct {
		name   string
		limits Limits
		hostileCase
	}{
		{"list limit lowered", Limits{MaxListItems: 5}, hostileCase{format: "json", in: domains(6),
			path: "services[0].domains", line: 1, col: 27, msg: "list has more than 5 items", limit: true}},
		{"string limit still the default", Limits{MaxListItems: 5}, hostileCase{format: "json", in: `{"provider": "` + strings.Repeat("x", 65537) + `"}`,
			path: "provider", line: 1, col: 14, msg: "value is 65537 bytes, more than the limit of 65536", limit: true}},
		{"negative is the default", Limits{MaxListItems: -1, MaxNodes: -1}, hostileCase{format: "json", in: domains(1001),
			path: "services[0].domains", line: 1, col: 27, msg: "list has more than 1000 items", limit: true}},
		{"yaml bytes raised, json bytes not", Limits{MaxYAMLBytes: 16 << 20}, hostileCase{format: "json", in: "{}" + strings.Repeat(" ", MaxInputBytes),
			msg: "JSON input is 8388610 bytes, more than the limit of 8388608 (8 MiB)", limit: true}},
		{"bytes lowered", Limits{MaxBytes: 10, MaxYAMLBytes: 10}, hostileCase{format: "yaml", in: "type: change\n",
			msg: "YAML input is 13 bytes, more than the limit of 10 (10 bytes)", limit: true}},
		{"nodes lowered", Limits{MaxNodes: 3}, hostileCase{format: "yaml", in: "type: change\nprovince: hunan\n",
			path: "", line: 2, col: 1, msg: "document has more than 3 values (each use of a YAML alias counts as a copy)", limit: true}},
		{"depth raised past yaml.v3's", Limits{MaxDepth: 1 << 40, MaxBytes: 1 << 30, MaxNodes: 1 << 30}, hostileCase{format: "json", in: strings.Repeat("[", 20000),
			path: strings.Repeat("[0]", 10001), line: 1, col: 10002, msg: "document is nested more than 10000 levels deep", limit: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decode := tt.limits.DecodeJSON
			if tt.format == "yaml" {
				decode = tt.limits.DecodeYAML
			}
			tt.run(t, decode)
		})
	}

	// What the defaults refuse, raised limits decode.
	raised := Limits{MaxListItems: 2000, MaxStringBytes: 2 << 20}
	f, err := raised.DecodeJSON([]byte(domains(1500)))
	if err != nil || len(f.Services[0].Domains) != 1500 {
		t.Errorf("1500 domains with MaxListItems 2000: %v", err)
	}
	name := strings.Repeat("名", 1<<20/3) + "x"
	f, err = raised.DecodeFile("big.json", []byte(`{"services": [{"name": "`+name+`"}]}`))
	if err != nil || f.Services[0].Name != name {
		t.Errorf("a 1 MB name with MaxStringBytes 2 MiB: %v", err)
	}
	// DecodeFile applies the limits too, and names the file.
	_, err = Limits{MaxListItems: 1}.DecodeFile("f.yaml", []byte("services: [{}, {}]\n"))
	if err == nil || err.Error() != "f.yaml:1:11: services: list has more than 1 items" {
		t.Errorf("DecodeFile with MaxListItems 1: %v", err)
	}
}

// TestHostileText: a filing is UTF-8 text without NUL. Bytes that are not
// UTF-8, JSON escapes of half a surrogate pair (which encoding/json would
// silently turn into U+FFFD) and NUL are refused at the value's path, in
// either format; where the bytes are in no value, at their line.
func TestHostileText(t *testing.T) {
	const notUTF8 = "value is not valid UTF-8; a filing is UTF-8 text"
	const nul = "value contains a NUL character (U+0000), which no filing holds"
	const surrogate = "value is not valid Unicode: a \\u escape is half of a surrogate pair"
	tests := []hostileCase{
		{name: "json value not UTF-8", format: "json", in: "{\"subject\": {\"name\": \"张\xff三\"}}", path: "subject.name", line: 1, col: 22, msg: notUTF8},
		{name: "yaml plain value not UTF-8", format: "yaml", in: "subject:\n  name: 张\xff三\n", path: "subject.name", line: 2, col: 9, msg: notUTF8},
		{name: "yaml quoted value not UTF-8", format: "yaml", in: "subject:\n  name: \"张\xff三\"\n", path: "subject.name", line: 2, col: 9, msg: notUTF8},
		{name: "yaml block value not UTF-8", format: "yaml", in: "services:\n  - remarks: |\n      第一行\n      第\xc0二行\n", path: "services[0].remarks", line: 2, col: 14, msg: notUTF8},
		{name: "yaml truncated character", format: "yaml", in: "services:\n  - name: 湖\xe5\x8d\n", path: "services[0].name", line: 2, col: 11, msg: notUTF8},
		{name: "json key not UTF-8", format: "json", in: "{\"subject\": {\"na\xffme\": \"张三\"}}", path: "subject", line: 1, col: 14, msg: "key is not valid UTF-8; a filing is UTF-8 text"},
		{name: "yaml key not UTF-8", format: "yaml", in: "subject:\n  na\xffme: 张三\n", path: "subject", line: 2, col: 3, msg: "key is not valid UTF-8; a filing is UTF-8 text"},
		{name: "yaml comment not UTF-8", format: "yaml", in: "# 注释\xff\nsubject:\n  name: 张三\n", line: 1, col: 5, msg: "the document is not valid UTF-8; a filing is UTF-8 text"},
		{name: "yaml in UTF-16", format: "yaml", in: "\xff\xfet\x00y\x00p\x00e\x00:\x00", line: 1, col: 1, msg: "the document is not valid UTF-8; a filing is UTF-8 text"},
		{name: "yaml not UTF-8 and every noncharacter taken", format: "yaml", in: "provider: \"" + nonCharacters() + "\"\n# \xff\n",
			line: 2, col: 3, msg: "the document is not valid UTF-8; a filing is UTF-8 text"},
		{name: "json high surrogate alone", format: "json", in: `{"subject": {"name": "\ud800"}}`, path: "subject.name", line: 1, col: 22, msg: surrogate},
		{name: "json low surrogate alone", format: "json", in: `{"subject": {"name": "a\uDC00"}}`, path: "subject.name", line: 1, col: 22, msg: surrogate},
		{name: "json high surrogate then a letter", format: "json", in: `{"subject": {"name": "\ud800\u0041"}}`, path: "subject.name", line: 1, col: 22, msg: surrogate},
		{name: "yaml surrogate escape", format: "yaml", in: "subject:\n  name: \"\\ud800\"\n", line: 2, msg: "invalid YAML: found invalid Unicode character escape code"},
		{name: "json escaped NUL", format: "json", in: `{"subject": {"name": "a\u0000b"}}`, path: "subject.name", line: 1, col: 22, msg: nul},
		{name: "json raw NUL", format: "json", in: "{\"subject\": {\"name\": \"a\x00b\"}}", line: 1, col: 24, msg: `invalid JSON: invalid character '\x00' in string literal`},
		{name: "yaml \\0", format: "yaml", in: "subject:\n  name: \"a\\0b\"\n", path: "subject.name", line: 2, col: 9, msg: nul},
		{name: "yaml \\x00", format: "yaml", in: "services:\n  - domains: [\"a\\x00.cn\"]\n", path: "services[0].domains[0]", line: 2, col: 15, msg: nul},
		{name: "yaml raw NUL", format: "yaml", in: "subject:\n  name: a\x00b\n", line: 2, col: 10, msg: "invalid YAML: control characters are not allowed"},
		{name: "json NUL in a key", format: "json", in: `{"subject": {"na\u0000me": "a"}}`, path: "subject", line: 1, col: 14, msg: "key contains a NUL character (U+0000), which no filing holds"},
		{name: "yaml NUL in a key", format: "yaml", in: "subject:\n  \"na\\0me\": a\n", path: "subject", line: 2, col: 3, msg: "key contains a NUL character (U+0000), which no filing holds"},
		{name: "json NUL in an enum", format: "json", in: `{"services": [{"kind": "website\u0000"}]}`, path: "services[0].kind", line: 1, col: 24, msg: nul},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, decodeAs(tt.format)) })
	}

	// What is close to those but valid decodes as written.
	for in, want := range map[string]string{
		`{"subject": {"name": "\ud83d\ude00 \u00e9"}}`: "😀 é",
		`{"subject": {"name": "\\ud800"}}`:             `\ud800`,
		`{"subject": {"name": "\ufffd\ufdd0"}}`:        "\ufffd\ufdd0",
		"{\"subject\": {\"name\": \"\ufffd\"}}":        "\ufffd",
	} {
		f, err := DecodeJSON([]byte(in))
		if err != nil || f.Subject.Name != want {
			t.Errorf("DecodeJSON(%s) = %v; want the name %q", in, err, want)
		}
	}
	f, err := DecodeYAML([]byte("subject:\n  name: \"\\U0001F600\ufdd0\"\n"))
	if err != nil || f.Subject.Name != "😀\ufdd0" {
		t.Errorf("DecodeYAML with U+FDD0 = %v", err)
	}
}

// nonCharacters is U+FDD0 to U+FDEF, the noncharacters the YAML parser may
// use to stand for bytes that are not UTF-8.
func nonCharacters() string {
	var b strings.Builder
	for r := rune(0xFDD0); r <= 0xFDEF; r++ {
		b.WriteRune(r)
	}
	return b.String()
}

// TestHostileTypes: JSON numbers, and other scalars, where strings belong
// are refused at their path, never turned into strings; so are YAML scalars
// that a tag or their shape make something else.
func TestHostileTypes(t *testing.T) {
	tests := []hostileCase{
		{name: "service name", format: "json", in: `{"services": [{"name": 123}]}`, path: "services[0].name", line: 1, col: 24, msg: "expected a string, got number 123"},
		{name: "domain", format: "json", in: `{"services": [{"domains": ["example.com", 42]}]}`, path: "services[0].domains[1]", line: 1, col: 43, msg: "expected a string or an object, got number 42"},
		{name: "ip", format: "json", in: `{"services": [{"ips": ["192.0.2.1", 1.5]}]}`, path: "services[0].ips[1]", line: 1, col: 37, msg: "expected a string, got number 1.5"},
		{name: "content", format: "json", in: `{"services": [{"content": [1e3]}]}`, path: "services[0].content[0]", line: 1, col: 28, msg: "expected a string, got number 1e3"},
		{name: "resident id", format: "json", in: `{"subject": {"certificate": {"number": 430104199001011234}}}`, path: "subject.certificate.number", line: 1, col: 40, msg: "expected a string, got number 430104199001011234"},
		{name: "mobile", format: "json", in: `{"subject": {"principal": {"mobile": 13800138000}}}`, path: "subject.principal.mobile", line: 1, col: 38, msg: "expected a string, got number 13800138000"},
		{name: "enum", format: "json", in: `{"type": 1}`, path: "type", line: 1, col: 10, msg: "expected a string, got number 1"},
		{name: "date", format: "json", in: `{"subject": {"certificate": {"valid_from": 20200101}}}`, path: "subject.certificate.valid_from", line: 1, col: 44, msg: "expected a string, got number 20200101"},
		{name: "huge number", format: "json", in: `{"provider": ` + strings.Repeat("9", 1000) + "}", path: "provider", line: 1, col: 14, msg: "expected a string, got number " + strings.Repeat("9", 40) + "…"},
		{name: "yaml tagged int", format: "yaml", in: "services:\n  - name: !!int 123\n", path: "services[0].name", line: 2, col: 11, msg: "expected a string, got number 123"},
		{name: "yaml tagged float", format: "yaml", in: "services:\n  - content: [!!float 1e3]\n", path: "services[0].content[0]", line: 2, col: 15, msg: "expected a string, got number 1e3"},
		{name: "yaml list", format: "yaml", in: "subject:\n  principal:\n    mobile: [13800138000]\n", path: "subject.principal.mobile", line: 3, col: 13, msg: "expected a string, got list"},
		{name: "yaml plain date read as text", format: "yaml", in: "subject:\n  certificate:\n    valid_from: 20200101\n", path: "subject.certificate.valid_from", line: 3, col: 17, msg: `invalid date "20200101" (want YYYY-MM-DD)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, decodeAs(tt.format)) })
	}
}

// TestYAMLTags: a tag other than the standard scalar tags, !!map and !!seq
// asks a YAML library to build something no filing holds; it is refused on
// any node, at that node's path and position, wherever it is.
func TestYAMLTags(t *testing.T) {
	tests := []hostileCase{
		{name: "python object on a mapping", in: "type: change\nsubject: !!python/object:os.system {name: a}\n", path: "subject", line: 2, col: 10, msg: "unsupported YAML tag !!python/object:os.system"},
		{name: "python apply on a sequence", in: "services: !!python/object/apply:os.system [ls]\n", path: "services", line: 1, col: 11, msg: "unsupported YAML tag !!python/object/apply:os.system"},
		{name: "on the top level", in: "--- !!python/object:os.system\ntype: change\n", line: 1, col: 5, msg: "unsupported YAML tag !!python/object:os.system"},
		{name: "set", in: "services: !!set {a}\n", path: "services", line: 1, col: 11, msg: "unsupported YAML tag !!set"},
		{name: "omap", in: "subject: !!omap [name: a]\n", path: "subject", line: 1, col: 10, msg: "unsupported YAML tag !!omap"},
		{name: "local tag in a list", in: "services:\n  - !foo {kind: website}\n", path: "services[0]", line: 2, col: 5, msg: "unsupported YAML tag !foo"},
		{name: "string tag on a list", in: "services: !!str\n  - a\n", path: "services", line: 1, col: 11, msg: "unsupported YAML tag !!str"},
		{name: "map tag on a scalar", in: "provider: !!map x\n", path: "provider", line: 1, col: 11, msg: "unsupported YAML tag !!map"},
		{name: "binary", in: "services:\n  - name: !!binary aGk=\n", path: "services[0].name", line: 2, col: 11, msg: "unsupported YAML tag !!binary"},
		{name: "explicit merge", in: "provider: !!merge x\n", path: "provider", line: 1, col: 11, msg: "unsupported YAML tag !!merge"},
		{name: "a %TAG handle", in: "%TAG !e! tag:example.com,2000:\n---\nprovider: !e!foo x\n", path: "provider", line: 3, col: 11, msg: "unsupported YAML tag tag:example.com,2000:foo"},
		{name: "on a key", in: "subject: {!!python/name:os.system name: a}\n", path: "subject", line: 1, col: 11, msg: "unsupported YAML tag !!python/name:os.system"},
		{name: "behind an alias", in: "provider: &p !!binary aGk=\nsubject: {name: *p}\n", path: "provider", line: 1, col: 11, msg: "unsupported YAML tag !!binary"},
		{name: "invalid boolean", in: "verification: {face_verified: !!bool yes}\n", path: "verification.face_verified", line: 1, col: 31, msg: `invalid boolean "yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, DecodeYAML) })
	}
	// The standard tags are what YAML would resolve anyway.
	f, err := DecodeYAML([]byte("--- !!map\nprovider: !!str 12\nservices: !!seq [!!map {name: !!str x}]\nresource: {months: !!int 3, type: !!null ~}\n" +
		"verification: {face_verified: !!bool true, sms_verified_at: !!timestamp 2024-05-01}\n"))
	want := &Filing{Provider: "12", Services: []Service{{Name: "x"}}, Resource: &Resource{Months: ptr(3)},
		Verification: &Verification{FaceVerified: ptr(true), SMSVerifiedAt: "2024-05-01"}}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("standard tags (-want +got):\n%s", diff)
	}
}

// TestYAMLLeadingZeros: an integer written with a leading zero is 10 to
// YAML 1.1 (octal) and 12 to YAML 1.2 (decimal): refused rather than guessed.
func TestYAMLLeadingZeros(t *testing.T) {
	const msg = "has a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal; write it without the zero"
	tests := []hostileCase{
		{name: "012", in: "resource: {months: 012}\n", path: "resource.months", line: 1, col: 20, msg: "integer 012 " + msg},
		{name: "09", in: "resource:\n  months: 09\n", path: "resource.months", line: 2, col: 11, msg: "integer 09 " + msg},
		{name: "negative", in: "materials: [{kind: other, service: -01}]\n", path: "materials[0].service", line: 1, col: 36, msg: "integer -01 " + msg},
		{name: "tagged", in: "resource: {months: !!int 012}\n", path: "resource.months", line: 1, col: 20, msg: "integer 012 " + msg},
		{name: "underscores", in: "materials: [{kind: other, size_bytes: 0_100}]\n", path: "materials[0].size_bytes", line: 1, col: 39, msg: "integer 0_100 " + msg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, DecodeYAML) })
	}
	f, err := DecodeYAML([]byte("resource: {months: 0}\nmaterials: [{kind: other, service: -0, size_bytes: 0o14}, {kind: other, size_bytes: 0x0C}]\n"))
	want := &Filing{Resource: &Resource{Months: ptr(0)}, Materials: []Material{{Kind: OtherMaterial, Service: ptr(0), SizeBytes: ptr(12)}, {Kind: OtherMaterial, SizeBytes: ptr(12)}}}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("integers without a leading zero (-want +got):\n%s", diff)
	}
}

// TestYAMLPlainScalarsAreText: a plain YAML scalar where text belongs is
// read exactly as written, however YAML would resolve it; null stays absent.
func TestYAMLPlainScalarsAreText(t *testing.T) {
	person := func(mobile, emergency string) *Filing {
		return &Filing{Subject: Subject{Principal: Person{Mobile: mobile, EmergencyPhone: emergency}}}
	}
	name := func(s string) *Filing { return &Filing{Services: []Service{{Name: s}}} }
	tests := []struct {
		in   string
		want *Filing
	}{
		{"subject:\n  principal:\n    mobile: 13800138000\n    emergency_phone: 073188886666\n", person("13800138000", "073188886666")},
		{"subject: {principal: {mobile: +8613800138000, emergency_phone: 0731-88886666}}\n", person("+8613800138000", "0731-88886666")},
		{"services: [{name: 1e3}]\n", name("1e3")},
		{"services: [{name: 0x1F}]\n", name("0x1F")},
		{"services: [{name: 0o17}]\n", name("0o17")},
		{"services: [{name: 012}]\n", name("012")},
		{"services: [{name: 1_000}]\n", name("1_000")},
		{"services: [{name: -0.50}]\n", name("-0.50")},
		{"services: [{name: .inf}]\n", name(".inf")},
		{"services: [{name: .NaN}]\n", name(".NaN")},
		{"services: [{name: True}]\n", name("True")},
		{"services: [{name: false}]\n", name("false")},
		{"services: [{name: 2024-05-01}]\n", name("2024-05-01")},
		{"services: [{ips: [10, 192.0.2.1], content: [1e3], domains: [42, 7.cn]}]\n",
			&Filing{Services: []Service{{IPs: []string{"10", "192.0.2.1"}, Content: []string{"1e3"}, Domains: []Domain{{Name: "42"}, {Name: "7.cn"}}}}}},
		{"subject: {certificate: {number: 430104199001011234}}\n", &Filing{Subject: Subject{Certificate: Certificate{Number: "430104199001011234"}}}},
		{"province: 43\n", &Filing{Province: "hunan"}},
		{"subject: {name: &n 0731}\nprovider: *n\n", &Filing{Subject: Subject{Name: "0731"}, Provider: "0731"}},
		// Null is absent, in each of its spellings.
		{"subject:\n  principal:\n    mobile: ~\n    emergency_phone:\n    email: null\n", person("", "")},
		// Quoted and block scalars were strings already.
		{"subject: {principal: {mobile: '13800138000', emergency_phone: \"073188886666\"}}\n", person("13800138000", "073188886666")},
	}
	for _, tt := range tests {
		got, err := DecodeYAML([]byte(tt.in))
		if err != nil {
			t.Errorf("DecodeYAML(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("DecodeYAML(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestYAMLAllocation measures what a hostile YAML of DefaultLimits().MaxYAMLBytes
// allocates, yaml.v3's tree included, for the shapes that cost the most
// per byte: it must stay under 200 MB, as Limits documents. Allocation, not
// time, is measured; it does not depend on the machine.
func TestYAMLAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes several documents of 512 KiB")
	}
	size := DefaultLimits().MaxYAMLBytes
	// Each document is prefix, then unit as often as it fits, then suffix,
	// padded with spaces to exactly size bytes.
	shapes := map[string][3]string{
		"flow list of ones":            {"a: [", "1,", "]"},
		"flow mapping of keys":         {"{", "a,", "}"},
		"block list of nulls":          {"a:\n", "-\n", ""},
		"comment on every item":        {"a:\n", "- #\n", ""},
		"comment on every key":         {"{", "a #\n,", "}"},
		"two comments on every key":    {"{", "a #\n#\n,", "}"},
		"comment on every mapping key": {"", "a: #\n", ""},
		"aliases":                      {"a: &a 1\nb: [", "*a,", "]"},
	}
	for name, shape := range shapes {
		prefix, unit, suffix := shape[0], shape[1], shape[2]
		in := prefix + strings.Repeat(unit, (size-len(prefix)-len(suffix))/len(unit)) + suffix
		data := []byte(in + strings.Repeat(" ", size-len(in)))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := DecodeYAML(data)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: decoded", name)
		}
		if mb := float64(after.TotalAlloc-before.TotalAlloc) / 1e6; mb > 200 {
			t.Errorf("%s: %d bytes of YAML allocated %.0f MB, more than 200 MB", name, len(data), mb)
		} else {
			t.Logf("%s: %.0f MB", name, mb)
		}
	}
}
