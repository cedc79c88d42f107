// Package api is what the browser build (examples/wasm) answers, as Go
// values: main.go only converts JavaScript arguments into Options and the
// results into JavaScript objects. Keeping the answers here lets them be
// tested natively with go test, without a browser or a js/wasm runner.
//
// Every function returns either its result or a validate.ErrorBody, never a
// Go error, because JavaScript gets one object either way.
package api
