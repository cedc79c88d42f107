// The page's own texts and the choices of its selects, in Chinese and
// English. Rule messages and fixes come from the validator in the language
// asked for; everything else the filer reads is here.
"use strict";

const TEXT = {
  zh: {
    title: "ICP备案预检", tagline: "提交前找出会被初审或管局驳回的问题,备案信息只在本机检查,不会上传",
    loading: "正在加载检查规则…", ready: "规则已就绪,用时 {n} 秒", loadFailed: "检查规则加载失败:{n}", exited: "检查程序已退出,详见浏览器控制台",
    sectionFiling: "备案信息", province: "备案地域", filingType: "备案类型", provider: "接入商", submittedAt: "提交日期",
    datePlaceholder: "年-月-日,如 2026-03-02", dateHint: "留空则按北京时间的今天检查",
    sectionSubject: "主办单位", nature: "主办单位性质", subjectName: "主办单位名称", subjectNamePlaceholder: "与证件上的名称一致",
    certType: "主办单位证件类型", certNumber: "主办单位证件号码",
    certAddress: "证件住址", certAddressPlaceholder: "与证件上的地址一致", mailingAddress: "通讯地址", mailingAddressPlaceholder: "实际办公或居住的地址",
    subjectPrincipal: "主体负责人", personName: "姓名", personCertType: "证件类型", personCertNumber: "证件号码",
    validity: "证件有效期", validFrom: "起始日期", validUntil: "截止日期", longTerm: "长期有效",
    validityHint: "按证件背面填写;长期有效的证件勾选长期有效,不填截止日期",
    mobile: "手机号码", emergencyPhone: "应急电话", emergencyPlaceholder: "座机或另一个手机号码", email: "电子邮件地址",
    legalRep: "主体负责人是法定代表人",
    sectionServices: "网站 / APP", addService: "+ 添加网站或APP", remove: "删除", kind: "服务类型",
    websiteName: "网站名称", appName: "APP名称", domains: "域名(每行一个)", ips: "IP地址(每行一个,或 起始IP-终止IP)",
    content: "服务内容", contentPlaceholder: "如 企业门户;多项用顿号或逗号分隔", languages: "语言",
    remarks: "备注", remarksPlaceholder: "个人网站请写明网站的实际内容",
    appInfo: "APP信息", iconFormat: "APP图标格式", platforms: "运行平台", addPlatform: "+ 添加运行平台",
    os: "平台", package: "包名", publicKey: "公钥", signatureMD5: "MD5签名值",
    sdks: "SDK服务(使用时填写)", addSDK: "+ 添加SDK服务", sdkVendor: "SDK厂商", sdkType: "SDK类型",
    preApprovals: "前置审批(涉及时填写)", addPreApproval: "+ 添加前置审批", preApprovalCategory: "审批类型", preApprovalNumber: "审批文号",
    samePrincipal: "负责人同主体负责人", serviceNumber: "第{n}个网站/APP",
    sectionMaterials: "上传资料", materialsHint: "勾选已准备好的资料",
    sectionRaw: "其他字段", raw: "YAML 或 JSON",
    rawHint: "表单之外的字段,用 YAML 或 JSON 填写,叠加在表单内容之上(列表整体替换),例如备案资源 resource 或核验 verification。",
    results: "检查结果", waiting: "检查规则加载后立即开始检查", idle: "开始填写后,这里即时显示检查结果", choose: "请选择",
    ok: "未发现会导致驳回的问题", problems: "发现 {n} 个会导致驳回的问题", toFill: "还有 {n} 项待填写",
    ruleErrors: "{n} 条规则未能完成检查", inputError: "无法读取备案内容",
    countRuleErrors: "{n} 条规则未能检查", countToFill: "{n} 项待填写", countWarnings: "{n} 条提醒", countUndecided: "{n} 项需自行确认",
    badgeError: "错误", badgeRequired: "待填写", badgeWarning: "注意", badgeInfo: "提示", badgeRuleError: "未能检查",
    fixPrefix: "修改建议:", undecidedTitle: "需自行确认({n})", morePlaces: "等共 {n} 处",
    truncated: "问题过多,报告只列出了一部分:另有 {n} 项未列出",
    undecidedHint: "这些规则需要表单之外的信息(如号码归属地、备案库),请在提交前自行确认。",
    at: "第 {line} 行第 {column} 列", rulesVersion: "规则版本 {n}", rawEditor: "其他字段",
    barOk: "✓ 未发现问题", barView: "查看",
  },
  en: {
    title: "ICP filing pre-check", tagline: "Find what an access provider or a provincial bureau would reject before you submit. Your filing is checked on this device and never uploaded.",
    loading: "Loading the rules…", ready: "Rules ready in {n} s", loadFailed: "The rules could not be loaded: {n}", exited: "the checker stopped; see the browser console",
    sectionFiling: "Filing", province: "Province", filingType: "Filing type", provider: "Access provider", submittedAt: "Submission date",
    datePlaceholder: "YYYY-MM-DD, e.g. 2026-03-02", dateHint: "Leave empty to check as of today in China",
    sectionSubject: "Subject", nature: "Nature of the subject", subjectName: "Subject name", subjectNamePlaceholder: "as on the certificate",
    certType: "Subject's certificate type", certNumber: "Subject's certificate number",
    certAddress: "Address on the certificate", certAddressPlaceholder: "as the certificate gives it", mailingAddress: "Mailing address", mailingAddressPlaceholder: "where you actually work or live",
    subjectPrincipal: "Subject principal", personName: "Name", personCertType: "ID type", personCertNumber: "ID number",
    validity: "ID validity", validFrom: "Valid from", validUntil: "Valid until", longTerm: "Long-term",
    validityHint: "As the back of the ID shows it; for an ID without an end date tick long-term and leave the end date empty",
    mobile: "Mobile number", emergencyPhone: "Emergency phone", emergencyPlaceholder: "a landline or another mobile", email: "E-mail address",
    legalRep: "The subject principal is the legal representative",
    sectionServices: "Websites / APPs", addService: "+ Add a website or APP", remove: "Remove", kind: "Kind",
    websiteName: "Website name", appName: "APP name", domains: "Domains (one per line)", ips: "IP addresses (one per line, or start-end)",
    content: "Service content", contentPlaceholder: "separate several with commas; the suggestions are the filing system's own terms", languages: "Languages",
    remarks: "Remarks", remarksPlaceholder: "for a personal website, what the site actually carries",
    appInfo: "APP details", iconFormat: "APP icon format", platforms: "Platforms", addPlatform: "+ Add a platform",
    os: "Platform", package: "Package name", publicKey: "Public key", signatureMD5: "MD5 signature",
    sdks: "SDK services (if used)", addSDK: "+ Add an SDK service", sdkVendor: "SDK vendor", sdkType: "SDK type",
    preApprovals: "Pre-approvals (if any)", addPreApproval: "+ Add a pre-approval", preApprovalCategory: "Category", preApprovalNumber: "Document number",
    samePrincipal: "Its principal is the subject principal", serviceNumber: "Website/APP no. {n}",
    sectionMaterials: "Materials", materialsHint: "Tick the documents you have ready",
    sectionRaw: "Other fields", raw: "YAML or JSON",
    rawHint: "Fields the form does not cover, in YAML or JSON, overlaid on the form (a list replaces the form's list), for example resource or verification.",
    results: "Result", waiting: "The check starts as soon as the rules are loaded", idle: "Start filling in the form and the result shows here as you type", choose: "Choose…",
    ok: "Nothing found that would get the filing rejected", problems: "{n} problems would get the filing rejected", toFill: "{n} fields still to fill",
    ruleErrors: "{n} rules could not finish their check", inputError: "The filing cannot be read",
    countRuleErrors: "{n} rules not checked", countToFill: "{n} to fill", countWarnings: "{n} warnings", countUndecided: "{n} to confirm yourself",
    badgeError: "Error", badgeRequired: "To fill", badgeWarning: "Warning", badgeInfo: "Note", badgeRuleError: "Not checked",
    fixPrefix: "Fix: ", undecidedTitle: "To confirm yourself ({n})", morePlaces: "{n} places in all",
    truncated: "Too many problems: the report lists only some; {n} more are left out",
    undecidedHint: "These rules need facts the form does not hold (a number's region, the filing database): check them yourself before you submit.",
    at: "line {line}, column {column}", rulesVersion: "Rules version {n}", rawEditor: "Other fields",
    barOk: "✓ No problems found", barView: "View",
  },
};

