package model

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// problemCase makes one kind of error from input an applicant could send.
type problemCase struct {
	code  Code
	input string // what the quoted values in the texts may come from
	make  func(input string) error
}

func decodeJSONCase(code Code, input string) problemCase {
	return problemCase{code, input, func(in string) error { _, err := DecodeJSON([]byte(in)); return err }}
}

func decodeYAMLCase(code Code, input string) problemCase {
	return problemCase{code, input, func(in string) error { _, err := DecodeYAML([]byte(in)); return err }}
}

func limitCase(code Code, lim Limits, input string) problemCase {
	return problemCase{code, input, func(in string) error { _, err := lim.DecodeJSON([]byte(in)); return err }}
}

// checkCase checks a filing built in Go; input is the text it holds.
func checkCase(code Code, input string, mutate func(*Filing, string)) problemCase {
	return problemCase{code, input, func(in string) error {
		f := richFiling()
		mutate(f, in)
		return Check(f)
	}}
}

// problemCases make every kind of decode and Check error, with Latin and
// Chinese values from the input, so that the texts must quote both.
var problemCases = []problemCase{
	decodeYAMLCase(CodeUnknownKey, "subject:\n  nmae: 张三\n"),
	decodeJSONCase(CodeUnknownKey, `{"subject": {"名称": "张三"}}`),
	decodeJSONCase(CodeDuplicateKey, "{\"type\": \"change\",\n \"type\": \"change\"}"),
	decodeYAMLCase(CodeDuplicateKey, "subject:\n  name: 张三\n  name: 李四\n"),
	decodeJSONCase(CodeWrongType, `{"subject": {"principal": {"mobile": 13800138000}}}`),
	decodeJSONCase(CodeWrongType, `{"resource": {"months": "十二"}}`),
	decodeJSONCase(CodeWrongType, `{"services": [{"domains": [true]}]}`),
	decodeJSONCase(CodeWrongType, `{"verification": {"face_verified": "yes"}}`),
	decodeYAMLCase(CodeWrongType, "subject: {name: [张三]}\n"),
	decodeYAMLCase(CodeWrongType, "services:\n  - ips: [~]\n"),
	decodeJSONCase(CodeNotAnObject, `["filing"]`),
	decodeJSONCase(CodeNotAnObject, `"备案"`),
	decodeYAMLCase(CodeKeyNotText, "? [a]\n: 1\n"),
	decodeJSONCase(CodeIntegerOutOfRange, `{"materials": [{"size_bytes": 99999999999999999999}]}`),
	decodeYAMLCase(CodeLeadingZero, "resource: {months: 012}\n"),
	decodeYAMLCase(CodeInvalidBoolean, "verification: {face_verified: !!bool yes}\n"),
	decodeYAMLCase(CodeUnsupportedTag, "subject: !!python/object:os.system {name: a}\n"),
	decodeYAMLCase(CodeMergeKey, "subject:\n  <<: {name: a}\n"),
	decodeYAMLCase(CodeRecursiveAlias, "services: &s [*s]\n"),
	decodeYAMLCase(CodeUnknownAnchor, "type: change\nprovider: [a, *nope]\n"),
	decodeYAMLCase(CodeEmptyDocument, "# 空\n"),
	decodeYAMLCase(CodeSeveralDocuments, "type: change\n---\ntype: change\n"),
	decodeJSONCase(CodeInvalidJSON, `{"type": }`),
	decodeJSONCase(CodeInvalidJSON, `{"名称": 张三}`),
	decodeJSONCase(CodeInvalidJSON, "{\"type\": \"change\",\n"),
	decodeJSONCase(CodeInvalidJSON, "{\"subject\": {\"name\": \"a\x01b\"}}"),
	decodeYAMLCase(CodeInvalidYAML, "type: change\nsubject: {name: 张三\n"),
	decodeYAMLCase(CodeInvalidYAML, "type: a: b\n"),
	decodeYAMLCase(CodeInvalidYAML, "type: change\nprovider: a\x01b\n"),
	decodeYAMLCase(CodeNotUTF8, "subject:\n  name: 张\xff三\n"),
	decodeJSONCase(CodeNotUTF8, "{\"subject\": {\"na\xffme\": 1}}"),
	decodeYAMLCase(CodeDocumentNotUTF8, "# \xfe\ntype: change\n"),
	decodeJSONCase(CodeLoneSurrogate, `{"subject": {"name": "\ud800"}}`),
	decodeYAMLCase(CodeContainsNUL, "subject: {name: \"张\\0三\"}\n"),
	decodeJSONCase(CodeContainsNUL, `{"subject": {"na\u0000me": "a"}}`),
	limitCase(CodeTooLarge, Limits{MaxBytes: 10}, `{"type": "change"}`),
	limitCase(CodeTooLarge, Limits{MaxBytes: 1 << 10}, `{"provider": "`+strings.Repeat("云", 400)+`"}`),
	limitCase(CodeTooManyValues, Limits{MaxNodes: 3}, `{"services": [{}, {}]}`),
	limitCase(CodeTooDeep, Limits{MaxDepth: 2}, `{"subject": {"principal": {"name": "张三"}}}`),
	limitCase(CodeTooManyItems, Limits{MaxListItems: 1}, `{"services": [{}, {}]}`),
	limitCase(CodeTooLong, Limits{MaxStringBytes: 4}, `{"type": "张三"}`),
	limitCase(CodeTooLong, Limits{MaxStringBytes: 4}, `{"名称x": "a"}`),
	decodeYAMLCase(CodeUnknownEnum, "services: [{kind: webbsite}]\n"),
	decodeYAMLCase(CodeUnknownEnum, "subject: {nature: 公司}\n"),
	decodeYAMLCase(CodeInvalidDate, "subject: {certificate: {valid_until: 2023-02-30}}\n"),
	decodeJSONCase(CodeInvalidDate, `{"subject": {"certificate": {"valid_from": "二〇二〇年"}}}`),
	decodeYAMLCase(CodeInvalidDateTime, "submitted_at: 昨天\n"),
	decodeYAMLCase(CodeInvalidDateTime, "submitted_at: yesterday\n"),
	decodeYAMLCase(CodeUnknownProvince, "province: atlantis\n"),
	decodeYAMLCase(CodeUnknownProvince, "province: 湖南x\n"),
	decodeYAMLCase(CodeNoICPRegion, "province: 香港\n"),
	decodeYAMLCase(CodeNoICPRegion, "province: macau\n"),
	checkCase(CodeNotCanonical, "湖南", func(f *Filing, in string) { f.Province = Province(in) }),
	checkCase(CodeNotCanonical, "Website", func(f *Filing, in string) { f.Services[0].Kind = ServiceKind(in) }),
	checkCase(CodeUnknownEnum, "公司", func(f *Filing, in string) { f.Subject.Nature = Nature(in) }),
	checkCase(CodeContainsNUL, "a\x00b", func(f *Filing, in string) { f.Subject.Name = in }),
	checkCase(CodeUnknownProvince, "guang\x00dong", func(f *Filing, in string) { f.Province = Province(in) }),
	checkCase(CodeUnknownEnum, "website\xff", func(f *Filing, in string) { f.Services[0].Kind = ServiceKind(in) }),
	checkCase(CodeNotUTF8, "南海\xff云", func(f *Filing, in string) { f.Services[1].Name = in }),
	{CodeNilFiling, "", func(string) error { return Check(nil) }},
}

