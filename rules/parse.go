package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/model"
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	namePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	wordPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// Load parses every file in fsys matching the glob patterns (all *.yaml
// files at the top when none are given), in lexical order.
func Load(fsys fs.FS, patterns ...string) ([]*File, error) {
	return LoadNamed("", fsys, patterns...)
}

// LoadNamed is Load with every file named prefix + its name in fsys, so
// that errors say where a file comes from: icpcheck's embedded files are
// loaded as "icpcheck/provinces/hunan.yaml".
func LoadNamed(prefix string, fsys fs.FS, patterns ...string) ([]*File, error) {
	if len(patterns) == 0 {
		patterns = []string{"*.yaml"}
	}
	seen := map[string]bool{}
	var names []string
	for _, p := range patterns {
		matches, err := fs.Glob(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("rules: pattern %q: %w", p, err)
		}
		for _, m := range matches {
			if !seen[m] {
				seen[m] = true
				names = append(names, m)
			}
		}
	}
	sort.Strings(names)
	var files []*File
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: prefix + name, Err: err})
			continue
		}
		f, err := ParseFile(prefix+name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	return files, errors.Join(errs...)
}

// The limits of a rule file, so that a hostile or broken one is refused
// early, with an *Error wrapping ErrLimit, instead of costing time and
// memory in New. The embedded files are far below them: the largest is
// under 100 KB with about 60 rules.
const (
	MaxRuleFileBytes  = 2 << 20 // one file
	MaxRulesPerFile   = 2000    // rules and applications of one file
	MaxExpressionSize = 16 << 10
	MaxWordListWords  = 10_000
	// A param is a constant a province sets (an age, a list of natures,
	// a word list's name); bounded, it lets the cost estimate bound the
	// expressions that read params, so that they run unmetered.
	MaxParamItems = 64  // items of a list
	MaxParamBytes = 256 // bytes of a text
)

// ErrLimit is wrapped by every error that refuses a rule file for
// exceeding one of the limits above; test for it with errors.Is.
var ErrLimit = errors.New("rules: rule file limit exceeded")

// ParseFile parses one rule file. Every problem it finds is reported as an
// *Error naming the file and line; several are joined with errors.Join.
func ParseFile(name string, data []byte) (*File, error) {
	if len(data) > MaxRuleFileBytes {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: the file has %d bytes, more than %d", ErrLimit, len(data), MaxRuleFileBytes)}
	}
	p := &fileParser{file: &File{Name: name}, lines: splitLines(data)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col := model.YAMLErrorPosition(err, data)
		return nil, &Error{File: name, Line: line, Column: col, Err: err}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("empty rule file")}
	}
	p.parse(doc.Content[0])
	if err := errors.Join(p.errs...); err != nil {
		return nil, err
	}
	return p.file, nil
}

type fileParser struct {
	file  *File
	lines []string
	errs  []error
}

func (p *fileParser) fail(n *yaml.Node, rule string, format string, args ...any) {
	e := &Error{File: p.file.Name, Rule: rule, Err: fmt.Errorf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
		if last := len(p.lines); e.Line > last {
			// yaml.v3 places what ends with the text (an empty
			// document, say) on a line after a text with no final
			// line break: that is the end of the last line.
			e.Line, e.Column = last, utf8.RuneCountInString(p.lines[last-1])+1
		}
	}
	p.errs = append(p.errs, e)
}

