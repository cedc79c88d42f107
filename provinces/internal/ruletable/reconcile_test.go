package ruletable

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// A national baseline, a shared rule and a province that applies it,
// small enough to read every line the reconciliation gives the province.
var fixture = fstest.MapFS{
	"national.yaml": {Data: []byte(`
scope: national
reconciled_with:
  - {publisher: UCloud, document: rule pages, url: "https://example.com/u", retrieved: 2024-04-01}
rules:
  - id: national.legal-rep
    title: {zh: 单位的主体负责人通常为法定代表人, en: "A unit's principal is normally its legal representative"}
    message: {zh: 主体负责人不是法定代表人, en: the principal is not the legal representative}
    fix: {zh: 请由法定代表人担任主体负责人, en: Name the legal representative}
    severity: warning
    category: principal
    path: subject.principal.legal_representative
    check: filing.subject.principal.legal_representative
    source: {publisher: UCloud, document: rule pages, retrieved: 2024-04-01}
  - id: national.one-domain
    title: {zh: 网站只有一个域名, en: A website has one domain}
    message: {zh: 网站有多个域名, en: the website has several domains}
    fix: {zh: 请只保留一个域名, en: Keep one domain}
    severity: warning
    category: one-service
    each: services
    path: domains
    check: size(service.domains) <= 1
    source: {publisher: Volcengine, document: limits, retrieved: 2023-04-25}
`)},
	"shared.yaml": {Data: []byte(`
scope: shared
rules:
  - id: legal-rep
    title: {zh: "{province}单位的主体负责人须为法定代表人", en: "In {province} a unit's principal is its legal representative"}
    message: {zh: 主体负责人不是法定代表人, en: the principal is not the legal representative}
    fix: {zh: 请由法定代表人担任主体负责人, en: Name the legal representative}
    severity: error
    category: principal
    path: subject.principal.legal_representative
    supersedes: [national.legal-rep]
    check: filing.subject.principal.legal_representative
`)},
	"hunan.yaml": {Data: []byte(`
scope: hunan
reconciled_with:
  - {publisher: UCloud, document: "hunan.md [unit tab]", url: "https://example.com/hunan", retrieved: 2024-04-01}
  - {publisher: Baidu AI Cloud, document: stored copy}
apply:
  - rule: legal-rep
    source:
      - {publisher: UCloud, document: hunan.md, retrieved: 2024-04-01}
      - {publisher: Huawei Cloud, document: digest, retrieved: 2025-12-31}
      - {publisher: UCloud, document: problem8.md, retrieved: 2026-02-27}
    notes: >
      Conflict: UCloud (2024-04-01) wants the legal representative; Huawei
      (2025-12-31) accepts a letter. Huawei's page names no conditions for
      the letter and no other page does either, which leaves the letter's
      scope unclear for every unit nature, government bodies and public
      institutions included, and for the services of the filing as well as
      for its subject, a question that the filing alone cannot settle and
      that this sentence only exists to push the note past its limit. The
      rule follows UCloud, the page of a provider that files in Hunan.
      Filings with a letter fail.
rules:
  - id: hunan.one-domain-reminder
    title: {zh: "提醒:湖南的网站只有一个域名", en: "Reminder: a Hunan website has one domain"}
    message: {zh: 网站有多个域名, en: the website has several domains}
    severity: info
    category: one-service
    each: services
    path: domains
    supersedes: [national.one-domain]
    check: size(service.domains) <= 1
    source: {publisher: QingCloud, document: hunan.md}
    notes: All sources agree and no source contradicts it.
  - id: hunan.mobile
    title: {zh: 湖南的负责人使用湖南手机号码, en: Hunan principals use Hunan mobile numbers}
    message: {zh: 手机号码不是湖南的, en: the mobile number is not from Hunan}
    fix: {zh: 请使用湖南手机号码, en: Use a Hunan number}
    severity: warning
    category: locality
    effective_until: 2026-12-31
    path: subject.principal.mobile
    check: filing.subject.principal.mobile.startsWith("138")
    source:
      - {publisher: QingCloud, document: hunan.md}
      - {publisher: UCloud, document: hunan.md, retrieved: 2020-08-18}
    notes: The sources disagree. UCloud dropped the line; no source can be preferred, so a warning.
`)},
}

// block returns the lines of the reconciliation from "### scope" up to the
// next scope's heading.
func block(t *testing.T, out, scope string) string {
	t.Helper()
	_, rest, ok := strings.Cut(out, "\n### "+scope+"\n")
	if !ok {
		t.Fatalf("no block for %s in:\n%s", scope, out)
	}
	body, _, _ := strings.Cut(rest, "\n### ")
	return body
}

func TestReconciliation(t *testing.T) {
	d, err := load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	out := Reconciliation(d)
	want := `
Reconciled with:

- UCloud: [hunan.md \[unit tab\]](https://example.com/hunan), 2024-04-01
- Baidu AI Cloud: stored copy, undated

| family | rule | severity | what it does | sources |
| --- | --- | --- | --- | --- |
| locality | ` + "`hunan.mobile`" + ` | warning | Hunan principals use Hunan mobile numbers (until 2026-12-31) | QingCloud undated; UCloud 2020-08-18 |
| one-service | ` + "`hunan.one-domain-reminder`" + ` | info | Reminder: a Hunan website has one domain | QingCloud undated |
| principal | ` + "`hunan.legal-rep`" + ` | error | In Hunan a unit's principal is its legal representative | UCloud 2024-04-01, 2026-02-27; Huawei Cloud 2025-12-31 |

Replaces national rules:

- ` + "`national.legal-rep`" + ` (warning: A unit's principal is normally its legal representative) by ` + "`hunan.legal-rep`" + `

Conflicts:

- ` + "`hunan.legal-rep`" + ` (error, resolved): Conflict: UCloud (2024-04-01) wants the legal representative; Huawei (2025-12-31) accepts a letter. … The rule follows UCloud, the page of a provider that files in Hunan. …
- ` + "`hunan.mobile`" + ` (warning, open): The sources disagree. UCloud dropped the line; no source can be preferred, so a warning.
`
	if diff := cmp.Diff(want, block(t, out, "hunan")); diff != "" {
		t.Errorf("hunan's block (-want +got):\n%s", diff)
	}
	// The summary counts what the block shows: the distinct pages, those
	// without a date among them (QingCloud's page, cited by two rules,
	// counts once), the dates, the conflicts and the open one.
	line := "| [hunan](#hunan) | 3 (1 / 1 / 1) | 7 (2) | 2020-08-18 | 2026-02-27 | Baidu AI Cloud, UCloud | 2 (1) |\n"
	if !strings.Contains(out, line) {
		t.Errorf("the summary lacks\n%s in\n%s", line, out)
	}
	// National rules are listed once, under national, and no province
	// without rules repeats them.
	if got := strings.Count(out, "`national.one-domain`"); got != 1 {
		t.Errorf("national.one-domain is named %d times, want once (its row under national; a reminder does not replace it)", got)
	}
	if got := block(t, out, "beijing"); got != "\nReconciled with: nothing recorded.\n\nNo rules of its own: the national rules apply.\n\nConflicts: none recorded in the notes.\n" {
		t.Errorf("beijing, which has no file, reads:\n%s", got)
	}
}
