package rules

import "strings"

// A placeholder in a rule's text is {name}: a lower-case ASCII letter,
// then lower-case letters, digits and underscores, in braces. Texts are
// filled for every finding a report lists, so they are scanned by hand,
// not by a regular expression.

// eachPlaceholder calls fn with the name of each placeholder of text, left
// to right, and the byte offsets where it starts and ends.
func eachPlaceholder(text string, fn func(name string, start, end int)) {
	for i := 0; i < len(text); i++ {
		if text[i] != '{' || i+1 == len(text) || !isLower(text[i+1]) {
			continue
		}
		j := i + 2
		for j < len(text) && (isLower(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '_') {
			j++
		}
		if j < len(text) && text[j] == '}' {
			fn(text[i+1:j], i, j+1)
			i = j
		}
	}
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// fillPlaceholders replaces each placeholder of text with what fill gives
// for its name.
func fillPlaceholders(text string, fill func(name string) string) string {
	var b strings.Builder
	last := 0
	eachPlaceholder(text, func(name string, start, end int) {
		b.WriteString(text[last:start])
		b.WriteString(fill(name))
		last = end
	})
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}
