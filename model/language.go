package model

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Language is the language of every text that icpcheck writes for an
// applicant: rule messages, fixes, undecided reasons and decode errors. A
// text is wholly in one language; values quoted from the filing excepted.
type Language int

// The languages icpcheck writes. Chinese is the default.
const (
	Chinese Language = iota
	English
)

// String returns the language's BCP 47 tag: "zh" or "en".
func (l Language) String() string {
	if l == English {
		return "en"
	}
	return "zh"
}

var supportedLanguages = language.NewMatcher([]language.Tag{language.Chinese, language.English})

// MatchLanguage picks the language for a caller's preferences, matched with
// golang.org/x/text/language: English when they prefer it, else Chinese.
func MatchLanguage(prefs ...language.Tag) Language {
	if len(prefs) == 0 {
		return Chinese
	}
	_, index, confidence := supportedLanguages.Match(prefs...)
	if confidence == language.No || index == 0 {
		return Chinese
	}
	return English
}

// ParseLanguage reads a language as a caller names it: a BCP 47 tag or an
// Accept-Language header ("zh", "en-GB", "fr;q=0.9, en;q=0.8"). Empty text
// is Chinese. A text naming only languages icpcheck does not write is an
// error, so that "-lang fr" is refused rather than silently read as Chinese.
func ParseLanguage(s string) (Language, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Chinese, nil
	}
	tags, _, err := language.ParseAcceptLanguage(s)
	if err != nil || len(tags) == 0 {
		return Chinese, fmt.Errorf("language %q: want zh or en", s)
	}
	_, index, confidence := supportedLanguages.Match(tags...)
	if confidence == language.No {
		return Chinese, fmt.Errorf("language %q: icpcheck writes zh or en", s)
	}
	if index == 0 {
		return Chinese, nil
	}
	return English, nil
}
