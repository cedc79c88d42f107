// Types of the API that main.wasm puts on globalThis.icpcheck once it has
// loaded its rules (the window event "icpcheck-ready" says when). Every
// call returns a plain object; input it cannot read gives an ErrorBody
// instead of throwing. The shapes are the wire format's
// (shared/spec/wire-format.md, section Report).

export type Severity = "error" | "warning" | "info";

/** Options of every call; a call ignores the ones it has no use for. */
export interface Options {
  /** "zh" (the default) or "en"; any BCP 47 tag or Accept-Language value that matches one. */
  lang?: string;
  /** YYYY-MM-DD: the submission day for a filing without submitted_at (default: today in China). */
  date?: string;
  /** A partial filing in YAML or JSON, overlaid on the filing: mappings merge key by key, anything else (a list) replaces, null deletes. */
  extra?: string;
  /** A provider whose rule layer applies, e.g. "huaweicloud" (rules and fields only; validate reads the filing's provider). */
  provider?: string;
}

export interface Violation {
  rule: string;
  severity: Severity;
  /** The field at fault in the filing's own keys, e.g. "services[1].name"; "" for the filing as a whole. */
  path: string;
  /** The province whose rule fired, or "" for a national or provider rule. */
  province: string;
  /** "required" marks a value the filing must hold and does not: show it as still to fill. */
  category: string;
  message: string;
  /** What to change, in the report's language (on error and warning violations that have one). */
  fix?: string;
  source: string;
}

/** One rule that could not decide for one reason, at one or more places. */
export interface Undecided {
  rule: string;
  /** The first place (paths[0] when there are several). */
  path?: string;
  reason: string;
  /** How many places, when more than one; paths lists the first ten of them. */
  count?: number;
  paths?: string[];
}

/** What a report left out to stay within its bounds: how many of each. */
export interface Truncated {
  errors?: number;
  warnings?: number;
  infos?: number;
  rule_errors?: number;
}

/** A rule that failed to evaluate; while there is one, the report is not ok. */
export interface RuleError {
  rule: string;
  path?: string;
  message: string;
}

export interface Report {
  /** True when no violation has severity "error" and no rule failed. */
  ok: boolean;
  province: string;
  /** The newest effective_from of the rule set and a digest of its rules. */
  rules_version: string;
  /** Sorted by path, then rule. */
  violations: Violation[];
  undecided?: Undecided[];
  errors?: RuleError[];
  /** Present only when the report had to leave violations or rule errors out. */
  truncated?: Truncated;
}

/** The one error body of the command line, the HTTP service and this API. */
export interface ErrorBody {
  error: {
    message: string;
    /** "extra" when the error is in Options.extra. */
    file?: string;
    path?: string;
    line?: number;
    column?: number;
    /** True when the input was refused for its size. */
    limit?: boolean;
  };
}

export interface RuleSummary {
  id: string;
  /** "national", a province slug, or a provider. */
  scope: string;
  severity: Severity;
  category: string;
  /** The collection the rule runs over (services, domains, principals, …); absent for the whole filing. */
  each?: string;
  /** Where its violations point: below each element of each, or absolute. */
  path?: string;
  /** The wire-form paths its violations can have, with [*] for any index. */
  patterns: string[];
  title: string;
  source: string;
}

/** A value the filing must hold: a rule of category "required" and the fields it marks. */
export interface Field {
  rule: string;
  scope: string;
  severity: Severity;
  each?: string;
  path?: string;
  /** Wire-form paths with [*] for any index, e.g. "services[*].principal.mobile". */
  patterns: string[];
  /** Says when the field is required, if only under a condition. */
  title: string;
}

export interface ICPCheck {
  /** Checks a filing given as JSON or YAML text. */
  validate(filing: string, options?: Options): Report | ErrorBody;
  /** The rules that apply in a province (any spelling: "hunan", "湖南省", "43"): national, the province's and the provider's; "" for national and provider only. */
  rules(province: string, options?: Options): RuleSummary[] | ErrorBody;
  /** The required fields in a province ("" as for rules), from the rules of category "required". */
  fields(province: string, options?: Options): Field[] | ErrorBody;
}

declare global {
  var icpcheck: ICPCheck;
  interface WindowEventMap {
    "icpcheck-ready": Event;
  }
}
