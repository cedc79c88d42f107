// The browser pre-check page: builds a filing from the form, overlays the
// raw editor, asks the wasm validator (icpcheck.validate) on every change,
// and shows each problem beside the field its path names and in a summary.
// Texts are in i18n.js, field names in labels.js.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// Timings the end-to-end test reads, in ms from navigation start:
// instantiated when the module is compiled and instantiated, ready when the
// rules are loaded and the API is there.
window.icpcheckTimings = { instantiated: null, ready: null, validations: [] };

// lastFiling is the filing the last check sent, for the names in labels.
let lastFiling = null;
let lastResult = null;

// ---- the form -------------------------------------------------------------

function fillOptions(select) {
  const list = OPTIONS[select.dataset.options];
  const value = select.value;
  select.textContent = "";
  for (const [v, zh, en] of list) {
    const label = v === "" ? t(select.dataset.options === "providers" ? "none" : "choose") : (lang === "zh" ? zh : en);
    select.appendChild(new Option(label, v));
  }
  select.value = value || list[0][0];
}

function addService() {
  const node = $("#service-template").content.firstElementChild.cloneNode(true);
  $$("select[data-options]", node).forEach(fillOptions);
  $(".same", node).addEventListener("change", (e) => { $(".own-principal", node).hidden = e.target.checked; schedule(); });
  $(".kind", node).addEventListener("change", nameLabels);
  $(".remove", node).addEventListener("click", () => { node.remove(); renumberServices(); schedule(); });
  $("#services").appendChild(node);
  translate(node);
  nameLabels();
  renumberServices();
  return node;
}

// renumberServices keeps each service field's data-path in step with its
// position, so that violation paths such as services[1].name find it.
function renumberServices() {
  $$("#services .service").forEach((node, i) => {
    node.dataset.path = `services[${i}]`;
    $(".service-title", node).textContent = t("serviceNumber", i + 1);
    $$("[data-rel]", node).forEach((f) => { f.dataset.path = `services[${i}].${f.dataset.rel}`; });
  });
  markRequired();
}

function lines(text) { return text.split(/\s+/).filter(Boolean); }

// person returns the keys of a person that are filled in.
function person(name, certType, number, mobile, emergency, email) {
  const p = {};
  if (name) p.name = name;
  if (number) p.certificate = { type: certType, number };
  if (mobile) p.mobile = mobile;
  if (emergency) p.emergency_phone = emergency;
  if (email) p.email = email;
  return p;
}

// buildFiling is the form as a filing. Empty inputs are left out, so that
// the rules see them as missing.
function buildFiling() {
  const v = (id) => $("#" + id).value.trim();
  const principal = person(v("p_name"), v("p_cert_type"), v("p_id"), v("p_mobile"), v("p_emergency"), v("p_email"));
  principal.legal_representative = $("#p_legal").checked;
  const subject = { principal };
  if (v("nature")) subject.nature = v("nature");
  if (v("subject_name")) subject.name = v("subject_name");
  if (v("cert_type") || v("cert_number")) {
    subject.certificate = {};
    if (v("cert_type")) subject.certificate.type = v("cert_type");
    if (v("cert_number")) subject.certificate.number = v("cert_number");
  }
  if (v("mailing_address")) subject.mailing_address = v("mailing_address");
  const filing = {};
  for (const [key, id] of [["type", "filing_type"], ["province", "province"], ["provider", "provider"], ["submitted_at", "submitted_at"]]) {
    if (v(id)) filing[key] = v(id);
  }
  filing.subject = subject;
  filing.services = $$("#services .service").map((node) => {
    const val = (sel) => $(sel, node).value.trim();
    const service = { kind: val(".kind") };
    if (val(".name")) service.name = val(".name");
    service.domains = lines($(".domains", node).value);
    const ips = lines($(".ips", node).value);
    if (ips.length) service.ips = ips;
    service.principal = $(".same", node).checked ? principal
      : person(val(".pname"), "resident_id", val(".pid"), val(".pmobile"), val(".pemergency"), val(".pemail"));
    return service;
  });
  filing.materials = $$("#materials input:checked").map((box) => ({ kind: box.value }));
  return filing;
}

// ---- required fields -----------------------------------------------------

let requiredPatterns = [];

