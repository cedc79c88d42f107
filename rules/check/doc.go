// Package check implements in Go the checks that rule expressions call:
// word-list matching over normalized text, identity and registration
// numbers, domain names, IP addresses, phone numbers and e-mail addresses.
// It does not depend on CEL: the rule engine declares these functions to
// CEL, so they stay plain Go, testable and usable without it.
//
// Every error a check returns is a *Problem: a stable code such as
// "resident-id.check-character" and the values it names. Problem.Text
// renders it wholly in Chinese or wholly in English for the report's
// language, with the values as the input wrote them; Error gives the
// English text for Go logs. ProblemCodes lists every code.
//
// The identifier checks follow the standards, not the regular expressions
// found in many public validators:
//
//   - GB 11643-1999 公民身份号码 (resident identity number), with the
//     ISO 7064:1983 MOD 11-2 check character; ResidentIDOn also refuses a
//     birth date after the filing's date or more than 120 years before it;
//   - GB 32100-2015 法人和其他组织统一社会信用代码编码规则 (unified social
//     credit code), its MOD 31 check character (GB/T 17710) and the
//     registration department and kind codes assigned since;
//   - GB 11714-1997 全国组织机构代码编制规则 (organisation code), also
//     embedded as characters 9-17 of every unified social credit code;
//   - GB/T 2260 行政区划代码 for the province-level part of division codes.
//
// Text matching uses Unicode normalization form NFKC (UAX #15) and East
// Asian width folding (UAX #11). Domain names follow RFC 1123 for ASCII
// labels and IDNA2008 (RFC 5890-5893) for internationalised ones; ParseHost
// parses a name once for its ASCII form, labels, level, registrable domain
// and main label. Levels use the ICANN section of the Public Suffix List,
// held in psl_table.go: `go generate` makes it with pslgen, a separate
// module, from the list that github.com/weppos/publicsuffix-go carries, so
// that the browser build does not link golang.org/x/net/publicsuffix and
// the net/http, TLS and x509 code it imports. IP checks follow the IANA
// special-purpose address registries (RFC 6890). Mobile and landline
// numbers follow the MIIT numbering plan (电信网编号计划); e-mail addresses
// are parsed by net/mail (RFC 5322) and then held to what filing consoles
// take: a bare ASCII address.
//
// The functions are pure: they read no clock, network or files, and are
// safe for concurrent use.
package check
