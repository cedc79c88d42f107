package model

import (
	"errors"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAMLErrorPosition returns the 1-based line of a syntax error that
// yaml.v3 reports in data, and 0 when it gives none. Rule files and
// filings both place YAML syntax errors with it. The column is not in
// yaml.v3's messages, so it is 0, except for a tab in the indentation,
// which yaml.v3 reports at the line of the scalar before it: that is
// placed at the tab itself.
func YAMLErrorPosition(err error, data []byte) (line, column int) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 0, 0
	}
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0
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
	return n, 0
}