// markRequired marks the fields that a rule of category "required" names,
// from icpcheck.fields for the chosen province and provider.
function markRequired() {
  $$(".field").forEach((f) => f.classList.toggle("req", requiredPatterns.some((re) => re.test(f.dataset.path ?? "\0"))));
}

function loadRequired() {
  if (!window.icpcheck) return;
  const fields = window.icpcheck.fields($("#province").value, { lang, provider: $("#provider").value });
  requiredPatterns = Array.isArray(fields) ? fields.flatMap((f) => f.patterns).map(patternRegExp) : [];
  markRequired();
}

function patternRegExp(p) {
  return new RegExp("^" + p.replace(/[.[\]]/g, "\\$&").replaceAll("\\[*\\]", "\\[\\d+\\]") + "$");
}

// ---- checking ------------------------------------------------------------

// request is what the page passes to icpcheck.validate for the form as it is.
function request() {
  lastFiling = buildFiling();
  return [JSON.stringify(lastFiling), { lang, extra: $("#raw").value }];
}

function validateNow() {
  if (!window.icpcheck) return null;
  const [text, options] = request();
  const start = performance.now();
  const result = window.icpcheck.validate(text, options);
  window.icpcheckTimings.validations.push(performance.now() - start);
  lastResult = result;
  render(result);
  return result;
}

let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(validateNow, 120);
}

// ---- showing the result --------------------------------------------------

const PERSON_PATH = /^(subject\.principal|services\[\d+\]\.principal)((?:\.|$).*)$/;

// group merges the entries of one fault: the same rule with the same
// message at the same key of a person who is copied into a service
// (subject.principal.mobile and services[0].principal.mobile) is one entry
// that names both places.
function group(items, text) {
  const groups = new Map();
  for (const x of items) {
    const m = PERSON_PATH.exec(x.path || "");
    const key = m ? `${x.rule}\0${text(x)}\0${m[2]}` : `${x.rule}\0${x.path}\0${groups.size}`;
    if (!groups.has(key)) groups.set(key, { first: x, paths: [] });
    const g = groups.get(key);
    g.paths.push(x.path || "");
    // The subject principal, where the filer types the person, comes first.
    if ((x.path || "").startsWith("subject.")) {
      g.first = x;
      g.paths.sort((a, b) => b.startsWith("subject.") - a.startsWith("subject."));
    }
  }
  return [...groups.values()];
}

// kindOf is how an entry is shown: "required" (still to fill) for a value
// the filing must hold and does not, else its severity.
function kindOf(x) { return x.category === "required" ? "required" : x.severity; }

const BADGE = { error: "badgeError", required: "badgeRequired", warning: "badgeWarning", info: "badgeInfo", "rule-error": "badgeRuleError" };
const ORDER = { error: 0, required: 1, warning: 2, info: 3 };

function visible(el) { return el.offsetParent !== null; }

// fieldsFor lists the form fields to mark for the paths of one entry: for
// each path the field whose data-path is its longest prefix. A field hidden
// because the service reuses the subject principal is left out when another
// place is shown; otherwise its nearest visible enclosing field stands in.
function fieldsFor(paths) {
  const all = $$("[data-path]:not(.violation)");
  const best = (path, onlyVisible) => {
    let found = null;
    for (const el of all) {
      const p = el.dataset.path;
      const matches = p === path || path.startsWith(p + ".") || path.startsWith(p + "[") || (p === "" && path !== "");
      if (matches && (!onlyVisible || visible(el)) && (found === null || p.length > found.dataset.path.length)) found = el;
    }
    return found;
  };
  let fields = paths.map((p) => best(p, false)).filter((f) => f && visible(f));
  if (fields.length === 0) fields = paths.map((p) => best(p, true)).filter(Boolean);
  if (fields.length === 0) fields = [$("#raw-field")];
  return [...new Set(fields)];
}

function element(tag, cls, textContent) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

// entryBody is the badge, message and fix of one problem.
function entryBody(el, kind, message, fix) {
  el.appendChild(element("span", "badge", t(BADGE[kind])));
  el.appendChild(element("span", "msg", message));
  if (fix) el.appendChild(element("span", "fix", t("fixPrefix") + fix));
}

