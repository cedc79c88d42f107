// The browser pre-check page: builds a filing from the form, overlays the raw
// editor, asks the wasm validator (icpcheck.validate) on every change, and
// shows each violation next to the field its path names.
"use strict";

const TEXT = {
  zh: {
    title: "ICP备案预检", loading: "正在加载规则…", ready: "规则已就绪", filing: "备案", province: "备案地域",
    submittedAt: "提交日期", subject: "主办单位", nature: "主办单位性质", individual: "个人", enterprise: "企业",
    government: "政府机关", publicInstitution: "事业单位", socialOrganization: "社会团体", subjectName: "主办单位名称",
    certType: "证件类型", residentId: "居民身份证", businessLicense: "营业执照", organizationCode: "组织机构代码证",
    institutionCertificate: "事业单位法人证书", certNumber: "证件号码", principal: "主体负责人", personName: "姓名",
    personId: "身份证号码", mobile: "手机号码", email: "电子邮箱", legalRep: "是法定代表人", services: "网站 / APP",
    addService: "添加网站/APP", materials: "上传资料", raw: "其他字段(JSON 或 YAML)",
    rawHint: "在此填写表单之外的字段,会叠加到表单内容之上,例如 resource 或 verification。", summary: "检查结果",
    kind: "类型", website: "网站", serviceName: "网站/APP名称", domains: "域名(每行一个)", samePrincipal: "负责人同主体负责人",
    remove: "删除", service: "第{n}个", ok: "未发现会导致驳回的问题", fail: "发现{n}个会导致驳回的问题",
    inputError: "无法读取备案内容", undecided: "未判定",
  },
  en: {
    title: "ICP filing pre-check", loading: "Loading the rules…", ready: "Rules ready", filing: "Filing", province: "Province",
    submittedAt: "Submission date", subject: "Subject (主办单位)", nature: "Nature", individual: "Individual", enterprise: "Enterprise",
    government: "Government body", publicInstitution: "Public institution", socialOrganization: "Social organisation", subjectName: "Name",
    certType: "Certificate type", residentId: "Resident ID card", businessLicense: "Business licence", organizationCode: "Organisation code certificate",
    institutionCertificate: "Public institution certificate", certNumber: "Certificate number", principal: "Subject principal", personName: "Name",
    personId: "ID number", mobile: "Mobile", email: "E-mail", legalRep: "Is the legal representative", services: "Websites / APPs",
    addService: "Add a website/APP", materials: "Uploaded materials", raw: "Other fields (JSON or YAML)",
    rawHint: "Fields the form does not cover, overlaid on the form, for example resource or verification.", summary: "Result",
    kind: "Kind", website: "Website", serviceName: "Name", domains: "Domains (one per line)", samePrincipal: "Principal is the subject principal",
    remove: "Remove", service: "No. {n}", ok: "Nothing found that would get the filing rejected", fail: "{n} problems would get the filing rejected",
    inputError: "The filing cannot be read", undecided: "Undecided",
  },
};

const PROVINCES = [
  ["beijing", "北京", "Beijing"], ["tianjin", "天津", "Tianjin"], ["hebei", "河北", "Hebei"], ["shanxi", "山西", "Shanxi"],
  ["neimenggu", "内蒙古", "Inner Mongolia"], ["liaoning", "辽宁", "Liaoning"], ["jilin", "吉林", "Jilin"],
  ["heilongjiang", "黑龙江", "Heilongjiang"], ["shanghai", "上海", "Shanghai"], ["jiangsu", "江苏", "Jiangsu"],
  ["zhejiang", "浙江", "Zhejiang"], ["anhui", "安徽", "Anhui"], ["fujian", "福建", "Fujian"], ["jiangxi", "江西", "Jiangxi"],
  ["shandong", "山东", "Shandong"], ["henan", "河南", "Henan"], ["hubei", "湖北", "Hubei"], ["hunan", "湖南", "Hunan"],
  ["guangdong", "广东", "Guangdong"], ["guangxi", "广西", "Guangxi"], ["hainan", "海南", "Hainan"], ["chongqing", "重庆", "Chongqing"],
  ["sichuan", "四川", "Sichuan"], ["guizhou", "贵州", "Guizhou"], ["yunnan", "云南", "Yunnan"], ["xizang", "西藏", "Tibet"],
  ["shaanxi", "陕西", "Shaanxi"], ["gansu", "甘肃", "Gansu"], ["qinghai", "青海", "Qinghai"], ["ningxia", "宁夏", "Ningxia"],
  ["xinjiang", "新疆", "Xinjiang"],
];

