package filingschema

// text is a description in the two languages of the schema.
type text struct{ zh, en string }

// descriptions describes every object of the filing (by Go type) and every
// property (by Go type and wire key). The generator fails on a property
// without one, so a new field of the model cannot go undescribed.
var descriptions = map[string]text{
	"Filing": {"一次 ICP 备案申请:主办单位、网站和APP、备案资源、上传资料与核验记录。",
		"One ICP filing submission: the subject, its websites and APPs, the cloud resource, the uploaded materials and the verification steps."},
	"Filing.type": {"备案类型。", "The kind of submission."},
	"Filing.province": {"备案地域:主办单位所在的省级行政区。",
		"The filing region: the provincial-level region of the subject."},
	"Filing.submitted_at": {"提交备案的日期或时间;有生效日期的规则按它判断。不填时以调用方的当前日期为准。",
		"The day the submission is made; rules with effective dates compare against it. Absent: the caller's clock."},
	"Filing.provider": {"接入商,如「huaweicloud」;其自有规则随之适用。",
		"The access provider whose own rule layer applies, such as huaweicloud."},
	"Filing.subject":      {"主办单位。", "The subject: the person or organisation the filing is for."},
	"Filing.services":     {"本次提交的网站和APP(互联网信息服务)。", "The websites and APPs in this submission."},
	"Filing.resource":     {"备案所用的云资源。", "The cloud resource the filing is made with."},
	"Filing.materials":    {"上传的资料。", "The uploaded documents."},
	"Filing.verification": {"真实性核验和短信核验的记录。", "What the identity check and the SMS check recorded."},

	"Subject":        {"主办单位:备案的个人或单位。", "The subject: the person or organisation the filing is for."},
	"Subject.nature": {"主办单位性质。", "The subject's nature."},
	"Subject.name": {"主办单位名称;个人填写证件上的姓名。",
		"The subject's name; for an individual, the name on the identity document."},
	"Subject.certificate":     {"主办单位证件。", "The subject's identity or registration document."},
	"Subject.mailing_address": {"通讯地址。", "The mailing address."},
	"Subject.principal":       {"主办单位负责人。", "The subject's principal."},

	"Certificate":             {"证件。", "An identity or registration document."},
	"Certificate.type":        {"证件类型。", "The type of the document."},
	"Certificate.number":      {"证件号码。", "The document's number."},
	"Certificate.address":     {"证件住址。", "The address on the document."},
	"Certificate.valid_from":  {"证件有效期的起始日。", "The first day the document is valid."},
	"Certificate.valid_until": {"证件有效期的截止日。", "The last day the document is valid."},
	"Certificate.long_term":   {"证件是否长期有效。", "Whether the document is valid without end."},

	"Person":                      {"负责人。", "A principal."},
	"Person.name":                 {"负责人姓名。", "The principal's name."},
	"Person.certificate":          {"负责人的证件。", "The principal's identity document."},
	"Person.mobile":               {"手机号码。", "The mobile phone number."},
	"Person.emergency_phone":      {"应急联系电话。", "The emergency phone number."},
	"Person.email":                {"电子邮件地址。", "The e-mail address."},
	"Person.legal_representative": {"负责人是否为法定代表人。", "Whether the principal is the legal representative."},

	"Service":               {"一个网站或APP。", "One website or APP."},
	"Service.kind":          {"服务类型:网站或APP。", "Whether the service is a website or an APP."},
	"Service.name":          {"网站名称或APP名称。", "The website's or the APP's name."},
	"Service.domains":       {"域名:每项为域名本身,或带域名持有者信息的对象。", "The domain names: each a bare name, or an object that also carries the holder's data."},
	"Service.ips":           {"IP 地址:每项为一个 IPv4 或 IPv6 地址,或写成「起始-结束」的地址段。", "The IP addresses: each an IPv4 or IPv6 address, or a range start-end."},
	"Service.content":       {"服务内容类别。", "The service content categories."},
	"Service.languages":     {"网站或APP的语言:语言标签或中文名称,如「zh-Hans」「中文简体」「en」「英语」。", `The languages: BCP 47 tags or Chinese names, such as "zh-Hans", "中文简体", "en" or "英语".`},
	"Service.pre_approvals": {"前置审批。", "The pre-approvals for regulated content."},
	"Service.principal":     {"网站或APP负责人。", "The service's principal."},
	"Service.remarks":       {"备注。", "Remarks."},
	"Service.homepage":      {"APP的首页地址(仅APP)。", "The APP's homepage (APPs only)."},
	"Service.icon":          {"APP图标(仅APP)。", "The APP's icon (APPs only)."},
	"Service.platforms":     {"APP运行的平台及其签名信息(仅APP)。", "The platforms the APP runs on, with their signing data (APPs only)."},
	"Service.sdks":          {"APP提供或使用的第三方SDK服务(仅APP)。", "The third-party SDK services the APP provides or uses (APPs only)."},

	"Domain":                           {"带持有者信息的域名。", "A domain name with its holder's data."},
	"Domain.name":                      {"域名。", "The domain name."},
	"Domain.holder_name":               {"域名持有者名称。", "The name of the domain's holder."},
	"Domain.holder_certificate_number": {"域名持有者的证件号码。", "The holder's document number."},
	"Domain.realname_verified":         {"域名是否已实名认证。", "Whether the domain's holder is verified by real name."},

	"PreApproval":                 {"前置审批文件。", "A pre-approval document."},
	"PreApproval.category":        {"前置审批类别,如新闻、出版。", "The regulated category, such as news or publishing."},
	"PreApproval.document_number": {"审批文件编号。", "The approval document's number."},

	"Icon":            {"APP图标文件。", "The APP's icon file."},
	"Icon.format":     {"图标格式,如「png」「jpg」「jpeg」。", "The icon's format, such as png, jpg or jpeg."},
	"Icon.size_bytes": {"图标文件大小(字节)。", "The icon file's size in bytes."},

	"Platform":               {"APP运行的一个平台。", "One platform the APP runs on."},
	"Platform.os":            {"操作系统,如「android」「ios」「harmonyos」。", "The operating system, such as android, ios or harmonyos."},
	"Platform.package":       {"包名。", "The package name."},
	"Platform.public_key":    {"签名公钥。", "The signing public key."},
	"Platform.signature_md5": {"签名的 MD5 值。", "The MD5 digest of the signature."},

	"SDK":        {"APP提供或使用的第三方SDK服务。", "A third-party SDK service the APP provides or uses."},
	"SDK.vendor": {"SDK 提供方。", "The SDK's vendor."},
	"SDK.type":   {"SDK 服务类型。", "The kind of service the SDK provides."},

	"Resource":                    {"备案所用的云资源。", "The cloud resource the filing is made with."},
	"Resource.type":               {"备案资源类型。", "The type of resource."},
	"Resource.billing":            {"计费方式。", "How the resource is paid for."},
	"Resource.months":             {"累计购买的月数。", "The months subscribed in all."},
	"Resource.authorization_code": {"备案授权码(资源类型为备案授权码时)。", "The authorization code, when the resource type is authorization_code."},

	"Material":            {"一份上传的资料。", "One uploaded document."},
	"Material.kind":       {"资料类型。", "The kind of document."},
	"Material.service":    {"资料所属网站或APP在「services」中的序号(从 0 起);属于整份备案时不填。", "The index into services of the service the document belongs to, from 0; absent when it belongs to the whole filing."},
	"Material.file":       {"文件名。", "The file's name."},
	"Material.size_bytes": {"文件大小(字节)。", "The file's size in bytes."},

	"Verification":                 {"核验记录。", "What the verification steps recorded."},
	"Verification.face_verified":   {"是否已完成真实性核验(人脸核验)。", "Whether the identity check (face check) is done."},
	"Verification.sms_verified_at": {"完成工信部短信核验的日期或时间。", "When the SMS check of the Ministry was completed."},

	"Province": {"省级行政区。可写拼音(如「hunan」;陕西为「shaanxi」,山西为「shanxi」)、带或不带后缀的中文名称(如「湖南」「湖南省」)或两位行政区划代码(如「43」);统一写回拼音。本模式列出这些写法本身;解码器还接受全角字符、大小写和空格不同的写法。",
		`A provincial-level region: its pinyin slug ("hunan"; "shaanxi" for "陕西", "shanxi" for "山西"), its Chinese name with or without the suffix ("湖南", "湖南省"), or its two-digit GB/T 2260 code ("43"); written back as the slug. The schema lists these spellings as written here; the decoder also accepts full-width forms, other letter case and spaces.`},
	"DateTime": {"日期(年-月-日,如「2026-03-01」)或带时区的日期时间(如「2026-03-01T10:00:00+08:00」)。", "A day (YYYY-MM-DD) or an RFC 3339 date-time."},
}

// formats are the JSON Schema formats of text properties beyond those of
// their types (Date, DateTime).
var formats = map[string]string{
	"Person.email": "email",
}
