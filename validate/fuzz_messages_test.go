package validate_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/rules/check"
	"github.com/icpcheck/icpcheck/validate"
)

// The language policy of the rule texts (rules/rulestest/texts.go), applied
// here to the texts as a report renders them. In Chinese, Latin letters
// only spell what the form itself spells: acronyms (APP, IP, MD5), file
// types, and domains or addresses. In English, Chinese only appears quoted.
var (
	unfilled  = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)
	latinWord = regexp.MustCompile(`\.?[A-Za-z][A-Za-z0-9]*([.@_-][A-Za-z0-9]+)*`)
	formWord  = regexp.MustCompile(`^([A-Z][A-Za-z0-9]*|jpe?g|png|pdf|https?|\.[a-z.]+|[A-Za-z0-9_-]+([.@][A-Za-z0-9_-]+)+)$`)
	quoted    = regexp.MustCompile(`"[^"]*"|“[^”]*”|「[^」]*」|《[^》]*》`)
	hanRun    = regexp.MustCompile(`\p{Han}+`)
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
	// Valid identifiers from other provinces, which the fuzzer seldom makes.
	for _, rule := range slices.Sorted(maps.Keys(unquotedChinese)) {
		if in := unquotedChinese[rule].input; in != "" {
			f.Add([]byte(in))
		}
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

// unquotedChinese are the rules whose English texts hold Chinese outside
// quotes that is not the applicant's: a name or a remark the rule composes
// for the applicant to type, or a province's Chinese name from
// province_name(), which has no English. They are reported to the rule
// files' maintainers, each with an input of the fuzz target that shows it:
// an example filing, or the text of one. The fuzz target leaves that check
// out for them, and TestUnquotedChineseStillThere says when one is fixed.
var unquotedChinese = map[string]struct{ example, input string }{
	"guangdong.enterprise-name-guanwang":      {example: "guangdong-clean.yaml"},
	"jiangsu.personal-name-form":              {example: "national-jiangsu-personal-studio.yaml"},
	"neimenggu.unit-website-remark-statement": {example: "neimenggu-unit-no-remark-statement.yaml"},
	"tianjin.emergency-mobile-remark":         {example: "tianjin-personal-emergency-mobile-no-remark.yaml"},
	"zhejiang.sole-proprietor-name":           {example: "zhejiang-sole-proprietor-name.yaml"},

	"national.address.mailing-same-region": {input: outsiderUnitIn("hunan")},
	"national.region.unit-filing-province": {input: outsiderUnitIn("hunan")},
	"shanxi.principals-local-id-number":    {input: outsiderUnitIn("shanxi")},
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

// checkText reports the problems of one text of rule, but the known ones.
func checkText(t *testing.T, l validate.Language, rule, what, text string, filing applicantTexts) {
	t.Helper()
	for _, p := range renderedTextProblems(l, text, filing) {
		if _, known := unquotedChinese[rule]; known && l == validate.English && p.han {
			continue
		}
		t.Errorf("%s: the %s %s %q %s", rule, l, what, text, p.problem)
	}
}

type textProblem struct {
	problem string
	han     bool // Chinese in an English text
}

// renderedTextProblems says what in text breaks the policy, leaving out
// what occurs in the filing's texts.
func renderedTextProblems(l validate.Language, text string, filing applicantTexts) []textProblem {
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
		return []textProblem{{problem: "is empty"}}
	}
	var out []textProblem
	for _, m := range unfilled.FindAllString(text, -1) {
		if !fromFiling(m) {
			out = append(out, textProblem{problem: "keeps the placeholder " + m})
		}
	}
	if l == validate.Chinese {
		for _, w := range latinWord.FindAllString(text, -1) {
			if !formWord.MatchString(w) && !fromFiling(w) {
				out = append(out, textProblem{problem: fmt.Sprintf("has the English word %q", w)})
			}
		}
		return out
	}
	for _, x := range filing.han {
		text = strings.ReplaceAll(text, x, "\x00")
	}
	for _, h := range hanRun.FindAllString(quoted.ReplaceAllString(text, ""), -1) {
		if !fromFiling(h) {
			out = append(out, textProblem{problem: fmt.Sprintf("has %q outside quotes", h), han: true})
		}
	}
	return out
}

// TestUnquotedChineseStillThere fails once a rule of unquotedChinese quotes
// its Chinese, so that the fuzz target checks it again.
func TestUnquotedChineseStillThere(t *testing.T) {
	v, err := validate.New(validate.WithDate("2026-03-02"), validate.WithLanguage(validate.English))
	if err != nil {
		t.Fatal(err)
	}
	for rule, shown := range unquotedChinese {
		data := []byte(shown.input)
		if shown.example != "" {
			if data, err = os.ReadFile(filepath.Join("../examples/filings", shown.example)); err != nil {
				t.Fatal(err)
			}
		}
		still := false
		for _, decode := range fuzzDecoders {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			r, err := v.Validate(context.Background(), filing)
			if err != nil {
				continue
			}
			texts := filingTexts(filing)
			for _, x := range r.Violations {
				if x.Rule == rule {
					for _, p := range append(renderedTextProblems(validate.English, x.Message, texts), renderedTextProblems(validate.English, x.Fix, texts)...) {
						still = still || p.han
					}
				}
			}
		}
		if !still {
			t.Errorf("%s has no Chinese outside quotes in English on its input any more: take it out of unquotedChinese", rule)
		}
	}
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
				if hanRun.MatchString(v.String()) {
					out.han = append(out.han, v.String())
				}
			}
		}
	}
	walk(reflect.ValueOf(f))
	slices.SortStableFunc(out.han, func(a, b string) int { return len(b) - len(a) })
	return out
}
