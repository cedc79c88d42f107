// Command genbundle writes the embedded rule files as a rules bundle
// (parsed, without their test cases, every expression compiled), which
// validate.New loads instead of the YAML; run it with go generate
// ./provinces. The bundle's JSON (its index and the files' documents)
// goes to bundle.json and its block of ASTs to bundle.ast, so that neither file is over 1 MB.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

func main() {
	data, err := ruletable.Bundle()
	if err == nil {
		// The JSON ends at the second line break, after the index and
		// the files' documents: the encoder escapes those within strings.
		end := bytes.IndexByte(data, '\n') + 1
		end += bytes.IndexByte(data[end:], '\n') + 1
		err = os.WriteFile("bundle.json", data[:end], 0o644)
		if err == nil {
			err = os.WriteFile("bundle.ast", data[end:], 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbundle:", err)
		os.Exit(1)
	}
}
