package model

import (
	"errors"
	"math"
)

// Limits bounds what the decoders accept, so that a hostile document is
// refused early, with a *DecodeError that wraps ErrLimit, instead of
// exhausting memory, the stack, or the validator's time later. A zero (or
// negative) field means its default, the value DefaultLimits returns:
//
//   - MaxBytes, default 8 MiB (MaxInputBytes): the largest JSON document.
//     JSON is parsed as a stream and counted as it goes, so MaxNodes bounds
//     what a JSON document costs: a hostile 8 MiB JSON ("[1,1,1,…]")
//     allocates about 40 MB in all with the defaults.
//   - MaxYAMLBytes, default 512 KiB: the largest YAML document.
//     yaml.v3 builds its whole tree before the decoder can count
//     anything, at up to about 350 bytes allocated per input byte for a
//     document of tiny values with comments ("{a #\n#\n,a #\n#\n,…}",
//     "- #\n- #\n…"; about 250 bytes for "{a,a,a,…}", 140 for "[1,1,1,…]").
//     Measured with the defaults, the worst hostile 512 KiB YAML allocates
//     about 190 MB in all; 8 MiB could allocate 3 GB. Raise it only for
//     input you trust: a real filing is a few kilobytes, and JSON may be
//     larger.
//   - MaxNodes, default 250 000: the most values (objects, lists, keys and
//     scalars) in a document. Each use of a YAML alias counts as a full copy
//     of its anchor, so an alias bomb ("billion laughs") is refused before
//     it is expanded.
//   - MaxDepth, default 64: how deeply values may nest; a filing's deepest
//     value, services[0].principal.certificate.number, is five levels below
//     the top. Values above
//     10 000, yaml.v3's own limit, count as 10 000, so that the recursive
//     builders cannot exhaust the stack.
//   - MaxListItems, default 1 000: the most items in any one list: services,
//     domains, ips, content, materials and every other. The error names the
//     list's key path and line ("services[3].domains: list has more than
//     1000 items").
//   - MaxStringBytes, default 64 KiB: the longest scalar (string, number,
//     boolean) and the longest key, in bytes. The error names the key path
//     and line ("services[0].name: value is 1048576 bytes, more than the
//     limit of 65536").
//
// The limits are checked in this order: bytes before parsing; nodes and
// depth while the document is parsed (their errors carry the path in the
// document's own keys where the parser knows it); list items and string
// bytes while the document is decoded into a Filing, in document order with
// the other errors.
type Limits struct {
	MaxBytes       int
	MaxYAMLBytes   int
	MaxNodes       int
	MaxDepth       int
	MaxListItems   int
	MaxStringBytes int
}

const (
	defaultMaxBytes       = 8 << 20
	defaultMaxYAMLBytes   = 512 << 10
	defaultMaxNodes       = 250_000
	defaultMaxDepth       = 64
	defaultMaxListItems   = 1_000
	defaultMaxStringBytes = 64 << 10

	// maxDepthCap is yaml.v3's own nesting limit; deeper JSON would only
	// deepen the parser's recursion.
	maxDepthCap = 10_000
)

// DefaultLimits returns the limits of the package-level DecodeJSON,
// DecodeYAML and DecodeFile, every field set. It is a function, not a
// variable, so that no caller can change what the others get. See Limits for
// what each bounds and why.
func DefaultLimits() Limits { return Limits{}.resolved() }

// MaxInputBytes is DefaultLimits().MaxBytes, the largest document the
// package-level decoders accept (YAML has the lower MaxYAMLBytes).
const MaxInputBytes = defaultMaxBytes

// ErrLimit is what errors.Is finds in every error that refuses a document
// for exceeding one of its Limits (the Problem codes too_large,
// too_many_values, too_deep, too_many_items and too_long), so that a caller
// can tell "too large" from "invalid".
var ErrLimit = errors.New("model: decoding limit exceeded")

// resolved replaces zero and negative fields with their defaults.
func (l Limits) resolved() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, defaultMaxBytes)
	def(&l.MaxYAMLBytes, defaultMaxYAMLBytes)
	def(&l.MaxNodes, defaultMaxNodes)
	def(&l.MaxDepth, defaultMaxDepth)
	def(&l.MaxListItems, defaultMaxListItems)
	def(&l.MaxStringBytes, defaultMaxStringBytes)
	l.MaxDepth = min(l.MaxDepth, maxDepthCap)
	return l
}

// unlimited is for parsing trusted JSON, EncodeJSON's own output.
var unlimited = Limits{
	MaxBytes: math.MaxInt, MaxYAMLBytes: math.MaxInt, MaxNodes: math.MaxInt,
	MaxDepth: maxDepthCap, MaxListItems: math.MaxInt, MaxStringBytes: math.MaxInt,
}
