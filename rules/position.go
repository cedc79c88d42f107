package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// scalar is a YAML scalar as it stands in its file, so that a position
// inside its value (a CEL error, a placeholder) can be given as the file's
// own line and column, whatever the scalar's style: plain, quoted with
// escapes, a literal | block or a folded > block. This is what cel-go's
// policy package does with its relative sources, done for yaml.v3 nodes.
type scalar struct {
	lines     []string // the file's lines, without their breaks
	line, col int      // 1-based, of the node: its first character, quote or block indicator
	style     yaml.Style
	value     string
}

// pos is a 1-based line and column (in characters, as yaml.v3 counts).
type pos struct{ line, col int }

// splitLines splits a file into lines at every line break yaml.v3 counts:
// \r\n, \n, a lone \r, NEL, LS and PS.
func splitLines(text []byte) []string {
	return strings.Split(yamlBreaks.Replace(string(text)), "\n")
}

var yamlBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// at returns the file position of the value's rune at offset (0-based,
// in runes). When the value cannot be traced through the file's text, it
// falls back to the scalar's own position.
func (s *scalar) at(offset int) (int, int) {
	if s == nil {
		return 0, 0
	}
	positions, ok := s.trace()
	switch {
	case !ok || offset < 0 || offset > len(positions) || len(positions) == 0:
		return s.line, s.col
	case offset == len(positions): // just past the end, where CEL reports <EOF>
		last := positions[offset-1]
		return last.line, last.col + 1
	}
	return positions[offset].line, positions[offset].col
}

// atLineCol maps a 1-based line and 0-based column inside the value (as
// cel-go reports a CEL error's location) to the file.
func (s *scalar) atLineCol(line, col int) (int, int) {
	if s == nil {
		return 0, 0
	}
	offset := 0
	rest := s.value
	for k := 1; k < line; k++ {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			return s.line, s.col
		}
		offset += utf8.RuneCountInString(rest[:i+1])
		rest = rest[i+1:]
	}
	return s.at(offset + col)
}

// atByte maps a byte offset in the value to the file.
func (s *scalar) atByte(b int) (int, int) {
	if s == nil || b < 0 || b > len(s.value) {
		return s.line, s.col
	}
	return s.at(utf8.RuneCountInString(s.value[:b]))
}

// trace finds the file position of every rune of the value, walking the
// raw text beside the value: a rune of the value matches the same rune in
// the file, an escape that decodes to it, or, for a space or a line
// break, the line break that YAML folded into it. ok is false when the
// walk loses the value, which the tests show no embedded file does.
func (s *scalar) trace() (out []pos, ok bool) {
	l, c := s.line-1, s.col-1
	if l < 0 || l >= len(s.lines) {
		return nil, false
	}
	block := s.style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	indent := 0
	switch {
	case block:
		l, c = l+1, 0
		indent = blockIndent(s.lines, l)
		c = min(indent, leadingSpaces(s.lines, l))
	case s.style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		c++ // past the opening quote
	}
	double := s.style&yaml.DoubleQuotedStyle != 0
	single := s.style&yaml.SingleQuotedStyle != 0
	nextLine := func() bool {
		l++
		if l >= len(s.lines) {
			return false
		}
		if block {
			c = min(indent, leadingSpaces(s.lines, l))
		} else {
			c = leadingSpaces(s.lines, l)
		}
		return true
	}
	for _, v := range s.value {
		for {
			line := []rune(s.lines[l])
			if c < len(line) {
				r := line[c]
				switch {
				case double && r == '\\':
					d, n := decodeEscape(line[c:])
					if n == 0 {
						return nil, false
					}
					if d < 0 { // an escaped line break: nothing in the value
						if !nextLine() {
							return nil, false
						}
						continue
					}
					if d != v {
						return nil, false
					}
					out = append(out, pos{l + 1, c + 1})
					c += n
				case single && r == '\'' && c+1 < len(line) && line[c+1] == '\'':
					if v != '\'' {
						return nil, false
					}
					out = append(out, pos{l + 1, c + 1})
					c += 2
				case r == v:
					out = append(out, pos{l + 1, c + 1})
					c++
				case (r == ' ' || r == '\t') && !block:
					c++ // white space that folding removed
					continue
				default:
					return nil, false
				}
				break
			}
			// At the end of a line: a folded space or a kept line break
			// stands for it; anything else starts on a later line.
			if v == ' ' || v == '\n' {
				out = append(out, pos{l + 1, c + 1})
				if !nextLine() && len(out) < utf8.RuneCountInString(s.value) {
					return nil, false
				}
				break
			}
			if !nextLine() {
				return nil, false
			}
		}
	}
	return out, true
}

func leadingSpaces(lines []string, l int) int {
	if l >= len(lines) {
		return 0
	}
	return len(lines[l]) - len(strings.TrimLeft(lines[l], " "))
}

// blockIndent is the indentation of a block scalar's content: that of its
// first line that is not empty.
func blockIndent(lines []string, from int) int {
	for l := from; l < len(lines); l++ {
		if strings.TrimSpace(lines[l]) != "" {
			return leadingSpaces(lines, l)
		}
	}
	return 0
}

// decodeEscape decodes the YAML escape at the start of raw (which starts
// with a backslash): the rune it stands for and how many runes it takes,
// -1 for an escaped line break, and n = 0 when raw holds no escape.
func decodeEscape(raw []rune) (r rune, n int) {
	if len(raw) < 2 {
		return -1, 1 // a backslash at the end of a line escapes the break
	}
	simple := map[rune]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 27,
		' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}
	if d, ok := simple[raw[1]]; ok {
		return d, 2
	}
	width := map[rune]int{'x': 2, 'u': 4, 'U': 8}[raw[1]]
	if width == 0 || len(raw) < 2+width {
		return 0, 0
	}
	code, err := strconv.ParseUint(string(raw[2:2+width]), 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(code), 2 + width
}
