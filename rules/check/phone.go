package check

import (
	"fmt"
	"strings"
)

// Mobile checks a mainland China mobile number: 11 digits beginning 13-19
// (the 1xx mobile blocks of the MIIT numbering plan, 电信网编号计划),
// optionally after the country code "+86" or "86" and one space or hyphen.
// Nothing else is allowed, not even spaces inside the number, so that the
// filed number is exactly the one verification messages go to.
func Mobile(s string) error {
	number, prefixed := s, false
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		if !strings.HasPrefix(rest, "86") {
			return fmt.Errorf("mobile number %q: the only country code allowed is +86", s)
		}
		number, prefixed = rest[2:], true
	} else if len(s) > 11 && strings.HasPrefix(s, "86") {
		number, prefixed = s[2:], true
	}
	if prefixed && len(number) == 12 && (number[0] == ' ' || number[0] == '-') {
		number = number[1:]
	}
	if len(number) != 11 {
		return fmt.Errorf("mobile number %q: want 11 digits, optionally after +86", s)
	}
	if !allDigits(number) {
		return fmt.Errorf("mobile number %q: has characters other than digits", s)
	}
	if number[0] != '1' || number[1] < '3' {
		return fmt.Errorf("mobile number %q: mainland mobile numbers begin with 13 to 19", s)
	}
	return nil
}
