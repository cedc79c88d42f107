package model

import (
	"fmt"
	"strings"
)

// FilingType is the kind of submission (备案类型).
type FilingType string

// The filing types of the wire format.
const (
	FirstFiling  FilingType = "first_filing"  // 首次备案
	NewService   FilingType = "new_service"   // 新增网站/APP
	NewAccess    FilingType = "new_access"    // 新增接入
	Change       FilingType = "change"        // 变更备案
	CancelAccess FilingType = "cancel_access" // 取消接入
	Deregister   FilingType = "deregister"    // 注销备案
)

// Nature is the 主办单位性质.
type Nature string

// The subject natures of the real filing system.
const (
	Individual           Nature = "individual"             // 个人
	Enterprise           Nature = "enterprise"             // 企业
	Government           Nature = "government"             // 政府机关
	PublicInstitution    Nature = "public_institution"     // 事业单位
	SocialOrganization   Nature = "social_organization"    // 社会团体
	PrivateNonEnterprise Nature = "private_non_enterprise" // 民办非企业单位
	Foundation           Nature = "foundation"             // 基金会
	LawFirm              Nature = "law_firm"               // 律师执业机构
	MassOrganization     Nature = "mass_organization"      // 群众性团体组织
	Military             Nature = "military"               // 军队
	ForeignInstitution   Nature = "foreign_institution"    // 境外机构
	JudicialExpertise    Nature = "judicial_expertise"     // 司法鉴定机构
	ReligiousInstitution Nature = "religious_institution"  // 宗教活动场所
)

// CertificateType is the type of an identity or registration document.
type CertificateType string

// The certificate types of the wire format.
const (
	ResidentID                      CertificateType = "resident_id"
	BusinessLicenseCert             CertificateType = "business_license"
	OrganizationCode                CertificateType = "organization_code"
	PublicInstitutionCertificate    CertificateType = "public_institution_certificate"
	SocialOrganizationCertificate   CertificateType = "social_organization_certificate"
	PrivateNonEnterpriseCertificate CertificateType = "private_non_enterprise_certificate"
	Passport                        CertificateType = "passport"
	HKMacaoPermit                   CertificateType = "hk_macao_permit"
	TaiwanPermit                    CertificateType = "taiwan_permit"
	ForeignPermanentResidence       CertificateType = "foreign_permanent_residence"
	ResidencePermit                 CertificateType = "residence_permit"
	HKMacaoTaiwanResidencePermit    CertificateType = "hk_macao_taiwan_residence_permit" // 港澳台居民居住证
	FoundationCertificate           CertificateType = "foundation_certificate"
	LawFirmLicense                  CertificateType = "law_firm_license"
	MilitaryCertificate             CertificateType = "military_certificate"
	UnifiedSocialCreditCertificate  CertificateType = "unified_social_credit_certificate" // 统一社会信用代码证书
	ForeignEnterpriseRepresentative CertificateType = "foreign_enterprise_representative" // 外国企业常驻代表机构登记证
	OtherCertificate                CertificateType = "other"
)

// ServiceKind says whether a service is a website or an APP.
type ServiceKind string

// The service kinds.
const (
	Website ServiceKind = "website"
	App     ServiceKind = "app"
)

// ResourceType is the kind of cloud resource a filing is made with.
type ResourceType string

// The resource types of the wire format.
const (
	ECS               ResourceType = "ecs"
	SiteBuilder       ResourceType = "site_builder"
	DedicatedCloud    ResourceType = "dedicated_cloud"
	NATGateway        ResourceType = "nat_gateway"
	AuthorizationCode ResourceType = "authorization_code"
	ExclusiveCustomer ResourceType = "exclusive_customer"
)

// Billing is how a resource is paid for.
type Billing string

// The billing modes.
const (
	Subscription Billing = "subscription" // 包年包月
	OnDemand     Billing = "on_demand"    // 按需
)

// MaterialKind is the kind of an uploaded document.
type MaterialKind string

