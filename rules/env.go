package rules

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/ext"
	"golang.org/x/net/idna"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
)

// collection is something a rule can run over with `each`: the variables it
// binds for the rule's expressions and how an element's path is written.
type collection struct {
	vars []cel.EnvOption
}

var (
	filingType  = cel.ObjectType("model.Filing")
	serviceType = cel.ObjectType("model.Service")
	personType  = cel.ObjectType("model.Person")
	indexVar    = cel.Variable("i", cel.IntType)
	innerVar    = cel.Variable("j", cel.IntType)
	serviceVar  = cel.Variable("service", serviceType)
)

// collections lists what `each` may name. The element variables are named
// after the element so that a rule reads as prose: service.name, domain.name.
var collections = map[string]collection{
	"":              {},
	"services":      {vars: []cel.EnvOption{serviceVar, indexVar}},
	"domains":       {vars: []cel.EnvOption{serviceVar, cel.Variable("domain", cel.ObjectType("model.Domain")), indexVar, innerVar}},
	"ips":           {vars: []cel.EnvOption{serviceVar, cel.Variable("ip", cel.StringType), indexVar, innerVar}},
	"platforms":     {vars: []cel.EnvOption{serviceVar, cel.Variable("platform", cel.ObjectType("model.Platform")), indexVar, innerVar}},
	"pre_approvals": {vars: []cel.EnvOption{serviceVar, cel.Variable("pre_approval", cel.ObjectType("model.PreApproval")), indexVar, innerVar}},
	"materials":     {vars: []cel.EnvOption{cel.Variable("material", cel.ObjectType("model.Material")), indexVar}},
	// principals: the subject's principal (role "subject", i = -1, service
	// empty) and then each service's principal (role "service").
	"principals": {vars: []cel.EnvOption{cel.Variable("person", personType), cel.Variable("role", cel.StringType), serviceVar, indexVar}},
}

