package check

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIP(t *testing.T) {
	tests := []struct {
		ip   string
		want *Problem // nil for a valid address
	}{
		{"1.2.3.4", nil},
		{"0.0.0.0", nil},
		{"255.255.255.255", nil},
		{"::1", nil},
		{"2001:db8::1", nil},
		{"::ffff:1.2.3.4", nil},
		{"fe80::1%eth0", newProblem("ip.zone", "fe80::1%eth0")},
		{"1.2.3.0/24", newProblem("ip.prefix-length", "1.2.3.0/24")},
		{"2001:db8::/32", newProblem("ip.prefix-length", "2001:db8::/32")},
		{"1.2.3", newProblem("ip.invalid", "1.2.3")},
		{"1.2.3.256", newProblem("ip.invalid", "1.2.3.256")},
		{"01.2.3.4", newProblem("ip.invalid", "01.2.3.4")}, // leading zeros read as octal by some
		{" 1.2.3.4", newProblem("ip.invalid", " 1.2.3.4")},
		{"1.2.3.4-1.2.3.5", newProblem("ip.invalid", "1.2.3.4-1.2.3.5")},
		{"example.com", newProblem("ip.invalid", "example.com")},
		{"", newProblem("ip.invalid", "")},
	}
	for _, tt := range tests {
		err := IP(tt.ip)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("IP(%q) problem (-want +got):\n%s", tt.ip, diff)
		}
	}
}

func TestIPRange(t *testing.T) {
	tests := []struct {
		r    string
		want *Problem // nil for a valid range
	}{
		{"1.1.1.1", nil},
		{"1.1.1.1-1.1.1.10", nil},
		{"1.1.1.1 - 1.1.1.10", nil},
		{"1.1.1.1-1.1.1.1", nil},
		{"2001:db8::1-2001:db8::ff", nil},
		{"2001:db8::1 -2001:db8::ff", nil},
		{"1.1.1.10-1.1.1.1", newProblem("ip-range.reversed", "1.1.1.10-1.1.1.1")},
		{"2001:db8::ff-2001:db8::1", newProblem("ip-range.reversed", "2001:db8::ff-2001:db8::1")},
		{"1.1.1.1-::1", newProblem("ip-range.mixed", "1.1.1.1-::1")},
		{"::ffff:1.1.1.1-1.1.1.2", newProblem("ip-range.mixed", "::ffff:1.1.1.1-1.1.1.2")},
		{"1.1.1.1-", newProblem("ip-range.end", "1.1.1.1-", "")},
		{"-1.1.1.1", newProblem("ip-range.start", "-1.1.1.1", "")},
		{"1.1.1.1-1.1.1.2-1.1.1.3", newProblem("ip-range.end", "1.1.1.1-1.1.1.2-1.1.1.3", "1.1.1.2-1.1.1.3")},
		{"1.1.1.0/24-1.1.1.9", newProblem("ip-range.start", "1.1.1.0/24-1.1.1.9", "1.1.1.0/24")},
		{"1.1.1.0/24", newProblem("ip.prefix-length", "1.1.1.0/24")},
		{"1.1.1.1~1.1.1.2", newProblem("ip.invalid", "1.1.1.1~1.1.1.2")},
		{" 1.1.1.1-1.1.1.2", newProblem("ip-range.start", " 1.1.1.1-1.1.1.2", " 1.1.1.1")},
	}
	for _, tt := range tests {
		err := IPRange(tt.r)
		if diff := cmp.Diff(tt.want, problemOf(err)); diff != "" {
			t.Errorf("IPRange(%q) problem (-want +got):\n%s", tt.r, diff)
		}
	}
}

func TestPublicIP(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"114.114.114.114", true},
		{"100.63.255.255", true},   // just below CGNAT
		{"100.128.0.0", true},      // just above CGNAT
		{"2400:3200::1", true},     // AliDNS
		{"240e:1::1", true},        // China Telecom
		{"10.0.0.1", false},        // RFC 1918
		{"172.16.0.1", false},      // RFC 1918
		{"192.168.1.1", false},     // RFC 1918
		{"127.0.0.1", false},       // loopback
		{"169.254.1.1", false},     // link-local
		{"100.64.0.1", false},      // CGNAT
		{"100.127.255.255", false}, // CGNAT
		{"192.0.2.1", false},       // documentation
		{"198.51.100.1", false},    // documentation
		{"203.0.113.1", false},     // documentation
		{"198.18.0.1", false},      // benchmarking
		{"192.0.0.8", false},       // IETF protocol assignments
		{"0.0.0.0", false},         // unspecified
		{"0.1.2.3", false},         // "this network"
		{"224.0.0.1", false},       // multicast
		{"240.0.0.1", false},       // reserved
		{"255.255.255.255", false}, // broadcast
		{"::", false},              // unspecified
		{"::1", false},             // loopback
		{"fe80::1", false},         // link-local
		{"fc00::1", false},         // unique local
		{"fd12:3456::1", false},    // unique local
		{"ff02::1", false},         // multicast
		{"2001:db8::1", false},     // documentation
		{"3fff::1", false},         // documentation (RFC 9637)
		{"100::1", false},          // discard-only
		{"::ffff:8.8.8.8", false},  // IPv4-mapped: write the IPv4 form
		{"8.8.8.8-8.8.8.9", false}, // a range, not an address
		{"8.8.8.8/32", false},
		{"example.com", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := PublicIP(tt.ip); got != tt.want {
			t.Errorf("PublicIP(%q) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}
