package filingschema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// requiredFields reads the fields the filing must hold whatever else it
// holds: those the national rules of category "required" ask for without
// a condition (no when, no applies_to). The result maps the location of an
// object to its required keys.
func requiredFields(files []*rules.File) (map[string][]string, error) {
	required := map[string][]string{}
	for _, f := range files {
		for _, r := range f.Rules {
			if r.Scope != "national" || r.Category != "required" || r.When.Source != "" || !reflect.ValueOf(r.AppliesTo).IsZero() {
				continue
			}
			for _, pattern := range r.FieldPatterns() {
				parent, key, err := resolve(pattern)
				if err != nil {
					return nil, fmt.Errorf("filingschema: rule %s: %w", r.ID, err)
				}
				if key != "" && !slices.Contains(required[parent], key) {
					required[parent] = append(required[parent], key)
				}
			}
		}
	}
	return required, nil
}

// resolve splits the field at pattern into the location of its object and
// its key, checking both against the model's types. An item of a list
// (services[].domains[]) is no key of an object: key is then "".
func resolve(full string) (parent, key string, err error) {
	if full == "" {
		return "", "", fmt.Errorf("a required field is a key of an object, not the filing")
	}
	if strings.HasSuffix(full, "]") {
		return "", "", nil
	}
	i := strings.LastIndexByte(full, '.')
	parent, key = full[:max(i, 0)], full[i+1:]
	t, err := typeAt(parent)
	if err != nil {
		return "", "", err
	}
	if t.Kind() != reflect.Struct || fieldOf(t, key) == nil {
		return "", "", fmt.Errorf("%s is not a field of the filing", full)
	}
	return parent, key, nil
}

// typeAt is the type of the value at loc, lists and pointers looked through.
func typeAt(loc string) (reflect.Type, error) {
	t := reflect.TypeFor[model.Filing]()
	if loc == "" {
		return t, nil
	}
	for step := range strings.SplitSeq(loc, ".") {
		key := strings.TrimSuffix(step, "[]")
		f := fieldOf(t, key)
		if f == nil {
			return nil, fmt.Errorf("%s is not a field of the filing", loc)
		}
		t = f.Type
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
	}
	return t, nil
}

// fieldOf is the field of struct t with the wire key key, or nil.
func fieldOf(t reflect.Type, key string) *reflect.StructField {
	for _, f := range reflect.VisibleFields(t) {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return &f
		}
	}
	return nil
}
