package check

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Hostname checks a domain name as written in a filing: dot-separated
// labels, at least two, with no scheme, port, path, wildcard or trailing
// dot. ASCII labels are letters, digits and hyphens (RFC 1123), 1-63 bytes,
// not starting or ending with a hyphen; other labels must be valid IDNA2008
// labels for registration (RFC 5891), such as 例子.中国, and are measured in
// their xn-- form. The whole name is at most 253 bytes in ASCII form and the
// top-level label is not all digits. Upper-case ASCII is accepted.
func Hostname(s string) error {
	_, err := asciiHostname(s)
	return err
}

// asciiHostname checks s as Hostname does and returns its lower-case ASCII
// (xn--) form.
func asciiHostname(s string) (string, error) {
	if s == "" {
		return "", errors.New("hostname is empty")
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return "", fmt.Errorf("hostname %q is an IP address, not a domain name", s)
	}
	switch {
	case strings.Contains(s, "://"):
		return "", fmt.Errorf("hostname %q has a scheme; give the domain name alone", s)
	case strings.ContainsAny(s, "/?#"):
		return "", fmt.Errorf("hostname %q has a path or query; give the domain name alone", s)
	case strings.Contains(s, ":"):
		return "", fmt.Errorf("hostname %q has a port; give the domain name alone", s)
	case strings.Contains(s, "*"):
		return "", fmt.Errorf("hostname %q has a wildcard; file each name", s)
	case strings.ContainsFunc(s, unicode.IsSpace):
		return "", fmt.Errorf("hostname %q contains white space", s)
	case strings.ContainsAny(s, "。．｡"):
		return "", fmt.Errorf("hostname %q uses a full-width dot; separate labels with '.'", s)
	case strings.HasSuffix(s, "."):
		return "", fmt.Errorf("hostname %q ends with a dot", s)
	case strings.HasPrefix(s, "."):
		return "", fmt.Errorf("hostname %q starts with a dot", s)
	case strings.Contains(s, ".."):
		return "", fmt.Errorf("hostname %q has an empty label (\"..\")", s)
	}
	lower := asciiLower(s)
	labels := strings.Split(lower, ".")
	if len(labels) < 2 {
		return "", fmt.Errorf("hostname %q has one label; a filed domain name has at least two", s)
	}
	internationalised := false
	for i, label := range labels {
		a, err := asciiLabel(label)
		if err != nil {
			return "", fmt.Errorf("hostname %q: label %q %w", s, label, err)
		}
		internationalised = internationalised || a != label || strings.HasPrefix(a, "xn--")
		labels[i] = a
	}
	ascii := lower
	if internationalised {
		ascii = strings.Join(labels, ".")
	}
	if len(ascii) > 253 {
		return "", fmt.Errorf("hostname %q is %d bytes long in ASCII form, more than 253", s, len(ascii))
	}
	if allDigits(labels[len(labels)-1]) {
		return "", fmt.Errorf("hostname %q has an all-numeric top-level label", s)
	}
	// The bidi rule (RFC 5893) looks across labels, so check the whole name;
	// a name of letters, digits and hyphens alone has nothing it could
	// refuse that asciiLabel has not (the test compares the two).
	if internationalised {
		if _, err := idna.Registration.ToASCII(ascii); err != nil {
			return "", fmt.Errorf("hostname %q is not a valid internationalised domain name: %w", s, err)
		}
	}
	return ascii, nil
}

// labelProfile is idna.Registration without its length check, so that a
// label that is too long gets asciiLabel's message instead of a bare
// "invalid label".
var labelProfile = idna.New(idna.ValidateForRegistration(), idna.VerifyDNSLength(false))

