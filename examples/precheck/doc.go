// Command precheck checks ICP filings (JSON or YAML) against icpcheck's rules
// before they are submitted, as the wire format's command-line contract says:
//
//	go run ./examples/precheck [-format text|json] [-lang zh|en] [-date YYYY-MM-DD] [-undecided=false] FILE...
//	go run ./examples/precheck -version
//
// A FILE of "-" reads standard input. The exit status is 0 when every filing
// is ok, 1 when any is not (an error violation, or a rule that failed to
// evaluate), and 2 when an input could not be read or decoded (the message
// names the file, the line, the column and the key path) or the command
// line is wrong.
package main
