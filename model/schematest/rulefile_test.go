package schematest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/rules"
)

// ruleFileInstance reads a rule file as the JSON value an editor's YAML
// language server checks against the schema: YAML 1.2, where a date is text
// and null stays null.
func ruleFileInstance(t *testing.T, name string, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := fromRuleYAML(&doc)
	return asInstance(t, name, v, err)
}

func fromRuleYAML(n *yaml.Node) (any, error) {
	n = content(n)
	switch n.Kind {
	case yaml.MappingNode:
		object := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromRuleYAML(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			object[n.Content[i].Value] = v
		}
		return object, nil
	case yaml.SequenceNode:
		list := []any{}
		for _, c := range n.Content {
			v, err := fromRuleYAML(c)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	}
	return scalar(n, false)
}

// The header every file in provinces/ starts with, so that editors check it.
const schemaHeader = "# yaml-language-server: $schema=../rules/rulefile.schema.json\n"

// Every rule file icpcheck ships names the schema in its first line, by a
// path that leads to it, and validates against it, as it parses.
func TestProvinceFilesValidate(t *testing.T) {
	schema := compile(t, "rulefile.schema.json", rules.FileSchema())
	dir := filepath.Join("..", "..", "provinces")
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 34 { // national, shared, huaweicloud and 31 provinces
		t.Fatalf("found %d rule files", len(names))
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			header, _, _ := strings.Cut(string(data), "\n")
			if header+"\n" != schemaHeader {
				t.Errorf("the first line is %q, want %q", header, strings.TrimSuffix(schemaHeader, "\n"))
			}
			_, path, _ := strings.Cut(strings.TrimSpace(schemaHeader), "$schema=")
			named, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
			if err != nil || !bytes.Equal(named, rules.FileSchema()) {
				t.Errorf("the header's path %s does not lead to the schema (%v)", path, err)
			}
			if _, err := rules.ParseFile(filepath.Base(name), data); err != nil {
				t.Fatalf("the parser refuses it: %v", err)
			}
			if err := schema.Validate(ruleFileInstance(t, name, data)); err != nil {
				t.Errorf("the schema refuses it: %v", err)
			}
		})
	}
}

// baseRuleFile is a small rule file that the parser and the schema accept;
// the cases below change it.
const baseRuleFile = `scope: hunan
test_date: 2026-03-01
test_base: {province: hunan, subject: {nature: individual, name: 张三}}
rules:
  - id: hunan.one-website
    title: {zh: 湖南每次只提交一个网站, en: Hunan takes one website per submission}
    message: {zh: "本次提交了{count}个网站", en: "{count} websites in one submission"}
    fix: {zh: 请分开提交, en: Submit them separately}
    severity: error
    category: one-service
    check: size(filing.services) <= 1
    values: {count: size(filing.services)}
    source: {publisher: UCloud, document: rule/rule5/hunan.md}
    tests:
      - name: one website
        filing: {services: [{kind: website, name: 湘江云, domains: [xj.cn]}]}
        want: []
`

// edit is one change to baseRuleFile: old, which must occur in it, becomes
// new.
type edit struct{ old, new string }

