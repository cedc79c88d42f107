// Command schemagen writes rulefile.schema.json, the JSON Schema of a rule
// file, in the current directory: go generate ./rules runs it in rules/.
package main

import (
	"log"
	"os"

	"github.com/icpcheck/icpcheck/rules/internal/rulefileschema"
)

func main() {
	schema, err := rulefileschema.Generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("rulefile.schema.json", schema, 0o644); err != nil {
		log.Fatal(err)
	}
}
