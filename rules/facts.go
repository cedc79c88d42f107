package rules

import (
	"sort"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/icpcheck/icpcheck/model"
)

// Facts are what a rule may need that a filing cannot hold: a mobile
// number's attribution, whether an e-mail was used by another subject, the
// national registry. They are keyed by fact name, then by the value asked
// about. Rules read them as the CEL map facts, for example
// facts.mobile_province[person.mobile], and say so with needs, so that a
// fact nobody supplied makes the rule undecided instead of a guess.
type Facts map[string]map[string]string

// Fact describes one kind of fact a Resolver can supply.
type Fact struct {
	Name string
	// Doc says what the key is and what the value means.
	Doc string
	// keys lists the values of a filing that the fact is asked about.
	keys func(f *model.Filing) []string
}

// KnownFacts returns the facts rules may use, sorted by name.
func KnownFacts() []Fact { return append([]Fact(nil), knownFacts...) }

var knownFacts = []Fact{
	{Name: "domain_filed", Doc: `key: a domain name; value "true" when the domain already has an MIIT filing record, else "false"`, keys: domainNames},
	{Name: "domain_registered_abroad", Doc: `key: a domain name; value "true" when its registrar is outside mainland China, else "false"`, keys: domainNames},
	{Name: "email_used_elsewhere", Doc: `key: an e-mail address; value "true" when another subject's filing uses it, else "false"`, keys: emails},
	{Name: "mobile_province", Doc: "key: a mobile number; value: the province slug of its attribution (归属地)", keys: mobiles},
	{Name: "person_principal_elsewhere", Doc: `key: a principal's certificate number; value "true" when the person is a principal of another subject's filing, else "false"`, keys: principalNumbers},
	{Name: "phone_used_elsewhere", Doc: `key: a phone number (mobile or emergency); value "true" when another unit's filing uses it, else "false"`, keys: phones},
}

// Keys returns, for each known fact, the distinct values of f it would be
// asked about, sorted.
func (fact Fact) Keys(f *model.Filing) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range fact.keys(f) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// value is the facts as the CEL map rules read, with an (empty) map for
// every known fact, so that rules can test membership without checking the
// fact exists. The maps are CEL's own string maps, so a lookup costs no
// reflection.
func (facts Facts) value() ref.Val {
	if len(facts) == 0 {
		return noFacts
	}
	return facts.celMap()
}

// noFacts is the value for a caller without a resolver, built once: most
// calls have none, and CEL never writes to a map it is given.
var noFacts = Facts(nil).celMap()

func (facts Facts) celMap() ref.Val {
	out := make(map[ref.Val]ref.Val, len(knownFacts))
	for _, k := range knownFacts {
		m := facts[k.Name]
		if m == nil {
			m = map[string]string{}
		}
		out[types.String(k.Name)] = types.NewStringStringMap(types.DefaultTypeAdapter, m)
	}
	return types.NewRefValMap(types.DefaultTypeAdapter, out)
}
func persons(f *model.Filing) []*model.Person {
	out := []*model.Person{&f.Subject.Principal}
	for i := range f.Services {
		out = append(out, &f.Services[i].Principal)
	}
	return out
}

func mobiles(f *model.Filing) (out []string) {
	for _, p := range persons(f) {
		out = append(out, p.Mobile)
	}
	return out
}

func phones(f *model.Filing) (out []string) {
	for _, p := range persons(f) {
		out = append(out, p.Mobile, p.EmergencyPhone)
	}
	return out
}

func emails(f *model.Filing) (out []string) {
	for _, p := range persons(f) {
		out = append(out, p.Email)
	}
	return out
}

func principalNumbers(f *model.Filing) (out []string) {
	for _, p := range persons(f) {
		out = append(out, p.Certificate.Number)
	}
	return out
}

func domainNames(f *model.Filing) (out []string) {
	for _, s := range f.Services {
		for _, d := range s.Domains {
			out = append(out, d.Name)
		}
	}
	return out
}
