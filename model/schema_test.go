package model_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/model/internal/filingschema"
)

// The checked-in schema is what the generator makes of today's types and
// rules; go generate ./model rewrites it. The test is in package model_test
// because the generator imports model (and the rules, which import model).
func TestFilingSchemaIsCurrent(t *testing.T) {
	want, err := filingschema.Generate()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(model.FilingSchema())); diff != "" {
		t.Errorf("model/filing.schema.json is stale; run go generate ./model (-want +got):\n%s", diff)
	}
}

// FilingSchema hands out a copy.
func TestFilingSchemaIsACopy(t *testing.T) {
	s := model.FilingSchema()
	s[0] = 'x'
	if model.FilingSchema()[0] != '{' {
		t.Error("a caller changed the embedded schema")
	}
}
