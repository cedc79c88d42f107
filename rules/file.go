package rules

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/model"
)

// Severity says how sure a violation is to get the filing rejected.
type Severity string

// The severities, from most to least serious.
const (
	SeverityError   Severity = "error"   // the submission will be rejected
	SeverityWarning Severity = "warning" // likely rejected, or against a recommendation
	SeverityInfo    Severity = "info"    // a reminder
)

// Text is a sentence in the two languages every rule speaks.
type Text struct {
	Zh string
	En string
}

// Expr is a CEL expression together with where it stands in its rule file.
type Expr struct {
	Source string
	Line   int // 1-based line of the expression's YAML scalar
	Column int // 1-based column of the scalar
	style  yaml.Style
}

// NamedExpr is one entry of a rule's values: a name used in its messages as
// {name}, computed only when the rule fires.
type NamedExpr struct {
	Name string
	Expr Expr
}

// Rule is one rule as written in a rule file, before compilation.
type Rule struct {
	ID             string
	Scope          string
	Title          Text
	Message        Text
	Severity       Severity
	Category       string // what the rule is about; one of Categories
	Each           string // the collection the rule runs over; "" for the whole filing
	Path           string // where a violation points, relative to the element when Each is set
	When           Expr   // guard; empty means always
	Check          Expr   // true when the filing (or element) complies
	Needs          Expr   // false when the rule cannot decide; empty means always decidable
	NeedsReason    Text
	Values         []NamedExpr
	EffectiveFrom  model.Date // inclusive; empty means no start
	EffectiveUntil model.Date // inclusive; empty means no end
	Source         string
	Tests          []TestCase
	TestBase       string // the name of the file's test_bases entry its cases merge over; "" for test_base
	File           string
	Line           int
}

// TestCase is one case declared beside a rule: a filing (merged over the
// file's test_base) and the paths at which the rule must fire.
type TestCase struct {
	Name          string
	Filing        *yaml.Node // a mapping; merged over the file's test_base
	Date          model.Date // the submission date to assume; empty: the file's test_date
	Want          []string   // paths the rule reports; empty: it must not fire
	WantUndecided bool       // the rule must report that it cannot decide
	Facts         Facts      // the facts a resolver would supply
	Line          int
}

// WordList is a named list of words that rules match text against.
type WordList struct {
	ID     string
	Source string
	Words  []string
	File   string
	Line   int
}

// File is one parsed rule file.
type File struct {
	Name        string
	Scope       string
	Description string
	Rules       []*Rule
	WordLists   []*WordList
	TestBase    *yaml.Node            // the filing that test cases are merged over
	TestBases   map[string]*yaml.Node // named alternatives, chosen by a rule's test_base
	TestDate    model.Date
	lines       []string // the file's text, to map expression errors to it
}

