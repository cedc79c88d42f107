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

const usage = "usage: precheck [-format text|json] [-lang zh|en] [-date YYYY-MM-DD] [-undecided=false] FILE...\n       precheck -version"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command; extra options of the validator are for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, extra ...validate.Option) int {
	flags := flag.NewFlagSet("precheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output format: text, or json (one report per line)")
	lang := flags.String("lang", "zh", "language of the messages and of the text output: zh or en")
	date := flags.String("date", "", "submission day YYYY-MM-DD for filings without submitted_at (default: today in China)")
	undecided := flags.Bool("undecided", true, "list the rules that could not decide in the text output")
	version := flags.Bool("version", false, "print the rule set's version and exit")
	flags.Usage = func() {
		fmt.Fprintln(stderr, usage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return exitBadInput
	}
	l, err := model.ParseLanguage(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "precheck: -lang: %v\n", err)
		return exitBadInput
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "precheck: -format %q: want text or json\n", *format)
		return exitBadInput
	}
	if !*version && flags.NArg() == 0 {
		flags.Usage()
		return exitBadInput
	}
	opts := append([]validate.Option{validate.WithLanguage(l)}, extra...)
	if *date != "" {
		opts = append(opts, validate.WithDate(model.Date(*date)))
	}
	v, err := validate.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "precheck: %v\n", err)
		return exitBadInput
	}
	if *version {
		fmt.Fprintln(stdout, v.RulesVersion())
		return exitOK
	}
	status := exitOK
	for _, name := range flags.Args() {
		report, err := check(ctx, v, name, stdin)
		if err != nil {
			body := errorBody(name, err, l)
			fmt.Fprintf(stderr, "precheck: %s: %s\n", location(body.Error), body.Error.Message)
			if *format == "json" {
				if err := writeJSON(stdout, body); err != nil {
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
			writeText(stdout, name, report, l, *undecided)
		}
		if !report.OK && status == exitOK {
			status = exitViolated
		}
	}
	return status
}

// check reads, decodes and checks one filing. Its error is for input that
// could not be checked at all; a rule that fails is in the report.
func check(ctx context.Context, v *validate.Validator, name string, stdin io.Reader) (*validate.Report, error) {
	filing, err := readFiling(name, stdin)
	if err != nil {
		return nil, err
	}
	return v.Validate(ctx, filing)
}

// fileReport is one line of -format json: the report with its input's name.
type fileReport struct {
	File string `json:"file"`
	*validate.Report
}

// writeJSON writes v on one line, leaving < > & readable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