const MATERIALS = [
  ["commitment_letter", "互联网信息服务备案承诺书", "Commitment letter"],
  ["authenticity_responsibility_notice", "真实性责任告知书", "Authenticity responsibility notice"],
  ["authenticity_commitment", "真实性承诺书", "Authenticity commitment"],
  ["authenticity_video", "诵读承诺书视频", "Reading video"],
  ["authorization_letter", "授权书", "Authorisation letter"],
  ["website_plan", "网站建设方案书", "Website plan"],
  ["domain_certificate", "域名证书", "Domain certificate"],
  ["residence_proof", "居住证明", "Residence proof"],
  ["app_fraud_risk_assessment", "APP涉诈风险自评估报告", "APP fraud-risk assessment"],
];

let lang = "zh";
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const t = (key, n) => (TEXT[lang][key] || key).replace("{n}", n);

// Timings the end-to-end test reads: ready is ms from navigation start.
window.icpcheckTimings = { ready: null, validations: [] };

function applyLanguage() {
  document.documentElement.lang = lang;
  $$("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $$("#province option").forEach((opt, i) => { opt.textContent = PROVINCES[i][lang === "zh" ? 1 : 2]; });
  $$("#materials label span").forEach((span, i) => { span.textContent = MATERIALS[i][lang === "zh" ? 1 : 2]; });
  $$(".lang").forEach((b) => b.classList.toggle("active", b.dataset.lang === lang));
  renumberServices();
  if (window.icpcheck) $("#status").textContent = t("ready");
}

function addService() {
  const node = $("#service-template").content.firstElementChild.cloneNode(true);
  $(".same", node).addEventListener("change", (e) => { $(".own-principal", node).hidden = e.target.checked; schedule(); });
  $(".remove", node).addEventListener("click", () => { node.remove(); renumberServices(); schedule(); });
  $("#services").appendChild(node);
  $$("[data-i18n]", node).forEach((el) => { el.textContent = t(el.dataset.i18n); });
  renumberServices();
  return node;
}

// renumberServices keeps each service field's data-path in step with its
// position, so that violation paths such as services[1].name find it.
function renumberServices() {
  $$("#services .service").forEach((node, i) => {
    node.dataset.path = `services[${i}]`;
    $("legend", node).textContent = t("service", i + 1);
    $$("[data-rel]", node).forEach((f) => { f.dataset.path = `services[${i}].${f.dataset.rel}`; });
  });
}

function person(name, id, mobile, email) {
  const p = {};
  if (name) p.name = name;
  if (id) p.certificate = { type: "resident_id", number: id };
  if (mobile) p.mobile = mobile;
  if (email) p.email = email;
  return p;
}

function buildFiling() {
  const v = (id) => $("#" + id).value.trim();
  const principal = person(v("p_name"), v("p_id"), v("p_mobile"), v("p_email"));
  principal.legal_representative = $("#p_legal").checked;
  const filing = {
    province: v("province"),
    subject: { nature: v("nature"), name: v("subject_name"), certificate: { type: v("cert_type"), number: v("cert_number") }, principal },
    services: $$("#services .service").map((node) => {
      const own = !$(".same", node).checked;
      return {
        kind: $(".kind", node).value,
        name: $(".name", node).value.trim(),
        domains: $(".domains", node).value.split(/\s+/).filter(Boolean),
        principal: own ? person($(".pname", node).value.trim(), $(".pid", node).value.trim(), $(".pmobile", node).value.trim(), $(".pemail", node).value.trim()) : principal,
      };
    }),
    materials: $$("#materials input:checked").map((box) => ({ kind: box.value })),
  };
  if (v("submitted_at")) filing.submitted_at = v("submitted_at");
  return filing;
}

// fieldFor finds the form field whose data-path is the longest prefix of path.
function fieldFor(path) {
  let best = null;
  for (const el of $$("[data-path]")) {
    const p = el.dataset.path;
    const matches = p === path || path.startsWith(p + ".") || path.startsWith(p + "[") || (p === "" && best === null);
    if (matches && (best === null || p.length > best.dataset.path.length)) best = el;
  }
  return best;
}

function note(field, cls, attrs, message) {
  const div = document.createElement("div");
  div.className = "violation " + cls;
  Object.entries(attrs).forEach(([k, val]) => div.setAttribute(k, val));
  div.textContent = message;
  field.appendChild(div);
}

function render(result) {
  $$(".violation").forEach((el) => el.remove());
  const summary = $("#summary");
  const undecided = $("#undecided");
  summary.textContent = "";
  undecided.textContent = "";
  if (result.error) {
    const e = result.error;
    $("#verdict").textContent = t("inputError");
    $("#verdict").className = "fail";
    const where = [e.path, e.line ? `line ${e.line}` : ""].filter(Boolean).join(", ");
    const li = document.createElement("li");
    li.className = "error";
    li.textContent = where ? `${where}: ${e.message}` : e.message;
    summary.appendChild(li);
    const field = fieldFor(e.path || "");
    if (field) note(field, "error", { "data-for": field.dataset.path, "data-input-error": "true" }, e.message);
    return;
  }
  const errors = result.violations.filter((x) => x.severity === "error").length;
  $("#verdict").textContent = errors === 0 ? t("ok") : t("fail", errors);
  $("#verdict").className = errors === 0 ? "ok" : "fail";
  for (const x of result.violations) {
    const field = fieldFor(x.path);
    if (field) note(field, x.severity, { "data-rule": x.rule, "data-path": x.path, "data-for": field.dataset.path }, x.message);
    const li = document.createElement("li");
    li.className = x.severity;
    li.dataset.rule = x.rule;
    li.textContent = `${x.path || "—"}: ${x.message} [${x.rule}]`;
    summary.appendChild(li);
  }
  for (const u of result.undecided || []) {
    const li = document.createElement("li");
    li.className = "undecided";
    li.textContent = `${t("undecided")} ${u.path || ""} [${u.rule}]: ${u.reason}`;
    undecided.appendChild(li);
  }
}

// request is what the page passes to icpcheck.validate for the form as it is.
function request() {
  return [JSON.stringify(buildFiling()), { lang, extra: $("#raw").value }];
}

function validateNow() {
  if (!window.icpcheck) return null;
  const [text, options] = request();
  const start = performance.now();
  const out = window.icpcheck.validate(text, options);
  window.icpcheckTimings.validations.push(performance.now() - start);
  const result = JSON.parse(out);
  render(result);
  return result;
}

let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(validateNow, 120);
}

function setup() {
  const province = $("#province");
  PROVINCES.forEach(([slug]) => province.appendChild(new Option(slug, slug)));
  province.value = "hunan";
  const materials = $("#materials");
  MATERIALS.forEach(([kind]) => {
    const label = document.createElement("label");
    label.innerHTML = `<input type="checkbox" value="${kind}"> <span></span>`;
    materials.appendChild(label);
  });
  $("#add-service").addEventListener("click", () => { addService(); schedule(); });
  $("#filing").addEventListener("input", schedule);
  $("#filing").addEventListener("change", schedule);
  $$(".lang").forEach((b) => b.addEventListener("click", () => { lang = b.dataset.lang; applyLanguage(); validateNow(); }));
  addService();
  applyLanguage();

  window.addEventListener("icpcheck-ready", () => {
    window.icpcheckTimings.ready = performance.now();
    $("#status").textContent = t("ready");
    document.body.dataset.ready = "true";
    validateNow();
  });
  const go = new Go();
  WebAssembly.instantiateStreaming(fetch("main.wasm"), go.importObject)
    .then((r) => go.run(r.instance))
    .catch((err) => { $("#status").textContent = String(err); });
}

window.icpcheckPage = { validateNow, addService, request };
setup();
