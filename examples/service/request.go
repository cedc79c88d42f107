package main

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// headerLanguage is the language the Accept-Language header prefers. A
// malformed header is ignored, since clients and proxies send it without
// the caller choosing it; so is a language icpcheck does not write.
func headerLanguage(r *http.Request) validate.Language {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return validate.Chinese
	}
	return model.MatchLanguage(tags...)
}

// requestLanguage is the language of the answer: the lang query parameter
// if given, else the Accept-Language header. A lang that icpcheck cannot
// write is the caller's explicit mistake: it gives an error, with the
// header's language to write that error in.
func requestLanguage(r *http.Request) (validate.Language, string) {
	header := headerLanguage(r)
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		return header, ""
	}
	l, err := model.ParseLanguage(lang)
	if err != nil {
		return header, msgBadLang.in(header, lang)
	}
	return l, ""
}

// checkQuery refuses a query parameter that the endpoint does not know, so
// that a typo such as ?scopes=hunan is not silently ignored, and one of
// single given more than once. It returns the message to answer with, or
// "".
func checkQuery(q url.Values, l validate.Language, known, single []string) string {
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names) // the first unknown name, whatever the map's order
	for _, name := range names {
		if !slices.Contains(known, name) {
			return msgUnknownParam.in(l, name, strings.Join(known, ", "))
		}
		if len(q[name]) > 1 && slices.Contains(single, name) {
			return msgRepeatedParam.in(l, name)
		}
	}
	return ""
}
