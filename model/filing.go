package model

// Filing is one submission (一次备案申请). The JSON keys are the wire format's;
// CEL rules see the same names.
type Filing struct {
	Type         FilingType    `json:"type,omitempty"`
	Province     Province      `json:"province,omitempty"`
	SubmittedAt  DateTime      `json:"submitted_at,omitempty"`
	Provider     string        `json:"provider,omitempty"`
	Subject      Subject       `json:"subject,omitzero"`
	Services     []Service     `json:"services,omitempty"`
	Resource     *Resource     `json:"resource,omitempty"`
	Materials    []Material    `json:"materials,omitempty"`
	Verification *Verification `json:"verification,omitempty"`
}

// Subject is the 主办单位: the person or organisation the filing is for.
type Subject struct {
	Nature         Nature      `json:"nature,omitempty"`
	Name           string      `json:"name,omitempty"`
	Certificate    Certificate `json:"certificate,omitzero"`
	MailingAddress string      `json:"mailing_address,omitempty"`
	Principal      Person      `json:"principal,omitzero"`
}

// Certificate is an identity or registration document (证件).
type Certificate struct {
	Type       CertificateType `json:"type,omitempty"`
	Number     string          `json:"number,omitempty"`
	Address    string          `json:"address,omitempty"`
	ValidFrom  Date            `json:"valid_from,omitempty"`
	ValidUntil Date            `json:"valid_until,omitempty"`
	LongTerm   *bool           `json:"long_term,omitempty"`
}

// Person is a principal (负责人) of the subject or of one service.
type Person struct {
	Name                string      `json:"name,omitempty"`
	Certificate         Certificate `json:"certificate,omitzero"`
	Mobile              string      `json:"mobile,omitempty"`
	EmergencyPhone      string      `json:"emergency_phone,omitempty"`
	Email               string      `json:"email,omitempty"`
	LegalRepresentative *bool       `json:"legal_representative,omitempty"`
}

// Service is one website or APP (互联网信息服务) in the submission.
type Service struct {
	Kind         ServiceKind   `json:"kind,omitempty"`
	Name         string        `json:"name,omitempty"`
	Domains      []Domain      `json:"domains,omitempty"`
	IPs          []string      `json:"ips,omitempty"`
	Content      []string      `json:"content,omitempty"`
	Languages    []string      `json:"languages,omitempty"`
	PreApprovals []PreApproval `json:"pre_approvals,omitempty"`
	Principal    Person        `json:"principal,omitzero"`
	Remarks      string        `json:"remarks,omitempty"`
	Homepage     string        `json:"homepage,omitempty"`
	Icon         *Icon         `json:"icon,omitempty"`
	Platforms    []Platform    `json:"platforms,omitempty"`
	SDKs         []SDK         `json:"sdks,omitempty"`
}

// Domain is a domain name of a service. On the wire it is either a bare name
// or an object that also carries the registrant (holder) data.
type Domain struct {
	Name                    string `json:"name"`
	HolderName              string `json:"holder_name,omitempty"`
	HolderCertificateNumber string `json:"holder_certificate_number,omitempty"`
	RealnameVerified        *bool  `json:"realname_verified,omitempty"`
}

// PreApproval is a 前置审批 document for a regulated service category.
type PreApproval struct {
	Category       string `json:"category,omitempty"`
	DocumentNumber string `json:"document_number,omitempty"`
}

// Icon describes an APP's icon file. Format is kept as given so that a rule
// can report an unsupported format instead of the decoder refusing it.
type Icon struct {
	Format    string `json:"format,omitempty"`
	SizeBytes *int   `json:"size_bytes,omitempty"`
}

// Platform is one platform an APP runs on, with its signing features.
type Platform struct {
	OS           string `json:"os,omitempty"`
	Package      string `json:"package,omitempty"`
	PublicKey    string `json:"public_key,omitempty"`
	SignatureMD5 string `json:"signature_md5,omitempty"`
}

// SDK is a third-party SDK service an APP provides or uses.
type SDK struct {
	Vendor string `json:"vendor,omitempty"`
	Type   string `json:"type,omitempty"`
}

// Resource is the cloud resource the filing is made with (备案资源).
type Resource struct {
	Type              ResourceType `json:"type,omitempty"`
	Billing           Billing      `json:"billing,omitempty"`
	Months            *int         `json:"months,omitempty"`
	AuthorizationCode string       `json:"authorization_code,omitempty"`
}

// Material is an uploaded document (上传资料).
type Material struct {
	Kind MaterialKind `json:"kind"`
	// Service is the index into Filing.Services of the service the material
	// belongs to; nil when it belongs to the whole filing.
	Service   *int   `json:"service,omitempty"`
	File      string `json:"file,omitempty"`
	SizeBytes *int   `json:"size_bytes,omitempty"`
}

// Verification records the 真实性核验 and 短信核验 steps.
type Verification struct {
	FaceVerified  *bool    `json:"face_verified,omitempty"`
	SMSVerifiedAt DateTime `json:"sms_verified_at,omitempty"`
}
