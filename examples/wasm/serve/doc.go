// Command serve serves the browser pre-check (examples/wasm) after build.sh
// has built it, on the loopback interface unless told otherwise:
//
//	go run ./examples/wasm/serve [-addr 127.0.0.1:8088] [-dir examples/wasm]
//
// It sends main.wasm precompressed (main.wasm.br or main.wasm.gz, whichever
// the browser accepts) and the headers a static host should send; see
// newHandler. The address it listens on is logged, so -addr 127.0.0.1:0
// picks a free port.
package main
