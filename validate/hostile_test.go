package validate_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// hostileOutcome is what Validate made of a hostile filing, summed up: the
// violations counted by "rule path" (with the paths of long lists cut to
// their first and last element), the undecided rules by the number of
// places each could not decide, and the errors.
type hostileOutcome struct {
	OK         bool
	Violations map[string]int
	Undecided  map[string]int
	EvalErrors []string // "rule path: message" of each of the report's errors
	Truncated  *validate.Truncated
}

// summarize counts a report's entries by rule and path. An index i of
// services (of n) or of domains (of m) counts as [*] unless it is the first
// or the last, so that 10 000 services make three lines, not 10 000.
func summarize(r *validate.Report, err error, n, m int) hostileOutcome {
	collapse := func(p, list string, size int) string {
		head, rest, ok := strings.Cut(p, list+"[")
		if !ok {
			return p
		}
		index, rest, _ := strings.Cut(rest, "]")
		if index == "0" || index == fmt.Sprint(size-1) {
			return p
		}
		return head + list + "[*]" + rest
	}
	path := func(p string) string { return collapse(collapse(p, "services", n), "domains", m) }
	out := hostileOutcome{OK: r.OK, Violations: map[string]int{}, Undecided: map[string]int{}, Truncated: r.Truncated}
	for _, x := range r.Violations {
		out.Violations[x.Rule+" "+path(x.Path)]++
	}
	for _, u := range r.Undecided {
		out.Undecided[u.Rule] += max(u.Count, 1)
		if len(u.Paths) > 10 {
			out.EvalErrors = append(out.EvalErrors, fmt.Sprintf("%s lists %d paths, more than 10", u.Rule, len(u.Paths)))
		}
	}
	for _, e := range r.Errors {
		out.EvalErrors = append(out.EvalErrors, e.Rule+" "+e.Path+": "+e.Message)
	}
	if err != nil {
		out.EvalErrors = append(out.EvalErrors, fmt.Sprintf("Validate failed: %v (%T)", err, err))
	}
	return out
}

// name1MB is a 1 MB (1 048 576 bytes) name.
var name1MB = strings.Repeat("名", 1<<20/3) + "x"

// Filings built in Go bypass the decoder's limits and text checks. Each
// hostile one gives a bounded, clear outcome: a report whose rules and
// paths are asserted here, with the evaluation errors beside it, or a
// *model.DecodeError naming the path. None panics. The filings are
// benchFiling's Guangdong enterprise, whose one warning everywhere is
// guangdong.enterprise-name-guanwang on each website name, and whose
// principals are undecided for want of a resolver.
func TestHostileFilings(t *testing.T) {
	v := newValidator(t, validate.WithDate("2026-03-02"))
	// Without a resolver, the rules that need facts about principals and
	// domains are undecided for each of them: one entry per rule, counting
	// its places.
	undecided := func(services, domains int) map[string]int {
		return map[string]int{
			"guangdong.site-principal-mobile-unique":            services,
			"guangdong.site-principal-unique":                   services,
			"national.contact.email-unique":                     services + 1,
			"national.contact.emergency-phone-unique":           services + 1,
			"national.contact.mobile-not-used-by-other-subject": services + 1,
			"national.domain.already-filed":                     services * domains,
			"national.domain.no-foreign-registrar":              services * domains,
		}
	}
	tests := []struct {
		name     string
		filing   func() *model.Filing
		services int
		domains  int
		want     hostileOutcome
	}{
		{"10 000 services", func() *model.Filing { return benchFiling(10_000, 1) }, 10_000, 1, hostileOutcome{
			OK: true,
			Violations: map[string]int{
				// The report lists the first 1000 violations and counts the rest.
				"guangdong.enterprise-name-guanwang services[0].name": 1,
				"guangdong.enterprise-name-guanwang services[*].name": 999,
			},
			Truncated: &validate.Truncated{Warnings: 9000},
			Undecided: undecided(10_000, 1),
		}},
		// The last of 100 000 domains is not a hostname: the rules go
		// through the whole list.
		{"100 000 domains, the last one bad", func() *model.Filing {
			f := benchFiling(1, 100_000)
			f.Services[0].Domains[99_999].Name = "bad domain"
			return f
		}, 1, 100_000, hostileOutcome{
			Violations: map[string]int{
				"guangdong.enterprise-name-guanwang services[0].name":       1,
				"national.domain.hostname-valid services[0].domains[99999]": 1,
			},
			Undecided: undecided(1, 100_000),
			// Rules that read every domain inside one CEL expression stop
			// at their cost limit on 100 000 of them, reported by name.
			EvalErrors: []string{
				"national.name.basic-format services[0].name: operation cancelled: actual cost limit exceeded",
				"national.website.one-domain services[0].domains: operation cancelled: actual cost limit exceeded",
				"guangdong.domain-prefix-plan materials: operation cancelled: actual cost limit exceeded",
			},
		}},
		{"1 MB service and subject names", func() *model.Filing {
			f := benchFiling(1, 1)
			f.Subject.Name, f.Services[0].Name = name1MB, name1MB
			return f
		}, 1, 1, hostileOutcome{
			// The Go functions cost by the byte; every rule reads a 1 MB
			// name within its cost limit (basic-format normalises it once),
			// and TestCostLimitBoundsGoFunctions stops one that reads it
			// many times. (The decoder refuses names over 64 KiB.)
			OK:         true,
			Violations: map[string]int{"guangdong.enterprise-name-guanwang services[0].name": 1},
			Undecided:  undecided(1, 1),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.filing()
			r, err := v.Validate(context.Background(), f)
			if r == nil {
				t.Fatalf("no report: %v", err)
			}
			if diff := cmp.Diff(tt.want, summarize(r, err, tt.services, tt.domains)); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
		})
	}
}