// Every kind of decode and Check error has a whole Chinese and a whole
// English text: a Chinese text holds Latin letters only inside 「」, quoting
// the input or a word of the wire format; an English text holds Chinese
// only inside quotes. The English text is also the error's own.
func TestProblemTextsAreWhole(t *testing.T) {
	covered := map[Code]bool{}
	for _, c := range problemCases {
		t.Run(string(c.code)+" "+c.input, func(t *testing.T) {
			err := c.make(c.input)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a *DecodeError", err)
			}
			p, ok := de.Problem()
			if !ok || p.Code != c.code {
				t.Fatalf("error %v has problem %+v, want code %s", err, p, c.code)
			}
			covered[c.code] = true
			zh, en := de.Message(Chinese), de.Message(English)
			if en != de.Err.Error() || !strings.HasSuffix(err.Error(), en) {
				t.Errorf("Error() %q does not end with the English text %q", err, en)
			}
			if !utf8.ValidString(zh) || strings.ContainsFunc(zh, unicode.IsControl) {
				t.Errorf("Chinese text %q is not printable UTF-8", zh)
			}
			if !strings.ContainsFunc(zh, isHan) {
				t.Errorf("Chinese text %q holds no Chinese", zh)
			}
			if word := latinOutsideQuotes(zh, c.input); word != "" {
				t.Errorf("Chinese text %q holds %q", zh, word)
			}
			if han := hanOutsideQuotes(en); han != "" {
				t.Errorf("English text %q holds %q outside quotes", en, han)
			}
			if errors.Is(err, ErrLimit) != strings.HasPrefix(string(c.code), "too_") {
				t.Errorf("errors.Is(ErrLimit) = %v for %s", errors.Is(err, ErrLimit), c.code)
			}
		})
	}
	for code := range problemTexts {
		if !covered[code] {
			t.Errorf("no case makes a %s error", code)
		}
	}
	for code := range covered {
		if _, ok := problemTexts[code]; !ok {
			t.Errorf("%s has no texts", code)
		}
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

var (
	zhQuoted   = regexp.MustCompile(`「[^「」]*」`)
	enQuoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)
	latinWords = regexp.MustCompile(`[A-Za-z]+`)
)

