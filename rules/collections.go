package rules

import (
	"reflect"
	"strconv"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/model"
)

// collection is one thing a rule's each can name. Everything else — the
// variables a rule over it may read, how the engine iterates it, the path
// of an element, which parts of a when can be hoisted, where a rule's path
// must lead — is derived from this table, so adding a collection is one
// entry here and a test.
type collection struct {
	name string // what each names: "domains"
	elem string // the variable bound to the element: "domain"
	// patterns are where the elements stand in a filing, with [] for
	// any index: "services[].domains[]".
	patterns []string
	// goType is the element's Go type, which a rule's path must lead into.
	goType reflect.Type
	// inService: the collection is a list inside each service, bound with
	// service (and its index i) and the element's index j. Otherwise it
	// belongs to the filing and its index is i.
	inService bool
	// size and bind give the element count and bind element k; s is the
	// service for a collection inside a service.
	size func(f *model.Filing, s *model.Service) int
	bind func(a *activation, f *model.Filing, s *model.Service, k int)
	// path appends the element's path, such as services[2].domains[0].
	path func(b []byte, a *activation) []byte
	// extra are variables the collection binds beside its element.
	extra []cel.EnvOption
}

// The values of role, boxed once rather than on every read.
var (
	noRole      ref.Val = types.String("")
	roleSubject ref.Val = types.String("subject")
	roleService ref.Val = types.String("service")
)

var collectionTable = []*collection{
	{
		name: "services", elem: "service", goType: reflect.TypeFor[model.Service](), patterns: []string{"services[]"},
		size: func(f *model.Filing, _ *model.Service) int { return len(f.Services) },
		bind: func(a *activation, f *model.Filing, _ *model.Service, k int) {
			a.i, a.service, a.elem = k, &f.Services[k], &f.Services[k]
		},
		path: func(b []byte, a *activation) []byte { return index(append(b, "services"...), a.i) },
	},
	serviceList("domains", "domain", reflect.TypeFor[model.Domain](),
		func(s *model.Service) int { return len(s.Domains) },
		func(s *model.Service, k int) any { return &s.Domains[k] }),
	serviceList("ips", "ip", reflect.TypeFor[string](),
		func(s *model.Service) int { return len(s.IPs) },
		func(s *model.Service, k int) any { return s.IPs[k] }),
	serviceList("platforms", "platform", reflect.TypeFor[model.Platform](),
		func(s *model.Service) int { return len(s.Platforms) },
		func(s *model.Service, k int) any { return &s.Platforms[k] }),
	serviceList("pre_approvals", "pre_approval", reflect.TypeFor[model.PreApproval](),
		func(s *model.Service) int { return len(s.PreApprovals) },
		func(s *model.Service, k int) any { return &s.PreApprovals[k] }),
	serviceList("sdks", "sdk", reflect.TypeFor[model.SDK](),
		func(s *model.Service) int { return len(s.SDKs) },
		func(s *model.Service, k int) any { return &s.SDKs[k] }),
	{
		name: "materials", elem: "material", goType: reflect.TypeFor[model.Material](), patterns: []string{"materials[]"},
		size: func(f *model.Filing, _ *model.Service) int { return len(f.Materials) },
		bind: func(a *activation, f *model.Filing, _ *model.Service, k int) { a.i, a.elem = k, &f.Materials[k] },
		path: func(b []byte, a *activation) []byte { return index(append(b, "materials"...), a.i) },
	},
	{
		// principals: the subject's principal (role "subject", i = -1,
		// service empty), then each service's (role "service").
		name: "principals", elem: "person", goType: reflect.TypeFor[model.Person](), patterns: []string{"subject.principal", "services[].principal"},
		size: func(f *model.Filing, _ *model.Service) int { return 1 + len(f.Services) },
		bind: func(a *activation, f *model.Filing, _ *model.Service, k int) {
			if k == 0 {
				a.i, a.role, a.elem, a.service = -1, roleSubject, &f.Subject.Principal, &emptyService
				return
			}
			s := &f.Services[k-1]
			a.i, a.role, a.elem, a.service = k-1, roleService, &s.Principal, s
		},
		path: func(b []byte, a *activation) []byte {
			if a.role == roleSubject {
				return append(b, "subject.principal"...)
			}
			return append(index(append(b, "services"...), a.i), ".principal"...)
		},
		extra: []cel.EnvOption{serviceVar, cel.Variable("role", cel.StringType)},
	},
}

var emptyService model.Service

// serviceList describes a list inside each service.
func serviceList(name, elem string, t reflect.Type, size func(*model.Service) int, item func(*model.Service, int) any) *collection {
	return &collection{
		name: name, elem: elem, goType: t, inService: true, patterns: []string{"services[]." + name + "[]"},
		size: func(_ *model.Filing, s *model.Service) int { return size(s) },
		bind: func(a *activation, _ *model.Filing, s *model.Service, k int) { a.j, a.elem = k, item(s, k) },
		path: func(b []byte, a *activation) []byte {
			b = append(index(append(b, "services"...), a.i), '.')
			return index(append(b, name...), a.j)
		},
		extra: []cel.EnvOption{serviceVar, cel.Variable("j", cel.IntType)},
	}
}

func index(b []byte, i int) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, ']')
}

var (
	filingType = cel.ObjectType("model.Filing")
	serviceVar = cel.Variable("service", cel.ObjectType("model.Service"))
)

// celTypeOf is the CEL type of an element of Go type t.
func celTypeOf(t reflect.Type) *cel.Type {
	if t.Kind() == reflect.String {
		return cel.StringType
	}
	return cel.ObjectType("model." + t.Name())
}

// vars are the variables a rule over c may read: its element, i, and
// what the collection adds.
func (c *collection) vars() []cel.EnvOption {
	return append([]cel.EnvOption{cel.Variable(c.elem, celTypeOf(c.goType)), cel.Variable("i", cel.IntType)}, c.extra...)
}

// elementVariables are the names bound anew for every element of some
// collection; filing, filing_date, facts and the predicates stay the same
// throughout a call.
func elementVariables() map[string]bool {
	out := map[string]bool{"i": true, "j": true, "service": true, "role": true}
	for _, c := range collectionTable {
		out[c.elem] = true
	}
	return out
}

// FieldPatterns returns where in a filing the rule reports, with [] for
// any index: for a rule with required fields, each field under each of
// the places its collection's elements stand ("services[].kind"); for
// another rule, its path there ("services[].principal.mobile"), or the
// places themselves when it has none.
func (r *Rule) FieldPatterns() []string {
	bases := []string{""}
	if c := collectionNamed(r.Each); c != nil {
		bases = c.patterns
	}
	fields := r.Required
	if len(fields) == 0 {
		fields = []string{r.Path}
	}
	var out []string
	for _, b := range bases {
		for _, f := range fields {
			switch {
			case b == "":
				out = append(out, f)
			case f == "":
				out = append(out, b)
			default:
				out = append(out, b+"."+f)
			}
		}
	}
	return out
}

func collectionNamed(name string) *collection {
	for _, c := range collectionTable {
		if c.name == name {
			return c
		}
	}
	return nil
}

func collectionNames() []string {
	names := make([]string, len(collectionTable))
	for i, c := range collectionTable {
		names[i] = c.name
	}
	return names
}
