package check

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/idna"
)

func TestHostname(t *testing.T) {
	long63 := strings.Repeat("a", 63)
	tests := []struct {
		host, wantErr string // wantErr is "" for a valid name
	}{
		{"example.com", ""},
		{"www.example.com", ""},
		{"example.com.cn", ""},
		{"a-b.example.com", ""},
		{"123.com", ""}, // numeric labels are fine below the top level
		{"Example.COM", ""},
		{"例子.中国", ""},
		{"www.例子.中国", ""},
		{"中文网.com", ""},
		{"xn--fsqu00a.xn--fiqs8s", ""}, // 例子.中国 in ASCII form
		{long63 + ".com", ""},
		{strings.Repeat(long63+".", 3) + strings.Repeat("a", 58) + ".cn", ""}, // 253 bytes

		{"", "empty"},
		{"com", "one label"},
		{"localhost", "one label"},
		{"example.com.", "ends with a dot"},
		{".example.com", "starts with a dot"},
		{"a..example.com", "empty label"},
		{"http://example.com", "scheme"},
		{"example.com/index.html", "path"},
		{"example.com?a=1", "path or query"},
		{"example.com:8080", "port"},
		{"*.example.com", "wildcard"},
		{"exa mple.com", "white space"},
		{" example.com", "white space"},
		{"例子。中国", "full-width dot"},
		{"1.2.3.4", "IP address"},
		{"::1", "IP address"},
		{"example.123", "all-numeric top-level"},
		{"-a.com", "starts or ends with a hyphen"},
		{"a-.com", "starts or ends with a hyphen"},
		{"ab--cd.com", "third and fourth"},
		{"exa_mple.com", "contains '_'"},
		{long63 + "a.com", "64 bytes long, more than 63"},
		{strings.Repeat(long63+".", 3) + strings.Repeat("a", 59) + ".cn", "254 bytes"},
		{"中华人民共和国工业和信息化部互联网信息服务备案.cn", "71 bytes long in ASCII form"}, // 23 characters
		{"工业和信息化部.中国", ""},
		{"ｅｘａｍｐｌｅ.com", "not a valid internationalised label"}, // full-width letters
		{"EXAMPLE.中国", ""},
		{"É.com", "not a valid internationalised label"}, // upper-case non-ASCII
		{"xn--zz.com", "not a valid internationalised label"},
		{"xn--example.com", "not a valid internationalised label"},
		{"😀.com", "contains '😀'"},
		{"שלום.1a.com", "not a valid internationalised domain name"}, // bidi rule: an RTL name's labels must not start with a digit
		{"股票・基金.com", "contains '・'"},
		{"例子！.com", "contains '！'"},
	}
	for _, tt := range tests {
		err := Hostname(tt.host)
		if tt.wantErr == "" && err != nil {
			t.Errorf("Hostname(%q): %v", tt.host, err)
		}
		if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("Hostname(%q) error = %v, want it to contain %q", tt.host, err, tt.wantErr)
		}
	}
}

func TestDomainLevel(t *testing.T) {
	tests := []struct {
		host        string
		level       int
		registrable string
		labels      int
	}{
		{"example.com", 2, "example.com", 2},
		{"a.example.com", 3, "example.com", 3},
		{"b.a.example.com", 4, "example.com", 4},
		{"example.com.cn", 2, "example.com.cn", 3},
		{"a.example.com.cn", 3, "example.com.cn", 4},
		{"example.gov.cn", 2, "example.gov.cn", 3},
		{"example.cn", 2, "example.cn", 2},
		{"WWW.Example.COM", 3, "example.com", 3},
		{"例子.中国", 2, "例子.中国", 2},
		{"www.例子.中国", 3, "例子.中国", 3},
		{"www.xn--fsqu00a.xn--fiqs8s", 3, "xn--fsqu00a.xn--fiqs8s", 3},
		{"例子.公司", 2, "例子.公司", 2},
		{"www.example.co.uk", 3, "example.co.uk", 4},
		{"example.unknowntld", 2, "example.unknowntld", 2},
		// Private Public Suffix List entries are not suffixes here: the
		// domain a filer can register is github.io's holder's.
		{"user.github.io", 3, "github.io", 3},
		{"com.cn", 0, "", 2}, // a public suffix itself
		{"com", 0, "", 0},
		{"*.example.com", 0, "", 0},
		{"", 0, "", 0},
	}
	for _, tt := range tests {
		if got := DomainLevel(tt.host); got != tt.level {
			t.Errorf("DomainLevel(%q) = %d, want %d", tt.host, got, tt.level)
		}
		if got := RegistrableDomain(tt.host); got != tt.registrable {
			t.Errorf("RegistrableDomain(%q) = %q, want %q", tt.host, got, tt.registrable)
		}
		if got := LabelCount(tt.host); got != tt.labels {
			t.Errorf("LabelCount(%q) = %d, want %d", tt.host, got, tt.labels)
		}
	}
}

