// Command serve serves the browser pre-check page (examples/wasm) on the
// loopback interface, after build.sh has produced main.wasm:
//
//	go run ./examples/wasm/serve -addr 127.0.0.1:8088
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8088", "address to listen on")
	dir := flag.String("dir", "examples/wasm", "folder holding index.html, main.wasm and wasm_exec.js")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "main.wasm")); err != nil {
		log.Fatalf("serve: %v (run bash examples/wasm/build.sh first)", err)
	}
	srv := &http.Server{Addr: *addr, Handler: http.FileServer(http.Dir(*dir)), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("serve: open http://%s/", *addr)
	log.Fatal(srv.ListenAndServe())
}
