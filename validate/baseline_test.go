package validate_test

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
	"github.com/icpcheck/icpcheck/rules/check"
	"github.com/icpcheck/icpcheck/validate"
)

// The seed rules: the five named province rules and the national and Huawei
// Cloud rules taken from the seed documents. baseline implements exactly
// these once more in plain Go, as the yardstick for the engine's speed.
var seedRules = []string{
	"guangdong.commitment-letter", "henan.banned-name-words", "hubei.one-service-per-submission",
	"hunan.one-service-per-submission", "jiangsu.authenticity-materials",
	"huaweicloud.authorization-code-one-service", "huaweicloud.dedicated-cloud-min-1-year",
	"huaweicloud.ecs-min-3-months", "huaweicloud.nat-gateway-min-3-months", "huaweicloud.on-demand-refused",
	"huaweicloud.site-builder-max-3-domains", "huaweicloud.site-builder-min-3-months",
	"national.app.domain-level", "national.required.service", "national.app.icon-format",
	"national.app.name-unique-per-subject", "national.contact.service-principal-distinct-email",
	"national.contact.service-principal-distinct-mobile", "national.identity.resident-id-valid",
	"national.identity.subject-certificate-valid", "national.region.unit-filing-province",
}

// seedValidator is the engine restricted to the seed rules.
func seedValidator(t testing.TB) *validate.Validator {
	t.Helper()
	keep := map[string]bool{}
	for _, id := range seedRules {
		keep[id] = true
	}
	var others []string
	for _, r := range newValidator(t).Rules() {
		if !keep[r.ID] {
			others = append(others, r.ID)
		}
	}
	return newValidator(t, validate.WithDisabled(others...))
}

// baseline is the seed rules in plain Go.
type baseline struct {
	henanWords *check.Matcher
}

func newBaseline(t testing.TB) *baseline {
	t.Helper()
	files, err := rules.Load(provinces.FS(), "henan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, wl := range files[0].WordLists {
		if wl.ID == "henan.banned-name-words" {
			return &baseline{henanWords: check.NewMatcher(wl.Words)}
		}
	}
	t.Fatal("henan.banned-name-words list not found")
	return nil
}

type finding struct {
	rule, severity, path, province, message string
}

