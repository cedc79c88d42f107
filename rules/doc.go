// Package rules holds the rule-file format and its engine: rule files are
// YAML, each rule's checks are CEL expressions compiled against the filing's
// real Go types (package model), and a compiled Set evaluates them.
//
// A rule file looks like this:
//
//	scope: henan                # a province slug, "national", or a provider
//	word_lists:
//	  - id: henan.banned-name-words
//	    source: seed 001
//	    words: [股票, 证券]
//	test_base: {...}            # a filing that test cases are merged over
//	rules:
//	  - id: henan.banned-name-words
//	    title:   {zh: 个人网站名称含河南禁用词, en: Personal website name uses a word Henan bans}
//	    message: {zh: "网站名称「{name}」含有:{words}", en: "website name {name} contains: {words}"}
//	    severity: error         # error, warning or info
//	    each: services          # run once per service, binding service and i
//	    path: name              # the violation points at services[i].name
//	    when: filing.subject.nature == "individual" && service.kind == "website"
//	    check: "!has_words(service.name, 'henan.banned-name-words')"
//	    values:                 # computed only when the rule fires
//	      name: service.name
//	      words: found_words(service.name, 'henan.banned-name-words')
//	    effective_from: 2021-01-01
//	    source: seed 001
//	    tests:
//	      - name: fires on a banned word
//	        filing: {services: [{kind: website, name: 股票之家}]}
//	        want: ["services[0].name"]   # quoted: [ ] are YAML flow syntax
//
// A rule's check is true when the filing complies. With each, the engine
// iterates the collection in Go and evaluates the rule once per element, so
// every violation carries its own path and values; the collections are
// services, domains, ips, platforms, pre_approvals, materials and principals.
// The variable filing is always bound, and filing_date is the submission day.
// The parts of a when (joined by &&) that read only the filing, or only the
// filing and the service of a per-domain, ip, platform or pre-approval rule,
// are evaluated once per filing or service rather than per element, so
// writing the cheap service-level test into when costs nothing per domain.
//
// The conjuncts of when, needs and check that are plain reads are decided in
// Go rather than by the CEL interpreter: string fields compared with
// literals or with each other (==, !=, in [...]), has() of a string or
// pointer field, int fields and the int functions compared with ints, the
// Go functions below that cannot fail (resident_id_valid(x),
// certificate_province(t, n) == filing.province, ...), !, c ? a : b, and
// list.exists(x, ...) of such parts. A field behind a pointer is read only
// after a has() of that pointer earlier in the rule. The answers are the
// ones CEL gives (a test compares the two on every rule case and example
// filing); only the time differs, several times less for a typical rule,
// whose when opens with service.kind == "app" or has(filing.resource).
//
// A rule that needs a fact the filing may not hold says so with needs (a
// boolean expression) and needs_reason; when needs is false the rule is
// reported as undecided instead of guessing.
//
// Every CEL expression runs under a cost limit (the parts decided in Go
// are linear in the filing: an exists inside an exists may only go over a
// list of the outer element), a rule's failure is reported
// as an *EvalError, and a Set is immutable and safe for concurrent use.
// Heavy operations are Go functions exposed to CEL (see package check):
// normalize, has_words, found_words, prefix_words, resident_id_valid, resident_id_problem,
// resident_id_birth, age_at, uscc_valid, uscc_problem, certificate_province,
// province_name, mobile_valid, hostname_valid, hostname_problem,
// domain_level, label_count, registrable_domain, main_label, ip_valid, ip_range_valid,
// ip_public, sum, duplicates and unique (linear, where CEL's distinct() is
// quadratic).
package rules
