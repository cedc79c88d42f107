package rulefileschema

import (
	"fmt"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules"
)

// The patterns of names, as rules/parse.go writes them (idPattern,
// namePattern, wordPattern); an internal test of package rules compares
// them. A shared rule's id is checked there as "x."+id, which is sharedID.
const (
	idPattern       = `^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`
	sharedIDPattern = `^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$`
	namePattern     = `^[a-z0-9]+(-[a-z0-9]+)*$`
	wordPattern     = `^[a-z][a-z0-9_]*$`
)

var severityDescriptions = map[string]string{
	string(rules.SeverityError):   "The submission will be rejected.",
	string(rules.SeverityWarning): "Likely rejected, or against a recommendation.",
	string(rules.SeverityInfo):    "A reminder.",
}

var categoryDescriptions = map[string]string{
	"required":    "A value the filing must hold; a form may show these as still to fill.",
	"format":      "The form of a value: an identity number, a phone number, a date.",
	"age":         "The age of a person.",
	"app":         "What only APPs have: platforms, packages, icons, SDKs.",
	"contact":     "Phone numbers and e-mail addresses.",
	"content":     "What a service is about, and its pre-approvals.",
	"domain":      "Domain names: suffixes, levels, holders, real-name verification.",
	"identity":    "Identity and registration documents.",
	"locality":    "Ties to the province: addresses, residence permits, where a number is registered.",
	"materials":   "The documents to upload.",
	"name":        "The names of the subject and its services.",
	"one-service": "How many websites or APPs one submission holds.",
	"principal":   "Who the principals are.",
	"resource":    "The cloud resource the filing is made with.",
	"other":       "Anything else.",
}

var collectionDescriptions = map[string]string{
	"services":      "Each website or APP, bound as service, with its index i.",
	"domains":       "Each domain of each service: domain, with service, i and its index j.",
	"ips":           "Each IP address of each service: ip (a string), with service, i and j.",
	"platforms":     "Each platform of each APP: platform, with service, i and j.",
	"pre_approvals": "Each pre-approval of each service: pre_approval, with service, i and j.",
	"sdks":          "Each SDK of each APP: sdk, with service, i and j.",
	"materials":     "Each uploaded document: material, with its index i.",
	"principals":    "The subject's principal, then each service's: person, with role (subject or service), service and i.",
}

// build assembles the schema of a rule file from the parser's vocabulary.
func build(v *vocabulary) (*schema, error) {
	defs, err := definitions(v)
	if err != nil {
		return nil, err
	}
	root, err := v.mapping("rule file", "A rule file: one scope's rules, their word lists and their test cases. rules.ParseFile reads it; the compiler then checks every CEL expression against the filing's types.", map[string]*schema{
		"scope":           ref("scope", "What the rules apply to: a province's slug (hunan), national (every filing), shared (rules that provinces apply by name), or an access provider (huaweicloud, when the filing's provider names it)."),
		"description":     {Description: "What the file covers, and how it was reconciled with its sources.", Type: "string"},
		"reconciled_with": ref("sources", "Every source the file's rules were last compared with, each with the day it was read: the agreeing ones too."),
		"predicates":      ref("namedExpressions", "Named boolean CEL conditions on the filing, which every rule of every file may use by name."),
		"word_lists":      {Description: "Named lists of words that rules match text against with has_words, found_words and prefix_words.", Type: "array", Items: ref("wordList", "")},
		"test_base":       ref("testFiling", "The filing that the test cases of the file's rules are merged over."),
		"test_bases":      {Description: "Named alternatives to test_base; a rule chooses one by its own test_base.", Type: "object", AdditionalProperties: ref("testFiling", "")},
		"test_date":       ref("date", "The submission day the test cases assume when they give no date."),
		"apply":           {Description: "A province's file only: the shared rules (scope shared) the province applies, with its own params and sources.", Type: "array", Items: ref("application", "")},
		"rules":           {Description: "The rules.", Type: "array", Items: ref("rule", "")},
	})
	if err != nil {
		return nil, err
	}
	root.Schema = "https://json-schema.org/draft/2020-12/schema"
	root.ID = ID
	root.Title = "icpcheck rule file"
	root.Required = []string{"scope"}
	var provinces []string
	for _, p := range model.Provinces() {
		provinces = append(provinces, string(p.Slug))
	}
	root.AllOf = []*schema{
		{ // apply: only in a province's file
			If:   &schema{Required: []string{"scope"}, Properties: properties{{"scope", &schema{Enum: provinces}}}},
			Else: &schema{Properties: properties{{"apply", forbidden("Only a province's file applies shared rules.")}}},
		},
		{ // what only shared rules have, and what every other rule needs
			If: &schema{Required: []string{"scope"}, Properties: properties{{"scope", &schema{Const: rules.SharedScope}}}},
			Else: &schema{Properties: properties{{"rules", &schema{Items: &schema{
				Required: []string{"source"},
				Properties: properties{
					{"id", ref("ruleId", "")},
					{"reminder", forbidden("Only a shared rule (scope shared) has reminder texts.")},
					{"params", forbidden("Only a shared rule (scope shared) has params; a province sets them in its apply entry.")},
				},
			}}}}},
		},
	}
	root.Defs = defs
	return root, nil
}