// Choices of the selects, tick boxes and suggestions: [value, Chinese,
// English]. An empty value leaves the key out of the filing; it reads
// "choose" unless the row names it.
const OPTIONS = {
  provinces: [
    ["", "", ""],
    ["beijing", "北京", "Beijing"], ["tianjin", "天津", "Tianjin"], ["hebei", "河北", "Hebei"], ["shanxi", "山西", "Shanxi"],
    ["neimenggu", "内蒙古", "Inner Mongolia"], ["liaoning", "辽宁", "Liaoning"], ["jilin", "吉林", "Jilin"],
    ["heilongjiang", "黑龙江", "Heilongjiang"], ["shanghai", "上海", "Shanghai"], ["jiangsu", "江苏", "Jiangsu"],
    ["zhejiang", "浙江", "Zhejiang"], ["anhui", "安徽", "Anhui"], ["fujian", "福建", "Fujian"], ["jiangxi", "江西", "Jiangxi"],
    ["shandong", "山东", "Shandong"], ["henan", "河南", "Henan"], ["hubei", "湖北", "Hubei"], ["hunan", "湖南", "Hunan"],
    ["guangdong", "广东", "Guangdong"], ["guangxi", "广西", "Guangxi"], ["hainan", "海南", "Hainan"], ["chongqing", "重庆", "Chongqing"],
    ["sichuan", "四川", "Sichuan"], ["guizhou", "贵州", "Guizhou"], ["yunnan", "云南", "Yunnan"], ["xizang", "西藏", "Tibet"],
    ["shaanxi", "陕西", "Shaanxi"], ["gansu", "甘肃", "Gansu"], ["qinghai", "青海", "Qinghai"], ["ningxia", "宁夏", "Ningxia"],
    ["xinjiang", "新疆", "Xinjiang"],
  ],
  filingTypes: [
    ["", "", ""],
    ["first_filing", "首次备案", "First filing"], ["new_service", "新增网站/APP", "New website/APP"],
    ["new_access", "新增接入", "New access"], ["change", "变更备案", "Change"],
    ["cancel_access", "取消接入", "Cancel access"], ["deregister", "注销备案", "Deregistration"],
  ],
  providers: [["", "不指定", "Not specified"], ["huaweicloud", "华为云", "Huawei Cloud"]],
  natures: [
    ["", "", ""],
    ["individual", "个人", "Individual"], ["enterprise", "企业", "Enterprise"], ["government", "政府机关", "Government body"],
    ["public_institution", "事业单位", "Public institution"], ["social_organization", "社会团体", "Social organisation"],
    ["private_non_enterprise", "民办非企业单位", "Private non-enterprise unit"], ["foundation", "基金会", "Foundation"],
    ["law_firm", "律师执业机构", "Law firm"], ["mass_organization", "群众性团体组织", "Mass organisation"],
    ["military", "军队", "Military"], ["foreign_institution", "境外机构", "Foreign institution"],
    ["judicial_expertise", "司法鉴定机构", "Judicial expertise institution"], ["religious_institution", "宗教活动场所", "Religious venue"],
  ],
  certificates: [
    ["", "", ""],
    ["resident_id", "居民身份证", "Resident ID card"], ["business_license", "营业执照(统一社会信用代码)", "Business licence (USCC)"],
    ["organization_code", "组织机构代码证", "Organisation code certificate"],
    ["public_institution_certificate", "事业单位法人证书", "Public institution certificate"],
    ["social_organization_certificate", "社会团体法人登记证书", "Social organisation certificate"],
    ["private_non_enterprise_certificate", "民办非企业单位登记证书", "Private non-enterprise certificate"],
    ["unified_social_credit_certificate", "统一社会信用代码证书", "Unified social credit code certificate"],
    ["foundation_certificate", "基金会法人登记证书", "Foundation certificate"], ["law_firm_license", "律师事务所执业许可证", "Law firm licence"],
    ["military_certificate", "军队单位证件", "Military unit certificate"],
    ["foreign_enterprise_representative", "外国企业常驻代表机构登记证", "Foreign enterprise representative office certificate"],
    ["passport", "护照", "Passport"], ["hk_macao_permit", "港澳居民来往内地通行证", "Mainland travel permit (HK/Macao)"],
    ["taiwan_permit", "台湾居民来往大陆通行证", "Mainland travel permit (Taiwan)"],
    ["foreign_permanent_residence", "外国人永久居留身份证", "Foreign permanent resident ID"],
    ["residence_permit", "居住证", "Residence permit"], ["hk_macao_taiwan_residence_permit", "港澳台居民居住证", "HK/Macao/Taiwan residence permit"],
    ["other", "其他证件", "Other"],
  ],
  personCertificates: [
    ["resident_id", "居民身份证", "Resident ID card"], ["passport", "护照", "Passport"],
    ["hk_macao_permit", "港澳居民来往内地通行证", "Mainland travel permit (HK/Macao)"],
    ["taiwan_permit", "台湾居民来往大陆通行证", "Mainland travel permit (Taiwan)"],
    ["foreign_permanent_residence", "外国人永久居留身份证", "Foreign permanent resident ID"],
    ["hk_macao_taiwan_residence_permit", "港澳台居民居住证", "HK/Macao/Taiwan residence permit"],
  ],
  serviceKinds: [["website", "网站", "Website"], ["app", "APP", "APP"]],
  // The filing holds the language as the filing system names it, in Chinese.
  languages: [
    ["中文简体", "中文简体", "Simplified Chinese"], ["中文繁体", "中文繁体", "Traditional Chinese"], ["英语", "英语", "English"],
    ["日语", "日语", "Japanese"], ["朝鲜语", "朝鲜语", "Korean"], ["俄语", "俄语", "Russian"], ["法语", "法语", "French"],
    ["德语", "德语", "German"], ["西班牙语", "西班牙语", "Spanish"], ["阿拉伯语", "阿拉伯语", "Arabic"],
    ["蒙古语", "蒙古语", "Mongolian"], ["藏语", "藏语", "Tibetan"], ["维吾尔语", "维吾尔语", "Uyghur"],
  ],
  // Suggestions only: the content is free text, kept in Chinese as filed.
  contentSuggestions: [
    ["企业门户", "", "Company portal"], ["单位门户", "", "Organisation portal"], ["综合门户", "", "General portal"],
    ["博客/个人空间", "", "Blog / personal space"], ["网上商城", "", "Online shop"], ["工具", "", "Tool"],
  ],
  // The categories that need a pre-approval (national.preapproval-categories).
  preApprovalCategories: [
    ["新闻", "", "News"], ["出版", "", "Publishing"], ["教育", "", "Education"], ["医疗保健", "", "Healthcare"],
    ["药品和医疗器械", "", "Drugs and medical devices"], ["文化", "", "Culture"], ["广播电影电视节目", "", "Radio, film and TV"],
    ["电子公告", "", "Bulletin boards"], ["网络预约车", "", "Ride hailing"], ["金融", "", "Finance"], ["游戏", "", "Games"],
  ],
  iconFormats: [["", "未上传图标", "No icon"], ["png", "png", "png"], ["jpg", "jpg", "jpg"], ["jpeg", "jpeg", "jpeg"]],
  platformOS: [["", "", ""], ["android", "Android", "Android"], ["ios", "iOS", "iOS"], ["harmonyos", "鸿蒙", "HarmonyOS"]],
  materials: [
    ["identity_document", "证件扫描件", "ID document scan"], ["business_license", "营业执照", "Business licence"],
    ["commitment_letter", "互联网信息服务备案承诺书", "Internet information service filing commitment"],
    ["authenticity_responsibility_notice", "ICP备案信息真实性责任告知书", "Authenticity responsibility notice"],
    ["authenticity_commitment", "ICP备案信息真实性承诺书", "Authenticity commitment"],
    ["authenticity_video", "负责人诵读承诺书视频", "Video of the principal reading the commitment"],
    ["authorization_letter", "授权书", "Letter of authorisation"], ["website_plan", "网站建设方案书", "Website construction plan"],
    ["domain_certificate", "域名证书", "Domain certificate"], ["domain_realname_screenshot", "域名实名认证截图", "Domain real-name screenshot"],
    ["domain_ownership_statement", "域名归属声明", "Domain ownership statement"], ["residence_proof", "居住证明(居住证/暂住证)", "Proof of residence"],
    ["app_fraud_risk_assessment", "APP涉诈风险自评估报告", "APP fraud-risk self-assessment"],
    ["pre_approval_document", "前置审批文件", "Pre-approval document"], ["party_building_letter", "党建确认函", "Party-building confirmation letter"],
    ["finance_commitment", "不从事金融服务承诺书", "Commitment not to offer financial services"],
    ["no_preapproval_commitment", "不涉及前置审批经营承诺书", "Commitment not to run a business that needs a pre-approval"],
    ["guarantee_letter", "保证书", "Guarantee letter"],
    ["ecommerce_statement", "电子商务情况说明(或不涉及电子商务承诺书)", "E-commerce statement (or commitment not to run e-commerce)"],
    ["guardian_identity_document", "监护人身份证件", "Guardian's ID document"], ["employment_proof", "工作或收入证明", "Proof of employment or income"],
    ["legal_representative_identity", "法定代表人证件", "Legal representative's ID"],
    ["institution_application_form", "事业单位网站开办审核申请表", "Public institution website application form"],
    ["verification_form", "核验单", "Verification form"], ["other_license", "其他证件(行业许可)", "Other licence"], ["other", "其他资料", "Other material"],
  ],
};

let lang = "zh";

// t returns the page text for key in the current language, with {n} (or
// each {name} of vars) filled in.
function t(key, vars) {
  let s = TEXT[lang][key] ?? key;
  if (vars === undefined) return s;
  if (typeof vars !== "object") vars = { n: vars };
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

// choice returns the label of value in one of the OPTIONS lists.
function choice(list, value) {
  const row = OPTIONS[list].find(([v]) => v === value);
  return row ? row[lang === "zh" ? 1 : 2] : value;
}
