package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// problemTexts renders each Code in Chinese and in English. The English
// texts are the decoder's historical ones, so that logs and tests that
// match on them keep working. A value from the filing is quoted: 「…」 in
// Chinese, Go's "…" in English.
var problemTexts = map[Code]struct{ zh, en func(*Problem) string }{
	CodeUnknownKey: {
		func(p *Problem) string {
			return "未知的键" + zhQuote(p.Key) + ";此处可用的键:" + zhList(p.Allowed)
		},
		func(p *Problem) string {
			return fmt.Sprintf("unknown key %q (allowed keys: %s)", p.Key, strings.Join(p.Allowed, ", "))
		},
	},
	CodeDuplicateKey: {
		func(p *Problem) string {
			return fmt.Sprintf("键%s重复,第一次出现在第 %d 行", zhQuote(p.Key), p.FirstLine)
		},
		func(p *Problem) string { return fmt.Sprintf("duplicate key %q (first at line %d)", p.Key, p.FirstLine) },
	},
	CodeWrongType: {
		func(p *Problem) string { return "此处应为" + zhKinds[p.Want] + ",实际是" + zhFound(p) },
		func(p *Problem) string { return "expected " + enKinds[p.Want] + ", got " + enFound(p) },
	},
	CodeNotAnObject: {
		func(p *Problem) string { return "文档的顶层应为对象,实际是" + zhFound(p) },
		func(p *Problem) string { return "the top level must be an object, got " + enFound(p) },
	},
	CodeKeyNotText: {
		func(p *Problem) string { return "键应为文本,实际是" + zhFound(p) },
		func(p *Problem) string { return "a key must be a string, got " + enFound(p) },
	},
	CodeIntegerOutOfRange: {
		func(p *Problem) string { return "整数" + zhQuote(p.Value) + "超出范围" },
		func(p *Problem) string { return "integer " + p.Value + " is out of range" },
	},
	CodeLeadingZero: {
		func(p *Problem) string {
			return "整数" + zhQuote(p.Value) + "以零开头,各版本的规范对它的读法不同(八进制或十进制);请去掉开头的零"
		},
		func(p *Problem) string {
			return "integer " + p.Value + " has a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal; write it without the zero"
		},
	},
	CodeInvalidBoolean: {
		func(p *Problem) string { return "无效的布尔值" + zhQuote(p.Value) },
		func(p *Problem) string { return fmt.Sprintf("invalid boolean %q", p.Value) },
	},
	CodeUnsupportedTag: {
		func(p *Problem) string {
			return "不支持标签" + zhQuote(p.Value) + ":备案信息只含文本、数字、布尔值、列表和对象"
		},
		func(p *Problem) string { return "unsupported YAML tag " + p.Value },
	},
	CodeMergeKey: {
		func(p *Problem) string { return "不支持合并键「<<」,请把各个键逐一写出" },
		func(p *Problem) string { return "YAML merge keys (<<) are not supported; write the keys out" },
	},
	CodeRecursiveAlias: {
		func(p *Problem) string { return "别名" + zhQuote("*"+p.Value) + "用在了它自己的锚点之内" },
		func(p *Problem) string { return "alias *" + p.Value + " is used inside its own anchor" },
	},
	CodeUnknownAnchor: {
		func(p *Problem) string {
			return "语法错误:别名" + zhQuote("*"+p.Value) + "引用的锚点不存在"
		},
		func(p *Problem) string { return "invalid YAML: unknown anchor '" + p.Value + "' referenced" },
	},
	CodeEmptyDocument: {
		func(p *Problem) string { return "文档为空:备案信息应为一个对象" },
		func(p *Problem) string { return "empty document: a filing is an object" },
	},
	CodeSeveralDocuments: {
		func(p *Problem) string {
			return "文件中有不止一个文档:一个文件只能含一份备案信息"
		},
		func(p *Problem) string { return "more than one YAML document: a file holds one filing" },
	},
	CodeInvalidJSON: {
		func(p *Problem) string {
			if p.Value == "" {
				return "语法错误:文档在此处意外结束"
			}
			return "语法错误:此处不应出现" + zhQuote(p.Value)
		},
		func(p *Problem) string { return "invalid JSON: " + p.Detail },
	},
	CodeInvalidYAML: {
		func(p *Problem) string {
			if zh, ok := yamlProblemsZh[p.Detail]; ok {
				return "语法错误:" + zh
			}
			return "语法错误"
		},
		func(p *Problem) string { return "invalid YAML: " + p.Detail },
	},
	CodeNotUTF8: {
		func(p *Problem) string {
			return zhWhat(p) + "的编码无效:备案信息须为有效的统一码文本"
		},
		func(p *Problem) string { return enWhat(p) + " is not valid UTF-8; a filing is UTF-8 text" },
	},
	CodeDocumentNotUTF8: {
		func(p *Problem) string { return "文档的编码无效:备案信息须为有效的统一码文本" },
		func(p *Problem) string { return "the document is not valid UTF-8; a filing is UTF-8 text" },
	},
	CodeLoneSurrogate: {
		func(p *Problem) string {
			return zhWhat(p) + "不是有效的统一码文本:其中一个转义序列只写了代理对的一半"
		},
		func(p *Problem) string {
			return enWhat(p) + ` is not valid Unicode: a \u escape is half of a surrogate pair`
		},
	},
	CodeContainsNUL: {
		func(p *Problem) string {
			return zhWhat(p) + "含有空字符(编号为零的字符),备案信息中不应有此字符"
		},
		func(p *Problem) string {
			return enWhat(p) + " contains a NUL character (U+0000), which no filing holds"
		},
	},
	CodeTooLarge: {
		func(p *Problem) string {
			return fmt.Sprintf("文档有 %d 字节,超过了上限 %d 字节%s", p.Size, p.Limit, zhSize(p.Limit))
		},
		func(p *Problem) string {
			return fmt.Sprintf("%s input is %d bytes, more than the limit of %d (%s)", p.Format, p.Size, p.Limit, enSize(p.Limit))
		},
	},
	CodeTooManyValues: {
		func(p *Problem) string {
			return fmt.Sprintf("文档中的值超过 %d 个(每引用一次别名,都按一份完整的副本计)", p.Limit)
		},
		func(p *Problem) string {
			return fmt.Sprintf("document has more than %d values (each use of a YAML alias counts as a copy)", p.Limit)
		},
	},
	CodeTooDeep: {
		func(p *Problem) string { return fmt.Sprintf("文档的嵌套超过 %d 层", p.Limit) },
		func(p *Problem) string { return fmt.Sprintf("document is nested more than %d levels deep", p.Limit) },
	},
	CodeTooManyItems: {
		func(p *Problem) string { return fmt.Sprintf("列表超过 %d 项", p.Limit) },
		func(p *Problem) string { return fmt.Sprintf("list has more than %d items", p.Limit) },
	},
	CodeTooLong: {
		func(p *Problem) string {
			return fmt.Sprintf("%s有 %d 字节,超过了上限 %d 字节", zhWhat(p), p.Size, p.Limit)
		},
		func(p *Problem) string {
			return fmt.Sprintf("%s is %d bytes, more than the limit of %d", enWhat(p), p.Size, p.Limit)
		},
	},
	CodeUnknownEnum: {
		func(p *Problem) string {
			return "未知的" + enumZh(p.Enum) + zhQuote(p.Value) + ";可选值:" + zhList(p.Allowed)
		},
		func(p *Problem) string {
			return fmt.Sprintf("unknown %s %q (want one of %s)", p.Enum, p.Value, strings.Join(p.Allowed, ", "))
		},
	},
	CodeInvalidDate: {
		func(p *Problem) string {
			return "日期" + zhQuote(p.Value) + "无效:应为真实的日期,写成 年-月-日,如 2026-03-01"
		},
		func(p *Problem) string { return fmt.Sprintf("invalid date %q (want YYYY-MM-DD)", p.Value) },
	},
	CodeInvalidDateTime: {
		func(p *Problem) string {
			return "日期或日期时间" + zhQuote(p.Value) + "无效:应写成 年-月-日(如 2026-03-01),或带时区的日期时间(如" + zhQuote(exampleDateTime) + ")"
		},
		func(p *Problem) string {
			return fmt.Sprintf("invalid date or date-time %q (want YYYY-MM-DD or RFC 3339)", p.Value)
		},
	},
	CodeUnknownProvince: {
		func(p *Problem) string {
			return "未知的省份" + zhQuote(p.Value) + ":请写中国大陆省级行政区的名称(如「湖南」「湖南省」)、拼音(如「hunan」)或两位行政区划代码(如「43」)"
		},
		func(p *Problem) string {
			return fmt.Sprintf("unknown province %q (want a mainland province name, pinyin slug such as hunan, or GB/T 2260 code such as 43)", p.Value)
		},
	},
	CodeNoICPRegion: {
		func(p *Problem) string {
			return zhQuote(p.Value) + "是" + regionZh[p.Region] + ",不是中国大陆的省级行政区,不能在此办理备案"
		},
		func(p *Problem) string {
			return fmt.Sprintf("province %q: %s is not a mainland province and has no ICP filing", p.Value, p.Region)
		},
	},
	CodeNotCanonical: {
		func(p *Problem) string {
			return zhQuote(p.Value) + "不是规范写法,请写成" + zhQuote(p.Canonical)
		},
		func(p *Problem) string {
			return fmt.Sprintf("%q is not in canonical form; write %q", p.Value, p.Canonical)
		},
	},
	CodeNilFiling: {
		func(p *Problem) string { return "没有备案信息" },
		func(p *Problem) string { return "nil filing" },
	},
}

