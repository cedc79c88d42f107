package main

import (
	"flag"
	"log"
	"net"
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
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("serve: %v", err)
	}
	srv := &http.Server{Handler: newHandler(*dir), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("serve: open http://%s/", ln.Addr())
	log.Fatal(srv.Serve(ln))
}