function note(field, kind, attrs, message, fix) {
  const div = element("div", "violation " + kind);
  for (const [k, val] of Object.entries(attrs)) div.setAttribute(k, val);
  entryBody(div, kind, message, fix);
  field.appendChild(div);
  field.classList.add("has-" + kind);
}

function clear() {
  $$(".violation").forEach((el) => el.remove());
  $$(".field").forEach((f) => f.classList.remove("has-error", "has-required", "has-warning", "has-info", "has-rule-error"));
  for (const id of ["summary", "rule-errors", "undecided"]) $("#" + id).textContent = "";
  $("#undecided-box").hidden = true;
}

// where names the places of one entry, one per line.
function where(paths) {
  const el = element("span", "where");
  for (const p of paths) el.appendChild(element("span", "place", describe(p, lastFiling)));
  return el;
}

// touched turns true at the filer's first change: until then the page
// gives no verdict on a form nobody has filled in.
let touched = false;

function render(result) {
  clear();
  if (!result) return;
  if (!touched) return setVerdict("idle", t("idle"), "");
  if (result.error) return renderInputError(result.error);
  const entries = group(result.violations, (x) => x.message).map((g) => ({ ...g, kind: kindOf(g.first) }));
  entries.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  for (const g of entries) {
    const x = g.first;
    for (const field of fieldsFor(g.paths)) {
      note(field, g.kind, { "data-rule": x.rule, "data-path": x.path, "data-for": field.dataset.path, "data-category": x.category }, x.message, x.fix);
    }
    const li = element("li", "entry " + g.kind);
    li.dataset.rule = x.rule;
    li.dataset.paths = g.paths.join(" ");
    li.title = x.rule;
    li.appendChild(where(g.paths));
    entryBody(li, g.kind, x.message, x.fix);
    li.addEventListener("click", () => focusField(g.paths));
    $("#summary").appendChild(li);
  }
  for (const e of result.errors || []) {
    const li = element("li", "entry rule-error");
    li.dataset.rule = e.rule;
    li.title = e.rule;
    li.appendChild(where([e.path || ""]));
    entryBody(li, "rule-error", e.message);
    $("#rule-errors").appendChild(li);
  }
  const undecided = group(result.undecided || [], (u) => u.reason);
  for (const g of undecided) {
    const li = element("li", "entry undecided");
    li.dataset.rule = g.first.rule;
    li.appendChild(where(g.paths));
    li.appendChild(element("span", "msg", g.first.reason));
    $("#undecided").appendChild(li);
  }
  $("#undecided-box").hidden = undecided.length === 0;
  $("#undecided-title").textContent = t("undecidedTitle", undecided.length);
  const count = (k) => entries.filter((g) => g.kind === k).length;
  verdict({ problems: count("error"), toFill: count("required"), warnings: count("warning"), ruleErrors: (result.errors || []).length, undecided: undecided.length });
  $("#rules-version").textContent = t("rulesVersion", result.rules_version);
}

function renderInputError(e) {
  const inExtra = e.file === "extra";
  const field = inExtra ? $("#raw-field") : fieldsFor([e.path || ""])[0];
  const at = e.line ? t("at", { line: e.line, column: e.column || 1 }) : "";
  const message = [at, e.path, e.message].filter(Boolean).join(lang === "zh" ? ":" : ": ");
  note(field, "error", { "data-for": field.dataset.path, "data-input-error": "true" }, message);
  const li = element("li", "entry error");
  li.appendChild(inExtra ? element("span", "where", t("rawEditor")) : where([e.path || ""]));
  entryBody(li, "error", message);
  $("#summary").appendChild(li);
  setVerdict("fail", t("inputError"), "");
}

function verdict(c) {
  let state = "ok";
  let title = t("ok");
  if (c.problems > 0) [state, title] = ["fail", t("problems", c.problems)];
  else if (c.ruleErrors > 0) [state, title] = ["fail", t("ruleErrors", c.ruleErrors)];
  else if (c.toFill > 0) [state, title] = ["fill", t("toFill", c.toFill)];
  // The counts the title does not already give.
  const counts = [];
  if (c.ruleErrors > 0 && c.problems > 0) counts.push(t("countRuleErrors", c.ruleErrors));
  if (c.toFill > 0 && state !== "fill") counts.push(t("countToFill", c.toFill));
  if (c.warnings > 0) counts.push(t("countWarnings", c.warnings));
  if (c.undecided > 0) counts.push(t("countUndecided", c.undecided));
  setVerdict(state, title, counts.join(" · "));
}