// exampleDateTime is the date-time the Chinese text shows as an example.
const exampleDateTime = "2026-03-01T10:00:00+08:00"

// zhQuote quotes a value in a Chinese text. A value that is not valid
// UTF-8 or holds control characters is shown escaped, as Go writes it, so
// that the text stays printable UTF-8.
func zhQuote(s string) string {
	if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
		q := strconv.Quote(s)
		s = q[1 : len(q)-1]
	}
	return "「" + s + "」"
}

// zhList quotes each value and joins them with 、.
func zhList(values []string) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(zhQuote(v))
	}
	return b.String()
}

// The kinds of value, as Problem.Want and Problem.Got name them.
var (
	zhKinds = map[string]string{
		"null": "空值", "string": "文本", "string or object": "文本或对象", "number": "数字",
		"integer": "整数", "boolean": "布尔值", "object": "对象", "list": "列表",
	}
	enKinds = map[string]string{
		"string": "a string", "string or object": "a string or an object", "integer": "an integer",
		"boolean": "a boolean", "object": "an object", "list": "a list",
	}
)

// zhFound and enFound name the kind found and, for a scalar, its text.
func zhFound(p *Problem) string {
	switch p.Got {
	case "string", "number", "boolean":
		return zhKinds[p.Got] + zhQuote(p.Value)
	}
	return zhKinds[p.Got]
}