// definitions are the $defs: every shape used in more than one place.
func definitions(v *vocabulary) (properties, error) {
	severity, err := enum("severity", "How sure a violation is to get the filing rejected.",
		[]string{string(rules.SeverityError), string(rules.SeverityWarning), string(rules.SeverityInfo)}, severityDescriptions)
	if err != nil {
		return nil, err
	}
	category, err := enum("category", "What the rule is about; the coverage table in provinces/README.md counts rules by it.", rules.Categories(), categoryDescriptions)
	if err != nil {
		return nil, err
	}
	collection, err := enum("collection", "Run the rule once per element of the collection, with the element bound; without each, the rule runs once per filing. filing and filing_date are always bound.", v.collections, collectionDescriptions)
	if err != nil {
		return nil, err
	}
	text, err := v.mapping("text", "A text in Chinese (zh) and English (en), each wholly in its language (values quoted from the filing excepted). {name} is a placeholder: a value or param of the rule, {province}, or {field} for required fields.", map[string]*schema{
		"zh": {Description: "The text in Chinese.", Type: "string", MinLength: 1},
		"en": {Description: "The text in English.", Type: "string", MinLength: 1},
	})
	if err != nil {
		return nil, err
	}
	text.Required = []string{"zh", "en"}
	value, err := v.mapping("value", "A value that differs by language: a CEL expression for each.", map[string]*schema{
		"zh": ref("expression", "The value in Chinese texts."),
		"en": ref("expression", "The value in English texts."),
	})
	if err != nil {
		return nil, err
	}
	value.Required = []string{"zh", "en"}
	source, err := v.mapping("source", "One place a rule comes from.", map[string]*schema{
		"publisher": {Description: "Who published it: an authority or an access provider (UCloud, a provincial communications administration).", Type: "string", MinLength: 1},
		"document":  {Description: "The page's title or path (rule/rule5/hunan.md).", Type: "string"},
		"section":   {Description: "Where in the document, if not the whole.", Type: "string"},
		"url":       {Description: "Where it can be read.", Type: "string"},
		"retrieved": ref("date", "The day the page was read, or its own date."),
		"says":      {Description: "The fact it states, briefly, in its own language.", Type: "string"},
	})
	if err != nil {
		return nil, err
	}
	source.Required = []string{"publisher"}
	source.AnyOf = []*schema{
		{Required: []string{"document"}, Properties: properties{{"document", &schema{MinLength: 1}}}},
		{Required: []string{"url"}, Properties: properties{{"url", &schema{MinLength: 1}}}},
	}
	appliesTo, err := v.mapping("applies_to", "Who the rule is for, decided before any CEL runs. An absent key does not restrict.", map[string]*schema{
		"nature":      oneOrMore("The subject natures the rule applies to; unit stands for every nature but individual.", append([]string{"unit"}, names(model.Natures())...)),
		"kind":        {Description: "The kind of service the rule applies to.", Type: "string", Enum: []string{string(model.Website), string(model.App)}},
		"filing_type": oneOrMore("The filing types the rule applies to.", names(model.FilingTypes())),
		"resource":    oneOrMore("The resource types the rule applies to.", names(model.ResourceTypes())),
	})
	if err != nil {
		return nil, err
	}
	factShapes := map[string]*schema{}
	for _, f := range rules.KnownFacts() {
		factShapes[f.Name] = &schema{Description: f.Doc, Type: "object", AdditionalProperties: &schema{Type: "string"}}
	}
	facts, err := v.mapping("facts", "The facts a resolver would supply, by name: each maps keys to string values.", factShapes)
	if err != nil {
		return nil, err
	}
	test, err := v.mapping("test", "A test case: a filing, and where the rule must fire on it.", map[string]*schema{
		"name":           {Description: "What the case shows.", Type: "string", MinLength: 1},
		"filing":         ref("testFiling", "The case's filing, or the part that differs from the base."),
		"date":           ref("date", "The submission day to assume; absent: the file's test_date."),
		"facts":          ref("facts", "The facts a resolver would supply for the case."),
		"want":           {Description: "The paths where the rule must fire, such as \"services[0].name\" (quote it: [ ] are YAML syntax); [] when it must not fire.", Type: "array", Items: &schema{Type: "string"}},
		"want_undecided": {Description: "true: the rule must report that it cannot decide (its needs is false).", Type: "boolean"},
		"in":             {Description: "For a shared rule: the provinces the case runs in; absent: every province that applies it.", Type: "array", Items: &schema{Type: "string"}},
	})
	if err != nil {
		return nil, err
	}
	test.Required = []string{"name"}
	test.AnyOf = []*schema{
		{Required: []string{"want"}},
		{Required: []string{"want_undecided"}, Properties: properties{{"want_undecided", &schema{Const: true}}}},
	}
	wordList, err := v.mapping("word list", "A named list of words; matching ignores width, letter case, spaces and zero-width characters (NFKC).", map[string]*schema{
		"id":     ref("ruleId", "The list's id: <scope>.<name>, as rules name it in has_words(text, 'henan.banned-name-words')."),
		"source": {Description: "Where the words come from.", Type: "string", MinLength: 1},
		"words":  {Description: "The words.", Type: "array", Items: &schema{Type: "string"}, MinItems: 1, MaxItems: rules.MaxWordListWords},
	})
	if err != nil {
		return nil, err
	}
	wordList.Required = []string{"id", "source", "words"}
	reminder, err := v.mapping("reminder", "A shared rule's texts where a province applies it at severity info, so that it reads as a reminder of older or one provider's guidance.", map[string]*schema{
		"title":   ref("text", "The reminder's title: 提醒:… / Reminder: …"),
		"message": ref("text", "The reminder's message."),
		"fix":     ref("text", "The reminder's fix; absent: the rule's own."),
	})
	if err != nil {
		return nil, err
	}
	reminder.Required = []string{"title", "message"}
	rule, err := v.mapping("rule", "One rule.", map[string]*schema{
		"id":              ref("sharedRuleId", "The rule's id: <scope>.<kebab-name> (hunan.one-website). In shared.yaml, without the scope (principal.min-age): a province that applies it has it as <province>.<id>."),
		"title":           ref("text", "What the rule requires, in one line."),
		"message":         ref("text", "What a violation says: name the value at fault with a placeholder."),
		"fix":             ref("text", "What the applicant should change; error and warning rules have one."),
		"reminder":        ref("reminder", "A shared rule's texts where a province applies it at severity info."),
		"severity":        ref("severity", "How sure a violation is to get the filing rejected: error, warning or info."),
		"category":        ref("category", "What the rule is about."),
		"applies_to":      ref("appliesTo", "Who the rule is for: subject natures, service kind, filing types, resource types."),
		"each":            ref("collection", "The collection to run the rule over, once per element; absent: once per filing."),
		"path":            {Description: "Where a violation points: relative to the element with each (name gives services[i].name), else from the filing (subject.principal.mobile).", Type: "string"},
		"params":          ref("params", "A shared rule's parameters, read as params.<name>, with their defaults; a province's apply entry sets its own."),
		"supersedes":      {Description: "The ids of rules this one sharpens or replaces: where it applies, their findings at the same path are left out. A reminder (info) supersedes only reminders.", Type: "array", Items: &schema{Type: "string"}},
		"variables":       ref("namedExpressions", "Named CEL expressions that the rule's other expressions may use by name."),
		"when":            ref("expression", "CEL: whether the rule applies to the filing, or to the element with each; absent: always. Open with the cheapest test."),
		"check":           ref("expression", "CEL: true when the filing (or the element) complies. A rule has check or required, not both."),
		"required":        {Description: "Fields, relative to the element with each, that must hold a value (text that is not empty, a list with an item, a value that is given); each one missing is a violation at its own path, named by {field}. Instead of check.", Type: "array", Items: &schema{Type: "string"}, MinItems: 1},
		"needs":           ref("expression", "CEL: false when the rule cannot decide for want of a fact; it is then reported as undecided instead of guessing. Needs needs_reason."),
		"needs_reason":    ref("text", "What is missing when needs is false."),
		"values":          ref("values", "The values the texts' placeholders name, computed only when the rule fires."),
		"effective_from":  ref("date", "The first submission day the rule applies (inclusive)."),
		"effective_until": ref("date", "The last submission day the rule applies (inclusive)."),
		"source":          ref("sources", "Where the rule comes from, most authoritative first. Every rule but a shared one has a source."),
		"notes":           {Description: "Where the sources disagree, and why the rule follows the one it does.", Type: "string"},
		"test_base":       {Description: "The name of the test_bases entry the rule's test cases merge over, instead of test_base.", Type: "string"},
		"tests":           ref("tests", "Test cases: every rule needs one that fires it and one that does not."),
	})
	if err != nil {
		return nil, err
	}
	rule.Required = []string{"id", "title", "message", "severity", "category"}
	rule.OneOf = []*schema{{Required: []string{"check"}}, {Required: []string{"required"}}}
	rule.DependentRequired = map[string][]string{"needs": {"needs_reason"}}
	application, err := v.mapping("apply", "A province's use of a shared rule: it applies in the province as <province>.<rule>, or <province>.<as>.", map[string]*schema{
		"rule":            ref("sharedRuleId", "The id of the shared rule, as shared.yaml writes it."),
		"as":              ref("sharedRuleId", "The application's own name, where a province applies one shared rule twice with other params: the rule is then <province>.<as>."),
		"params":          ref("params", "The province's values of the rule's params."),
		"severity":        ref("severity", "The province's severity, where it differs from the shared rule's."),
		"source":          ref("sources", "The province's sources, listed before the shared rule's."),
		"notes":           {Description: "Where the province's sources disagree, and why.", Type: "string"},
		"effective_from":  ref("date", "The first submission day the rule applies in the province (inclusive)."),
		"effective_until": ref("date", "The last submission day the rule applies in the province (inclusive)."),
		"test_base":       {Description: "The name of the test_bases entry the province's cases merge over, instead of test_base.", Type: "string"},
		"tests":           ref("tests", "The province's own test cases, beside the shared rule's."),
	})
	if err != nil {
		return nil, err
	}
	application.Required = []string{"rule"}
	scalar := []string{"string", "number", "boolean"}
	return properties{
		{"rule", rule},
		{"application", application},
		{"text", text},
		{"reminder", reminder},
		{"severity", severity},
		{"category", category},
		{"collection", collection},
		{"appliesTo", appliesTo},
		{"expression", &schema{Description: "A CEL expression over filing, filing_date, facts, the predicates and, with each, the element's variables; a YAML scalar (true is the expression true).", Type: scalar}},
		{"namedExpressions", &schema{Type: "object", PropertyNames: ref("word", ""), AdditionalProperties: ref("expression", "")}},
		{"values", &schema{
			Description:          "The values that the texts' placeholders name, computed only when the rule fires: a CEL expression, or {zh, en} for a value that differs by language.",
			Type:                 "object",
			PropertyNames:        ref("word", ""),
			AdditionalProperties: &schema{AnyOf: []*schema{ref("expression", ""), value}},
		}},
		{"params", &schema{
			Type:          "object",
			PropertyNames: ref("word", ""),
			AdditionalProperties: &schema{
				Description: fmt.Sprintf("A number, string, boolean or list of at most %d of them; a text of at most %d bytes.", rules.MaxParamItems, rules.MaxParamBytes),
				AnyOf:       []*schema{{Type: scalar}, {Type: "array", Items: &schema{Type: scalar}, MaxItems: rules.MaxParamItems}},
			},
		}},
		{"source", source},
		{"sources", &schema{Description: "Where it comes from: a source, a list of them, or a document named in full.", AnyOf: []*schema{
			{Type: "string", MinLength: 1},
			ref("source", ""),
			{Type: "array", Items: ref("source", ""), MinItems: 1},
		}}},
		{"date", &schema{Description: "A day, YYYY-MM-DD.", Type: "string", Format: "date"}},
		{"tests", &schema{Type: "array", Items: ref("test", "")}},
		{"test", test},
		{"facts", facts},
		{"testFiling", &schema{Description: "A filing, or the part that differs, merged over the file's test_base: mappings merge key by key, anything else replaces, and null deletes.", Type: "object"}},
		{"wordList", wordList},
		{"scope", &schema{Type: "string", Pattern: namePattern}},
		{"word", &schema{Description: "A lower-case word: letters, digits and _.", Type: "string", Pattern: wordPattern}},
		{"ruleId", &schema{Description: "<scope>.<kebab-name>: lower-case words joined by - and .", Type: "string", Pattern: idPattern}},
		{"sharedRuleId", &schema{Description: "Lower-case words joined by - and .", Type: "string", Pattern: sharedIDPattern}},
	}, nil
}

// oneOrMore is a value of the enumeration, or a list of them.
func oneOrMore(description string, values []string) *schema {
	one := &schema{Type: "string", Enum: values}
	return &schema{Description: description, AnyOf: []*schema{one, {Type: "array", Items: one}}}
}

func names[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
