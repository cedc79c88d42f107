package model

import (
	"slices"
	"strings"

	"golang.org/x/text/width"
)

// Province is the pinyin slug of one of the 31 mainland provincial-level
// regions, such as "hunan" or "neimenggu". 陕西 is "shaanxi", 山西 "shanxi".
type Province string

// ProvinceInfo describes one provincial-level region.
type ProvinceInfo struct {
	Slug     Province
	Short    string // 湖南
	Full     string // 湖南省
	Code     string // GB/T 2260 two-digit code, "43"
	Category string // province, municipality or autonomous region
}

// provinces lists the 31 mainland provincial-level regions in GB/T 2260
// order.
var provinces = []ProvinceInfo{
	{"beijing", "北京", "北京市", "11", "municipality"},
	{"tianjin", "天津", "天津市", "12", "municipality"},
	{"hebei", "河北", "河北省", "13", "province"},
	{"shanxi", "山西", "山西省", "14", "province"},
	{"neimenggu", "内蒙古", "内蒙古自治区", "15", "autonomous region"},
	{"liaoning", "辽宁", "辽宁省", "21", "province"},
	{"jilin", "吉林", "吉林省", "22", "province"},
	{"heilongjiang", "黑龙江", "黑龙江省", "23", "province"},
	{"shanghai", "上海", "上海市", "31", "municipality"},
	{"jiangsu", "江苏", "江苏省", "32", "province"},
	{"zhejiang", "浙江", "浙江省", "33", "province"},
	{"anhui", "安徽", "安徽省", "34", "province"},
	{"fujian", "福建", "福建省", "35", "province"},
	{"jiangxi", "江西", "江西省", "36", "province"},
	{"shandong", "山东", "山东省", "37", "province"},
	{"henan", "河南", "河南省", "41", "province"},
	{"hubei", "湖北", "湖北省", "42", "province"},
	{"hunan", "湖南", "湖南省", "43", "province"},
	{"guangdong", "广东", "广东省", "44", "province"},
	{"guangxi", "广西", "广西壮族自治区", "45", "autonomous region"},
	{"hainan", "海南", "海南省", "46", "province"},
	{"chongqing", "重庆", "重庆市", "50", "municipality"},
	{"sichuan", "四川", "四川省", "51", "province"},
	{"guizhou", "贵州", "贵州省", "52", "province"},
	{"yunnan", "云南", "云南省", "53", "province"},
	{"xizang", "西藏", "西藏自治区", "54", "autonomous region"},
	{"shaanxi", "陕西", "陕西省", "61", "province"},
	{"gansu", "甘肃", "甘肃省", "62", "province"},
	{"qinghai", "青海", "青海省", "63", "province"},
	{"ningxia", "宁夏", "宁夏回族自治区", "64", "autonomous region"},
	{"xinjiang", "新疆", "新疆维吾尔自治区", "65", "autonomous region"},
}

var (
	provinceByAlias = map[string]Province{}
	provinceInfo    = map[Province]ProvinceInfo{}
	provinceByCode  = map[string]Province{}
)

// Regions that are not mainland provinces and so have no ICP filing.
var noICPRegions = map[string]string{
	"香港": "Hong Kong", "香港特别行政区": "Hong Kong", "hongkong": "Hong Kong", "xianggang": "Hong Kong", "81": "Hong Kong",
	"澳门": "Macao", "澳門": "Macao", "澳门特别行政区": "Macao", "macao": "Macao", "macau": "Macao", "aomen": "Macao", "82": "Macao",
	"台湾": "Taiwan", "臺灣": "Taiwan", "台湾省": "Taiwan", "taiwan": "Taiwan", "71": "Taiwan",
}

// Provinces returns the 31 mainland provincial-level regions in GB/T 2260
// order: a copy, so that no caller can change what the decoder accepts.
func Provinces() []ProvinceInfo { return slices.Clone(provinces) }

func init() {
	for _, p := range provinces {
		provinceInfo[p.Slug] = p
		provinceByCode[p.Code] = p.Slug
		for _, alias := range []string{string(p.Slug), p.Short, p.Full, p.Code} {
			provinceByAlias[alias] = p.Slug
		}
	}
	// Common spellings beside the slug.
	provinceByAlias["innermongolia"] = "neimenggu"
	provinceByAlias["tibet"] = "xizang"
	provinceByAlias["内蒙古区"] = "neimenggu"
}

// ParseProvince accepts a Chinese name with or without its suffix, in
// full-width or half-width form, the pinyin slug, or the two-digit GB/T 2260
// code, and returns the slug. Hong Kong, Macao and Taiwan are refused: they
// have no ICP filing.
func ParseProvince(s string) (Province, error) {
	key := strings.ToLower(strings.Join(strings.Fields(width.Fold.String(s)), ""))
	key = strings.ReplaceAll(key, "-", "")
	key = strings.ReplaceAll(key, "_", "")
	if p, ok := provinceByAlias[key]; ok {
		return p, nil
	}
	if region, ok := noICPRegions[key]; ok {
		return "", &Problem{Code: CodeNoICPRegion, Value: s, Region: region}
	}
	return "", &Problem{Code: CodeUnknownProvince, Value: s}
}

// ProvinceByCode returns the province whose GB/T 2260 code is the two-digit
// prefix code, such as "43" for hunan.
func ProvinceByCode(code string) (Province, bool) {
	p, ok := provinceByCode[code]
	return p, ok
}

// Info returns the province's names and code; ok is false for a value that
// is not one of the 31 slugs.
func (p Province) Info() (info ProvinceInfo, ok bool) {
	info, ok = provinceInfo[p]
	return info, ok
}

func (p *Province) setText(s string) error {
	if s == "" {
		*p = ""
		return nil
	}
	v, err := ParseProvince(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// canonical reports whether p is one of the 31 slugs.
func (p Province) canonical() bool { _, ok := provinceInfo[p]; return ok }