function setVerdict(state, title, counts) {
  $("#verdict").dataset.state = state;
  $("#verdict-title").textContent = title;
  $("#verdict-counts").textContent = counts;
  const bar = $("#verdict-bar");
  bar.dataset.state = state;
  bar.textContent = state === "ok" ? t("barOk") : `${title} · ${t("barView")}`;
}

function focusField(paths) {
  const field = fieldsFor(paths)[0];
  if (!field) return;
  field.scrollIntoView({ behavior: "smooth", block: "center" });
  const input = $("input, select, textarea", field);
  if (input && visible(input)) input.focus({ preventScroll: true });
}

// ---- language ------------------------------------------------------------

function translate(root = document) {
  $$("[data-i18n]", root).forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $$("[data-i18n-placeholder]", root).forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  $$("select[data-options]", root).forEach(fillOptions);
}

// nameLabels says 网站名称 or APP名称 by each service's kind.
function nameLabels() {
  $$("#services .service").forEach((node) => {
    $(".name-label", node).textContent = t($(".kind", node).value === "app" ? "appName" : "websiteName");
  });
}

function applyLanguage() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  translate();
  nameLabels();
  $$("#materials label span").forEach((span) => { span.textContent = choice("materials", span.dataset.kind); });
  $$(".lang").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  renumberServices();
  status();
}

function setLanguage(l) {
  lang = l;
  const url = new URL(location.href);
  url.searchParams.set("lang", l);
  history.replaceState(null, "", url);
  applyLanguage();
  loadRequired();
  if (window.icpcheck) validateNow();
}

// ---- loading -------------------------------------------------------------

let loadError = null;

function status() {
  const el = $("#status");
  if (loadError) {
    el.dataset.state = "failed";
    $("#status-text").textContent = t("loadFailed", loadError);
  } else if (window.icpcheckTimings.ready !== null) {
    el.dataset.state = "ready";
    $("#status-text").textContent = t("ready", (window.icpcheckTimings.ready / 1000).toFixed(1));
  } else {
    el.dataset.state = "loading";
    $("#status-text").textContent = t("loading");
  }
  if (loadError) setVerdict("fail", t("loadFailed", loadError), "");
  else if (!window.icpcheck) setVerdict("loading", t("waiting"), "");
}

function setup() {
  const requested = new URLSearchParams(location.search).get("lang");
  if (requested === "en" || requested === "zh") lang = requested;
  const materials = $("#materials");
  for (const kind of MATERIAL_CHOICES) {
    const label = element("label", "check-item");
    const box = element("input");
    box.type = "checkbox";
    box.value = kind;
    const span = element("span");
    span.dataset.kind = kind;
    label.append(box, " ", span);
    materials.appendChild(label);
  }
  $("#add-service").addEventListener("click", () => { touched = true; addService(); schedule(); });
  for (const type of ["input", "change"]) {
    $("#filing").addEventListener(type, () => { touched = true; schedule(); });
  }
  $("#province").addEventListener("change", loadRequired);
  $("#provider").addEventListener("change", loadRequired);
  $$(".lang").forEach((b) => b.addEventListener("click", () => setLanguage(b.dataset.lang)));
  addService();
  applyLanguage();

  window.addEventListener("icpcheck-ready", () => {
    window.icpcheckTimings.ready = performance.now();
    document.body.dataset.ready = "true";
    status();
    loadRequired();
    validateNow();
  });
  const go = new Go();
  WebAssembly.instantiateStreaming(fetch("main.wasm"), go.importObject)
    .then((r) => {
      window.icpcheckTimings.instantiated = performance.now();
      return go.run(r.instance); // settles only if the Go program ends
    })
    .then(() => { if (!window.icpcheck) throw new Error(t("exited")); })
    .catch((err) => { loadError = String(err.message || err); status(); });
}

window.icpcheckPage = { validateNow, addService, request, describe: (p) => describe(p, lastFiling), result: () => lastResult };
setup();
