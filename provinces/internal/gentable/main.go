// Command gentable writes the rule table into the top-level README.md; run
// it with go generate ./provinces.
package main

import (
	"fmt"
	"os"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
	"github.com/icpcheck/icpcheck/rules"
)

func main() {
	if err := run("../README.md"); err != nil {
		fmt.Fprintln(os.Stderr, "gentable:", err)
		os.Exit(1)
	}
}

func run(readme string) error {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		return err
	}
	doc, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	out, err := ruletable.Splice(string(doc), ruletable.Markdown(files))
	if err != nil {
		return err
	}
	return os.WriteFile(readme, []byte(out), 0o644)
}
