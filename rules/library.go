package rules

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
)

// The Go functions rules call. Heavy or exacting work — word lists,
// identity numbers, host names, uniqueness — is done here, in Go, once.
// Those that read a host name or an e-mail address are bound late (see
// late.go).

// pureFunctions are the functions of one string that cannot fail.
var (
	boolFunctions = map[string]func(string) bool{
		"resident_id_valid": func(s string) bool { _, err := check.ResidentID(s); return err == nil },
		"uscc_valid":        func(s string) bool { _, err := check.USCC(s); return err == nil },
		"mobile_valid":      func(s string) bool { return check.Mobile(s) == nil },
		"phone_valid":       func(s string) bool { return check.Phone(s) == nil },
		"ip_valid":          func(s string) bool { return check.IP(s) == nil },
		"ip_range_valid":    func(s string) bool { return check.IPRange(s) == nil },
		"ip_public":         check.PublicIP,
	}
	stringFunctions = map[string]func(string) string{
		"normalize": check.Normalize,
		"province_name": func(s string) string {
			info, ok := model.Province(s).Info()
			if !ok {
				return s
			}
			return info.Full
		},
	}
)

func str(v ref.Val) string { return string(v.(types.String)) }

// library declares every function to CEL, in a fixed order, with the word
// lists the rule files define.
func library(matchers map[string]*wordList) []cel.EnvOption {
	var opts []cel.EnvOption
	for _, name := range slices.Sorted(maps.Keys(boolFunctions)) {
		fn := boolFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.Bool(fn(str(v))) }))))
	}
	for _, name := range slices.Sorted(maps.Keys(stringFunctions)) {
		fn := stringFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string", []*cel.Type{cel.StringType}, cel.StringType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.String(fn(str(v))) }))))
	}
	for _, f := range lateFunctions {
		opts = append(opts, cel.Function(f.name, cel.Overload(f.name+"_string", []*cel.Type{cel.StringType}, f.out, cel.LateFunctionBinding())))
	}
	matcher := func(list ref.Val) (*check.Matcher, ref.Val) {
		m, ok := matchers[str(list)]
		if !ok {
			return nil, types.NewErr("unknown word list %q", str(list))
		}
		return m.matcher(), nil
	}
	wordFunction := func(name string, out *cel.Type, fn func(m *check.Matcher, text string) ref.Val) cel.EnvOption {
		return cel.Function(name, cel.Overload(name+"_string_string", []*cel.Type{cel.StringType, cel.StringType}, out,
			cel.BinaryBinding(func(text, list ref.Val) ref.Val {
				m, err := matcher(list)
				if err != nil {
					return err
				}
				return fn(m, str(text))
			})))
	}
	stringList := cel.ListType(cel.StringType)
	return append(opts,
		materialFunctions(),
		wordFunction("has_words", cel.BoolType, func(m *check.Matcher, text string) ref.Val { return types.Bool(m.Contains(text)) }),
		wordFunction("found_words", stringList, func(m *check.Matcher, text string) ref.Val {
			return types.NewStringList(types.DefaultTypeAdapter, m.Find(text))
		}),
		wordFunction("prefix_words", stringList, func(m *check.Matcher, text string) ref.Val {
			return types.NewStringList(types.DefaultTypeAdapter, prefixes(m, text))
		}),
		cel.Function("certificate_province", cel.Overload("certificate_province_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.StringType,
			cel.BinaryBinding(func(certType, number ref.Val) ref.Val {
				p, _ := check.CertificateProvince(str(certType), str(number))
				return types.String(p)
			}))),
		cel.Function("province", cel.Overload("province_string", []*cel.Type{cel.StringType}, provinceType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return provinceVal(str(v)) }))),
		// A resident ID number read on a day: valid, and born neither
		// after that day nor more than 120 years before it.
		cel.Function("resident_id_plausible", cel.Overload("resident_id_plausible_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.BoolType,
			cel.BinaryBinding(func(v, on ref.Val) ref.Val {
				_, err := check.ResidentIDOn(str(v), model.Date(str(on)))
				return types.Bool(err == nil)
			}))),
		cel.Function("resident_id_problem",
			cel.Overload("resident_id_problem_string", []*cel.Type{cel.StringType}, problemType,
				cel.UnaryBinding(func(v ref.Val) ref.Val { _, err := check.ResidentID(str(v)); return problemOf(err) })),
			cel.Overload("resident_id_problem_string_string", []*cel.Type{cel.StringType, cel.StringType}, problemType,
				cel.BinaryBinding(func(v, on ref.Val) ref.Val {
					_, err := check.ResidentIDOn(str(v), model.Date(str(on)))
					return problemOf(err)
				}))),
		cel.Function("mobile_problem", cel.Overload("mobile_problem_string", []*cel.Type{cel.StringType}, problemType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return problemOf(check.Mobile(str(v))) }))),
		cel.Function("phone_problem", cel.Overload("phone_problem_string", []*cel.Type{cel.StringType}, problemType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return problemOf(check.Phone(str(v))) }))),
		cel.Function("ip_problem", cel.Overload("ip_problem_string", []*cel.Type{cel.StringType}, problemType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return problemOf(check.IPRange(str(v))) }))),
		cel.Function("uscc_problem", cel.Overload("uscc_problem_string", []*cel.Type{cel.StringType}, problemType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { _, err := check.USCC(str(v)); return problemOf(err) }))),
		cel.Function("resident_id_birth", cel.Overload("resident_id_birth_string", []*cel.Type{cel.StringType}, cel.StringType,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				info, err := check.ResidentID(str(v))
				if err != nil {
					return types.NewErr("resident_id_birth: %v", err)
				}
				return types.String(info.Birth)
			}))),
		cel.Function("age_at", cel.Overload("age_at_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.IntType,
			cel.BinaryBinding(func(birth, at ref.Val) ref.Val {
				age, err := check.AgeAt(model.Date(str(birth)), model.Date(str(at)))
				if err != nil {
					return types.NewErr("age_at: %v", err)
				}
				return types.Int(age)
			}))),
		// add_months moves a YYYY-MM-DD date by n calendar months (n may be
		// negative); a day the month lacks goes to its last day, so that
		// 2026-08-31 plus 3 months is 2026-11-30. Dates compare as text.
		cel.Function("add_months", cel.Overload("add_months_string_int", []*cel.Type{cel.StringType, cel.IntType}, cel.StringType,
			cel.BinaryBinding(func(date, n ref.Val) ref.Val {
				d, err := model.ParseDate(str(date))
				if err != nil {
					return types.NewErr("add_months: %v", err)
				}
				return types.String(addMonths(d, int(n.(types.Int))))
			}))),
		cel.Function("sum", cel.Overload("sum_list_int", []*cel.Type{cel.ListType(cel.IntType)}, cel.IntType,
			cel.UnaryBinding(sum))),
		cel.Function("duplicates", cel.Overload("duplicates_list_string", []*cel.Type{stringList}, stringList,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return countedStrings(v, "duplicates", 2) }))),
		cel.Function("unique", cel.Overload("unique_list_string", []*cel.Type{stringList}, stringList,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return countedStrings(v, "unique", 1) }))),
		// set makes a list of strings a map to true, for lookups with in
		// that take constant time.
		cel.Function("set", cel.Overload("set_list_string", []*cel.Type{stringList}, cel.MapType(cel.StringType, cel.BoolType),
			cel.UnaryBinding(stringSet))),
	)
}

