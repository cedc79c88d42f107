package model

import (
	"reflect"
	"slices"
	"strings"
)

// FilingType is the kind of submission (备案类型).
type FilingType string

// The filing types of the wire format.
const (
	FirstFiling  FilingType = "first_filing"
	NewService   FilingType = "new_service"
	NewAccess    FilingType = "new_access"
	Change       FilingType = "change"
	CancelAccess FilingType = "cancel_access"
	Deregister   FilingType = "deregister"
)

// Nature is the 主办单位性质.
type Nature string

// The subject natures of the real filing system.
const (
	Individual           Nature = "individual"
	Enterprise           Nature = "enterprise"
	Government           Nature = "government"
	PublicInstitution    Nature = "public_institution"
	SocialOrganization   Nature = "social_organization"
	PrivateNonEnterprise Nature = "private_non_enterprise"
	Foundation           Nature = "foundation"
	LawFirm              Nature = "law_firm"
	MassOrganization     Nature = "mass_organization"
	Military             Nature = "military"
	ForeignInstitution   Nature = "foreign_institution"
	JudicialExpertise    Nature = "judicial_expertise"
	ReligiousInstitution Nature = "religious_institution"
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
	HKMacaoTaiwanResidencePermit    CertificateType = "hk_macao_taiwan_residence_permit"
	FoundationCertificate           CertificateType = "foundation_certificate"
	LawFirmLicense                  CertificateType = "law_firm_license"
	MilitaryCertificate             CertificateType = "military_certificate"
	UnifiedSocialCreditCertificate  CertificateType = "unified_social_credit_certificate"
	ForeignEnterpriseRepresentative CertificateType = "foreign_enterprise_representative"
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
	Subscription Billing = "subscription"
	OnDemand     Billing = "on_demand"
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
	ResidenceProof                   MaterialKind = "residence_proof"
	WebsitePlan                      MaterialKind = "website_plan"
	PartyBuildingLetter              MaterialKind = "party_building_letter"
	GuardianIdentityDocument         MaterialKind = "guardian_identity_document"
	EmploymentProof                  MaterialKind = "employment_proof"
	LegalRepresentativeIdentity      MaterialKind = "legal_representative_identity"
	DomainOwnershipStatement         MaterialKind = "domain_ownership_statement"
	FinanceCommitment                MaterialKind = "finance_commitment"
	NoPreApprovalCommitment          MaterialKind = "no_preapproval_commitment"
	GuaranteeLetter                  MaterialKind = "guarantee_letter"
	EcommerceStatement               MaterialKind = "ecommerce_statement"
	InstitutionApplicationForm       MaterialKind = "institution_application_form"
	VerificationForm                 MaterialKind = "verification_form"
	OtherLicense                     MaterialKind = "other_license"
	OtherMaterial                    MaterialKind = "other"
)

// enum is one enumeration of the wire format: its names and its canonical
// values with their meanings, in the order the constants declare them. The
// lists are short, so a scan finds a value faster than a map would.
type enum struct {
	typ      reflect.Type
	name, zh string   // "subject nature", 主办单位性质
	values   []string // canonical, lower case
	meanings []string // in Chinese, one per value
}

// meaning is a value of an enumeration and what it means in Chinese.
type meaning[T ~string] struct {
	value T
	zh    string
}

func newEnum[T ~string](name, zh string, values ...meaning[T]) *enum {
	e := &enum{typ: reflect.TypeFor[T](), name: name, zh: zh}
	for _, v := range values {
		e.values = append(e.values, string(v.value))
		e.meanings = append(e.meanings, v.zh)
	}
	return e
}

