package validate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// benchFiling is a Guangdong enterprise filing with the given number of
// websites, each with the given number of domains.
func benchFiling(services, domains int) *model.Filing {
	legal := true
	principal := model.Person{
		Name:                "黄粤",
		Certificate:         model.Certificate{Type: model.ResidentID, Number: "440305198803121233", ValidFrom: "2018-05-01", ValidUntil: "2038-05-01"},
		Mobile:              "13802551234",
		EmergencyPhone:      "0755-86001234",
		Email:               "huangyue@nanhaiyun.example.cn",
		LegalRepresentative: &legal,
	}
	f := &model.Filing{
		Type:        model.FirstFiling,
		Province:    "guangdong",
		SubmittedAt: "2026-03-02",
		Provider:    "huaweicloud",
		Subject: model.Subject{
			Nature:         model.Enterprise,
			Name:           "深圳南海云计算有限公司",
			Certificate:    model.Certificate{Type: model.BusinessLicenseCert, Number: "91440305MA4L7Q2K9L", Address: "广东省深圳市南山区科技园路1号"},
			MailingAddress: "广东省深圳市南山区科技园路1号",
			Principal:      principal,
		},
		Resource: &model.Resource{Type: model.ECS, Billing: model.Subscription, Months: ptr(12)},
		Materials: []model.Material{
			{Kind: model.CommitmentLetter, File: "承诺书.pdf"},
			{Kind: model.IdentityDocument, File: "身份证.pdf"},
			{Kind: model.BusinessLicense, File: "营业执照.pdf"},
		},
	}
	for i := 0; i < services; i++ {
		s := model.Service{Kind: model.Website, Name: fmt.Sprintf("南海云%d号站", i), Principal: principal, IPs: []string{"121.37.10.20"},
			Content: []string{"企业门户"}, Languages: []string{"中文简体"}}
		for j := 0; j < domains; j++ {
			s.Domains = append(s.Domains, model.Domain{Name: fmt.Sprintf("site%d-%d.nanhaiyun.cn", i, j)})
		}
		f.Services = append(f.Services, s)
	}
	return f
}

// benchSizes are the typical filing (two websites of one domain) and the
// large one (20 websites of 20 domains).
var benchSizes = []struct {
	name              string
	services, domains int
}{{"typical", 2, 1}, {"large", 20, 20}}

// BenchmarkNew is New as most programs call it: every rule file is parsed,
// and each scope of the embedded rules is compiled on first use.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewEager compiles every embedded rule of every scope in New.
func BenchmarkNewEager(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.New(validate.WithEagerCompile()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstValidate is New and the first Validate of a typical
// Guangdong filing, which compiles the national, guangdong and huaweicloud
// rules: what a short-lived program pays before its first report.
func BenchmarkFirstValidate(b *testing.B) {
	f := benchFiling(2, 1)
	b.ReportAllocs()
	for b.Loop() {
		v, err := validate.New()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Validate(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkValidate(b *testing.B, v *validate.Validator, f *model.Filing) {
	ctx := context.Background()
	if r, err := v.Validate(ctx, f); err != nil || !r.OK {
		b.Fatalf("the benchmark filing should pass: %v %+v", err, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Validate(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkBaseline(b *testing.B, base *baseline, f *model.Filing) {
	if got := base.check(f, "2026-03-02"); len(got) != 0 {
		b.Fatalf("the benchmark filing should pass: %+v", got)
	}
	b.ReportAllocs()
	for b.Loop() {
		base.check(f, "2026-03-02")
	}
}

// BenchmarkSeedRules runs the seed rules through the engine and through the
// plain-Go baseline on the same filings, in one run, for comparison.
func BenchmarkSeedRules(b *testing.B) {
	engine, base := seedValidator(b), newBaseline(b)
	for _, size := range benchSizes {
		f := benchFiling(size.services, size.domains)
		b.Run(size.name+"/engine", func(b *testing.B) { benchmarkValidate(b, engine, f) })
		b.Run(size.name+"/baseline", func(b *testing.B) { benchmarkBaseline(b, base, f) })
	}
}

// BenchmarkGrowth shows how the engine scales with services (20 domains
// each): the 40/20 ratio should stay near 2.
func BenchmarkGrowth(b *testing.B) {
	engine := seedValidator(b)
	for _, n := range []int{20, 40} {
		b.Run(fmt.Sprintf("services=%d", n), func(b *testing.B) { benchmarkValidate(b, engine, benchFiling(n, 20)) })
	}
}

// BenchmarkAllRules validates with every rule that applies to a Guangdong
// filing with the huaweicloud provider: national, guangdong, huaweicloud.
func BenchmarkAllRules(b *testing.B) {
	v := newValidator(b)
	b.Run("typical", func(b *testing.B) { benchmarkValidate(b, v, benchFiling(2, 1)) })
	b.Run("large", func(b *testing.B) { benchmarkValidate(b, v, benchFiling(20, 20)) })
}

// BenchmarkCheck is model.Check alone, which every Validate runs first and
// the plain-Go baseline does not: the part of the engine's figures that is
// input checking rather than rules.
func BenchmarkCheck(b *testing.B) {
	for _, size := range benchSizes {
		f := benchFiling(size.services, size.domains)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := model.Check(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCall is the whole call the CLI, the service and the browser page
// make: decode a filing's JSON text, validate it with every rule that
// applies, and encode the report as JSON. Its parts run alone beside it, so
// one run shows where a call spends its time, natively or, with
// GOOS=js GOARCH=wasm, in the browser's engine.
func BenchmarkCall(b *testing.B) {
	v := newValidator(b)
	ctx := context.Background()
	filing := benchFiling(2, 1)
	text, err := model.EncodeJSON(filing)
	if err != nil {
		b.Fatal(err)
	}
	report, err := v.Validate(ctx, filing)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := model.DecodeJSON(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("validate", func(b *testing.B) { benchmarkValidate(b, v, filing) })
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(report); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, err := model.DecodeJSON(text)
			if err != nil {
				b.Fatal(err)
			}
			r, err := v.Validate(ctx, f)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