// addMonths moves d by n calendar months, keeping the day where the month
// has it and taking the month's last day where it does not.
func addMonths(d model.Date, n int) model.Date {
	t, _ := d.Time()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return model.Date(first.AddDate(0, 0, min(t.Day(), last)-1).Format("2006-01-02"))
}

// wordList is a list's words and its matcher, built on first use: a
// program that checks one province never builds the others' matchers.
type wordList struct {
	words []string
	once  sync.Once
	m     *check.Matcher
}

func (w *wordList) matcher() *check.Matcher {
	w.once.Do(func() { w.m = check.NewMatcher(w.words) })
	return w.m
}

// prefixes returns the words of m that text starts with (after the same
// normalisation the matcher applies).
func prefixes(m *check.Matcher, text string) []string {
	var out []string
	norm := check.Normalize(text)
	for _, w := range m.Find(text) {
		if strings.HasPrefix(norm, check.Normalize(w)) {
			out = append(out, w)
		}
	}
	return out
}

// sum adds a list of ints, such as the domain counts of the services.
func sum(v ref.Val) ref.Val {
	list, ok := v.(traits.Lister)
	if !ok {
		return types.NewErr("sum: not a list")
	}
	var total types.Int
	for it := list.Iterator(); it.HasNext() == types.True; {
		n, ok := it.Next().(types.Int)
		if !ok {
			return types.NewErr("sum: not an int")
		}
		total += n
	}
	return total
}