// The material kinds: the wire format's, plus those that provinces require.
const (
	IdentityDocument                 MaterialKind = "identity_document"
	BusinessLicense                  MaterialKind = "business_license"
	PreApprovalDocument              MaterialKind = "pre_approval_document"
	DomainRealnameScreenshot         MaterialKind = "domain_realname_screenshot"
	DomainCertificate                MaterialKind = "domain_certificate"
	AppFraudRiskAssessment           MaterialKind = "app_fraud_risk_assessment"
	CommitmentLetter                 MaterialKind = "commitment_letter"
	AuthenticityResponsibilityNotice MaterialKind = "authenticity_responsibility_notice"
	AuthenticityCommitment           MaterialKind = "authenticity_commitment"
	AuthenticityVideo                MaterialKind = "authenticity_video"
	AuthorizationLetter              MaterialKind = "authorization_letter"
	ResidenceProof                   MaterialKind = "residence_proof"            // 居住证/暂住证
	WebsitePlan                      MaterialKind = "website_plan"               // 网站建设方案书
	PartyBuildingLetter              MaterialKind = "party_building_letter"      // 党建确认函 (Xinjiang)
	GuardianIdentityDocument         MaterialKind = "guardian_identity_document" // 监护人身份证件
	EmploymentProof                  MaterialKind = "employment_proof"           // 工作或收入证明
	LegalRepresentativeIdentity      MaterialKind = "legal_representative_identity"
	DomainOwnershipStatement         MaterialKind = "domain_ownership_statement"   // 域名归属声明
	FinanceCommitment                MaterialKind = "finance_commitment"           // 不从事金融服务承诺书
	InstitutionApplicationForm       MaterialKind = "institution_application_form" // 事业单位网站开办审核申请表
	VerificationForm                 MaterialKind = "verification_form"            // 核验单
	OtherLicense                     MaterialKind = "other_license"                // 其他证件 (行业许可)
	OtherMaterial                    MaterialKind = "other"
)

var enumValues = map[string][]string{
	"filing type":      {string(FirstFiling), string(NewService), string(NewAccess), string(Change), string(CancelAccess), string(Deregister)},
	"subject nature":   {string(Individual), string(Enterprise), string(Government), string(PublicInstitution), string(SocialOrganization), string(PrivateNonEnterprise), string(Foundation), string(LawFirm), string(MassOrganization), string(Military), string(ForeignInstitution), string(JudicialExpertise), string(ReligiousInstitution)},
	"certificate type": {string(ResidentID), string(BusinessLicenseCert), string(OrganizationCode), string(PublicInstitutionCertificate), string(SocialOrganizationCertificate), string(PrivateNonEnterpriseCertificate), string(Passport), string(HKMacaoPermit), string(TaiwanPermit), string(ForeignPermanentResidence), string(ResidencePermit), string(HKMacaoTaiwanResidencePermit), string(FoundationCertificate), string(LawFirmLicense), string(MilitaryCertificate), string(UnifiedSocialCreditCertificate), string(ForeignEnterpriseRepresentative), string(OtherCertificate)},
	"service kind":     {string(Website), string(App)},
	"resource type":    {string(ECS), string(SiteBuilder), string(DedicatedCloud), string(NATGateway), string(AuthorizationCode), string(ExclusiveCustomer)},
	"billing":          {string(Subscription), string(OnDemand)},
	"material kind":    {string(IdentityDocument), string(BusinessLicense), string(PreApprovalDocument), string(DomainRealnameScreenshot), string(DomainCertificate), string(AppFraudRiskAssessment), string(CommitmentLetter), string(AuthenticityResponsibilityNotice), string(AuthenticityCommitment), string(AuthenticityVideo), string(AuthorizationLetter), string(ResidenceProof), string(WebsitePlan), string(PartyBuildingLetter), string(GuardianIdentityDocument), string(EmploymentProof), string(LegalRepresentativeIdentity), string(DomainOwnershipStatement), string(FinanceCommitment), string(InstitutionApplicationForm), string(VerificationForm), string(OtherLicense), string(OtherMaterial)},
}

// parseEnum matches s case-insensitively against the values of the named
// enumeration and returns the canonical lower-case value.
func parseEnum(enum, s string) (string, error) {
	lower := strings.ToLower(strings.TrimSpace(s))
	for _, v := range enumValues[enum] {
		if v == lower {
			return v, nil
		}
	}
	return "", fmt.Errorf("unknown %s %q (want one of %s)", enum, s, strings.Join(enumValues[enum], ", "))
}

// The enumerations implement textValue so that the decoder and Check treat
// them alike. The empty value means "not given" and is always accepted.

func (t *FilingType) setText(s string) error { return setEnum("filing type", s, (*string)(t)) }
func (t *Nature) setText(s string) error     { return setEnum("subject nature", s, (*string)(t)) }
func (t *CertificateType) setText(s string) error {
	return setEnum("certificate type", s, (*string)(t))
}
func (t *ServiceKind) setText(s string) error  { return setEnum("service kind", s, (*string)(t)) }
func (t *ResourceType) setText(s string) error { return setEnum("resource type", s, (*string)(t)) }
func (t *Billing) setText(s string) error      { return setEnum("billing", s, (*string)(t)) }
func (t *MaterialKind) setText(s string) error { return setEnum("material kind", s, (*string)(t)) }

func setEnum(enum, s string, dst *string) error {
	if s == "" {
		*dst = ""
		return nil
	}
	v, err := parseEnum(enum, s)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