// fields iterates over a mapping's keys, refusing any key not in allowed.
func (p *fileParser) fields(n *yaml.Node, what, rule string, allowed []string, fn func(key string, value *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, rule, "%s must be a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(allowed, k.Value) {
			p.fail(k, rule, "unknown key %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		if seen[k.Value] {
			p.fail(k, rule, "duplicate key %q in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		fn(k.Value, v)
	}
}

func (p *fileParser) parse(root *yaml.Node) {
	f := p.file
	var rulesNode *yaml.Node
	var applyNode *yaml.Node
	p.fields(root, "rule file", "", []string{"scope", "description", "reconciled_with", "predicates", "word_lists", "test_base", "test_bases", "test_date", "apply", "rules"}, func(key string, v *yaml.Node) {
		switch key {
		case "scope":
			f.Scope = p.str(v, "")
			f.scopeAt = pos{v.Line, v.Column}
			if !namePattern.MatchString(f.Scope) {
				p.fail(v, "", "scope %q must be a province slug, \"national\", or a provider name in kebab-case", f.Scope)
			}
		case "description":
			f.Description = p.str(v, "")
		case "reconciled_with":
			f.ReconciledWith = p.sources(v, "")
		case "predicates":
			f.Predicates = p.named(v, "", "predicates")
		case "word_lists":
			p.wordLists(v)
		case "test_base":
			f.TestBase = p.mapping(v, "")
		case "test_bases":
			if p.mapping(v, "") == nil {
				return
			}
			f.TestBases = map[string]*yaml.Node{}
			for i := 0; i+1 < len(v.Content); i += 2 {
				f.TestBases[v.Content[i].Value] = p.mapping(v.Content[i+1], "")
			}
		case "test_date":
			f.TestDate = p.date(v, "")
		case "apply":
			applyNode = v
		case "rules":
			rulesNode = v
		}
	})
	if applyNode != nil {
		if !isProvince(f.Scope) {
			p.fail(applyNode, "", "only a province's file applies shared rules, not a file of scope %q", f.Scope)
		} else {
			f.Apply = p.apply(applyNode)
		}
	}
	if f.Scope == "" && root.Kind == yaml.MappingNode {
		p.fail(root, "", "the file needs a scope: a province slug, \"national\", or a provider name")
	}
	for _, wl := range f.WordLists {
		if !strings.HasPrefix(wl.ID, f.Scope+".") {
			p.errs = append(p.errs, &Error{File: f.Name, Line: wl.Line, Err: fmt.Errorf("word list %s must be named %s.<name>", wl.ID, f.Scope)})
		}
	}
	if rulesNode == nil {
		return
	}
	if rulesNode.Kind != yaml.SequenceNode {
		p.fail(rulesNode, "", "rules must be a list")
		return
	}
	if n := len(rulesNode.Content) + len(f.Apply); n > MaxRulesPerFile {
		p.errs = append(p.errs, &Error{File: f.Name, Line: rulesNode.Line, Column: rulesNode.Column, Err: fmt.Errorf("%w: %d rules, more than %d", ErrLimit, n, MaxRulesPerFile)})
		return
	}
	ids := map[string]int{}
	for _, rn := range rulesNode.Content {
		r := p.rule(rn)
		if r == nil {
			continue
		}
		if line, dup := ids[r.ID]; dup {
			p.fail(rn, r.ID, "duplicate rule id (first defined at line %d)", line)
			continue
		}
		ids[r.ID] = rn.Line
		f.Rules = append(f.Rules, r)
	}
}

var ruleKeys = []string{"id", "title", "message", "fix", "reminder", "severity", "category", "applies_to", "each", "path", "params", "supersedes", "variables", "when", "check", "required", "needs", "needs_reason", "values", "effective_from", "effective_until", "source", "notes", "test_base", "tests"}

func (p *fileParser) rule(n *yaml.Node) *Rule {
	r := &Rule{Scope: p.file.Scope, File: p.file.Name, Line: n.Line}
	id := ""
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" {
				id = n.Content[i+1].Value
			}
		}
	}
	before := len(p.errs)
	var source *yaml.Node
	p.fields(n, "rule", id, ruleKeys, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			r.ID = p.str(v, id)
		case "title":
			r.Title = p.text(v, id)
		case "message":
			r.Message = p.text(v, id)
		case "fix":
			r.Fix = p.text(v, id)
		case "reminder":
			if p.file.Scope != SharedScope {
				p.fail(v, id, "only a shared rule has reminder texts, for the provinces that apply it at severity info")
				return
			}
			r.Reminder = p.reminder(v, id)
		case "severity":
			r.Severity = p.severity(v, id)
		case "category":
			r.Category = p.str(v, id)
			if !slices.Contains(Categories(), r.Category) {
				p.fail(v, id, "category %q is not one of %s", r.Category, strings.Join(Categories(), ", "))
			}
		case "each":
			r.Each = p.str(v, id)
			if collectionNamed(r.Each) == nil {
				p.fail(v, id, "each %q is not a collection (want one of %s)", r.Each, strings.Join(collectionNames(), ", "))
			}
		case "path":
			r.Path = p.str(v, id)
			r.pathAt = pos{v.Line, v.Column}
		case "applies_to":
			r.AppliesTo = p.appliesTo(v, id)
		case "params":
			if p.file.Scope != SharedScope {
				p.fail(v, id, "only a shared rule has params, which the provinces that apply it set")
				return
			}
			r.Params = p.params(v, id)
		case "supersedes":
			r.Supersedes = p.strings(v, id)
			for _, x := range v.Content {
				r.supersedesAt = append(r.supersedesAt, pos{x.Line, x.Column})
			}
		case "variables":
			r.Variables = p.named(v, id, "variables")
		case "when":
			r.When = p.expr(v, id)
		case "check":
			r.Check = p.expr(v, id)
		case "required":
			r.Required = p.strings(v, id)
		case "needs":
			r.Needs = p.expr(v, id)
		case "needs_reason":
			r.NeedsReason = p.text(v, id)
		case "values":
			r.Values = p.values(v, id)
		case "effective_from":
			r.EffectiveFrom = p.date(v, id)
		case "effective_until":
			r.EffectiveUntil = p.date(v, id)
		case "source":
			source = v
			r.Sources = p.sources(v, id)
		case "notes":
			r.Notes = p.str(v, id)
		case "test_base":
			r.TestBase = p.str(v, id)
			if _, ok := p.file.TestBases[r.TestBase]; !ok {
				p.fail(v, id, "test_base %q is not one of the file's test_bases", r.TestBase)
			}
		case "tests":
			r.Tests = p.tests(v, id)
		}
	})
	if len(p.errs) > before {
		return nil
	}
	shared := p.file.Scope == SharedScope
	switch {
	case shared && !idPattern.MatchString("x."+r.ID):
		p.fail(n, id, "a shared rule has an id of kebab-case words joined by dots, such as principal.min-age (got %q); in a province it becomes <province>.<id>", r.ID)
	case !shared && !idPattern.MatchString(r.ID):
		p.fail(n, id, "id %q must be <scope>.<kebab-name>", r.ID)
	case !shared && !strings.HasPrefix(r.ID, p.file.Scope+"."):
		p.fail(n, id, "id must start with the file's scope %q", p.file.Scope+".")
	case r.Check.Source == "" && len(r.Required) == 0:
		p.fail(n, id, "a rule needs a check, or the fields it requires (required)")
	case r.Check.Source != "" && len(r.Required) > 0:
		p.fail(n, id, "a rule has a check or required fields, not both")
	case r.Severity == "":
		p.fail(n, id, "a rule needs a severity")
	case r.Category == "":
		p.fail(n, id, "a rule needs a category (one of %s)", strings.Join(Categories(), ", "))
	case len(r.Sources) == 0 && source == nil && !shared:
		p.fail(n, id, "a rule needs a source: where the rule comes from")
	case r.Title.Zh == "" || r.Message.Zh == "":
		p.fail(n, id, "a rule needs a title and a message")
	case r.Needs.Source != "" && r.NeedsReason.Zh == "":
		p.fail(n, id, "a rule with needs must say why it cannot decide (needs_reason)")
	case r.EffectiveFrom != "" && r.EffectiveUntil != "" && r.EffectiveUntil < r.EffectiveFrom:
		p.fail(n, id, "effective_until %s is before effective_from %s", r.EffectiveUntil, r.EffectiveFrom)
	default:
		return r
	}
	return nil
}