// Error is a problem in a rule file, at a position where one is known.
type Error struct {
	File   string
	Line   int
	Column int
	Rule   string
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Rule != "" {
		fmt.Fprintf(&b, ": rule %s", e.Rule)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	scopePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Load parses every file in fsys matching the glob patterns (all *.yaml
// files at the top when none are given), in lexical order.
func Load(fsys fs.FS, patterns ...string) ([]*File, error) {
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
			errs = append(errs, &Error{File: name, Err: err})
			continue
		}
		f, err := ParseFile(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	return files, joinErrors(errs)
}

// ParseFile parses one rule file. Every problem it finds is reported as an
// *Error naming the file and line; several are joined with errors.Join.
func ParseFile(name string, data []byte) (*File, error) {
	p := &fileParser{file: &File{Name: name, lines: strings.Split(string(data), "\n")}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{File: name, Line: yamlErrorLine(err), Err: err}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("empty rule file")}
	}
	p.parse(doc.Content[0])
	if err := joinErrors(p.errs); err != nil {
		return nil, err
	}
	return p.file, nil
}

type fileParser struct {
	file *File
	errs []error
}

func (p *fileParser) fail(n *yaml.Node, rule string, format string, args ...any) {
	e := &Error{File: p.file.Name, Rule: rule, Err: fmt.Errorf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
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
		if !contains(allowed, k.Value) {
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
	p.fields(root, "rule file", "", []string{"scope", "description", "word_lists", "test_base", "test_bases", "test_date", "rules"}, func(key string, v *yaml.Node) {
		switch key {
		case "scope":
			f.Scope = p.str(v, "")
		case "description":
			f.Description = p.str(v, "")
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
		case "rules":
			rulesNode = v
		}
	})
	if f.Scope == "" || !scopePattern.MatchString(f.Scope) {
		p.fail(root, "", "the file needs a scope: a province slug, \"national\", or a provider name in kebab-case (got %q)", f.Scope)
	}
	for _, wl := range f.WordLists {
		if !strings.HasPrefix(wl.ID, f.Scope+".") {
			p.fail(nil, "", "word list %s at line %d must be named %s.<name>", wl.ID, wl.Line, f.Scope)
		}
	}
	if rulesNode == nil {
		return
	}
	if rulesNode.Kind != yaml.SequenceNode {
		p.fail(rulesNode, "", "rules must be a list")
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

// Categories group rules in the coverage table.
var Categories = []string{"age", "app", "contact", "content", "domain", "identity", "locality", "materials", "name", "one-service", "principal", "resource", "other"}

var ruleKeys = []string{"id", "title", "message", "severity", "category", "each", "path", "when", "check", "needs", "needs_reason", "values", "effective_from", "effective_until", "source", "test_base", "tests"}

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
	p.fields(n, "rule", id, ruleKeys, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			r.ID = p.str(v, id)
		case "title":
			r.Title = p.text(v, id)
		case "message":
			r.Message = p.text(v, id)
		case "severity":
			s := Severity(p.str(v, id))
			if s != SeverityError && s != SeverityWarning && s != SeverityInfo {
				p.fail(v, id, "severity %q must be error, warning or info", s)
			}
			r.Severity = s
		case "category":
			r.Category = p.str(v, id)
			if !contains(Categories, r.Category) {
				p.fail(v, id, "category %q is not one of %s", r.Category, strings.Join(Categories, ", "))
			}
		case "each":
			r.Each = p.str(v, id)
			if _, ok := collections[r.Each]; !ok {
				p.fail(v, id, "each %q is not a collection (want one of %s)", r.Each, strings.Join(collectionNames(), ", "))
			}
		case "path":
			r.Path = p.str(v, id)
		case "when":
			r.When = p.expr(v, id)
		case "check":
			r.Check = p.expr(v, id)
		case "needs":
			r.Needs = p.expr(v, id)
		case "needs_reason":
			r.NeedsReason = p.text(v, id)
		case "values":
			if v.Kind != yaml.MappingNode {
				p.fail(v, id, "values must be a mapping of name to expression")
				return
			}
			r.Values = p.values(v, id)
		case "effective_from":
			r.EffectiveFrom = p.date(v, id)
		case "effective_until":
			r.EffectiveUntil = p.date(v, id)
		case "source":
			r.Source = p.str(v, id)
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
	switch {
	case !idPattern.MatchString(r.ID):
		p.fail(n, id, "id %q must be <scope>.<kebab-name>", r.ID)
	case !strings.HasPrefix(r.ID, p.file.Scope+"."):
		p.fail(n, id, "id must start with the file's scope %q", p.file.Scope+".")
	case r.Check.Source == "":
		p.fail(n, id, "a rule needs a check")
	case r.Severity == "":
		p.fail(n, id, "a rule needs a severity")
	case r.Category == "":
		p.fail(n, id, "a rule needs a category (one of %s)", strings.Join(Categories, ", "))
	case r.Source == "":
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

func (p *fileParser) values(n *yaml.Node, rule string) []NamedExpr {
	var out []NamedExpr
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !scopePattern.MatchString(strings.ReplaceAll(k.Value, "_", "-")) {
			p.fail(k, rule, "value name %q must be a lower-case word", k.Value)
			continue
		}
		out = append(out, NamedExpr{Name: k.Value, Expr: p.expr(n.Content[i+1], rule)})
	}
	return out
}

func (p *fileParser) tests(n *yaml.Node, rule string) []TestCase {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, rule, "tests must be a list")
		return nil
	}
	var out []TestCase
	for _, tn := range n.Content {
		tc := TestCase{Line: tn.Line}
		hasWant := false
		p.fields(tn, "test", rule, []string{"name", "filing", "date", "facts", "want", "want_undecided"}, func(key string, v *yaml.Node) {
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
				for _, w := range v.Content {
					tc.Want = append(tc.Want, p.str(w, rule))
				}
			case "want_undecided":
				if err := v.Decode(&tc.WantUndecided); err != nil {
					p.fail(v, rule, "want_undecided must be true or false")
				}
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
	known := make([]string, len(KnownFacts))
	for i, k := range KnownFacts {
		known[i] = k.Name
	}
	facts := Facts{}
	p.fields(n, "facts", rule, known, func(name string, v *yaml.Node) {
		if err := v.Decode(&map[string]string{}); err != nil || v.Kind != yaml.MappingNode {
			p.fail(v, rule, "fact %s must map keys to string values", name)
			return
		}
		m := map[string]string{}
		_ = v.Decode(&m) // checked just above
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
				for _, w := range v.Content {
					wl.Words = append(wl.Words, p.str(w, ""))
				}
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

func (p *fileParser) expr(n *yaml.Node, rule string) Expr {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fail(n, rule, "expected a CEL expression")
		return Expr{}
	}
	return Expr{Source: n.Value, Line: n.Line, Column: n.Column, style: n.Style}
}

func (p *fileParser) text(n *yaml.Node, rule string) Text {
	var t Text
	p.fields(n, "text", rule, []string{"zh", "en"}, func(key string, v *yaml.Node) {
		if key == "zh" {
			t.Zh = p.str(v, rule)
		} else {
			t.En = p.str(v, rule)
		}
	})
	if n.Kind == yaml.MappingNode && (t.Zh == "" || t.En == "") {
		p.fail(n, rule, "text needs both zh and en")
	}
	return t
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

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrorLine digs the line number out of a yaml.v3 error message.
func yamlErrorLine(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
