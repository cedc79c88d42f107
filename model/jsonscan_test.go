package model

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// advance counts lines and characters as a walk byte by byte does, from
// any position to any later one, invalid UTF-8 included.
func TestAdvanceCountsAsAByteWalk(t *testing.T) {
	walk := func(data []byte, off int) (line, col int) {
		line, col = 1, 1
		for i := 0; i < off && i < len(data); i++ {
			switch c := data[i]; {
			case c == '\n':
				line, col = line+1, 1
			case c&0xC0 != 0x80:
				col++
			}
		}
		return line, col
	}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "\n", "名", "\xff", "\x80", "\r\n", "é"}
	for range 500 {
		var data []byte
		for range r.IntN(40) {
			data = append(data, pieces[r.IntN(len(pieces))]...)
		}
		p := jsonParser{data: data, line: 1, col: 1}
		for off := 0; off <= len(data)+2; off += 1 + r.IntN(5) {
			line, col := p.advance(off)
			if wantLine, wantCol := walk(data, off); line != wantLine || col != wantCol {
				t.Fatalf("%q to %d: %d:%d, want %d:%d", data, off, line, col, wantLine, wantCol)
			}
		}
	}
}

// wellFormed accepts exactly what json.Valid accepts, on documents made of
// JSON's pieces, right and wrong (FuzzDecode compares them on its inputs
// too).
func TestWellFormedIsJSONValid(t *testing.T) {
	for _, doc := range []string{
		``, ` `, `{}`, `[]`, `{"a":1}`, `{"a":1,}`, `[1,]`, `{"a" 1}`, `{1:2}`, `"\u00e9"`, `"\u00g9"`, `"\x"`,
		"\"\x01\"", "\"\x7f\xff\"", `01`, `-0`, `-`, `1.`, `1.5e`, `1.5e+3`, `1E-2`, `+1`, `.5`, `tru`, `true `,
		`nul`, `[true false]`, `{"a":{"b":[1,{"c":null}]}}`, `{} {}`, strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	} {
		if got, want := wellFormed([]byte(doc)), json.Valid([]byte(doc)); got != want {
			t.Errorf("%.40q: wellFormed %v, json.Valid %v", doc, got, want)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"{", "}", "[", "]", ",", ":", " ", "\n", `"a"`, `"名"`, `"\n"`, `"\u0041"`, `"\`, `"`, "0", "-", "12", ".5", "e3", "E", "+",
		"true", "false", "null", "tru", "\x00", "\xff", "x"}
	for range 200000 {
		var doc []byte
		for range 1 + r.IntN(12) {
			doc = append(doc, pieces[r.IntN(len(pieces))]...)
		}
		if got, want := wellFormed(doc), json.Valid(doc); got != want {
			t.Fatalf("%q: wellFormed %v, json.Valid %v", doc, got, want)
		}
	}
}