func (p *fileParser) severity(v *yaml.Node, rule string) Severity {
	s := Severity(p.str(v, rule))
	if s != SeverityError && s != SeverityWarning && s != SeverityInfo {
		p.fail(v, rule, "severity %q must be error, warning or info", s)
	}
	return s
}

// named reads a mapping of lower-case names to expressions, in order.
func (p *fileParser) named(n *yaml.Node, rule, what string) []NamedExpr {
	if n.Kind != yaml.MappingNode {
		p.fail(n, rule, "%s must be a mapping of name to expression", what)
		return nil
	}
	var out []NamedExpr
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		switch {
		case !wordPattern.MatchString(k.Value):
			p.fail(k, rule, "%s name %q must be a lower-case word (letters, digits, _)", what, k.Value)
		case seen[k.Value]:
			p.fail(k, rule, "duplicate name %q in %s", k.Value, what)
		default:
			seen[k.Value] = true
			out = append(out, NamedExpr{Name: k.Value, Expr: p.expr(n.Content[i+1], rule)})
		}
	}
	return out
}

// values reads a rule's values: an expression, or {zh: expr, en: expr} for
// a value that differs by language.
func (p *fileParser) values(n *yaml.Node, rule string) []NamedExpr {
	if n.Kind != yaml.MappingNode {
		p.fail(n, rule, "values must be a mapping of name to expression")
		return nil
	}
	var out []NamedExpr
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !wordPattern.MatchString(k.Value) {
			p.fail(k, rule, "value name %q must be a lower-case word (letters, digits, _)", k.Value)
			continue
		}
		if v.Kind != yaml.MappingNode {
			out = append(out, NamedExpr{Name: k.Value, Expr: p.expr(v, rule)})
			continue
		}
		ne := NamedExpr{Name: k.Value}
		p.fields(v, "value "+k.Value, rule, []string{"zh", "en"}, func(lang string, e *yaml.Node) {
			x := p.expr(e, rule)
			if lang == "zh" {
				ne.Expr = x
			} else {
				ne.En = &x
			}
		})
		if ne.Expr.Source == "" || ne.En == nil {
			p.fail(v, rule, "value %s needs both zh and en", k.Value)
			continue
		}
		out = append(out, ne)
	}
	return out
}