// The report of the 1 MB names quotes each name once in its one message:
// its size follows the input's, and nothing is cut.
func TestHostileNamesAreQuotedWhole(t *testing.T) {
	f := benchFiling(1, 1)
	f.Subject.Name, f.Services[0].Name = name1MB, name1MB
	r, err := newValidator(t).Validate(context.Background(), f)
	if err != nil || len(r.Violations) != 1 {
		t.Fatalf("Validate = %+v, %v", r, err)
	}
	if msg := r.Violations[0].Message; strings.Count(msg, name1MB) != 2 || len(msg) > 2*len(name1MB)+1000 {
		t.Errorf("message of %d bytes does not quote the two names once each", len(msg))
	}
}

// Hostile text in a filing built in Go is refused before any rule runs,
// with a *model.DecodeError naming the path: where the filing holds a
// canonical value (an enum, the province, a date-time) as a value that is
// not canonical, and anywhere else as text that is not UTF-8 or holds NUL,
// as the decoder would refuse it.
func TestHostileText(t *testing.T) {
	v := newValidator(t)
	tests := []struct {
		name, path, msg string
		edit            func(f *model.Filing)
	}{
		{"NUL in the province", "province", `unknown province "guang\x00dong" (want a mainland province name, pinyin slug such as hunan, or GB/T 2260 code such as 43)`, func(f *model.Filing) { f.Province = "guang\x00dong" }},
		{"invalid UTF-8 in a service kind", "services[0].kind", `unknown service kind "website\xff" (want one of website, app)`, func(f *model.Filing) { f.Services[0].Kind = "website\xff" }},
		{"NUL after submitted_at", "submitted_at", `invalid date or date-time "2026-03-02\x00" (want YYYY-MM-DD or RFC 3339)`, func(f *model.Filing) { f.SubmittedAt = "2026-03-02\x00" }},
		{"invalid UTF-8 in names and a domain", "subject.name", "value is not valid UTF-8; a filing is UTF-8 text", func(f *model.Filing) {
			f.Subject.Name, f.Services[0].Name = "深圳\xc0南海云计算有限公司", "南海\xff云"
			f.Subject.Principal.Name, f.Services[0].Domains[0].Name = "黄\xe7粤", "nan\xffhaiyun.cn"
		}},
		{"NUL in a domain", "services[0].domains[0].name", "value contains a NUL character (U+0000), which no filing holds", func(f *model.Filing) {
			f.Services[0].Domains[0].Name = "nanhaiyun.cn\x00"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := benchFiling(1, 1)
			tt.edit(f)
			r, err := v.Validate(context.Background(), f)
			var de *model.DecodeError
			if !errors.As(err, &de) || r != nil {
				t.Fatalf("Validate = %v, %v; want only a *model.DecodeError", r, err)
			}
			got := []any{de.Path, de.Line, de.Err.Error()}
			if diff := cmp.Diff([]any{tt.path, 0, tt.msg}, got); diff != "" {
				t.Errorf("path, line, message (-want +got):\n%s", diff)
			}
		})
	}
}

// The same hostile shapes written as JSON never reach the rules: the
// decoder refuses each, at its path and line, with ErrLimit for the sizes.
// (EncodeJSON refuses text that is not UTF-8 or holds NUL, as Validate
// does; the decoder's own tests refuse such text in hand-written JSON.)
func TestHostileFilingsAsJSON(t *testing.T) {
	tests := []struct {
		name      string
		filing    *model.Filing
		path      string
		line, col int
		msg       string
		limit     bool
	}{
		// 10 000 services are more values than 250 000 before they are
		// more than 1 000 items: the parser counts values as it goes.
		{"10 000 services", benchFiling(10_000, 1), "services[6409]", 185891, 5,
			"document has more than 250000 values (each use of a YAML alias counts as a copy)", true},
		{"100 000 domains", benchFiling(1, 100_000), "services[0].domains", 33, 18, "list has more than 1000 items", true},
		{"1 MB names", func() *model.Filing {
			f := benchFiling(1, 1)
			f.Subject.Name, f.Services[0].Name = name1MB, name1MB
			return f
		}(), "subject.name", 8, 13, "value is 1048576 bytes, more than the limit of 65536", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := model.EncodeJSON(tt.filing)
			if err != nil {
				t.Fatal(err)
			}
			f, err := model.DecodeJSON(data)
			var de *model.DecodeError
			if !errors.As(err, &de) || f != nil {
				t.Fatalf("DecodeJSON = %v; want a *model.DecodeError", err)
			}
			got := []any{de.Path, de.Line, de.Column, de.Err.Error(), errors.Is(err, model.ErrLimit)}
			if diff := cmp.Diff([]any{tt.path, tt.line, tt.col, tt.msg, tt.limit}, got); diff != "" {
				t.Errorf("path, line, column, message, limit (-want +got):\n%s", diff)
			}
		})
	}
}
