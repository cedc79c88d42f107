// Command gentable writes provinces/README.md and the rule summary in the
// top-level README.md; run it with go generate ./provinces.
package main

import (
	"fmt"
	"os"

	"github.com/icpcheck/icpcheck/provinces/internal/ruletable"
)

func main() {
	if err := run("../README.md", "README.md"); err != nil {
		fmt.Fprintln(os.Stderr, "gentable:", err)
		os.Exit(1)
	}
}

func run(readme, provincesReadme string) error {
	d, err := ruletable.Load()
	if err != nil {
		return err
	}
	doc, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	out, err := ruletable.Splice(string(doc), ruletable.Summary(d.Rules))
	if err != nil {
		return err
	}
	if err := os.WriteFile(readme, []byte(out), 0o644); err != nil {
		return err
	}
	return os.WriteFile(provincesReadme, []byte(ruletable.ProvincesREADME(d)), 0o644)
}