// latinOutsideQuotes returns a Latin word of the Chinese text zh that is
// neither inside 「」 nor, inside them, from the input (as written or
// escaped) or a word of the wire format; "" when there is none.
func latinOutsideQuotes(zh, input string) string {
	bad := ""
	rest := zhQuoted.ReplaceAllStringFunc(zh, func(q string) string {
		inner := strings.TrimSuffix(strings.TrimPrefix(q, "「"), "」")
		unescaped, err := strconv.Unquote(`"` + inner + `"`)
		fromInput := strings.Contains(input, inner) || err == nil && strings.Contains(input, unescaped)
		if latinWords.MatchString(inner) && !fromInput && !wireWordsForTest()[inner] && inner != exampleDateTime {
			bad = q
		}
		return ""
	})
	if bad != "" {
		return bad
	}
	return latinWords.FindString(rest)
}

// hanOutsideQuotes returns the Chinese of the English text en that is not
// inside "…" or '…'.
func hanOutsideQuotes(en string) string {
	rest := enQuoted.ReplaceAllString(en, "")
	if i := strings.IndexFunc(rest, isHan); i >= 0 {
		return rest[i:]
	}
	return ""
}

// wireWordsForTest are the words a text may quote without the input
// holding them: keys, enumeration values and province slugs.
func wireWordsForTest() map[string]bool {
	words := map[string]bool{}
	for w := range wireWords() {
		words[w] = true
	}
	for _, p := range Provinces() {
		words[string(p.Slug)] = true
	}
	return words
}