func enFound(p *Problem) string {
	switch p.Got {
	case "string":
		return "string " + strconv.Quote(p.Value)
	case "number", "boolean":
		return p.Got + " " + p.Value
	}
	return p.Got
}

func zhWhat(p *Problem) string {
	if p.InKey {
		return "键"
	}
	return "值"
}

func enWhat(p *Problem) string {
	if p.InKey {
		return "key"
	}
	return "value"
}

// zhSize and enSize write a byte count the way people say it when it is a
// round number of KiB or MiB.
func zhSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return "(" + strconv.Itoa(n>>20) + " 兆字节)"
	case n >= 1<<10 && n%(1<<10) == 0:
		return "(" + strconv.Itoa(n>>10) + " 千字节)"
	}
	return ""
}

func enSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// regionZh names the regions without ICP filing in Chinese.
var regionZh = map[string]string{"Hong Kong": "香港特别行政区", "Macao": "澳门特别行政区", "Taiwan": "台湾地区"}

// yamlProblemsZh says in Chinese what yaml.v3's commonest syntax errors say.
var yamlProblemsZh = map[string]string{
	"did not find expected node content":                     "此处缺少值",
	"did not find expected '-' indicator":                    "此处应为以「-」开头的列表项",
	"did not find expected key":                              "此处应为键",
	"did not find expected ',' or ']'":                       "此处应为「,」或「]」",
	"did not find expected ',' or '}'":                       "此处应为「,」或「}」",
	"did not find expected <document start>":                 "此处应开始一个新文档",
	"found undefined tag handle":                             "标签的前缀没有定义",
	"found duplicate %YAML directive":                        "版本指令重复",
	"found incompatible YAML document":                       "文档的版本不受支持",
	"found duplicate %TAG directive":                         "标签指令重复",
	"mapping values are not allowed in this context":         "此处不能写「:」开始一个值",
	"block sequence entries are not allowed in this context": "此处不能开始以「-」开头的列表项",
	"could not find expected ':'":                            "此处缺少「:」",
	"found character that cannot start any token":            "此处的字符不能作为一项的开头",
	"found a tab character that violates indentation":        "缩进中不能用制表符",
	"found unexpected end of stream":                         "文档意外结束",
	"found unknown escape character":                         "未知的转义字符",
	"control characters are not allowed":                     "含有不允许的控制字符",
	"did not find expected whitespace or line break":         "此处缺少空格或换行",
}
