package rules

import (
	"reflect"

	"github.com/icpcheck/icpcheck/model"
)

// A real filing is small: its texts are names, numbers and addresses, its
// lists a few items. An expression metered because of what it could cost
// on a filing at the decoder's limits is often cheap on any filing within
// the bounds below; it is planned a second time without metering, and an
// evaluation whose filing, facts and day are measured to lie within them
// runs that plan. Its static worst case is then taken with these bounds for
// every value read from those inputs, and with the decoder's limits for
// every other (params, rule variables, the results of functions without a
// size model), so the cost limit still bounds it.
const (
	smallListItems   = 100
	smallStringBytes = 1 << 10
)

// smallFiling bounds the inputs of an evaluation of a small filing.
var smallFiling = sizeBounds{listItems: smallListItems, stringBytes: smallStringBytes, inputsOnly: true}

// fromInput reports whether a value at path (as the cost estimator names
// it: a variable, then fields and "@items") is read from the filing, the
// facts or the submission day, directly or through an element variable.
func fromInput(path []string) bool {
	if len(path) == 0 {
		return false
	}
	switch path[0] {
	case "filing", "filing_date", "facts":
		return true
	}
	return inputVariables[path[0]]
}

// inputVariables are the variables bound to an element of the filing.
var inputVariables = elementVariables()

// isSmall reports whether an evaluation's inputs lie within smallFiling.
func isSmall(f *model.Filing, date model.Date, facts Facts) bool {
	if len(date) > smallStringBytes || len(facts) > smallListItems {
		return false
	}
	for name, m := range facts {
		if len(name) > smallStringBytes || len(m) > smallListItems {
			return false
		}
		for k, v := range m {
			if len(k) > smallStringBytes || len(v) > smallStringBytes {
				return false
			}
		}
	}
	return smallValue(reflect.ValueOf(f).Elem())
}

// smallValue walks a value of the filing's types: structs, pointers,
// slices, strings and scalars; a kind it does not know is not small.
func smallValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
	case reflect.String:
		return v.Len() <= smallStringBytes
	case reflect.Pointer:
		return v.IsNil() || smallValue(v.Elem())
	case reflect.Slice:
		if v.Len() > smallListItems {
			return false
		}
		for i := range v.Len() {
			if !smallValue(v.Index(i)) {
				return false
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if !smallValue(v.Field(i)) {
				return false
			}
		}
	default:
		return false
	}
	return true
}
