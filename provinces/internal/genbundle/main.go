// Command genbundle writes provinces/bundle.json.gz, the embedded rule
// files as a rules bundle (parsed, without their test cases, every
// expression compiled), which validate.New loads instead of the YAML; run
// it with go generate ./provinces.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

func main() {
	data, err := ruletable.Bundle()
	if err == nil {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
		if _, err = zw.Write(data); err == nil {
			err = zw.Close()
		}
		if err == nil {
			err = os.WriteFile("bundle.json.gz", buf.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbundle:", err)
		os.Exit(1)
	}
}
