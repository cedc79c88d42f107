package check

import (
	"net/netip"
	"strings"
)

var ipTexts = map[string]texts{
	"ip.invalid": {
		"“{1}”不是有效的IPv4或IPv6地址",
		`"{1}" is not an IPv4 or IPv6 address`},
	"ip.prefix-length": {
		"IP地址“{1}”带有前缀长度,请填写单个地址",
		`the IP address "{1}" has a prefix length; give a single address`},
	"ip.zone": {
		"IP地址“{1}”带有区域标识,请只填写地址",
		`the IP address "{1}" has a zone; give the address alone`},
	"ip-range.start": {
		"IP地址段“{1}”的起始地址“{2}”不是有效的IP地址",
		`the start "{2}" of the IP range "{1}" is not an IPv4 or IPv6 address`},
	"ip-range.end": {
		"IP地址段“{1}”的终止地址“{2}”不是有效的IP地址",
		`the end "{2}" of the IP range "{1}" is not an IPv4 or IPv6 address`},
	"ip-range.mixed": {
		"IP地址段“{1}”混用了IPv4和IPv6地址",
		`the IP range "{1}" mixes IPv4 and IPv6`},
	"ip-range.reversed": {
		"IP地址段“{1}”的起始地址大于终止地址",
		`the IP range "{1}" starts after it ends`},
}

// IP checks a single IPv4 address in dotted-quad form or an IPv6 address,
// without zone or prefix length.
func IP(s string) error {
	if _, p := parseIP(s); p != nil {
		return p
	}
	return nil
}

func parseIP(s string) (netip.Addr, *Problem) {
	if strings.Contains(s, "/") {
		return netip.Addr{}, newProblem("ip.prefix-length", s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, newProblem("ip.invalid", s)
	}
	if a.Zone() != "" {
		return netip.Addr{}, newProblem("ip.zone", s)
	}
	return a, nil
}

// IPRange checks a single IP address or a range "start-end" (起始IP-终止IP)
// of two addresses of the same family with start <= end; spaces around the
// hyphen are allowed.
func IPRange(s string) error {
	start, end, found := strings.Cut(s, "-")
	if !found {
		return IP(s)
	}
	start, end = strings.TrimRight(start, " "), strings.TrimLeft(end, " ")
	from, p := parseIP(start)
	if p != nil {
		return newProblem("ip-range.start", s, start)
	}
	to, p := parseIP(end)
	if p != nil {
		return newProblem("ip-range.end", s, end)
	}
	if from.Is4() != to.Is4() {
		return newProblem("ip-range.mixed", s)
	}
	if from.Compare(to) > 0 {
		return newProblem("ip-range.reversed", s)
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
	a, p := parseIP(s)
	if p != nil || !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}
