package validate_test

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
	"github.com/icpcheck/icpcheck/rules/rulestest"
	"github.com/icpcheck/icpcheck/validate"
)

// The language policy of the rule texts (rules/rulestest/texts.go), applied
// here to the texts as a report renders them. In Chinese, Latin letters
// only spell what the form itself spells: acronyms (APP, IP, MD5), file
// types, and domains or addresses. In English, Chinese only appears quoted.
var (
	unfilled = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)
)

// FuzzMessagesFilled checks every text a report gives the applicant, in
// both languages: each violation's message, its rule's title and its fix
// (which errors and warnings must have), and each undecided reason. None
// may be empty or keep a {placeholder}; the Chinese texts hold no English
// word but what the form spells, the English ones no Chinese outside
// quotes. Values quoted from the filing are exempt: a word or run of Han
// characters, or a {placeholder}-like text, that occurs in one of the
// filing's texts (compared after check.Normalize, as the rules compare)
// came from the applicant; and in English, where a filing's text with Han
// in it stands whole, its quote marks do not pair with the rule's own.
// Enumeration values and province slugs are not the applicant's words: a
// rule must render them in the report's language.
func FuzzMessagesFilled(f *testing.F) {
	for _, data := range fuzzFilingSeeds(f) {
		f.Add(data)
	}
	// Valid identifiers from other provinces, which the fuzzer seldom
	// makes: they reach the rules that name an issuing province.
	for _, p := range []string{"hunan", "shanxi"} {
		f.Add([]byte(outsiderUnitIn(p)))
	}
	for _, p := range []string{"guangdong", "henan", "neimenggu", "shanxi"} {
		f.Add([]byte(beijingPersonIn(p)))
	}
	v, err := validate.New(validate.WithDate("2026-03-02"))
	if err != nil {
		f.Fatal(err)
	}
	titles := map[validate.Language]map[string]string{}
	for _, l := range []validate.Language{validate.Chinese, validate.English} {
		titles[l] = map[string]string{}
		for _, s := range v.Summaries(l) {
			titles[l][s.ID] = s.Title
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, decode := range fuzzDecoders {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			texts := filingTexts(filing)
			for _, l := range []validate.Language{validate.Chinese, validate.English} {
				r, err := v.Validate(context.Background(), filing, validate.InLanguage(l))
				if err != nil {
					continue // refused whole: FuzzValidate checks the error
				}
				for _, x := range r.Violations {
					checkText(t, l, x.Rule, "message", x.Message, texts)
					checkText(t, l, x.Rule, "title", titles[l][x.Rule], texts)
					if x.Fix != "" || x.Severity != validate.SeverityInfo {
						checkText(t, l, x.Rule, "fix", x.Fix, texts)
					}
				}
				for _, u := range r.Undecided {
					checkText(t, l, u.Rule, "undecided reason", u.Reason, texts)
				}
			}
		}
	})
}

// outsiderUnitIn is a filing in province p of a company registered in
// Beijing, with a mailing address in Hebei and a principal with a Beijing
// ID.
func outsiderUnitIn(p string) string {
	return "province: " + p + `
subject:
  nature: enterprise
  name: 云栈科技有限公司
  certificate: {type: business_license, number: 91110105MA4L7Q2K9R}
  mailing_address: 河北省廊坊市广阳区新华路1号
  principal: {name: 王建国, certificate: {type: resident_id, number: "110105198803121236"}}
`
}

// beijingPersonIn is a personal filing in province p by a person with a
// Beijing ID and no address on it.
func beijingPersonIn(p string) string {
	return "province: " + p + `
subject:
  nature: individual
  name: 王建国
  certificate: {type: resident_id, number: "110105198803121236"}
  principal: {name: 王建国, certificate: {type: resident_id, number: "110105198803121236"}}
services: [{kind: website, name: 建国读书, domains: [jianguo.cn]}]
`
}

// checkText reports the problems of one text of rule.
func checkText(t *testing.T, l validate.Language, rule, what, text string, filing applicantTexts) {
	t.Helper()
	for _, p := range renderedTextProblems(l, text, filing) {
		t.Errorf("%s: the %s %s %q %s", rule, l, what, text, p)
	}
}

// renderedTextProblems says what in text breaks the policy
// (rulestest's), leaving out what occurs in the filing's texts.
func renderedTextProblems(l validate.Language, text string, filing applicantTexts) []string {
	fromFiling := func(s string) bool {
		n := check.Normalize(s)
		for _, x := range filing.normalized {
			if strings.Contains(x, n) {
				return true
			}
		}
		return false
	}
	if strings.TrimSpace(text) == "" {
		return []string{"is empty"}
	}
	var out []string
	for _, m := range unfilled.FindAllString(text, -1) {
		if !fromFiling(m) {
			out = append(out, "keeps the placeholder "+m)
		}
	}
	if l == validate.Chinese {
		for _, w := range rulestest.EnglishWords(text) {
			if !fromFiling(w) {
				out = append(out, fmt.Sprintf("has the English word %q", w))
			}
		}
		return out
	}
	for _, x := range filing.han {
		text = strings.ReplaceAll(text, x, "\x00")
	}
	for _, h := range rulestest.UnquotedChinese(text) {
		if !fromFiling(h) {
			out = append(out, fmt.Sprintf("has %q outside quotes", h))
		}
	}
	return out
}

// applicantTexts are a filing's texts, the applicant's own words: every
// string but the enumerations and the province, which a report must put in
// its own language.
type applicantTexts struct {
	normalized []string // as check.Normalize folds them
	han        []string // those with Han characters, as written, longest first
}

func filingTexts(f *model.Filing) applicantTexts {
	var out applicantTexts
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.String:
			if _, enum := model.EnumerationOf(v.Type()); !enum && v.Type() != reflect.TypeFor[model.Province]() && v.String() != "" {
				out.normalized = append(out.normalized, check.Normalize(v.String()))
				if strings.ContainsFunc(v.String(), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					out.han = append(out.han, v.String())
				}
			}
		}
	}
	walk(reflect.ValueOf(f))
	slices.SortStableFunc(out.han, func(a, b string) int { return len(b) - len(a) })
	return out
}
