// Names a report path as the filer knows the field: the label of the field
// the path names, after the website or APP it belongs to
// ("网站「湘云科技」· 负责人手机号码" for services[0].principal.mobile).
"use strict";

// Labels of the wire format's keys, [Chinese, English], by path with list
// indices left out. Person keys are shared by the subject principal and the
// principal of each service.
const PERSON_LABELS = {
  "": ["", ""], name: ["姓名", "name"], certificate: ["证件", "ID document"], "certificate.type": ["证件类型", "ID type"],
  "certificate.number": ["证件号码", "ID number"], "certificate.address": ["证件住址", "address on the ID"],
  "certificate.valid_from": ["证件有效期起始日期", "ID valid from"], "certificate.valid_until": ["证件有效期截止日期", "ID valid until"],
  "certificate.long_term": ["证件长期有效", "ID valid long-term"], mobile: ["手机号码", "mobile number"],
  emergency_phone: ["应急电话", "emergency phone"], email: ["电子邮件地址", "e-mail address"],
  legal_representative: ["是否法定代表人", "legal representative"],
};

const FILING_LABELS = {
  "": ["整份备案", "The filing as a whole"], type: ["备案类型", "Filing type"], province: ["备案地域", "Province"],
  submitted_at: ["提交日期", "Submission date"], provider: ["接入商", "Access provider"],
  subject: ["主办单位", "Subject"], "subject.nature": ["主办单位性质", "Nature of the subject"], "subject.name": ["主办单位名称", "Subject name"],
  "subject.certificate": ["主办单位证件", "Subject's certificate"], "subject.certificate.type": ["主办单位证件类型", "Subject's certificate type"],
  "subject.certificate.number": ["主办单位证件号码", "Subject's certificate number"],
  "subject.certificate.address": ["主办单位证件住址", "Address on the subject's certificate"],
  "subject.certificate.valid_from": ["主办单位证件有效期起始日期", "Subject's certificate valid from"],
  "subject.certificate.valid_until": ["主办单位证件有效期截止日期", "Subject's certificate valid until"],
  "subject.certificate.long_term": ["主办单位证件长期有效", "Subject's certificate valid long-term"],
  "subject.mailing_address": ["通讯地址", "Mailing address"],
  services: ["网站 / APP", "Websites / APPs"], materials: ["上传资料", "Materials"],
  resource: ["备案资源", "Filing resource"], "resource.type": ["备案资源类型", "Resource type"], "resource.billing": ["计费方式", "Billing"],
  "resource.months": ["累计包月时长", "Subscribed months"], "resource.authorization_code": ["备案授权码", "Filing authorisation code"],
  verification: ["核验", "Verification"], "verification.face_verified": ["真实性核验", "Face verification"],
  "verification.sms_verified_at": ["短信核验时间", "SMS verification time"],
};

const SERVICE_LABELS = {
  kind: ["服务类型", "kind"], domains: ["域名", "domains"], ips: ["IP地址", "IP addresses"], content: ["服务内容", "service content"],
  languages: ["语言", "languages"], pre_approvals: ["前置审批", "pre-approvals"], remarks: ["备注", "remarks"],
  homepage: ["首页地址", "home page"], icon: ["APP图标", "APP icon"], "icon.format": ["图标格式", "icon format"],
  "icon.size_bytes": ["图标大小", "icon size"], platforms: ["平台信息", "platforms"], sdks: ["SDK服务", "SDK services"],
};

// Labels of one element of a service's list, and of its keys.
const ITEM_LABELS = {
  domains: { "": ["域名", "domain"], name: ["域名", "domain"], holder_name: ["域名持有者名称", "domain holder's name"],
    holder_certificate_number: ["域名持有者证件号码", "domain holder's certificate number"], realname_verified: ["域名实名认证", "domain real-name verification"] },
  ips: { "": ["IP地址", "IP address"] },
  content: { "": ["服务内容", "service content"] },
  languages: { "": ["语言", "language"] },
  pre_approvals: { "": ["前置审批", "pre-approval"], category: ["前置审批类型", "pre-approval category"], document_number: ["前置审批文号", "pre-approval document number"] },
  platforms: { "": ["平台", "platform"], os: ["平台", "platform"], package: ["包名", "package name"], public_key: ["公钥", "public key"], signature_md5: ["MD5签名值", "MD5 signature"] },
  sdks: { "": ["SDK服务", "SDK service"], vendor: ["SDK厂商", "SDK vendor"], type: ["SDK类型", "SDK type"] },
};

