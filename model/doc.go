// Package model defines a filing: one submission to the Chinese ICP filing
// system (一次ICP备案申请), with its subject (主办单位), the websites and APPs
// it declares, the cloud resource it is made with, the uploaded materials and
// the verification steps. The Go types carry the wire format's keys in their
// json tags; the JSON and YAML forms use the same keys.
//
// Decoding is strict, so that a typo never drops data silently. DecodeJSON,
// DecodeYAML and DecodeFile refuse unknown keys, duplicate keys, values of
// the wrong type (a JSON number where text belongs), unknown enumerated
// values, invalid dates and regions without ICP filing; enumerated values,
// provinces and dates are accepted in their documented spellings and
// canonicalised. JSON null and YAML null (null, ~ or nothing) mean "absent".
// Input is bounded by Limits, and YAML aliases count as copies, so hostile
// input fails fast instead of exhausting memory.
//
// YAML is read as people write it: a plain scalar (neither quoted nor
// tagged) where text belongs is that text exactly as written, whatever YAML
// would resolve it to, so mobile: 13800138000, emergency_phone: 073188886666
// and name: 1e3 give "13800138000", "073188886666" and "1e3", as yaml.v3
// itself reads them into a string. JSON has no such form and stays strict: a
// JSON number where text belongs is refused. What YAML would read two ways
// or build into something other than data is refused too: tags other than
// the standard scalar tags, !!map and !!seq, on any node, and integers
// with a leading zero (012 is 10 to YAML 1.1 and 12 to YAML 1.2).
//
// Every error is a *DecodeError carrying the file, the line and column where
// known, and the path of the field in wire keys, such as
// "services[1].principal.mobile". The first error in document order is
// returned. What is wrong is a *Problem: a Code ("unknown_key",
// "wrong_type", …) with the values it names. Error writes it in English,
// for logs; Message writes it wholly in Chinese or wholly in English, for
// the applicant. Use errors.As to get at the fields:
//
//	f, err := model.DecodeFile(name, data)
//	var de *model.DecodeError
//	if errors.As(err, &de) {
//		log.Printf("%s line %d: %s", de.Path, de.Line, de.Message(model.Chinese))
//	}
//
// A Filing built in Go rather than decoded can hold values the decoder would
// have refused or canonicalised ("Website", "湖南", "2023-02-30"); Check finds
// them, reporting the path.
//
// FilingSchema returns the JSON Schema (2020-12) of the canonical JSON form,
// generated from these types by go generate; EnumerationOf lists an
// enumeration's values with their Chinese meanings, for a form.
//
// EncodeJSON and EncodeYAML write the canonical form: enumerations in lower
// case, provinces as pinyin slugs, empty fields left out, keys in struct
// order, a domain as a bare name unless it carries holder data. Decoding what
// they write gives back an equal Filing, in either format.
package model
