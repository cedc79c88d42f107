package model

// Natures returns every subject nature, in the wire format's order.
func Natures() []Nature { return enumList[Nature]("subject nature") }

// FilingTypes returns every filing type, in the wire format's order.
func FilingTypes() []FilingType { return enumList[FilingType]("filing type") }

// ResourceTypes returns every resource type, in the wire format's order.
func ResourceTypes() []ResourceType { return enumList[ResourceType]("resource type") }

func enumList[T ~string](enum string) []T {
	values := enumValues[enum]
	out := make([]T, len(values))
	for i, v := range values {
		out[i] = T(v)
	}
	return out
}
