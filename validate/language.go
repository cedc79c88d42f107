package validate

import "github.com/icpcheck/icpcheck/model"

// Language is the language of every text in a report. It is
// model.Language, named here so that a caller choosing English needs no
// other import: validate.WithLanguage(validate.English).
type Language = model.Language

// The languages a report can be written in; Chinese is the default.
const (
	Chinese = model.Chinese
	English = model.English
)
