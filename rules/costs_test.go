package rules

import "testing"

// found_words and prefix_words return words of their list, each at most
// once: an expression over what they found is bounded by the list, not by
// the text it was found in.
func TestFoundWordsAreBoundedByTheirList(t *testing.T) {
	_, compiled := compileAcme(t, `scope: acme
word_lists:
  - {id: acme.words, source: test, words: [设计, 科技]}
rules:
  - id: acme.found
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: found_words(filing.subject.name, 'acme.words').all(w, filing.subject.mailing_address.contains(w))
  - id: acme.prefix
    title: {zh: 标题, en: title}
    message: {zh: 消息, en: message}
    severity: error
    category: other
    source: test
    check: prefix_words(filing.subject.name, 'acme.words').all(w, filing.subject.mailing_address.startsWith(w))
`)
	for _, cr := range compiled {
		if cr.check[0].metered {
			t.Errorf("%s is metered", cr.rule.ID)
		}
	}
}

// compileAcme compiles text, a rule file of the provider acme, and
// returns the set and its rules as planned.
func compileAcme(t *testing.T, text string) (*Set, []*compiledRule) {
	t.Helper()
	file, err := ParseFile("acme.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	set, err := Compile([]*File{file}, Providers("acme"))
	if err != nil {
		t.Fatal(err)
	}
	compiled, err := set.byProvider["acme"].get()
	if err != nil {
		t.Fatal(err)
	}
	return set, compiled
}
