// Command schemagen writes filing.schema.json, the JSON Schema of a filing,
// in the current directory: go generate ./model runs it in model/.
package main

import (
	"log"
	"os"

	"github.com/icpcheck/icpcheck/model/internal/filingschema"
)

func main() {
	schema, err := filingschema.Generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("filing.schema.json", schema, 0o644); err != nil {
		log.Fatal(err)
	}
}
