package model

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every enumeration's values decode to themselves and have a meaning, and
// EnumerationOf hands out copies.
func TestEnumerationOf(t *testing.T) {
	for _, e := range enums {
		got, ok := EnumerationOf(e.typ)
		if !ok || got.Name != e.name || len(got.Values) != len(e.values) {
			t.Fatalf("EnumerationOf(%s) = %+v, %v", e.typ, got, ok)
		}
		for _, v := range got.Values {
			if v.Chinese == "" {
				t.Errorf("%s %q has no meaning", e.name, v.Value)
			}
			if canonical, err := e.parse(v.Value); err != nil || canonical != v.Value {
				t.Errorf("%s %q parses as %q, %v", e.name, v.Value, canonical, err)
			}
		}
		got.Values[0].Value = "changed"
		if again, _ := EnumerationOf(e.typ); again.Values[0].Value == "changed" {
			t.Errorf("EnumerationOf(%s) shares its values", e.typ)
		}
	}
	want := Enumeration{Name: "billing", Chinese: "计费方式", Values: []EnumValue{{"subscription", "包年包月"}, {"on_demand", "按需计费"}}}
	if got, _ := EnumerationOf(reflect.TypeFor[Billing]()); !cmp.Equal(want, got) {
		t.Errorf("EnumerationOf(Billing) = %+v", got)
	}
	if _, ok := EnumerationOf(reflect.TypeFor[Province]()); ok {
		t.Error("Province is not an enumeration")
	}
}
