package model

import "errors"

// Code names what is wrong with a filing that the decoders or Check refuse.
// The codes are stable: a client may match on them, and each language's
// text is rendered from the code and the values of its Problem.
type Code string

// The codes, with the Problem fields each sets besides Code.
const (
	// The shape of the document.
	CodeUnknownKey        Code = "unknown_key"          // Key; Allowed: the keys of the object
	CodeDuplicateKey      Code = "duplicate_key"        // Key; FirstLine
	CodeWrongType         Code = "wrong_type"           // Want; Got; Value for a scalar
	CodeNotAnObject       Code = "not_an_object"        // Got; Value: the top level is not an object
	CodeKeyNotText        Code = "key_not_text"         // Got: a YAML key that is a list or an object
	CodeIntegerOutOfRange Code = "integer_out_of_range" // Value
	CodeLeadingZero       Code = "leading_zero"         // Value: 012, read as 10 or 12 by YAML's versions
	CodeInvalidBoolean    Code = "invalid_boolean"      // Value: a !!bool that is neither true nor false
	CodeUnsupportedTag    Code = "unsupported_tag"      // Value: the tag
	CodeMergeKey          Code = "merge_key"            // a YAML merge key (<<)
	CodeRecursiveAlias    Code = "recursive_alias"      // Value: the anchor's name
	CodeUnknownAnchor     Code = "unknown_anchor"       // Value: the alias's name
	CodeEmptyDocument     Code = "empty_document"       // a YAML document with no value
	CodeSeveralDocuments  Code = "several_documents"    // more than one YAML document
	CodeInvalidJSON       Code = "invalid_json"         // Value: the character found, "" at the end; Detail
	CodeInvalidYAML       Code = "invalid_yaml"         // Detail

	// Text.
	CodeNotUTF8         Code = "not_utf8"          // InKey
	CodeDocumentNotUTF8 Code = "document_not_utf8" // bytes that are not UTF-8 outside any value
	CodeLoneSurrogate   Code = "lone_surrogate"    // InKey: a JSON \u escape of half a surrogate pair
	CodeContainsNUL     Code = "contains_nul"      // InKey

	// Limits: errors.Is(err, ErrLimit) holds for these.
	CodeTooLarge      Code = "too_large"       // Format ("JSON" or "YAML"); Size; Limit: bytes
	CodeTooManyValues Code = "too_many_values" // Limit
	CodeTooDeep       Code = "too_deep"        // Limit
	CodeTooManyItems  Code = "too_many_items"  // Limit
	CodeTooLong       Code = "too_long"        // InKey; Size; Limit: bytes

	// Values.
	CodeUnknownEnum     Code = "unknown_enum"      // Enum; Value; Allowed
	CodeInvalidDate     Code = "invalid_date"      // Value
	CodeInvalidDateTime Code = "invalid_date_time" // Value
	CodeUnknownProvince Code = "unknown_province"  // Value
	CodeNoICPRegion     Code = "no_icp_region"     // Value; Region: Hong Kong, Macao or Taiwan

	// A filing built in Go (Check).
	CodeNotCanonical Code = "not_canonical" // Value; Canonical
	CodeNilFiling    Code = "nil_filing"    // Check(nil)
)

// Problem is what a DecodeError says is wrong: a code and the values its
// texts name. Its Error is the English text, for logs; Text writes it in
// either language. Which fields are set depends on Code.
type Problem struct {
	Code Code
	// Key is the key at fault.
	Key string
	// Value is the value at fault as the filing wrote it (shortened when
	// long), or the tag, anchor or character that Code names.
	Value string
	// Allowed lists the keys or the enumeration values allowed here.
	Allowed []string
	// Want is the kind of value the field takes: "string", "string or
	// object", "boolean", "integer", "list" or "object". Got is the kind
	// found: "null", "string", "number", "boolean", "object" or "list".
	Want, Got string
	// Size and Limit are what a document, list or text holds and the most
	// it may hold.
	Size, Limit int
	// FirstLine is the line of a duplicate key's first use.
	FirstLine int
	// Enum is the enumeration's English name, as in its English text
	// ("subject nature").
	Enum string
	// Canonical is the canonical form of Value.
	Canonical string
	// Region is the English name of a region without ICP filing.
	Region string
	// Format is "JSON" or "YAML".
	Format string
	// Detail is the parser's own English account of a syntax error; the
	// Chinese text says the same where it is known, and less otherwise.
	Detail string
	// InKey says the text at fault is a key, not a value.
	InKey bool

	cause error // a *json.SyntaxError, for errors.As
}

// Error is the English text.
func (p *Problem) Error() string { return p.Text(English) }

// Unwrap returns the parser's own error where there is one.
func (p *Problem) Unwrap() error { return p.cause }

// Is makes errors.Is(err, ErrLimit) true for the limit codes.
func (p *Problem) Is(target error) bool {
	if target != ErrLimit {
		return false
	}
	switch p.Code {
	case CodeTooLarge, CodeTooManyValues, CodeTooDeep, CodeTooManyItems, CodeTooLong:
		return true
	}
	return false
}

// Text says what is wrong in language l: wholly Chinese or wholly English,
// the values from the filing quoted.
func (p *Problem) Text(l Language) string {
	t, ok := problemTexts[p.Code]
	switch {
	case !ok && l == English:
		return "invalid filing (" + string(p.Code) + ")"
	case !ok:
		return "备案信息无效"
	case l == English:
		return t.en(p)
	}
	return t.zh(p)
}

// problemOf finds the Problem in err's chain.
func problemOf(err error) (*Problem, bool) {
	return errors.AsType[*Problem](err)
}