func collectionNames() []string {
	var names []string
	for n := range collections {
		if n != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// newEnvs builds the one base environment every rule compiles against, and
// one extension of it per collection. Building an environment is the slow
// part of compiling, so this happens once per Compile, not once per rule.
func newEnvs(matchers map[string]*check.Matcher) (map[string]*cel.Env, error) {
	opts := append([]cel.EnvOption{
		ext.NativeTypes(reflect.TypeOf(&model.Filing{}), ext.ParseStructTag("json")),
		cel.Variable("filing", filingType),
		cel.Variable("filing_date", cel.StringType),
		cel.Variable("facts", cel.MapType(cel.StringType, cel.MapType(cel.StringType, cel.StringType))),
		ext.Strings(),
		ext.Lists(),
		ext.Sets(),
		ext.Bindings(),
		ext.TwoVarComprehensions(),
		// Macro calls are kept so that a part of a when can be written back
		// to source (splitWhen) with its exists() and all() intact.
		cel.EnableMacroCallTracking(),
	}, functions(matchers)...)
	base, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("rules: building the CEL environment: %w", err)
	}
	envs := map[string]*cel.Env{}
	for name, c := range collections {
		env := base
		if len(c.vars) > 0 {
			if env, err = base.Extend(c.vars...); err != nil {
				return nil, fmt.Errorf("rules: CEL environment for %s: %w", name, err)
			}
		}
		envs[name] = env
	}
	return envs, nil
}

func str(v ref.Val) string { return string(v.(types.String)) }

// The Go functions over strings that cannot fail. CEL calls them through
// the bindings below; field guards call them directly, so a rule means the
// same whichever evaluates it.
var (
	boolFunctions = map[string]func(string) bool{
		"resident_id_valid": func(s string) bool { _, err := check.ResidentID(s); return err == nil },
		"uscc_valid":        func(s string) bool { _, err := check.USCC(s); return err == nil },
		"mobile_valid":      func(s string) bool { return check.Mobile(s) == nil },
		"hostname_valid":    func(s string) bool { return check.Hostname(s) == nil },
		"ip_valid":          func(s string) bool { return check.IP(s) == nil },
		"ip_range_valid":    func(s string) bool { return check.IPRange(s) == nil },
		"ip_public":         check.PublicIP,
	}
	stringFunctions = map[string]func(string) string{
		"normalize":           check.Normalize,
		"resident_id_problem": func(s string) string { _, err := check.ResidentID(s); return problem(err) },
		"uscc_problem":        func(s string) string { _, err := check.USCC(s); return problem(err) },
		"province_name": func(s string) string {
			info, ok := model.Province(s).Info()
			if !ok {
				return s
			}
			return info.Full
		},
		"hostname_problem":   func(s string) string { return problem(check.Hostname(s)) },
		"registrable_domain": check.RegistrableDomain,
		"main_label":         mainLabel,
	}
	binaryStringFunctions = map[string]func(string, string) string{
		"certificate_province": func(certType, number string) string {
			p, _ := check.CertificateProvince(certType, number)
			return string(p)
		},
	}
	intFunctions = map[string]func(string) int{
		"domain_level": check.DomainLevel,
		"label_count":  check.LabelCount,
	}
)

// stringFunctionBindings declares the functions of the tables above to CEL,
// in a fixed order.
func stringFunctionBindings() []cel.EnvOption {
	var opts []cel.EnvOption
	for _, name := range sortedKeys(boolFunctions) {
		fn := boolFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.Bool(fn(str(v))) }))))
	}
	for _, name := range sortedKeys(stringFunctions) {
		fn := stringFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string", []*cel.Type{cel.StringType}, cel.StringType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.String(fn(str(v))) }))))
	}
	for _, name := range sortedKeys(binaryStringFunctions) {
		fn := binaryStringFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.StringType,
			cel.BinaryBinding(func(a, b ref.Val) ref.Val { return types.String(fn(str(a), str(b))) }))))
	}
	for _, name := range sortedKeys(intFunctions) {
		fn := intFunctions[name]
		opts = append(opts, cel.Function(name, cel.Overload(name+"_string", []*cel.Type{cel.StringType}, cel.IntType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.Int(fn(str(v))) }))))
	}
	return opts
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func problem(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// functions are the Go-implemented helpers that rules call. Heavy work
// (word matching, identifier checks, uniqueness) lives here, written once.
func functions(matchers map[string]*check.Matcher) []cel.EnvOption {
	matcher := func(list ref.Val) (*check.Matcher, ref.Val) {
		m, ok := matchers[str(list)]
		if !ok {
			return nil, types.NewErr("unknown word list %q", str(list))
		}
		return m, nil
	}
	return append(stringFunctionBindings(),
		cel.Function("has_words", cel.Overload("has_words_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.BoolType,
			cel.BinaryBinding(func(text, list ref.Val) ref.Val {
				m, err := matcher(list)
				if err != nil {
					return err
				}
				return types.Bool(m.Contains(str(text)))
			}))),
		cel.Function("found_words", cel.Overload("found_words_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.ListType(cel.StringType),
			cel.BinaryBinding(func(text, list ref.Val) ref.Val {
				m, err := matcher(list)
				if err != nil {
					return err
				}
				return types.NewStringList(types.DefaultTypeAdapter, m.Find(str(text)))
			}))),
		cel.Function("prefix_words", cel.Overload("prefix_words_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.ListType(cel.StringType),
			cel.BinaryBinding(func(text, list ref.Val) ref.Val {
				m, err := matcher(list)
				if err != nil {
					return err
				}
				return types.NewStringList(types.DefaultTypeAdapter, prefixes(m, str(text)))
			}))),
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
		cel.Function("sum", cel.Overload("sum_list_int", []*cel.Type{cel.ListType(cel.IntType)}, cel.IntType,
			cel.UnaryBinding(sum))),
		cel.Function("duplicates", cel.Overload("duplicates_list_string", []*cel.Type{cel.ListType(cel.StringType)}, cel.ListType(cel.StringType),
			cel.UnaryBinding(duplicates))),
		cel.Function("unique", cel.Overload("unique_list_string", []*cel.Type{cel.ListType(cel.StringType)}, cel.ListType(cel.StringType),
			cel.UnaryBinding(unique))),
	)
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

// mainLabel is the label left of the public suffix, in Unicode, where a
// domain's name "prefix" (字头) stands: 中国湘云 in www.中国湘云.cn.
func mainLabel(domain string) string {
	reg := check.RegistrableDomain(domain)
	label, _, _ := strings.Cut(reg, ".")
	if u, err := idna.ToUnicode(label); err == nil {
		return u
	}
	return label
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

// duplicates returns the strings that occur more than once, each once, in
// the order of their first occurrence; linear where CEL's distinct() is not.
func duplicates(v ref.Val) ref.Val {
	return countedStrings(v, "duplicates", 2)
}

// unique returns each string once, in the order of first occurrence; the
// linear replacement of CEL's quadratic distinct() for string lists.
func unique(v ref.Val) ref.Val {
	return countedStrings(v, "unique", 1)
}

// countedStrings returns, in the order of their first occurrence, the
// strings of a list that occur at least n times, each once.
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
