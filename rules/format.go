package rules

import (
	"fmt"
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

// Categories returns the kinds of rule, in the order of the coverage table.
// "required" marks a value a filing must hold; a form may show its
// violations as "still to fill".
func Categories() []string {
	return []string{"required", "format", "age", "app", "contact", "content", "domain", "identity", "locality", "materials", "name", "one-service", "principal", "resource", "other"}
}

// Text is a sentence in the two languages every rule speaks.
type Text struct {
	Zh string
	En string
	// where each stands in its file, to place a bad {placeholder}
	zhAt, enAt *scalar
}

// In returns the text in language l.
func (t Text) In(l model.Language) string {
	if l == model.English {
		return t.En
	}
	return t.Zh
}

// Expr is a CEL expression together with where it stands in its rule file.
type Expr struct {
	Source string `json:"src"`
	Line   int    `json:"line,omitempty"` // 1-based line of the expression's YAML scalar
	Column int    `json:"col,omitempty"`  // 1-based column of the scalar
	at     *scalar
	// pre is what compiling the expression found: kept when a bundle is
	// made, read from one when it is loaded, so that compiling again
	// skips parsing, checking and estimating.
	pre *precompiled
}

// NamedExpr is one entry of a rule's values or variables: a name and its
// expression. A value that differs by language has an expression for each
// (En is then set); otherwise Expr serves both.
type NamedExpr struct {
	Name string
	Expr Expr
	En   *Expr
}

// Source is one place a rule comes from: who published it, where, and when
// it was read.
type Source struct {
	Publisher string     // authority or provider: "UCloud", "湖南省通信管理局"
	Document  string     // page title or path: "rule/rule5/hunan.md"
	Section   string     // where in it, if not the whole
	URL       string     // where it can be read
	Retrieved model.Date // the day the page was read, or its own date
	Says      string     // the fact it states, briefly, in its own language
}

// String renders the source on one line, as reports carry it.
func (s Source) String() string {
	var b strings.Builder
	b.WriteString(s.Publisher)
	for _, part := range []string{s.Document, s.Section} {
		if part != "" {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(part)
		}
	}
	if s.URL != "" {
		fmt.Fprintf(&b, " <%s>", s.URL)
	}
	if s.Retrieved != "" {
		fmt.Fprintf(&b, " (%s)", s.Retrieved)
	}
	if s.Says != "" {
		fmt.Fprintf(&b, ": %s", s.Says)
	}
	return b.String()
}

// Sources are a rule's sources, most authoritative first.
type Sources []Source

// String joins the sources with "; ".
func (ss Sources) String() string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, "; ")
}

// Application is a province's use of a shared rule: a rule written once,
// in a file of scope shared, applies in each province whose file names it
// under apply, with the province's own params, sources and, where they
// differ, severity and dates. Its id there is <province>.<rule>, or
// <province>.<As> where the application names itself.
type Application struct {
	Rule string // the shared rule's id
	// As names the application where a province applies one shared rule
	// twice, with other params (to units and to individuals, say): the
	// rule is then <province>.<As>; "" keeps <province>.<Rule>.
	As             string
	Params         map[string]any // the province's values of the rule's params
	Severity       Severity       // "" keeps the shared rule's
	Sources        Sources        // the province's sources, before the shared rule's
	Notes          string
	EffectiveFrom  model.Date
	EffectiveUntil model.Date
	Tests          []TestCase `json:"-"` // the province's own cases, beside the shared rule's
	TestBase       string     `json:"-"` // the test_bases entry they merge over; "" for test_base
	File           string
	Line           int
}

// AppliesTo is the closed vocabulary of who a rule is for, decided in Go
// before any CEL runs (or, with the compile option CELOnly, as CEL): a
// rule applies only to filings whose subject has one of Natures, whose
// type is one of FilingTypes and whose resource is one of Resources, and
// only to services of Kind. An empty field does not restrict.
type AppliesTo struct {
	Natures     []model.Nature
	FilingTypes []model.FilingType
	Resources   []model.ResourceType
	Kind        model.ServiceKind
}

