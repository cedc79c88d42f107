package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/rules/internal/rulefileschema"
)

// The checked-in schema is what the generator makes of today's parser;
// go generate ./rules rewrites it. The test is in package rules_test
// because the generator imports rules.
func TestFileSchemaIsCurrent(t *testing.T) {
	want, err := rulefileschema.Generate()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(rules.FileSchema())); diff != "" {
		t.Errorf("rules/rulefile.schema.json is stale; run go generate ./rules (-want +got):\n%s", diff)
	}
}

// FileSchema hands out a copy.
func TestFileSchemaIsACopy(t *testing.T) {
	s := rules.FileSchema()
	s[0] = 'x'
	if rules.FileSchema()[0] != '{' {
		t.Error("a caller changed the embedded schema")
	}
}