func (b *baseline) check(f *model.Filing, date model.Date) []validate.Violation {
	var out []finding
	add := func(rule, path, format string, args ...any) {
		province, _, _ := strings.Cut(rule, ".")
		if _, ok := model.Province(province).Info(); !ok {
			province = ""
		}
		out = append(out, finding{rule: rule, severity: "error", path: path, province: province, message: fmt.Sprintf(format, args...)})
	}
	s := &f.Subject
	unit := s.Nature != "" && s.Nature != model.Individual

	if unit && f.Province != "" {
		if p, ok := check.CertificateProvince(string(s.Certificate.Type), s.Certificate.Number); ok && p != f.Province {
			add("national.region.unit-filing-province", "province", "证件签发地%s与备案地域%s不一致", p, f.Province)
		}
	}
	if n := s.Certificate.Number; n != "" {
		switch s.Certificate.Type {
		case model.ResidentID:
			if _, err := check.ResidentID(n); err != nil {
				add("national.identity.subject-certificate-valid", "subject.certificate.number", "主办单位证件号码%s无效:%v", n, err)
			}
		case model.BusinessLicenseCert, model.UnifiedSocialCreditCertificate:
			if _, err := check.USCC(n); err != nil {
				add("national.identity.subject-certificate-valid", "subject.certificate.number", "主办单位证件号码%s无效:%v", n, err)
			}
		}
	}
	person := func(p *model.Person, prefix string) {
		if p.Certificate.Type == model.ResidentID && p.Certificate.Number != "" {
			if _, err := check.ResidentID(p.Certificate.Number); err != nil {
				add("national.identity.resident-id-valid", prefix+".certificate.number", "居民身份证号码%s无效:%v", p.Certificate.Number, err)
			}
		}
	}
	person(&s.Principal, "subject.principal")
	var appNames []string
	domains := 0
	for i := range f.Services {
		svc := &f.Services[i]
		prefix := "services[" + strconv.Itoa(i) + "]"
		domains += len(svc.Domains)
		person(&svc.Principal, prefix+".principal")
		sp := &svc.Principal
		if sp.Certificate.Number != "" && sp.Certificate.Number != s.Principal.Certificate.Number {
			if sp.Mobile != "" && sp.Mobile == s.Principal.Mobile {
				add("national.contact.service-principal-distinct-mobile", prefix+".principal.mobile", "网站负责人%s与主体负责人手机号码相同:%s", sp.Name, sp.Mobile)
			}
			if sp.Email != "" && lowerASCII(sp.Email) == lowerASCII(s.Principal.Email) {
				add("national.contact.service-principal-distinct-email", prefix+".principal.email", "网站负责人%s与主体负责人邮箱相同:%s", sp.Name, sp.Email)
			}
		}
		if svc.Kind == "" {
			add("national.required.service", prefix+".kind", "未填写服务类型")
		}
		if len(svc.Domains) == 0 {
			add("national.required.service", prefix+".domains", "未填写域名")
		}
		if svc.Kind == model.App {
			appNames = append(appNames, svc.Name)
			if svc.Icon != nil && svc.Icon.Format != "" {
				switch lowerASCII(svc.Icon.Format) {
				case "png", "jpg", "jpeg":
				default:
					add("national.app.icon-format", prefix+".icon.format", "APP图标格式%s不支持", svc.Icon.Format)
				}
			}
			for j, d := range svc.Domains {
				if check.Hostname(d.Name) == nil {
					if level := check.DomainLevel(d.Name); level < 2 || level > 4 {
						add("national.app.domain-level", prefix+".domains["+strconv.Itoa(j)+"]", "APP域名%s是%d级域名", d.Name, level)
					}
				}
			}
		}
		if f.Province == "henan" && s.Nature == model.Individual && svc.Kind == model.Website && b.henanWords.Contains(svc.Name) {
			add("henan.banned-name-words", prefix+".name", "网站名称%s含有:%s", svc.Name, strings.Join(b.henanWords.Find(svc.Name), "、"))
		}
	}
	seen := map[string]int{}
	var dups []string
	for _, n := range appNames {
		if seen[n]++; seen[n] == 2 {
			dups = append(dups, n)
		}
	}
	if len(dups) > 0 {
		add("national.app.name-unique-per-subject", "services", "APP名称重复:%s", strings.Join(dups, "、"))
	}

	oneService := len(f.Services) > 1
	for _, svc := range f.Services {
		oneService = oneService || len(svc.Domains) > 1
	}
	if oneService && (f.Province == "hunan" || f.Province == "hubei") {
		add(string(f.Province)+".one-service-per-submission", "services", "本次提交了%d个网站/APP、共%d个域名", len(f.Services), domains)
	}
	hasMaterial := func(kind model.MaterialKind) bool {
		for _, m := range f.Materials {
			if m.Kind == kind {
				return true
			}
		}
		return false
	}
	if f.Province == "guangdong" && date >= "2021-06-21" && !hasMaterial(model.CommitmentLetter) {
		add("guangdong.commitment-letter", "materials", "缺少承诺书(%s)", date)
	}
	if f.Province == "jiangsu" && date >= "2021-06-01" {
		var missing []string
		for _, k := range []model.MaterialKind{model.AuthenticityResponsibilityNotice, model.AuthenticityCommitment, model.AuthenticityVideo} {
			if !hasMaterial(k) {
				missing = append(missing, string(k))
			}
		}
		if len(missing) > 0 {
			add("jiangsu.authenticity-materials", "materials", "缺少:%s", strings.Join(missing, "、"))
		}
	}

	if r := f.Resource; f.Provider == "huaweicloud" && r != nil {
		if r.Billing == model.OnDemand {
			add("huaweicloud.on-demand-refused", "resource.billing", "按需计费资源不能备案")
		}
		months := func(rule string, min int) {
			if r.Months != nil && *r.Months < min {
				add(rule, "resource.months", "累计%d个月,须不少于%d个月", *r.Months, min)
			}
		}
		switch r.Type {
		case model.ECS:
			if r.Billing != model.OnDemand {
				months("huaweicloud.ecs-min-3-months", 3)
			}
		case model.DedicatedCloud:
			months("huaweicloud.dedicated-cloud-min-1-year", 12)
		case model.NATGateway:
			months("huaweicloud.nat-gateway-min-3-months", 3)
		case model.SiteBuilder:
			months("huaweicloud.site-builder-min-3-months", 3)
			if domains > 3 {
				add("huaweicloud.site-builder-max-3-domains", "services", "云速建站备案%d个域名", domains)
			}
		case model.AuthorizationCode:
			if len(f.Services) > 1 {
				add("huaweicloud.authorization-code-one-service", "services", "授权码备案%d个网站", len(f.Services))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].path != out[j].path {
			return validate.ComparePaths(out[i].path, out[j].path) < 0
		}
		return out[i].rule < out[j].rule
	})
	violations := make([]validate.Violation, len(out))
	for i, x := range out {
		violations[i] = validate.Violation{Rule: x.rule, Severity: validate.Severity(x.severity), Path: x.path, Province: x.province, Message: x.message}
	}
	return violations
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// The baseline must report exactly what the engine reports for the seed
// rules, on every example filing and on the benchmark filings.
func TestBaselineMatchesEngine(t *testing.T) {
	engine, base := seedValidator(t), newBaseline(t)
	filings := exampleFilings(t)
	filings["bench typical"] = benchFiling(2, 1)
	filings["bench large"] = benchFiling(20, 20)
	for name, f := range filings {
		date, err := f.SubmittedAt.Date()
		if err != nil {
			t.Fatal(err)
		}
		r, err := engine.Validate(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		ignoreText := cmpopts.IgnoreFields(validate.Violation{}, "Message", "Source", "Category", "Fix")
		if diff := cmp.Diff(r.Violations, base.check(f, date), ignoreText, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: engine and baseline differ (-engine +baseline):\n%s", name, diff)
		}
	}
}
