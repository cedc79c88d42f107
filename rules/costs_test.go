package rules

import "testing"

// found_words and prefix_words return words of their list, each at most
// once: an expression over what they found is bounded by the list, not by
// the text it was found in.
func TestFoundWordsAreBoundedByTheirList(t *testing.T) {
	file, err := ParseFile("acme.yaml", []byte(`scope: acme
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
`))
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
	for _, cr := range compiled {
		if cr.check[0].metered {
			t.Errorf("%s is metered", cr.rule.ID)
		}
	}
}
