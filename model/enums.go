package model

import (
	"slices"
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

// enum is one enumeration of the wire format: its name in errors and its
// canonical values, in the order the constants declare them. The lists are
// short, so a scan finds a value faster than a map would.
type enum struct {
	name, zh string
	values   []string
}

func newEnum[T ~string](name, zh string, values ...T) *enum {
	e := &enum{name: name, zh: zh}
	for _, v := range values {
		e.values = append(e.values, string(v))
	}
	return e
}

var (
	filingTypes      = newEnum("filing type", "备案类型", FirstFiling, NewService, NewAccess, Change, CancelAccess, Deregister)
	natures          = newEnum("subject nature", "主办单位性质", Individual, Enterprise, Government, PublicInstitution, SocialOrganization, PrivateNonEnterprise, Foundation, LawFirm, MassOrganization, Military, ForeignInstitution, JudicialExpertise, ReligiousInstitution)
	certificateTypes = newEnum("certificate type", "证件类型", ResidentID, BusinessLicenseCert, OrganizationCode, PublicInstitutionCertificate, SocialOrganizationCertificate, PrivateNonEnterpriseCertificate, Passport, HKMacaoPermit, TaiwanPermit, ForeignPermanentResidence, ResidencePermit, HKMacaoTaiwanResidencePermit, FoundationCertificate, LawFirmLicense, MilitaryCertificate, UnifiedSocialCreditCertificate, ForeignEnterpriseRepresentative, OtherCertificate)
	serviceKinds     = newEnum("service kind", "服务类型", Website, App)
	resourceTypes    = newEnum("resource type", "备案资源类型", ECS, SiteBuilder, DedicatedCloud, NATGateway, AuthorizationCode, ExclusiveCustomer)
	billings         = newEnum("billing", "计费方式", Subscription, OnDemand)
	materialKinds    = newEnum("material kind", "资料类型", IdentityDocument, BusinessLicense, PreApprovalDocument, DomainRealnameScreenshot, DomainCertificate, AppFraudRiskAssessment, CommitmentLetter, AuthenticityResponsibilityNotice, AuthenticityCommitment, AuthenticityVideo, AuthorizationLetter, ResidenceProof, WebsitePlan, PartyBuildingLetter, GuardianIdentityDocument, EmploymentProof, LegalRepresentativeIdentity, DomainOwnershipStatement, FinanceCommitment, InstitutionApplicationForm, VerificationForm, OtherLicense, OtherMaterial)

	enums = []*enum{filingTypes, natures, certificateTypes, serviceKinds, resourceTypes, billings, materialKinds}
)

// parse matches s case-insensitively against the values and returns the
// canonical lower-case value.
func (e *enum) parse(s string) (string, error) {
	lower := strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(e.values, lower) {
		return lower, nil
	}
	return "", &Problem{Code: CodeUnknownEnum, Enum: e.name, Value: s, Allowed: e.values}
}

// enumZh is the Chinese name of the enumeration with the English name.
func enumZh(name string) string {
	for _, e := range enums {
		if e.name == name {
			return e.zh
		}
	}
	return name
}

// set stores the canonical form of s in dst; the empty value means "not
// given" and is always accepted.
func (e *enum) set(s string, dst *string) error {
	if s == "" {
		*dst = ""
		return nil
	}
	v, err := e.parse(s)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// The enumerations implement textValue, so that the decoder and Check
// treat them alike.

func (t *FilingType) setText(s string) error      { return filingTypes.set(s, (*string)(t)) }
func (t *Nature) setText(s string) error          { return natures.set(s, (*string)(t)) }
func (t *CertificateType) setText(s string) error { return certificateTypes.set(s, (*string)(t)) }
func (t *ServiceKind) setText(s string) error     { return serviceKinds.set(s, (*string)(t)) }
func (t *ResourceType) setText(s string) error    { return resourceTypes.set(s, (*string)(t)) }
func (t *Billing) setText(s string) error         { return billings.set(s, (*string)(t)) }
func (t *MaterialKind) setText(s string) error    { return materialKinds.set(s, (*string)(t)) }

func (t FilingType) canonical() bool      { return slices.Contains(filingTypes.values, string(t)) }
func (t Nature) canonical() bool          { return slices.Contains(natures.values, string(t)) }
func (t CertificateType) canonical() bool { return slices.Contains(certificateTypes.values, string(t)) }
func (t ServiceKind) canonical() bool     { return slices.Contains(serviceKinds.values, string(t)) }
func (t ResourceType) canonical() bool    { return slices.Contains(resourceTypes.values, string(t)) }
func (t Billing) canonical() bool         { return slices.Contains(billings.values, string(t)) }
func (t MaterialKind) canonical() bool    { return slices.Contains(materialKinds.values, string(t)) }