func TestIP(t *testing.T) {
	tests := []struct {
		ip, wantErr string
	}{
		{"1.2.3.4", ""},
		{"0.0.0.0", ""},
		{"255.255.255.255", ""},
		{"::1", ""},
		{"2001:db8::1", ""},
		{"::ffff:1.2.3.4", ""},
		{"fe80::1%eth0", "zone"},
		{"1.2.3.0/24", "prefix length"},
		{"2001:db8::/32", "prefix length"},
		{"1.2.3", "not an IPv4 or IPv6 address"},
		{"1.2.3.256", "not an IPv4 or IPv6 address"},
		{"01.2.3.4", "not an IPv4 or IPv6 address"}, // leading zeros read as octal by some
		{" 1.2.3.4", "not an IPv4 or IPv6 address"},
		{"1.2.3.4-1.2.3.5", "not an IPv4 or IPv6 address"},
		{"example.com", "not an IPv4 or IPv6 address"},
		{"", "not an IPv4 or IPv6 address"},
	}
	for _, tt := range tests {
		err := IP(tt.ip)
		if tt.wantErr == "" && err != nil {
			t.Errorf("IP(%q): %v", tt.ip, err)
		}
		if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("IP(%q) error = %v, want it to contain %q", tt.ip, err, tt.wantErr)
		}
	}
}

func TestIPRange(t *testing.T) {
	tests := []struct {
		r, wantErr string
	}{
		{"1.1.1.1", ""},
		{"1.1.1.1-1.1.1.10", ""},
		{"1.1.1.1 - 1.1.1.10", ""},
		{"1.1.1.1-1.1.1.1", ""},
		{"2001:db8::1-2001:db8::ff", ""},
		{"2001:db8::1 -2001:db8::ff", ""},
		{"1.1.1.10-1.1.1.1", "starts after it ends"},
		{"2001:db8::ff-2001:db8::1", "starts after it ends"},
		{"1.1.1.1-::1", "mixes IPv4 and IPv6"},
		{"::ffff:1.1.1.1-1.1.1.2", "mixes IPv4 and IPv6"},
		{"1.1.1.1-", "end"},
		{"-1.1.1.1", "start"},
		{"1.1.1.1-1.1.1.2-1.1.1.3", "end"},
		{"1.1.1.0/24", "prefix length"},
		{"1.1.1.1~1.1.1.2", "not an IPv4 or IPv6 address"},
		{" 1.1.1.1-1.1.1.2", "start"},
	}
	for _, tt := range tests {
		err := IPRange(tt.r)
		if tt.wantErr == "" && err != nil {
			t.Errorf("IPRange(%q): %v", tt.r, err)
		}
		if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("IPRange(%q) error = %v, want it to contain %q", tt.r, err, tt.wantErr)
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

// A name of ASCII letters, digits and hyphens skips the whole-name IDNA
// check: the check must agree that such a name asciiHostname accepts is
// valid, and give back the same ASCII form.
func TestLDHNamesNeedNoIDNACheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "abcXYZ019-.-."
	accepted := 0
	for range 100_000 {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		name := string(b)
		ascii, err := asciiHostname(name)
		if err != nil {
			continue
		}
		accepted++
		idnaASCII, idnaErr := idna.Registration.ToASCII(ascii)
		if idnaErr != nil || idnaASCII != ascii {
			t.Fatalf("asciiHostname(%q) = %q, but IDNA gives %q, %v", name, ascii, idnaASCII, idnaErr)
		}
	}
	if accepted < 1000 {
		t.Fatalf("only %d of the generated names were valid; the test says little", accepted)
	}
}