var (
	filingTypes = newEnum("filing type", "备案类型", []meaning[FilingType]{
		{FirstFiling, "首次备案"}, {NewService, "新增网站或APP"}, {NewAccess, "新增接入"},
		{Change, "变更备案"}, {CancelAccess, "取消接入"}, {Deregister, "注销备案"},
	}...)
	natures = newEnum("subject nature", "主办单位性质", []meaning[Nature]{
		{Individual, "个人"}, {Enterprise, "企业"}, {Government, "政府机关"}, {PublicInstitution, "事业单位"},
		{SocialOrganization, "社会团体"}, {PrivateNonEnterprise, "民办非企业单位"}, {Foundation, "基金会"},
		{LawFirm, "律师执业机构"}, {MassOrganization, "群众性团体组织"}, {Military, "军队"},
		{ForeignInstitution, "境外机构"}, {JudicialExpertise, "司法鉴定机构"}, {ReligiousInstitution, "宗教活动场所"},
	}...)
	certificateTypes = newEnum("certificate type", "证件类型", []meaning[CertificateType]{
		{ResidentID, "居民身份证"}, {BusinessLicenseCert, "营业执照(统一社会信用代码)"},
		{OrganizationCode, "组织机构代码证"}, {PublicInstitutionCertificate, "事业单位法人证书"},
		{SocialOrganizationCertificate, "社会团体法人登记证书"}, {PrivateNonEnterpriseCertificate, "民办非企业单位登记证书"},
		{Passport, "护照"}, {HKMacaoPermit, "港澳居民来往内地通行证"}, {TaiwanPermit, "台湾居民来往大陆通行证"},
		{ForeignPermanentResidence, "外国人永久居留身份证"}, {ResidencePermit, "居住证"},
		{HKMacaoTaiwanResidencePermit, "港澳台居民居住证"}, {FoundationCertificate, "基金会法人登记证书"},
		{LawFirmLicense, "律师事务所执业许可证"}, {MilitaryCertificate, "军队单位证件"},
		{UnifiedSocialCreditCertificate, "统一社会信用代码证书"}, {ForeignEnterpriseRepresentative, "外国企业常驻代表机构登记证"},
		{OtherCertificate, "其他证件"},
	}...)
	serviceKinds = newEnum("service kind", "服务类型", []meaning[ServiceKind]{
		{Website, "网站"}, {App, "APP"},
	}...)
	resourceTypes = newEnum("resource type", "备案资源类型", []meaning[ResourceType]{
		{ECS, "云服务器"}, {SiteBuilder, "建站市场或云速建站"}, {DedicatedCloud, "专属云"},
		{NATGateway, "公网NAT网关"}, {AuthorizationCode, "备案授权码"}, {ExclusiveCustomer, "专享客户"},
	}...)
	billings = newEnum("billing", "计费方式", []meaning[Billing]{
		{Subscription, "包年包月"}, {OnDemand, "按需计费"},
	}...)
	materialKinds = newEnum("material kind", "资料类型", []meaning[MaterialKind]{
		{IdentityDocument, "身份证件"}, {BusinessLicense, "营业执照"}, {PreApprovalDocument, "前置审批文件"},
		{DomainRealnameScreenshot, "域名实名认证截图"}, {DomainCertificate, "域名证书"},
		{AppFraudRiskAssessment, "涉诈风险自评估报告"}, {CommitmentLetter, "互联网信息服务备案承诺书"},
		{AuthenticityResponsibilityNotice, "ICP备案信息真实性责任告知书"}, {AuthenticityCommitment, "ICP备案信息真实性承诺书"},
		{AuthenticityVideo, "负责人诵读承诺书视频"}, {AuthorizationLetter, "授权书"}, {ResidenceProof, "居住证或暂住证"},
		{WebsitePlan, "网站建设方案书"}, {PartyBuildingLetter, "党建确认函"}, {GuardianIdentityDocument, "监护人身份证件"},
		{EmploymentProof, "工作或收入证明"}, {LegalRepresentativeIdentity, "法定代表人身份证件"},
		{DomainOwnershipStatement, "域名归属声明"}, {FinanceCommitment, "不从事金融服务承诺书"},
		{NoPreApprovalCommitment, "不涉及前置审批经营承诺书"}, {GuaranteeLetter, "保证书"},
		{EcommerceStatement, "电子商务情况说明或不涉及电子商务承诺书"},
		{InstitutionApplicationForm, "事业单位网站开办审核申请表"}, {VerificationForm, "核验单"},
		{OtherLicense, "其他证件(行业许可)"}, {OtherMaterial, "其他资料"},
	}...)

	enums = []*enum{filingTypes, natures, certificateTypes, serviceKinds, resourceTypes, billings, materialKinds}
)

// Enumeration describes one enumeration of the wire format, for a form that
// offers its values or a schema that lists them.
type Enumeration struct {
	Name    string      // in English, as errors name it: "subject nature"
	Chinese string      // 主办单位性质
	Values  []EnumValue // in the order the constants declare them
}

// EnumValue is one value of an enumeration.
type EnumValue struct {
	Value   string // canonical, as the decoder writes it: "individual"
	Chinese string // what it means: 个人
}

// EnumerationOf returns the enumeration whose values type t holds
// (FilingType, Nature, CertificateType, ServiceKind, ResourceType, Billing,
// MaterialKind); ok is false for any other type. The result is a copy.
func EnumerationOf(t reflect.Type) (e Enumeration, ok bool) {
	for _, en := range enums {
		if en.typ == t {
			e = Enumeration{Name: en.name, Chinese: en.zh}
			for i, v := range en.values {
				e.Values = append(e.Values, EnumValue{Value: v, Chinese: en.meanings[i]})
			}
			return e, true
		}
	}
	return Enumeration{}, false
}

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
