// The browser pre-check page: builds a filing from the form, overlays the
// raw editor, asks the wasm validator (icpcheck.validate) on every change,
// and shows each problem beside the field its path names and in a summary.
// Texts are in i18n.js, field names in labels.js.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// lastFiling is the filing the last check sent, for the names in labels.
let lastFiling = null;
let lastResult = null;

// ---- the form -------------------------------------------------------------

function fillOptions(select) {
  const list = OPTIONS[select.dataset.options];
  const value = select.value;
  select.textContent = "";
  for (const [v, zh, en] of list) {
    const named = lang === "zh" ? zh : en;
    select.appendChild(new Option(v === "" && !named ? t("choose") : named, v));
  }
  select.value = value || list[0][0];
}

// fillSuggestions fills a datalist: the values are the filing's own
// (Chinese) terms, with their meaning as the label in English.
function fillSuggestions(list) {
  list.textContent = "";
  for (const [v, , en] of OPTIONS[list.dataset.choices]) {
    const option = element("option");
    option.value = v;
    if (lang === "en") option.label = en;
    list.appendChild(option);
  }
}

// tickBoxes fills a container with one tick box per choice of its
// data-choices list; translate names them.
function tickBoxes(container, ticked = []) {
  const list = container.dataset.choices;
  for (const [value] of OPTIONS[list]) {
    const label = element("label", "check-item");
    const box = element("input");
    box.type = "checkbox";
    box.value = value;
    box.checked = ticked.includes(value);
    const span = element("span");
    span.dataset.list = list;
    span.dataset.choice = value;
    label.append(box, " ", span);
    container.appendChild(label);
  }
}

function addService() {
  const node = $("#service-template").content.firstElementChild.cloneNode(true);
  // Nearly every site is in simplified Chinese; the filer unticks it if not.
  tickBoxes($(".languages", node), ["中文简体"]);
  $(".same", node).addEventListener("change", (e) => { $(".own-principal", node).hidden = e.target.checked; });
  $(".kind", node).addEventListener("change", () => kindChanged(node));
  $(".remove", node).addEventListener("click", () => { node.remove(); renumberServices(); schedule(); });
  $$(".add-row", node).forEach((b) => b.addEventListener("click", () => { touched = true; addRow(node, b.dataset.list); schedule(); }));
  $("#services").appendChild(node);
  translate(node);
  nameLabels();
  renumberServices();
  return node;
}

// kindChanged shows an APP's own fields, with one platform to fill, and
// names the service's name field by its kind.
function kindChanged(node) {
  const app = $(".kind", node).value === "app";
  $(".app-only", node).hidden = !app;
  if (app && $$('.rows[data-list="platforms"] > .row', node).length === 0) addRow(node, "platforms");
  nameLabels();
}

// addRow adds an element to one of a service's lists (platforms, sdks,
// pre_approvals) from the list's template.
function addRow(node, list) {
  const row = $("#row-" + list).content.firstElementChild.cloneNode(true);
  $(".remove-row", row).addEventListener("click", () => { row.remove(); renumberServices(); schedule(); });
  $(`.rows[data-list="${list}"]`, node).appendChild(row);
  translate(row);
  renumberServices();
  return row;
}

// renumberServices keeps each service field's data-path in step with its
// position, so that violation paths such as services[1].name or
// services[0].platforms[1].package find it.
function renumberServices() {
  $$("#services .service").forEach((node, i) => {
    const at = `services[${i}]`;
    node.dataset.path = at;
    $(".service-title", node).textContent = t("serviceNumber", i + 1);
    $$("[data-rel]", node).forEach((f) => { f.dataset.path = `${at}.${f.dataset.rel}`; });
    $$(".rows", node).forEach((rows) => {
      $$(":scope > .row", rows).forEach((row, j) => {
        row.dataset.path = `${at}.${rows.dataset.list}[${j}]`;
        $$("[data-key]", row).forEach((f) => { f.dataset.path = `${row.dataset.path}.${f.dataset.key}`; });
      });
    });
  });
  markRequired();
}

function lines(text) { return text.split(/\s+/).filter(Boolean); }
function items(text) { return text.split(/[,,、;;\n]+/).map((s) => s.trim()).filter(Boolean); }
function ticked(container) { return $$("input:checked", container).map((box) => box.value); }

// compact drops the keys left empty, so that the rules see them as
// missing; false stays (a principal who is not the legal representative).
function compact(o) {
  for (const [k, v] of Object.entries(o)) {
    const empty = v === "" || v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === "object" && Object.keys(v).length === 0);
    if (empty) delete o[k];
  }
  return o;
}

// rows lists the elements of one of a service's lists, each with the keys
// filled in; a row left empty is still an element, which the required
// rules then ask to fill or remove.
function rows(node, list) {
  return $$(`.rows[data-list="${list}"] > .row`, node).map((row) =>
    Object.fromEntries($$("[data-key]", row).map((f) => [f.dataset.key, $("input, select", f).value.trim()]).filter(([, v]) => v)));
}