func edited(t *testing.T, edits []edit) []byte {
	t.Helper()
	text := baseRuleFile
	for _, e := range edits {
		if !strings.Contains(text, e.old) {
			t.Fatalf("the base rule file has no %q", e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	return []byte(text)
}

// add puts lines into the base file's rule, after its category.
func add(lines string) edit {
	return edit{"    category: one-service\n", "    category: one-service\n" + lines}
}

// A broken rule file fails the schema at the value at fault, and the parser
// refuses it for the same reason: the two agree. The parser checks more
// than a schema can (CEL, placeholders, that an id starts with the scope),
// which these cases leave aside.
func TestSchemaAndParserRefuse(t *testing.T) {
	schema := compile(t, "rulefile.schema.json", rules.FileSchema())
	tests := []struct {
		name       string
		edits      []edit
		at         string // the instance location the schema names
		parserSays string
	}{
		{"unknown key in a rule", []edit{add("    titel: x\n")}, "/rules/0", `unknown key "titel" in rule`},
		{"unknown top-level key", []edit{{"test_date:", "rule: []\ntest_date:"}}, "", `unknown key "rule" in rule file`},
		{"unknown key in a source", []edit{{"document: rule/rule5/hunan.md}", "document: rule/rule5/hunan.md, page: 3}"}}, "/rules/0/source", `unknown key "page" in source`},
		{"unknown key in a test", []edit{{"        want: []\n", "        want: []\n        wants: []\n"}}, "/rules/0/tests/0", `unknown key "wants" in test`},
		{"bad severity", []edit{{"severity: error", "severity: fatal"}}, "/rules/0/severity", `severity "fatal" must be error, warning or info`},
		{"bad category", []edit{{"category: one-service", "category: naming"}}, "/rules/0/category", `category "naming" is not one of`},
		{"missing title.en", []edit{{", en: Hunan takes one website per submission}", "}"}}, "/rules/0/title", "text needs both zh and en"},
		{"missing title", []edit{{"    title: {zh: 湖南每次只提交一个网站, en: Hunan takes one website per submission}\n", ""}}, "/rules/0", "a rule needs a title and a message"},
		{"bad each", []edit{add("    each: service\n")}, "/rules/0/each", `each "service" is not a collection`},
		{"neither check nor required", []edit{{"    check: size(filing.services) <= 1\n", ""}}, "/rules/0", "a rule needs a check, or the fields it requires"},
		{"both check and required", []edit{add("    required: [subject.name]\n")}, "/rules/0", "a rule has a check or required fields, not both"},
		{"needs without needs_reason", []edit{add("    needs: has(filing.subject)\n")}, "/rules/0", "a rule with needs must say why"},
		{"no source outside shared", []edit{{"    source: {publisher: UCloud, document: rule/rule5/hunan.md}\n", ""}}, "/rules/0", "a rule needs a source"},
		{"a source without a publisher", []edit{{"{publisher: UCloud, document:", "{document:"}}, "/rules/0/source", "a source needs a publisher and a document or url"},
		{"reminder outside shared", []edit{add("    reminder: {title: {zh: 提醒:一个网站, en: 'Reminder: one website'}, message: {zh: 一个, en: one}}\n")}, "/rules/0/reminder", "only a shared rule has reminder texts"},
		{"params outside shared", []edit{add("    params: {limit: 1}\n")}, "/rules/0/params", "only a shared rule has params"},
		{"apply outside a province", []edit{{"scope: hunan\n", "scope: huaweicloud\napply: [{rule: mobile-locality}]\n"}}, "/apply", "only a province's file applies shared rules"},
		{"bad rule id", []edit{{"id: hunan.one-website", "id: Hunan.One"}}, "/rules/0/id", `id "Hunan.One" must be <scope>.<kebab-name>`},
		{"bad scope", []edit{{"scope: hunan", "scope: Hunan"}}, "/scope", `scope "Hunan" must be a province slug`},
		{"missing scope", []edit{{"scope: hunan\n", ""}}, "", "the file needs a scope"},
		{"a test without want", []edit{{"        want: []\n", ""}}, "/rules/0/tests/0", `test "one website" needs want`},
		{"a test without a name", []edit{{"      - name: one website\n        filing:", "      - filing:"}}, "/rules/0/tests/0", "a test needs a name"},
		{"want_undecided not a boolean", []edit{{"        want: []\n", "        want: []\n        want_undecided: 'yes'\n"}}, "/rules/0/tests/0/want_undecided", "want_undecided must be true or false"},
		{"an impossible date", []edit{add("    effective_from: 2026-02-30\n")}, "/rules/0/effective_from", `expected a date YYYY-MM-DD, got "2026-02-30"`},
		{"an unknown subject nature", []edit{add("    applies_to: {nature: person}\n")}, "/rules/0/applies_to/nature", `applies_to.nature: "person" is not a subject nature or unit`},
		{"an unknown fact", []edit{{"        want: []\n", "        want: []\n        facts: {mobile_city: {'13800138000': changsha}}\n"}}, "/rules/0/tests/0/facts", `unknown key "mobile_city" in facts`},
		{"a null expression", []edit{add("    when: ~\n")}, "/rules/0/when", "expected a CEL expression"},
		{"a number for text", []edit{add("    notes: 12\n")}, "/rules/0/notes", "expected a string"},
		// The validator checks a key against propertyNames as an instance
		// of its own, at "".
		{"a value name that is no word", []edit{{"values: {count:", "values: {Count:"}}, "", `value name "Count" must be a lower-case word`},
		{"a value in one language", []edit{{"values: {count: size(filing.services)}", "values: {count: {zh: size(filing.services)}}"}}, "/rules/0/values/count", "value count needs both zh and en"},
		{"a word list without words", []edit{{"rules:\n", "word_lists: [{id: hunan.words, source: seed 001}]\nrules:\n"}}, "/word_lists/0", "a word list needs an id <scope>.<name>, a source and words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := edited(t, tt.edits)
			_, parseErr := rules.ParseFile("hunan.yaml", data)
			var re *rules.Error
			if !errors.As(parseErr, &re) || !strings.Contains(parseErr.Error(), tt.parserSays) {
				t.Errorf("the parser gives %v, want an error that says %q", parseErr, tt.parserSays)
			}
			err := schema.Validate(ruleFileInstance(t, "hunan.yaml", data))
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("the schema accepts it (%v)", err)
			}
			if locations := leafLocations(ve); !slices.Contains(locations, tt.at) {
				t.Errorf("the schema refuses it at %q, want %q:\n%v", locations, tt.at, err)
			}
		})
	}
}

// The shapes the parser accepts in more than one form, and what only some
// scopes may hold, pass the schema too.
func TestSchemaAndParserAccept(t *testing.T) {
	schema := compile(t, "rulefile.schema.json", rules.FileSchema())
	const shared = `scope: shared
rules:
  - id: one-website
    title: {zh: "{province}每次只提交一个网站", en: "{province} takes one website per submission"}
    message: {zh: "本次提交了{count}个网站", en: "{count} websites in one submission"}
    severity: warning
    category: one-service
    params: {limit: 1, kinds: [website, app], strict: true}
    reminder:
      title: {zh: 提醒:一次只提交一个网站, en: "Reminder: one website per submission"}
      message: {zh: "本次提交了{count}个网站", en: "{count} websites in one submission"}
    check: size(filing.services) <= params.limit
    values: {count: size(filing.services)}
    tests:
      - {name: one, filing: {}, want: [], in: [hunan]}
`
	tests := []struct {
		name string
		data []byte
	}{
		{"the base file", edited(t, nil)},
		{"a source named in full", edited(t, []edit{{"source: {publisher: UCloud, document: rule/rule5/hunan.md}", "source: seed 001 (Huawei Cloud FAQ)"}})},
		{"a list of sources, one by url", edited(t, []edit{{"source: {publisher: UCloud, document: rule/rule5/hunan.md}", "source: [{publisher: UCloud, url: 'https://docs.ucloud.cn/icp/rule/rule5/hunan'}, {publisher: Huawei Cloud, document: FAQ, retrieved: 2026-12-02}]"}})},
		{"required fields instead of a check", edited(t, []edit{{"    check: size(filing.services) <= 1\n", "    each: principals\n    required: [mobile, email]\n"}})},
		{"a boolean as the check", edited(t, []edit{{"check: size(filing.services) <= 1", "check: true"}})},
		{"applies_to with one value and with lists", edited(t, []edit{add("    applies_to: {nature: unit, kind: website, filing_type: [first_filing, new_service], resource: ecs}\n")})},
		{"a value by language", edited(t, []edit{{"values: {count: size(filing.services)}", "values: {count: {zh: string(size(filing.services)), en: string(size(filing.services))}}"}})},
		{"needs, and a case that cannot decide", edited(t, []edit{
			add("    needs: has(filing.resource)\n    needs_reason: {zh: 未填写备案资源, en: the filing names no resource}\n"),
			{"        want: []\n", "        want_undecided: true\n        facts: {mobile_province: {'13800138000': hunan}}\n        date: '2026-04-01'\n"},
		})},
		{"dates, quoted or not", edited(t, []edit{add("    effective_from: '2026-01-01'\n    effective_until: 2026-12-31\n")})},
		{"an application of a shared rule", edited(t, []edit{{"rules:\n", "apply:\n  - {rule: mobile-locality, params: {letter: true}, severity: info, source: seed 001, effective_from: 2026-01-01}\nrules:\n"}})},
		{"named test bases and predicates", edited(t, []edit{{"rules:\n", "test_bases: {unit: {subject: {nature: enterprise}}}\npredicates: {is_unit: filing.subject.nature != 'individual'}\nrules:\n"}, add("    test_base: unit\n    variables: {n: size(filing.services)}\n")})},
		{"a shared rule with params and a reminder", []byte(shared)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := rules.ParseFile("hunan.yaml", tt.data); err != nil {
				t.Errorf("the parser refuses it: %v", err)
			}
			if err := schema.Validate(ruleFileInstance(t, "hunan.yaml", tt.data)); err != nil {
				t.Errorf("the schema refuses it: %v", err)
			}
		})
	}
}
