package model

import (
	"strings"
	"time"
)

// Date is a calendar day written YYYY-MM-DD. Dates in canonical form compare
// correctly as strings, which is how CEL rules compare them.
type Date string

// DateTime is a day (YYYY-MM-DD) or an RFC 3339 date-time; the wire format
// accepts both where it says "date or date-time".
type DateTime string

// ParseDate checks s is a real calendar day in YYYY-MM-DD form.
func ParseDate(s string) (Date, error) {
	if !isDate(s) {
		return "", &Problem{Code: CodeInvalidDate, Value: s}
	}
	return Date(s), nil
}

// isDate checks YYYY-MM-DD by hand: every Validate checks every date, and
// time.Parse costs more than the rest of that check together.
func isDate(s string) bool {
	_, ok := dateOf(s)
	return ok
}

// dateOf reads a real calendar day in YYYY-MM-DD form.
func dateOf(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	num := func(part string) int {
		n := 0
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return -1
			}
			n = n*10 + int(part[i]-'0')
		}
		return n
	}
	year, month, day := num(s[:4]), num(s[5:7]), num(s[8:])
	if year < 1 || month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == day // a day the month lacks rolls over
}

// Time returns the day at midnight UTC, or the error ParseDate gives.
func (d Date) Time() (time.Time, error) {
	t, ok := dateOf(string(d))
	if !ok {
		return time.Time{}, &Problem{Code: CodeInvalidDate, Value: string(d)}
	}
	return t, nil
}

// ParseDateTime accepts a day (YYYY-MM-DD) or an RFC 3339 date-time.
func ParseDateTime(s string) (DateTime, error) {
	if !isDateTime(s) {
		return "", &Problem{Code: CodeInvalidDateTime, Value: s}
	}
	return DateTime(s), nil
}

// isDateTime checks a day or an RFC 3339 date-time without allocating.
func isDateTime(s string) bool {
	if isDate(s) {
		return true
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// Date returns the calendar day of d as written, in its own UTC offset: the
// day the applicant saw on the clock.
func (d DateTime) Date() (Date, error) {
	s := string(d)
	if i := strings.IndexByte(s, 'T'); i >= 0 {
		if _, err := ParseDateTime(s); err != nil {
			return "", err
		}
		s = s[:i]
	}
	return ParseDate(s)
}

func (d *Date) setText(s string) error {
	if s == "" {
		*d = ""
		return nil
	}
	v, err := ParseDate(s)
	*d = v
	return err
}

func (d *DateTime) setText(s string) error {
	if s == "" {
		*d = ""
		return nil
	}
	v, err := ParseDateTime(s)
	*d = v
	return err
}

// canonical reports whether d is valid as written; a valid date is in its
// only form.
func (d Date) canonical() bool { return isDate(string(d)) }

// canonical reports whether d is valid as written: a date-time is kept as
// written once it parses.
func (d DateTime) canonical() bool { return isDateTime(string(d)) }