// apply reads a province's applications of shared rules.
func (p *fileParser) apply(n *yaml.Node) []Application {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "", "apply must be a list of the shared rules the province applies")
		return nil
	}
	var out []Application
	for _, an := range n.Content {
		a := Application{File: p.file.Name, Line: an.Line}
		p.fields(an, "apply", "", []string{"rule", "as", "params", "severity", "source", "notes", "effective_from", "effective_until", "test_base", "tests"}, func(key string, x *yaml.Node) {
			switch key {
			case "rule":
				a.Rule = p.str(x, "")
			case "as":
				a.As = p.str(x, a.Rule)
				if !idPattern.MatchString("x." + a.As) {
					p.fail(x, a.Rule, "as names the application in kebab-case words joined by dots, such as personal-mobile-locality (got %q); the rule becomes <province>.<as>", a.As)
				}
			case "params":
				a.Params = p.params(x, a.Rule)
			case "severity":
				a.Severity = p.severity(x, a.Rule)
			case "source":
				a.Sources = p.sources(x, a.Rule)
			case "notes":
				a.Notes = p.str(x, a.Rule)
			case "effective_from":
				a.EffectiveFrom = p.date(x, a.Rule)
			case "effective_until":
				a.EffectiveUntil = p.date(x, a.Rule)
			case "test_base":
				a.TestBase = p.str(x, a.Rule)
				if _, ok := p.file.TestBases[a.TestBase]; !ok {
					p.fail(x, a.Rule, "test_base %q is not one of the file's test_bases", a.TestBase)
				}
			case "tests":
				a.Tests = p.tests(x, a.Rule)
			}
		})
		if a.Rule == "" {
			p.fail(an, "", "an application names the shared rule it applies (rule: …)")
			continue
		}
		out = append(out, a)
	}
	return out
}

func (p *fileParser) params(n *yaml.Node, rule string) map[string]any {
	if n.Kind != yaml.MappingNode {
		p.fail(n, rule, "params must be a mapping of name to value")
		return nil
	}
	out := map[string]any{}
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		var val any
		if !wordPattern.MatchString(k.Value) || v.Kind == yaml.MappingNode || v.Decode(&val) != nil {
			p.fail(v, rule, "param %s must be a lower-case word with a number, string, boolean or list of them", k.Value)
			continue
		}
		if !smallParam(val) {
			p.fail(v, rule, "%w: param %s holds more than %d items or a text longer than %d bytes", ErrLimit, k.Value, MaxParamItems, MaxParamBytes)
			continue
		}
		out[k.Value] = val
	}
	return out
}

// smallParam reports whether a param's value lies within those bounds.
func smallParam(v any) bool {
	switch x := v.(type) {
	case string:
		return len(x) <= MaxParamBytes
	case []any:
		if len(x) > MaxParamItems {
			return false
		}
		for _, item := range x {
			if s, ok := item.(string); ok && len(s) > MaxParamBytes {
				return false
			}
		}
	}
	return true
}

