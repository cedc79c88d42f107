// Command precheck checks ICP filings (JSON or YAML) against icpcheck's rules
// before they are submitted, as the wire format's command-line contract says:
//
//	go run ./examples/precheck [-format text|json] [-lang zh|en] [-date YYYY-MM-DD] FILE...
//
// A FILE of "-" reads standard input. The exit status is 0 when every filing
// is ok, 1 when any has an error violation, and 2 when an input could not be
// read or decoded (the message names the file, the key path and the line).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// Exit statuses of the contract.
const (
	exitOK       = 0
	exitViolated = 1
	exitBadInput = 2
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("precheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output format: text or json (one report per line)")
	lang := flags.String("lang", "zh", "message language: zh or en")
	date := flags.String("date", "", "submission day YYYY-MM-DD for filings without submitted_at (default: today in China)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: precheck [-format text|json] [-lang zh|en] [-date YYYY-MM-DD] FILE...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return exitBadInput
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return exitBadInput
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "precheck: -format %q: want text or json\n", *format)
		return exitBadInput
	}
	l, err := model.ParseLanguage(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "precheck: -lang: %v\n", err)
		return exitBadInput
	}
	opts := []validate.Option{validate.WithLanguage(l)}
	if *date != "" {
		opts = append(opts, validate.WithDate(model.Date(*date)))
	}
	v, err := validate.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "precheck: %v\n", err)
		return exitBadInput
	}
	status := exitOK
	for _, name := range flags.Args() {
		report, err := check(ctx, v, name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "precheck: %v\n", err)
			if *format == "json" {
				if err := writeJSON(stdout, inputError(name, err, l)); err != nil {
					fmt.Fprintf(stderr, "precheck: %v\n", err)
				}
			}
			status = exitBadInput
			continue
		}
		if *format == "json" {
			if err := writeJSON(stdout, fileReport{File: name, Report: report}); err != nil {
				fmt.Fprintf(stderr, "precheck: %v\n", err)
				return exitBadInput
			}
		} else {
			writeText(stdout, name, report, l)
		}
		if !report.OK && status == exitOK {
			status = exitViolated
		}
	}
	return status
}

func check(ctx context.Context, v *validate.Validator, name string, stdin io.Reader) (*validate.Report, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, model.MaxInputBytes+1))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	filing, err := model.DecodeFile(name, data)
	if err != nil {
		return nil, err
	}
	report, err := v.Validate(ctx, filing)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return report, nil
}

// fileReport is one line of -format json: the report with its input's name.
type fileReport struct {
	File string `json:"file"`
	*validate.Report
}

// inputError is the json line for an input that could not be checked: the
// error body the service and the browser build give too, with the file
// named, since one run checks many.
func inputError(name string, err error, l validate.Language) validate.ErrorBody {
	body := validate.NewErrorBody(err, l)
	if body.Error.File == "" || body.Error.File == "-" {
		body.Error.File = name
	}
	return body
}

// writeJSON writes v on one line, leaving < > & readable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeText(w io.Writer, name string, r *validate.Report, l validate.Language) {
	en := l == validate.English
	errs, warnings, infos := r.Counts()
	verdict := "ok"
	if !r.OK {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "%s: %s (province %s: %d errors, %d warnings, %d infos)\n", name, verdict, orDash(r.Province), errs, warnings, infos)
	for _, v := range r.Violations {
		fmt.Fprintf(w, "  %-7s %s  [%s]\n", v.Severity, orDash(v.Path), v.Rule)
		fmt.Fprintf(w, "          %s\n", v.Message)
	}
	for _, u := range r.Undecided {
		label := "未判定"
		if en {
			label = "undecided"
		}
		fmt.Fprintf(w, "  %s %s  [%s]: %s\n", label, orDash(u.Path), u.Rule, u.Reason)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
