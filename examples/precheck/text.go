package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// labels are the words of the text output in one language, so that a
// Chinese report holds no English word but rule ids and paths.
type labels struct {
	ok, fail       string
	header         string // file, verdict, province, then the counts
	noProvince     string
	severity       map[validate.Severity]string
	fix, undecided string
	ruleFailed     string
	reasonSep      string
	undecidedCount string
}

var textLabels = map[validate.Language]labels{
	validate.Chinese: {
		ok: "通过", fail: "未通过",
		header:     "%s:%s(省份:%s;错误 %d 项,警告 %d 项,提示 %d 项%s)\n",
		noProvince: "未填写",
		severity:   map[validate.Severity]string{validate.SeverityError: "错误", validate.SeverityWarning: "警告", validate.SeverityInfo: "提示"},
		fix:        "修改建议:", undecided: "未判定", ruleFailed: "规则执行失败",
		reasonSep: ":", undecidedCount: ",未判定 %d 项",
	},
	validate.English: {
		ok: "ok", fail: "FAIL",
		header:     "%s: %s (province %s: %d errors, %d warnings, %d reminders%s)\n",
		noProvince: "-",
		severity:   map[validate.Severity]string{validate.SeverityError: "error", validate.SeverityWarning: "warning", validate.SeverityInfo: "info"},
		fix:        "fix: ", undecided: "undecided", ruleFailed: "rule failed",
		reasonSep: ": ", undecidedCount: ", %d undecided",
	},
}

// writeText writes r as people read it, in language l; undecided rules
// only when showUndecided.
func writeText(w io.Writer, name string, r *validate.Report, l validate.Language, showUndecided bool) {
	lb := textLabels[l]
	errs, warnings, infos := r.Counts()
	verdict := lb.ok
	if !r.OK {
		verdict = lb.fail
	}
	undecided := ""
	if len(r.Undecided) > 0 {
		undecided = fmt.Sprintf(lb.undecidedCount, len(r.Undecided))
	}
	fmt.Fprintf(w, lb.header, name, verdict, provinceName(r.Province, l, lb), errs, warnings, infos, undecided)
	for _, v := range r.Violations {
		fmt.Fprintf(w, "  %s %s  [%s]\n", lb.severity[v.Severity], orDash(v.Path), v.Rule)
		fmt.Fprintf(w, "      %s\n", v.Message)
		if v.Fix != "" {
			fmt.Fprintf(w, "      %s%s\n", lb.fix, v.Fix)
		}
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  %s %s  [%s]%s%s\n", lb.ruleFailed, orDash(e.Path), e.Rule, lb.reasonSep, e.Message)
	}
	if showUndecided {
		for _, u := range r.Undecided {
			fmt.Fprintf(w, "  %s %s  [%s]%s%s\n", lb.undecided, orDash(u.Path), u.Rule, lb.reasonSep, u.Reason)
		}
	}
}

// provinceName is the province's Chinese name in a Chinese report and its
// slug in an English one.
func provinceName(slug string, l validate.Language, lb labels) string {
	if slug == "" {
		return lb.noProvince
	}
	if info, ok := model.Province(slug).Info(); ok && l == validate.Chinese {
		return info.Full
	}
	return slug
}

// location is where an unreadable input went wrong, as compilers write it:
// file:line:column: path.
func location(e validate.InputError) string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	if e.Path != "" {
		loc += ": " + e.Path
	}
	return loc
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
