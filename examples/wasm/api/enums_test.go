package api

import (
	"os"
	"reflect"
	"regexp"
	"testing"

	"github.com/icpcheck/icpcheck/model"
)

// The page offers every value of the enumerations its form has a control
// for, so that a kind added to the model (a material a province asks for)
// cannot be missing from the form.
func TestPageOffersEveryEnumValue(t *testing.T) {
	page, err := os.ReadFile("../i18n.js")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]reflect.Type{
		"filingTypes":  reflect.TypeFor[model.FilingType](),
		"natures":      reflect.TypeFor[model.Nature](),
		"certificates": reflect.TypeFor[model.CertificateType](),
		"materials":    reflect.TypeFor[model.MaterialKind](),
	}
	for list, typ := range lists {
		block := regexp.MustCompile(`(?s)\n  ` + list + `: \[(.*?)\n  \],?\n`).FindSubmatch(page)
		if block == nil {
			t.Errorf("i18n.js has no list %s", list)
			continue
		}
		e, _ := model.EnumerationOf(typ)
		for _, v := range e.Values {
			if !regexp.MustCompile(`\["` + v.Value + `",`).Match(block[1]) {
				t.Errorf("i18n.js %s lacks %s (%s)", list, v.Value, v.Chinese)
			}
		}
	}
}