// asciiLabel checks one lower-cased label and returns its ASCII form. Errors
// are phrased to follow the label.
func asciiLabel(label string) (string, error) {
	if !isASCII(label) || strings.HasPrefix(label, "xn--") {
		// x/net/idna follows UTS #46, whose tables still let through the
		// symbols that IDNA2008 disallows (RFC 5892's LetterDigits rule):
		// emoji, punctuation, other symbols.
		for _, r := range label {
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.Is(unicode.Nd, r) && r != '-' {
				return "", fmt.Errorf("contains %q; internationalised labels are letters, marks, digits and hyphens", r)
			}
		}
		a, err := labelProfile.ToASCII(label)
		if err != nil {
			return "", fmt.Errorf("is not a valid internationalised label: %w", err)
		}
		if len(a) > 63 {
			return "", fmt.Errorf("is %d bytes long in ASCII form (%s), more than 63", len(a), a)
		}
		return a, nil
	}
	switch {
	case len(label) > 63:
		return "", fmt.Errorf("is %d bytes long, more than 63", len(label))
	case label[0] == '-' || label[len(label)-1] == '-':
		return "", errors.New("starts or ends with a hyphen")
	case len(label) >= 4 && label[2:4] == "--":
		return "", errors.New("has \"--\" in the third and fourth places, which only xn-- labels may")
	}
	for i := 0; i < len(label); i++ {
		if c := label[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", fmt.Errorf("contains %q; use only letters, digits and hyphens", c)
		}
	}
	return label, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiLower lower-cases ASCII letters only: other upper-case letters are
// not valid in an IDN label and must stay visible to the IDNA check.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// registrable returns the ASCII form of a valid hostname and the number of
// labels of its registrable domain: the ICANN public suffix and one label
// more. Private entries of the Public Suffix List (github.io, blogspot.com)
// are not used: their subdomains are not registered with a registrar, and a
// filing names the domain its holder registered. ok is false for an invalid
// hostname or a bare public suffix.
func registrable(s string) (ascii string, labels int, ok bool) {
	ascii, err := asciiHostname(s)
	if err != nil {
		return "", 0, false
	}
	suffix := icannSuffix(ascii)
	if len(suffix) >= len(ascii) {
		return "", 0, false
	}
	return ascii, strings.Count(suffix, ".") + 2, true
}

// icannSuffix returns the public suffix of domain from the ICANN section
// of the Public Suffix List, or its last label if no ICANN rule matches.
func icannSuffix(domain string) string {
	for {
		suffix, icann := publicsuffix.PublicSuffix(domain)
		dot := strings.IndexByte(suffix, '.')
		if icann || dot < 0 {
			return suffix
		}
		// A private rule matched; any ICANN rule is a suffix of its parent.
		domain = suffix[dot+1:]
	}
}

// DomainLevel returns the level of s as filing systems count it: 2 for the
// registrable domain (example.com, example.com.cn, 例子.中国), 3 for a name
// directly under it, and so on; 0 for an invalid hostname or a bare public
// suffix such as com.cn.
func DomainLevel(s string) int {
	ascii, n, ok := registrable(s)
	if !ok {
		return 0
	}
	return strings.Count(ascii, ".") + 1 - n + 2
}

// RegistrableDomain returns the registrable domain of s (the ICANN public
// suffix and one more label), in lower case and in the form s was written
// (例子.中国 stays Unicode); "" for an invalid hostname or a bare public
// suffix.
func RegistrableDomain(s string) string {
	_, n, ok := registrable(s)
	if !ok {
		return ""
	}
	labels := strings.Split(asciiLower(s), ".")
	return strings.Join(labels[len(labels)-n:], ".")
}

// LabelCount returns the number of labels of a valid hostname, 0 otherwise.
func LabelCount(s string) int {
	if Hostname(s) != nil {
		return 0
	}
	return strings.Count(s, ".") + 1
}

// IP checks a single IPv4 address in dotted-quad form or an IPv6 address,
// without zone or prefix length.
func IP(s string) error {
	_, err := parseIP(s)
	return err
}

func parseIP(s string) (netip.Addr, error) {
	if strings.Contains(s, "/") {
		return netip.Addr{}, fmt.Errorf("IP address %q has a prefix length; give a single address", s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, fmt.Errorf("%q is not an IPv4 or IPv6 address", s)
	}
	if a.Zone() != "" {
		return netip.Addr{}, fmt.Errorf("IP address %q has a zone; give the address alone", s)
	}
	return a, nil
}

// IPRange checks a single IP address or a range "start-end" of two
// addresses of the same family with start <= end; spaces around the hyphen
// are allowed.
func IPRange(s string) error {
	start, end, found := strings.Cut(s, "-")
	if !found {
		return IP(s)
	}
	from, err := parseIP(strings.TrimRight(start, " "))
	if err != nil {
		return fmt.Errorf("IP range %q: start: %w", s, err)
	}
	to, err := parseIP(strings.TrimLeft(end, " "))
	if err != nil {
		return fmt.Errorf("IP range %q: end: %w", s, err)
	}
	if from.Is4() != to.Is4() {
		return fmt.Errorf("IP range %q mixes IPv4 and IPv6", s)
	}
	if from.Compare(to) > 0 {
		return fmt.Errorf("IP range %q starts after it ends", s)
	}
	return nil
}

// nonPublic lists the special-purpose blocks (IANA registries, RFC 6890)
// that are not globally reachable and that netip's predicates do not cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network", RFC 791
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (CGNAT), RFC 6598
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments, RFC 6890
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation TEST-NET-1, RFC 5737
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking, RFC 2544
	netip.MustParsePrefix("198.51.100.0/24"), // documentation TEST-NET-2, RFC 5737
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation TEST-NET-3, RFC 5737
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, RFC 1112
	netip.MustParsePrefix("::ffff:0:0/96"),   // IPv4-mapped: not an IPv6 address on the wire, RFC 4291
	netip.MustParsePrefix("100::/64"),        // discard-only, RFC 6666
	netip.MustParsePrefix("2001:db8::/32"),   // documentation, RFC 3849
	netip.MustParsePrefix("3fff::/20"),       // documentation, RFC 9637
}

// PublicIP reports whether s is a single globally reachable unicast
// address: not private (RFC 1918, fc00::/7), loopback, link-local,
// unspecified, multicast, broadcast, CGNAT, documentation or another
// special-purpose block.
func PublicIP(s string) bool {
	a, err := parseIP(s)
	if err != nil || !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}
