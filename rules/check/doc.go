// Package check implements in Go the checks that rule expressions call:
// word-list matching over normalized text, identity and registration
// numbers, domain names, IP addresses and mobile numbers. It does not
// depend on CEL: the rule engine declares these functions to CEL, so they
// stay plain Go, testable and usable without it.
//
// The identifier checks follow the standards, not the regular expressions
// found in many public validators:
//
//   - GB 11643-1999 公民身份号码 (resident identity number), with the
//     ISO 7064:1983 MOD 11-2 check character;
//   - GB 32100-2015 法人和其他组织统一社会信用代码编码规则 (unified social
//     credit code), its MOD 31 check character (GB/T 17710) and the
//     registration department and kind codes assigned since;
//   - GB 11714-1997 全国组织机构代码编制规则 (organisation code), also
//     embedded as characters 9-17 of every unified social credit code;
//   - GB/T 2260 行政区划代码 for the province-level part of division codes.
//
// Text matching uses Unicode normalization form NFKC (UAX #15) and East
// Asian width folding (UAX #11). Domain names follow RFC 1123 for ASCII
// labels, IDNA2008 (RFC 5890-5893) for internationalised ones and the ICANN
// section of the Public Suffix List for levels; IP checks follow the IANA
// special-purpose address registries (RFC 6890).
//
// The functions are pure: they read no clock, network or files, and are
// safe for concurrent use.
package check
