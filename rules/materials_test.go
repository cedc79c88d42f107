package rules

import (
	"testing"

	"cel.dev/cel-go/common/types"

	"github.com/icpcheck/icpcheck/model"
)

// has_material answers as the comprehension it replaces does, for a
// material of the whole filing and one of a service.
func TestHasMaterial(t *testing.T) {
	one := 1
	f := &model.Filing{Materials: []model.Material{
		{Kind: model.CommitmentLetter},
		{Kind: model.AuthorizationLetter, Service: &one},
	}}
	for _, c := range []struct {
		call, exists string
		want         bool
	}{
		{`filing.has_material("commitment_letter")`, `filing.materials.exists(m, m.kind == "commitment_letter")`, true},
		{`filing.has_material("authorization_letter")`, `filing.materials.exists(m, m.kind == "authorization_letter")`, true},
		{`filing.has_material("website_plan")`, `filing.materials.exists(m, m.kind == "website_plan")`, false},
		// The whole filing's material counts for every service; a
		// service's, for that service only.
		{`filing.has_material("commitment_letter", 0)`, `filing.materials.exists(m, m.kind == "commitment_letter" && (!has(m.service) || m.service == 0))`, true},
		{`filing.has_material("authorization_letter", 1)`, `filing.materials.exists(m, m.kind == "authorization_letter" && (!has(m.service) || m.service == 1))`, true},
		{`filing.has_material("authorization_letter", 0)`, `filing.materials.exists(m, m.kind == "authorization_letter" && (!has(m.service) || m.service == 0))`, false},
	} {
		for _, expr := range []string{c.call, c.exists} {
			out, err := evalExpr(t, expr, map[string]any{"filing": f})
			if err != nil {
				t.Fatalf("%s: %v", expr, err)
			}
			if out != types.Bool(c.want) {
				t.Errorf("%s = %v, want %v", expr, out, c.want)
			}
		}
	}
}