// The English texts are the historical ones, quoted where they quote.
func TestProblemEnglishText(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Code: CodeUnknownKey, Key: "nmae", Allowed: []string{"name", "kind"}}, `unknown key "nmae" (allowed keys: name, kind)`},
		{Problem{Code: CodeWrongType, Want: "string or object", Got: "number", Value: "42"}, "expected a string or an object, got number 42"},
		{Problem{Code: CodeWrongType, Want: "integer", Got: "string", Value: "12"}, `expected an integer, got string "12"`},
		{Problem{Code: CodeTooLarge, Format: "YAML", Size: 524289, Limit: 524288}, "YAML input is 524289 bytes, more than the limit of 524288 (512 KiB)"},
		{Problem{Code: CodeTooLarge, Format: "JSON", Size: 11, Limit: 10}, "JSON input is 11 bytes, more than the limit of 10 (10 bytes)"},
		{Problem{Code: CodeUnknownEnum, Enum: "service kind", Value: "webbsite", Allowed: []string{"website", "app"}}, `unknown service kind "webbsite" (want one of website, app)`},
		{Problem{Code: "no_such_code"}, "invalid filing (no_such_code)"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%s: Error() = %q, want %q", tt.p.Code, got, tt.want)
		}
	}
}

// The Chinese texts, spot-checked where their wording matters to a filer.
func TestProblemChineseText(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Code: CodeUnknownKey, Key: "nmae", Allowed: []string{"name", "kind"}}, "未知的键「nmae」;此处可用的键:「name」、「kind」"},
		{Problem{Code: CodeWrongType, Want: "string", Got: "number", Value: "13800138000"}, "此处应为文本,实际是数字「13800138000」"},
		{Problem{Code: CodeUnknownEnum, Enum: "subject nature", Value: "公司", Allowed: []string{"individual", "enterprise"}}, "未知的主办单位性质「公司」;可选值:「individual」、「enterprise」"},
		{Problem{Code: CodeTooLarge, Format: "JSON", Size: 9437184, Limit: 8388608}, "文档有 9437184 字节,超过了上限 8388608 字节(8 兆字节)"},
		{Problem{Code: CodeNoICPRegion, Value: "香港", Region: "Hong Kong"}, "「香港」是香港特别行政区,不是中国大陆的省级行政区,不能在此办理备案"},
		{Problem{Code: CodeNotCanonical, Value: "湖南", Canonical: "hunan"}, "「湖南」不是规范写法,请写成「hunan」"},
		{Problem{Code: CodeInvalidYAML, Detail: "some message yaml.v3 may add one day"}, "语法错误"},
		{Problem{Code: "no_such_code"}, "备案信息无效"},
	}
	for _, tt := range tests {
		if got := tt.p.Text(Chinese); got != tt.want {
			t.Errorf("%s: Text(Chinese) = %q, want %q", tt.p.Code, got, tt.want)
		}
	}
}

// A DecodeError made outside the package around one of the package's
// errors (validate does so for submitted_at) renders in both languages;
// around another error it says in Chinese only that the filing is invalid.
func TestDecodeErrorMessageAroundOtherErrors(t *testing.T) {
	_, err := ParseProvince("atlantis")
	de := &DecodeError{Path: "province", Err: err}
	if got := de.Message(Chinese); !strings.HasPrefix(got, "未知的省份「atlantis」") {
		t.Errorf("Chinese message %q", got)
	}
	if got, want := de.Error(), `province: unknown province "atlantis" (want a mainland province name, pinyin slug such as hunan, or GB/T 2260 code such as 43)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	other := &DecodeError{Path: "x", Err: errors.New("boom")}
	if zh, en := other.Message(Chinese), other.Message(English); zh != "备案信息无效" || en != "boom" {
		t.Errorf("messages %q, %q", zh, en)
	}
	if zh, en := (&DecodeError{}).Message(Chinese), (&DecodeError{}).Message(English); zh != "备案信息无效" || en != "invalid filing" {
		t.Errorf("messages of an empty DecodeError %q, %q", zh, en)
	}
	var p *Problem
	if !errors.As(de, &p) || p.Code != CodeUnknownProvince || p.Value != "atlantis" {
		t.Errorf("errors.As(*Problem) = %+v", p)
	}
	if reflect.TypeOf(err) != reflect.TypeOf(&Problem{}) {
		t.Errorf("ParseProvince's error is a %T", err)
	}
}
