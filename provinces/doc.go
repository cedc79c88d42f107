// Package provinces embeds the rule files icpcheck ships: the national
// baseline (national.yaml, and required.yaml for the values every filing
// holds), one file per province (hunan.yaml, …), the rules several
// provinces share and apply with their own params (shared.yaml), and the
// access providers' own layers (huaweicloud.yaml). Each rule cites its
// dated sources, and each file says which providers' pages it was
// reconciled with.
//
// FS gives the files as written, with their test cases; Bundle gives them
// parsed, with their expressions checked, for a quick validate.New. `go
// generate ./provinces` rebuilds the bundle and the README tables, and a
// test fails when either is stale.
package provinces
