package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// FuzzDecode decodes every input as JSON and as YAML. No input may panic.
// Every error must be a *DecodeError that says where: a path or a line, or,
// for a document refused whole for its size, a limit error. Whatever
// decodes must survive both round trips unchanged. Valid JSON must give the
// same tree through both of the JSON parser's token sources.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		richYAML, richJSON, "type: change\n", `{"services": [{"domains": ["a", {"name": "b"}]}]}`,
		"services: &s [*s]\n", "a: [", "{", "- a\n", "resource: {months: 0x10}\n", "subject: {name: \"a\\u0000\\x7f\\u0085\"}\n",
		"services:\n  - remarks: \"  lead\\n\\ttab\\r\\n trail \"\n",
		// Hostile shapes, small: aliases, nesting, text that is not UTF-8,
		// surrogate escapes, NUL, numbers for strings, comments.
		"a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n",
		`{"subject": {"name": [[[[[[[[1]]]]]]]]}}`, "subject:\n  name: [[[[[[[[1]]]]]]]]\n",
		"subject:\n  name: 张\xff三\n", "# \xfe\ntype: change\n", "{\"subject\": {\"name\": \"\xc0\"}}",
		`{"subject": {"name": "\ud800"}}`, `{"subject": {"name": "\ud83d\ude00"}}`, `{"subject": {"na\u0000me": 1}}`,
		"subject:\n  name: \"\\0\"\n", "services:\n  - name: 123\n    domains: [42]\n",
		"services:\n  - # c\n    kind: website # d\n", "{a #\n,b #\n}", "\ufeff{\"type\": \"change\"}", "\xff\xfet\x00",
		"type: change\nprovider: [a, *nope]\n", "{a: [}\n", "? [a]\n: 1\n", "provider: !!binary aGk=\n",
		// Tags on any node, leading zeros, and plain scalars read as text.
		"subject: !!python/object:os.system {name: a}\n", "services: !!set {a}\n", "resource: {months: 012}\n",
		"subject: {principal: {mobile: 13800138000, emergency_phone: 073188886666}, name: True}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := wellFormed(data), json.Valid(data); got != want {
			t.Fatalf("wellFormed %v, json.Valid %v", got, want)
		}
		if doc := bytes.TrimPrefix(data, utf8BOM); json.Valid(doc) {
			assertTokenSourcesAgree(t, doc, DefaultLimits())
		}
		for _, format := range []string{"json", "yaml"} {
			got, err := decodeAs(format)(data)
			if err != nil {
				de, ok := err.(*DecodeError)
				if !ok {
					t.Fatalf("%s: error %v (%T) is not a *DecodeError", format, err, err)
				}
				if got != nil {
					t.Errorf("%s: a filing came back with the error %v", format, err)
				}
				if de.Path == "" && de.Line <= 0 && !errors.Is(err, ErrLimit) {
					t.Errorf("%s: error %q names neither a path nor a line", format, err)
				}
				if de.Line < 0 || de.Column < 0 || (de.Column > 0 && de.Line == 0) || de.File != "" || de.Err == nil {
					t.Errorf("%s: error %#v is malformed", format, de)
				}
				continue
			}
			assertRoundTrip(t, got)
		}
	})
}
