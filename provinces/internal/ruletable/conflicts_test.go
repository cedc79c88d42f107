package ruletable

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/rules"
)

// The criterion lists the notes that record a disagreement and leaves out
// those that only say that no source disagrees, in the phrasings the rule
// files use.
func TestConflicts(t *testing.T) {
	notes := map[string]string{
		"named":       "Conflict: QingCloud asks for it; UCloud dropped it.",
		"shouted":     "CONFLICT: UCloud does not accept them; Huawei does.",
		"disagree":    "The sources disagree on where the letter is needed.",
		"lists":       "The two undated lists differ: .top only on one.",
		"open":        "Huawei is silent. No source can be preferred: a warning.",
		"neither":     "Neither can be preferred for Shanxi, so a warning.",
		"followed":    "Tencent leaves it out. The dated page is followed.",
		"follows":     "UCloud counts from 6, QingCloud from 30. The rule follows the 2024 page.",
		"lowered":     "QingCloud asks for it, UCloud removed it: a reminder, no longer an error.",
		"agree":       "All sources agree.",
		"uncontested": "One undated page states it and no source contradicts it.",
		"silence":     "UCloud is silent; that is silence, not a contradiction.",
		"labels":      "One provider states it, and providers label the content categories differently.",
		"pointer":     "Personal filings follow hunan.personal-mobile-locality.",
		"other":       "Provinces differ on whether a non-local person may file.",
		"none":        "",
	}
	var rs []*rules.Rule
	for _, id := range []string{"agree", "disagree", "followed", "follows", "labels", "lists", "lowered", "named", "neither", "none", "open", "other", "pointer", "shouted", "silence", "uncontested"} {
		rs = append(rs, &rules.Rule{ID: id, Notes: notes[id]})
	}
	var got []string
	for _, c := range conflicts(rs) {
		got = append(got, c.rule.ID+" "+c.state)
	}
	want := []string{"disagree ", "followed resolved", "follows resolved", "lists ", "lowered resolved", "named ", "neither open", "open open", "shouted "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
}

// A province that applies a shared rule is judged on its own notes, not on
// the shared rule's, which every province that applies it would repeat.
func TestConflictsOwnNotes(t *testing.T) {
	shared := &rules.Rule{ID: "legal-rep", Notes: "The sources disagree on letters."}
	applied := &rules.Rule{ID: "hunan.legal-rep", Notes: shared.Notes + "\nAll sources agree.", Shared: shared, Applied: &rules.Application{Notes: "All sources agree."}}
	if got := conflicts([]*rules.Rule{applied}); len(got) != 0 {
		t.Errorf("conflicts = %v, want none", got)
	}
}

func TestTrimNote(t *testing.T) {
	for _, c := range []struct{ name, note, want string }{
		{"short enough", "One.  Two\nlines.", "One. Two lines."},
		{"whole sentences", "First one. Second one. Third one here and more words.", "First one. Second one. …"},
		{"one long sentence", strings.Repeat("word ", 30) + "end. Next.", "word word word word word …"},
		{"the decision kept", "Conflict: A says so. B does not. The rule follows B. C agrees.", "Conflict: A says so. … The rule follows B. …"},
		{"the decision last", "Conflict: A says so. B does not. No source can be preferred.", "Conflict: A says so. … No source can be preferred."},
		{"the decision already in", "Conflict: A is followed. B does not. C agrees.", "Conflict: A is followed. …"},
		{"not at a file name", "See gansu.md now. Then more.", "See gansu.md now. …"},
		{"characters, not bytes", "湖南湖南湖南湖南湖南. Next sentence.", "湖南湖南湖南湖南湖南. …"},
	} {
		if got := trimNote(c.note, 25); got != c.want {
			t.Errorf("%s: trimNote(%q) = %q, want %q", c.name, c.note, got, c.want)
		}
	}
}
