package model

import "reflect"

// Natures returns every subject nature, in the wire format's order.
func Natures() []Nature { return enumList[Nature]() }

// FilingTypes returns every filing type, in the wire format's order.
func FilingTypes() []FilingType { return enumList[FilingType]() }

// ResourceTypes returns every resource type, in the wire format's order.
func ResourceTypes() []ResourceType { return enumList[ResourceType]() }

func enumList[T ~string]() []T {
	e, _ := EnumerationOf(reflect.TypeFor[T]())
	out := make([]T, len(e.Values))
	for i, v := range e.Values {
		out[i] = T(v.Value)
	}
	return out
}