// Rule is one rule as written in a rule file, or, for a rule applied in
// several provinces, as applied in one of them.
type Rule struct {
	ID        string
	Scope     string
	Title     Text
	Message   Text
	Fix       Text // what the applicant should change; error and warning rules have one
	Severity  Severity
	Category  string // what the rule is about; one of Categories
	AppliesTo AppliesTo
	Each      string // the collection the rule runs over; "" for the whole filing
	Path      string // where a violation points, relative to the element when Each is set
	Variables []NamedExpr
	When      Expr // empty means always
	Check     Expr // true when the filing (or element) complies
	// Required lists fields, relative to the element, that must hold a
	// value: a string that is not empty, a list with an item, a value that
	// is given. Each one missing is a violation at its own path, with
	// {field} naming it. A rule has a Check or Required, not both.
	Required       []string
	Needs          Expr // false when the rule cannot decide; empty means always decidable
	NeedsReason    Text
	Values         []NamedExpr
	EffectiveFrom  model.Date // inclusive; empty means no start
	EffectiveUntil model.Date // inclusive; empty means no end
	Sources        Sources
	Notes          string // where sources disagree, and why this rule follows the one it does
	// Supersedes names the rules this one sharpens or replaces; see
	// Set.Evaluate. A reminder (info) supersedes only reminders, so that
	// a shared rule a province applies as one never hides an error or a
	// warning of another rule.
	Supersedes   []string
	supersedesAt []pos // where each id stands in the file, for errors
	pathAt       pos   // where path stands, for errors
	// Reminder, on a shared rule, is how it reads where a province applies
	// it at severity info: as a reminder of older or one provider's
	// guidance, not as the requirement its own texts state.
	Reminder *Reminder `json:",omitempty"`
	// Params are a shared rule's parameters: as written, their defaults;
	// applied in a province, the province's values over them.
	Params   map[string]any
	Tests    []TestCase `json:"-"`
	TestBase string     `json:"-"` // the name of the file's test_bases entry its cases merge over; "" for test_base
	File     string
	Line     int
	// Shared is the rule as written, for a shared rule applied in a
	// province; nil otherwise. Applied is the province's application.
	Shared  *Rule        `json:"-"`
	Applied *Application `json:"-"`
}

// Render fills the placeholders of one of the rule's texts that need no
// finding: {province}, the name of the province whose rule it is, and the
// rule's params. A title, say, in language l.
func (r *Rule) Render(t Text, l model.Language) string {
	return render(t.In(l), l, r, "", nil)
}

// Source returns the rule's sources on one line.
func (r *Rule) Source() string { return r.Sources.String() }

// Reminder is a shared rule's title, message and fix for the provinces
// that apply it as a reminder; an empty Fix keeps the rule's own.
type Reminder struct {
	Title, Message, Fix Text
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
	In            []string   // for a shared rule: the provinces the case runs in; empty: all
	File          string     // the file the case is written in, whose test_base it merges over
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
	// ReconciledWith lists every source the file's rules were last
	// compared with, each with the day it was read: the agreeing ones too.
	ReconciledWith Sources
	Predicates     []NamedExpr // named conditions on the filing, usable by every rule of every file
	Rules          []*Rule
	Apply          []Application // the shared rules a province's file applies
	WordLists      []*WordList
	TestBase       *yaml.Node            `json:"-"` // the filing that test cases are merged over
	TestBases      map[string]*yaml.Node `json:"-"` // named alternatives, chosen by a rule's test_base
	TestDate       model.Date            `json:"-"`
	scopeAt        pos
}

// SharedScope is the scope of a file of shared rules: rules written once
// and applied by the provinces whose files name them under apply. They
// apply nowhere else.
const SharedScope = "shared"

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