// buildFiling is the form as a filing.
function buildFiling() {
  const v = (id) => $("#" + id).value.trim();
  const longTerm = $("#p_long_term").checked;
  const principal = compact({
    name: v("p_name"),
    certificate: compact({ type: v("p_cert_type"), number: v("p_id"), valid_from: v("p_valid_from"), valid_until: longTerm ? "" : v("p_valid_until"), long_term: longTerm || undefined }),
    mobile: v("p_mobile"), emergency_phone: v("p_emergency"), email: v("p_email"),
    legal_representative: $("#p_legal").checked,
  });
  const subject = compact({
    nature: v("nature"), name: v("subject_name"),
    certificate: compact({ type: v("cert_type"), number: v("cert_number"), address: v("cert_address") }),
    mailing_address: v("mailing_address"), principal,
  });
  const services = $$("#services .service").map((node) => {
    const val = (sel) => $(sel, node).value.trim();
    const service = {
      kind: val(".kind"), name: val(".name"), domains: lines(val(".domains")), ips: lines(val(".ips")),
      content: items(val(".content")), languages: ticked($(".languages", node)), remarks: val(".remarks"),
    };
    if (service.kind === "app") {
      if (val(".icon-format")) service.icon = { format: val(".icon-format") };
      service.platforms = rows(node, "platforms");
      service.sdks = rows(node, "sdks");
    }
    service.pre_approvals = rows(node, "pre_approvals");
    // A service that reuses the subject principal carries a copy of that
    // person, as the filing system's 复用 does.
    service.principal = $(".same", node).checked ? principal : compact({
      name: val(".pname"), certificate: compact({ type: val(".ptype"), number: val(".pid") }),
      mobile: val(".pmobile"), emergency_phone: val(".pemergency"), email: val(".pemail"),
    });
    return compact(service);
  });
  return compact({
    type: v("filing_type"), province: v("province"), provider: v("provider"), submitted_at: v("submitted_at"),
    subject, services, materials: ticked($("#materials")).map((kind) => ({ kind })),
  });
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

const SUBJECT_PERSON = /^subject\.principal((?:\.|$).*)$/;
const SERVICE_PERSON = /^services\[(\d+)\]\.principal((?:\.|$).*)$/;

// group merges the entries of one fault: a service whose principal is the
// subject principal carries a copy of that person, so a rule that fires at
// a key of the copy (services[0].principal.mobile) and at the same key of
// the subject principal (subject.principal.mobile) found one fault, typed
// once. It is one entry, in the subject principal's words, naming both
// places. The messages may differ (each names its place), so the copies
// are told by the form's "same as the subject principal" boxes.
function group(items) {
  const copies = new Set($$("#services .service").flatMap((node, i) => ($(".same", node).checked ? [i] : [])));
  const subject = new Map();
  for (const x of items) {
    const m = SUBJECT_PERSON.exec(x.path);
    const key = m && `${x.rule}\0${m[1]}`;
    if (m && !subject.has(key)) subject.set(key, { first: x, paths: [x.path] });
  }
  const groups = [];
  for (const x of items) {
    let m = SUBJECT_PERSON.exec(x.path);
    const own = m && subject.get(`${x.rule}\0${m[1]}`);
    if (own && own.first === x) {
      groups.push(own);
      continue;
    }
    m = !own && SERVICE_PERSON.exec(x.path);
    const copied = m && copies.has(Number(m[1])) && subject.get(`${x.rule}\0${m[2]}`);
    if (copied) copied.paths.push(x.path);
    else groups.push({ first: x, paths: [x.path] });
  }
  return groups;
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
  $$("[data-path]").forEach((f) => f.classList.remove("has-error", "has-required", "has-warning", "has-info", "has-rule-error"));
  for (const id of ["summary", "rule-errors", "undecided"]) $("#" + id).textContent = "";
  $("#undecided-box").hidden = true;
  $("#truncated").hidden = true;
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
  const entries = group(result.violations).map((g) => ({ ...g, kind: kindOf(g.first) }));
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
  // The report already groups undecided entries by rule and reason, with
  // the first ten places and how many there are.
  const undecided = result.undecided || [];
  for (const u of undecided) {
    const paths = u.paths ?? [u.path ?? ""];
    const li = element("li", "entry undecided");
    li.dataset.rule = u.rule;
    li.dataset.paths = paths.join(" ");
    li.appendChild(where(paths));
    if (u.count > paths.length) li.appendChild(element("span", "more", t("morePlaces", u.count)));
    li.appendChild(element("span", "msg", u.reason));
    $("#undecided").appendChild(li);
  }
  $("#undecided-box").hidden = undecided.length === 0;
  $("#undecided-title").textContent = t("undecidedTitle", undecided.length);
  // A report at its bounds counts what it left out.
  const left = { errors: 0, warnings: 0, infos: 0, rule_errors: 0, ...result.truncated };
  const leftOut = left.errors + left.warnings + left.infos + left.rule_errors;
  $("#truncated").hidden = leftOut === 0;
  $("#truncated").textContent = t("truncated", leftOut);
  const count = (k) => entries.filter((g) => g.kind === k).length;
  verdict({ problems: count("error") + left.errors, toFill: count("required"), warnings: count("warning") + left.warnings,
    ruleErrors: (result.errors || []).length + left.rule_errors, undecided: undecided.length });
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
  $$("[data-choice]", root).forEach((span) => { span.textContent = choice(span.dataset.list, span.dataset.choice); });
  $$("datalist[data-choices]", root).forEach(fillSuggestions);
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
  tickBoxes($("#materials"));
  // A long-term ID has no end date.
  $("#p_long_term").addEventListener("change", (e) => { $("#p_valid_until").disabled = e.target.checked; });
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
  // boot.js started fetching and compiling the module in the page's head.
  window.icpcheckBoot
    .then(({ go, instance }) => go.run(instance)) // settles only if the Go program ends
    .then(() => { if (!window.icpcheck) throw new Error(t("exited")); })
    .catch((err) => { loadError = String(err.message || err); status(); });
}

window.icpcheckPage = { validateNow, addService, request, describe: (p) => describe(p, lastFiling), result: () => lastResult };
setup();