// appliesTo reads who a rule is for, in the closed vocabulary of
// AppliesTo; "unit" stands for every nature but individual.
func (p *fileParser) appliesTo(n *yaml.Node, rule string) AppliesTo {
	var a AppliesTo
	list := func(x *yaml.Node) []string {
		if x.Kind == yaml.ScalarNode {
			return []string{p.str(x, rule)}
		}
		return p.strings(x, rule)
	}
	p.fields(n, "applies_to", rule, []string{"nature", "kind", "filing_type", "resource"}, func(key string, x *yaml.Node) {
		switch key {
		case "nature":
			for _, v := range list(x) {
				switch {
				case v == "unit":
					for _, nat := range model.Natures() {
						if nat != model.Individual {
							a.Natures = append(a.Natures, nat)
						}
					}
				case slices.Contains(model.Natures(), model.Nature(v)):
					a.Natures = append(a.Natures, model.Nature(v))
				default:
					p.fail(x, rule, "applies_to.nature: %q is not a subject nature or unit", v)
				}
			}
		case "kind":
			a.Kind = model.ServiceKind(p.str(x, rule))
			if a.Kind != model.Website && a.Kind != model.App {
				p.fail(x, rule, "applies_to.kind: %q is not website or app", a.Kind)
			}
		case "filing_type":
			for _, v := range list(x) {
				if !slices.Contains(model.FilingTypes(), model.FilingType(v)) {
					p.fail(x, rule, "applies_to.filing_type: %q is not a filing type", v)
				}
				a.FilingTypes = append(a.FilingTypes, model.FilingType(v))
			}
		case "resource":
			for _, v := range list(x) {
				if !slices.Contains(model.ResourceTypes(), model.ResourceType(v)) {
					p.fail(x, rule, "applies_to.resource: %q is not a resource type", v)
				}
				a.Resources = append(a.Resources, model.ResourceType(v))
			}
		}
	})
	return a
}

var sourceKeys = []string{"publisher", "document", "section", "url", "retrieved", "says"}

// sources reads a source: one mapping or a list of them. A plain string is
// read as a document named in full, as rule files before the structured
// form wrote it.
func (p *fileParser) sources(n *yaml.Node, rule string) Sources {
	switch n.Kind {
	case yaml.ScalarNode:
		if s := p.str(n, rule); s != "" {
			return Sources{{Document: s}}
		}
		return nil
	case yaml.SequenceNode:
		var out Sources
		for _, x := range n.Content {
			out = append(out, p.source(x, rule))
		}
		return out
	}
	return Sources{p.source(n, rule)}
}

func (p *fileParser) source(n *yaml.Node, rule string) Source {
	var s Source
	p.fields(n, "source", rule, sourceKeys, func(key string, v *yaml.Node) {
		switch key {
		case "publisher":
			s.Publisher = p.str(v, rule)
		case "document":
			s.Document = p.str(v, rule)
		case "section":
			s.Section = p.str(v, rule)
		case "url":
			s.URL = p.str(v, rule)
		case "retrieved":
			s.Retrieved = p.date(v, rule)
		case "says":
			s.Says = p.str(v, rule)
		}
	})
	if n.Kind == yaml.MappingNode && (s.Publisher == "" || s.Document == "" && s.URL == "") {
		p.fail(n, rule, "a source needs a publisher and a document or url")
	}
	return s
}

func (p *fileParser) tests(n *yaml.Node, rule string) []TestCase {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, rule, "tests must be a list")
		return nil
	}
	var out []TestCase
	for _, tn := range n.Content {
		tc := TestCase{File: p.file.Name, Line: tn.Line}
		hasWant := false
		p.fields(tn, "test", rule, []string{"name", "filing", "date", "facts", "want", "want_undecided", "in"}, func(key string, v *yaml.Node) {
			switch key {
			case "name":
				tc.Name = p.str(v, rule)
			case "filing":
				tc.Filing = p.mapping(v, rule)
			case "date":
				tc.Date = p.date(v, rule)
			case "facts":
				tc.Facts = p.facts(v, rule)
			case "want":
				hasWant = true
				if v.Kind != yaml.SequenceNode {
					p.fail(v, rule, "want must be a list of paths ([] when the rule must not fire)")
					return
				}
				tc.Want = p.strings(v, rule)
			case "want_undecided":
				if v.Tag != "!!bool" || v.Decode(&tc.WantUndecided) != nil {
					p.fail(v, rule, "want_undecided must be true or false")
				}
			case "in":
				tc.In = p.strings(v, rule)
			}
		})
		if tc.Name == "" {
			p.fail(tn, rule, "a test needs a name")
		}
		if !hasWant && !tc.WantUndecided {
			p.fail(tn, rule, "test %q needs want (the paths where the rule fires, [] for none) or want_undecided", tc.Name)
		}
		out = append(out, tc)
	}
	return out
}

