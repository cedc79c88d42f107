// Package rulestest runs the test cases declared beside rules, from a
// user's own go test, with the same mechanism that tests icpcheck's embedded
// rule files:
//
//	func TestMyRules(t *testing.T) {
//		rulestest.Run(t, os.DirFS("rules"))
//	}
//
// Each case's filing is merged over its file's test_base (mappings merge key
// by key, anything else replaces, null deletes), decoded strictly, and
// evaluated; the paths where the rule fired must equal the case's want.
//
// Every rule needs a case that fires it and one that does not
// (WithoutCoverage drops that), and its texts are checked: a fix on errors
// and warnings, 提醒:/Reminder: on info titles, each language on its own
// (WithoutTextChecks drops that).
package rulestest
