package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMergeDocuments(t *testing.T) {
	base := []byte(`{"province": "hunan", "subject": {"nature": "enterprise", "name": "甲", "principal": {"name": "乙", "mobile": "13800000000"}}, "services": [{"kind": "website", "name": "a"}]}`)
	over := []byte("subject:\n  name: 丙\n  principal: {mobile: null}\nservices:\n  - {kind: app, name: b, domains: [b.cn]}\nprovider: huaweicloud\n")
	merged, err := MergeDocuments(base, over)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeYAML(merged)
	if err != nil {
		t.Fatal(err)
	}
	want := &Filing{
		Province: "hunan",
		Provider: "huaweicloud",
		Subject:  Subject{Nature: Enterprise, Name: "丙", Principal: Person{Name: "乙"}},
		Services: []Service{{Kind: App, Name: "b", Domains: []Domain{{Name: "b.cn"}}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged filing (-want +got):\n%s", diff)
	}
	if _, err := MergeDocuments(base, []byte("{")); err == nil {
		t.Error("a broken overlay was accepted")
	}
	same, err := MergeDocuments(base, nil)
	if err != nil {
		t.Fatal(err)
	}
	fromBase, _ := DecodeJSON(base)
	fromSame, err := DecodeYAML(same)
	if diff := cmp.Diff(fromBase, fromSame); err != nil || diff != "" {
		t.Errorf("an empty overlay changed the base (%v):\n%s", err, diff)
	}
}
