package validate_test

import (
	"context"
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
		Certificate:         model.Certificate{Type: model.ResidentID, Number: "440305198803121233"},
		Mobile:              "13802551234",
		Email:               "huangyue@nanhaiyun.example.cn",
		LegalRepresentative: &legal,
	}
	f := &model.Filing{
		Type:        model.FirstFiling,
		Province:    "guangdong",
		SubmittedAt: "2026-03-02",
		Provider:    "huaweicloud",
		Subject: model.Subject{
			Nature:      model.Enterprise,
			Name:        "深圳南海云计算有限公司",
			Certificate: model.Certificate{Type: model.BusinessLicenseCert, Number: "91440305MA4L7Q2K9L"},
			Principal:   principal,
		},
		Resource:  &model.Resource{Type: model.ECS, Billing: model.Subscription, Months: ptr(12)},
		Materials: []model.Material{{Kind: model.CommitmentLetter, File: "承诺书.pdf"}},
	}
	for i := 0; i < services; i++ {
		s := model.Service{Kind: model.Website, Name: fmt.Sprintf("南海云%d号站", i), Principal: principal, IPs: []string{"121.37.10.20"}}
		for j := 0; j < domains; j++ {
			s.Domains = append(s.Domains, model.Domain{Name: fmt.Sprintf("site%d-%d.nanhaiyun.cn", i, j)})
		}
		f.Services = append(f.Services, s)
	}
	return f
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.New(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkValidate(b *testing.B, f *model.Filing) {
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
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

func BenchmarkValidateTypical(b *testing.B) { benchmarkValidate(b, benchFiling(2, 1)) }

func BenchmarkValidateLarge(b *testing.B) { benchmarkValidate(b, benchFiling(20, 20)) }