const MATERIAL_KEYS = { "": ["", ""], kind: ["类型", "kind"], service: ["所属网站/APP", "website/APP"], file: ["文件名", "file name"], size_bytes: ["文件大小", "file size"] };

function pick(pair) { return pair[lang === "zh" ? 0 : 1]; }

// quote puts a value from the filing in the quotation marks of the page's language.
function quote(v) { return lang === "zh" ? `「${v}」` : `“${v}”`; }

// joinLabel joins the service and the field: "网站「湘云科技」· 负责人手机号码".
function joinLabel(...parts) {
  const s = parts.filter(Boolean).join(" · ");
  return lang === "zh" ? s.replaceAll("」 · ", "」· ") : s;
}

// describe names the field at path. filing is the object the page sent,
// for the names of services and the values of list elements; a path the
// tables do not know is shown as it is.
function describe(path, filing) {
  let m;
  if ((m = /^subject\.principal(?:\.(.+))?$/.exec(path))) return personLabel(m[1] || "", true) ?? path;
  if ((m = /^services\[(\d+)\](?:\.(.+))?$/.exec(path))) {
    const i = Number(m[1]);
    const service = filing?.services?.[i];
    const field = m[2] ? serviceField(m[2], service) : "";
    return field === null ? path : joinLabel(serviceName(service, i), field);
  }
  if ((m = /^materials\[(\d+)\](?:\.(.+))?$/.exec(path))) {
    const kind = filing?.materials?.[Number(m[1])]?.kind;
    const key = MATERIAL_KEYS[m[2] || ""];
    if (!key) return path;
    const name = kind ? `${pick(FILING_LABELS.materials)}${quote(choice("materials", kind))}` : pick(FILING_LABELS.materials);
    return joinLabel(name, pick(key));
  }
  return FILING_LABELS[path] ? pick(FILING_LABELS[path]) : path;
}

// serviceName is "网站「湘云科技」", or "第1个网站/APP" before it has a name.
function serviceName(service, i) {
  if (!service?.name) return t("serviceNumber", i + 1);
  return `${service.kind === "app" ? "APP" : (lang === "zh" ? "网站" : "Website")}${lang === "zh" ? "" : " "}${quote(service.name)}`;
}

// serviceField labels a path within a service, or returns null.
function serviceField(rest, service) {
  let m;
  if (rest === "name") return pick(service?.kind === "app" ? ["APP名称", "APP name"] : ["网站名称", "website name"]);
  if ((m = /^principal(?:\.(.+))?$/.exec(rest))) return personLabel(m[1] || "", false);
  if ((m = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(rest)) && ITEM_LABELS[m[1]]) {
    const labels = ITEM_LABELS[m[1]];
    const key = labels[m[3] || ""];
    if (!key) return null;
    const item = service?.[m[1]]?.[Number(m[2])];
    const value = typeof item === "string" ? item : item?.name ?? item?.os ?? item?.category ?? item?.vendor;
    return value ? `${pick(key)}${lang === "zh" ? "" : " "}${quote(value)}` : pick(key);
  }
  return SERVICE_LABELS[rest] ? pick(SERVICE_LABELS[rest]) : null;
}

// personLabel is "主体负责人手机号码" for the subject's principal and
// "负责人手机号码" for a service's.
function personLabel(rest, subject) {
  const key = PERSON_LABELS[rest];
  if (!key) return null;
  if (lang === "zh") return (subject ? "主体负责人" : "负责人") + key[0];
  const who = subject ? "Subject principal" : "principal";
  return key[1] ? `${who}'s ${key[1]}` : who;
}