// countedStrings returns, in the order of their first occurrence, the
// strings of a list that occur at least n times, each once: unique (n = 1)
// is the linear replacement of CEL's quadratic distinct(), duplicates
// (n = 2) finds what occurs twice.
func countedStrings(v ref.Val, fn string, n int) ref.Val {
	list, ok := v.(traits.Lister)
	if !ok {
		return types.NewErr("%s: not a list", fn)
	}
	size := int64(list.Size().(types.Int))
	seen := make(map[string]int, size)
	var out []string
	for i := int64(0); i < size; i++ {
		s, ok := list.Get(types.Int(i)).(types.String)
		if !ok {
			return types.NewErr("%s: list element %d is not a string", fn, i)
		}
		seen[string(s)]++
		if seen[string(s)] == n {
			out = append(out, string(s))
		}
	}
	return types.NewStringList(types.DefaultTypeAdapter, out)
}

// stringSet is the strings of a list as the keys of a map to true.
func stringSet(v ref.Val) ref.Val {
	list, ok := v.(traits.Lister)
	if !ok {
		return types.NewErr("set: not a list")
	}
	size := int64(list.Size().(types.Int))
	set := make(map[string]bool, size)
	for i := int64(0); i < size; i++ {
		s, ok := list.Get(types.Int(i)).(types.String)
		if !ok {
			return types.NewErr("set: list element %d is not a string", i)
		}
		set[string(s)] = true
	}
	return types.NewMap(types.DefaultTypeAdapter, set)
}

// Values a message renders in the report's language.
var (
	provinceType = cel.OpaqueType("icpcheck.province")
	problemType  = cel.OpaqueType("icpcheck.problem")
)

// localized is a value of a message that has a text in each language: a
// province (湖南省, Hunan) or the problem found in an identifier.
type localized struct {
	typ  *types.Type
	text Text
}

func (v localized) ConvertToNative(reflect.Type) (any, error) { return v.text.Zh, nil }
func (v localized) ConvertToType(t ref.Type) ref.Val {
	if t == types.StringType {
		return types.String(v.text.Zh)
	}
	return types.NewErr("%s: no conversion to %s", v.typ, t)
}
func (v localized) Equal(o ref.Val) ref.Val {
	other, ok := o.(localized)
	return types.Bool(ok && other.text == v.text)
}
func (v localized) Type() ref.Type { return v.typ }
func (v localized) Value() any     { return v.text }

// provinceVal renders a province slug as its name; a text that is no
// province stays as it is in both languages.
func provinceVal(slug string) ref.Val {
	p := model.Province(slug)
	return localized{provinceType, Text{Zh: p.Name(model.Chinese), En: p.Name(model.English)}}
}

// problemOf renders the problem a check found, in each language; none
// is "".
func problemOf(err error) ref.Val {
	var p *check.Problem
	if !errors.As(err, &p) {
		if err != nil {
			return types.WrapErr(err)
		}
		return localized{problemType, Text{}}
	}
	return localized{problemType, Text{Zh: p.Text(model.Chinese), En: p.Text(model.English)}}
}
