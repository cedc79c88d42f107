// Command genbundle writes provinces/bundle.json, the embedded rule
// files as a rules bundle (parsed, without their test cases, every
// expression compiled), which validate.New loads instead of the YAML; run
// it with go generate ./provinces.
package main

import (
	"fmt"
	"os"

	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

func main() {
	data, err := ruletable.Bundle()
	if err == nil {
		err = os.WriteFile("bundle.json", data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbundle:", err)
		os.Exit(1)
	}
}