func (p *fileParser) facts(n *yaml.Node, rule string) Facts {
	var known []string
	for _, k := range KnownFacts() {
		known = append(known, k.Name)
	}
	facts := Facts{}
	p.fields(n, "facts", rule, known, func(name string, v *yaml.Node) {
		m := map[string]string{}
		if v.Kind != yaml.MappingNode || v.Decode(&m) != nil {
			p.fail(v, rule, "fact %s must map keys to string values", name)
			return
		}
		facts[name] = m
	})
	return facts
}

func (p *fileParser) wordLists(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "", "word_lists must be a list")
		return
	}
	for _, wn := range n.Content {
		wl := &WordList{File: p.file.Name, Line: wn.Line}
		p.fields(wn, "word list", "", []string{"id", "source", "words"}, func(key string, v *yaml.Node) {
			switch key {
			case "id":
				wl.ID = p.str(v, "")
			case "source":
				wl.Source = p.str(v, "")
			case "words":
				if v.Kind != yaml.SequenceNode {
					p.fail(v, "", "words must be a list")
					return
				}
				if len(v.Content) > MaxWordListWords {
					p.errs = append(p.errs, &Error{File: p.file.Name, Line: v.Line, Column: v.Column, Err: fmt.Errorf("%w: %d words, more than %d", ErrLimit, len(v.Content), MaxWordListWords)})
					return
				}
				wl.Words = p.strings(v, "")
			}
		})
		if !idPattern.MatchString(wl.ID) || wl.Source == "" || len(wl.Words) == 0 {
			p.fail(wn, "", "a word list needs an id <scope>.<name>, a source and words")
			continue
		}
		p.file.WordLists = append(p.file.WordLists, wl)
	}
}

func (p *fileParser) str(n *yaml.Node, rule string) string {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!timestamp" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0) {
		p.fail(n, rule, "expected a string")
		return ""
	}
	return n.Value
}

func (p *fileParser) strings(n *yaml.Node, rule string) []string {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, rule, "expected a list of strings")
		return nil
	}
	out := []string{}
	for _, x := range n.Content {
		out = append(out, p.str(x, rule))
	}
	return out
}

func (p *fileParser) scalarOf(n *yaml.Node) *scalar {
	return &scalar{lines: p.lines, line: n.Line, col: n.Column, style: n.Style, value: n.Value}
}

func (p *fileParser) expr(n *yaml.Node, rule string) Expr {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fail(n, rule, "expected a CEL expression")
		return Expr{}
	}
	if len(n.Value) > MaxExpressionSize {
		p.errs = append(p.errs, &Error{File: p.file.Name, Line: n.Line, Column: n.Column, Rule: rule, Err: fmt.Errorf("%w: an expression of %d bytes, more than %d", ErrLimit, len(n.Value), MaxExpressionSize)})
		return Expr{}
	}
	return Expr{Source: n.Value, Line: n.Line, Column: n.Column, at: p.scalarOf(n), pre: &precompiled{}}
}

func (p *fileParser) text(n *yaml.Node, rule string) Text {
	var t Text
	p.fields(n, "text", rule, []string{"zh", "en"}, func(key string, v *yaml.Node) {
		s := p.str(v, rule)
		if key == "zh" {
			t.Zh, t.zhAt = s, p.scalarOf(v)
		} else {
			t.En, t.enAt = s, p.scalarOf(v)
		}
	})
	if n.Kind == yaml.MappingNode && (t.Zh == "" || t.En == "") {
		p.fail(n, rule, "text needs both zh and en")
	}
	return t
}

func (p *fileParser) reminder(n *yaml.Node, rule string) *Reminder {
	var m Reminder
	p.fields(n, "reminder", rule, []string{"title", "message", "fix"}, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			m.Title = p.text(v, rule)
		case "message":
			m.Message = p.text(v, rule)
		case "fix":
			m.Fix = p.text(v, rule)
		}
	})
	if n.Kind == yaml.MappingNode && (m.Title.Zh == "" || m.Message.Zh == "") {
		p.fail(n, rule, "reminder needs a title and a message")
	}
	return &m
}

func (p *fileParser) date(n *yaml.Node, rule string) model.Date {
	d, err := model.ParseDate(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		p.fail(n, rule, "expected a date YYYY-MM-DD, got %q", n.Value)
	}
	return d
}

func (p *fileParser) mapping(n *yaml.Node, rule string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.fail(n, rule, "expected a mapping")
		return nil
	}
	return n
}
