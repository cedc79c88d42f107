package model

import (
	"errors"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAMLErrorPosition returns the 1-based line and column of a syntax error
// that yaml.v3 reports in data (0 for what is not known). Filings and rule
// files both place YAML syntax errors with it. yaml.v3 writes only a line
// into most messages: the column is then 0, except for a tab in the
// indentation, which yaml.v3 reports at the line of the scalar before it
// and which is placed at the tab itself. A character yaml.v3 cannot read
// and an unknown alias are found in data.
func YAMLErrorPosition(err error, data []byte) (line, column int) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 0, 0
	}
	msg := yamlProblem(err)
	m := yamlLine.FindStringSubmatch(err.Error())
	switch {
	case m != nil:
	case yamlReaderProblems[msg]:
		return textPosition(data, firstUnreadable(data))
	case yamlUnknownAnchor.MatchString(msg):
		return textPosition(data, aliasOffset(data, yamlUnknownAnchor.FindStringSubmatch(msg)[1]))
	default:
		// The parser and the scanner leave the line out when it is the
		// first: their marks count lines from 0, and 0 means unknown.
		return 1, 0
	}
	n, _ := strconv.Atoi(m[1])
	if yamlParserProblems[m[2]] {
		n++ // the parser's lines count from 0, see yamlParserProblems
	}
	if strings.HasPrefix(m[2], "found a tab character") {
		lines := strings.Split(string(data), "\n")
		for l := max(n-1, 0); l < len(lines); l++ {
			indent := lines[l][:len(lines[l])-len(strings.TrimLeft(lines[l], " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 {
				return l + 1, i + 1
			}
		}
	}
	// At the end of a text without a final line break, the parser's mark
	// stands on a line past the last: that is the end of the last line.
	if endLine, endCol := textPosition(data, len(data)); n > endLine {
		return endLine, endCol
	}
	return n, 0
}

// yamlProblem is yaml.v3's message without its "yaml: line N: " prefix.
func yamlProblem(err error) string {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
