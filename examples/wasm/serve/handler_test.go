package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// site writes a built page into a fresh folder: main.wasm with a real gzip
// form and a stand-in brotli form (its bytes only need to differ), and
// app.wasm with a gzip form only.
func site(t *testing.T) (dir string, files map[string][]byte) {
	t.Helper()
	dir = t.TempDir()
	raw := bytes.Repeat([]byte("\x00asm wasm bytes "), 512)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	files = map[string][]byte{
		"index.html":   []byte("<!doctype html><title>icpcheck</title>"),
		"main.wasm":    raw,
		"main.wasm.gz": gz.Bytes(),
		"main.wasm.br": []byte("brotli stand-in"),
		"app.wasm":     raw,
		"app.wasm.gz":  gz.Bytes(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

// answer is what a test compares of one response.
type answer struct {
	Status                                    int
	ContentType, ContentEncoding, Vary, Cache string
	Body                                      string // the name of the file whose bytes came back
}

func TestHandler(t *testing.T) {
	dir, files := site(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	// A transport that sends Accept-Encoding only when the test does, and
	// never decodes what comes back.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}

	for _, c := range []struct {
		name, path, acceptEncoding string
		want                       answer
	}{
		{"brotli preferred", "/main.wasm", "gzip, deflate, br, zstd",
			answer{200, "application/wasm", "br", "Accept-Encoding", "no-cache", "main.wasm.br"}},
		{"gzip", "/main.wasm", "gzip, deflate",
			answer{200, "application/wasm", "gzip", "Accept-Encoding", "no-cache", "main.wasm.gz"}},
		{"brotli refused with q=0", "/main.wasm", "br;q=0, gzip;q=0.5",
			answer{200, "application/wasm", "gzip", "Accept-Encoding", "no-cache", "main.wasm.gz"}},
		{"any coding", "/main.wasm", "*",
			answer{200, "application/wasm", "br", "Accept-Encoding", "no-cache", "main.wasm.br"}},
		{"identity", "/main.wasm", "",
			answer{200, "application/wasm", "", "Accept-Encoding", "no-cache", "main.wasm"}},
		{"no coding we have", "/main.wasm", "deflate, zstd",
			answer{200, "application/wasm", "", "Accept-Encoding", "no-cache", "main.wasm"}},
		{"brotli asked, only gzip built", "/app.wasm", "br",
			answer{200, "application/wasm", "", "Accept-Encoding", "no-cache", "app.wasm"}},
		{"the page at the root", "/", "gzip, br",
			answer{200, "text/html; charset=utf-8", "", "", "no-cache", "index.html"}},
		{"a path that climbs out", "/../index.html", "",
			answer{200, "text/html; charset=utf-8", "", "", "no-cache", "index.html"}},
		{"a folder", "/sub", "", answer{Status: 404, ContentType: "text/plain; charset=utf-8"}},
		{"a missing file", "/nothing.js", "", answer{Status: 404, ContentType: "text/plain; charset=utf-8"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL+c.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if c.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", c.acceptEncoding)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			got := answer{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"), resp.Header.Get("Cache-Control"), ""}
			for name, data := range files {
				if bytes.Equal(body, data) && (got.Body == "" || name == c.want.Body) {
					got.Body = name
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("GET %s with Accept-Encoding %q (-want +got):\n%s", c.path, c.acceptEncoding, diff)
			}
			if resp.StatusCode == http.StatusOK && resp.ContentLength != int64(len(body)) {
				t.Errorf("Content-Length %d, body %d bytes", resp.ContentLength, len(body))
			}
		})
	}
}

// A range of an encoded form is not offered: the whole form is sent, so a
// client never gets a slice of compressed bytes it cannot decode.
func TestHandlerWholeEncodedForm(t *testing.T) {
	dir, files := site(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	req.Header.Set("Range", "bytes=0-3")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, files["main.wasm.br"]) {
		t.Errorf("status %d, %d bytes; want 200 and the whole brotli form", resp.StatusCode, len(body))
	}
}

// The gzip form decodes to the file itself, so a browser that gets it
// compiles the same module.
func TestHandlerGzipDecodes(t *testing.T) {
	dir, files := site(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/main.wasm") // the default transport asks for gzip and decodes it
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Uncompressed || !bytes.Equal(body, files["main.wasm"]) {
		t.Errorf("decoded by the transport: %v; body equals main.wasm: %v", resp.Uncompressed, bytes.Equal(body, files["main.wasm"]))
	}
}

// Each form has its own ETag, and a browser that holds the form it is
// sent gets 304 Not Modified.
func TestHandlerRevalidates(t *testing.T) {
	dir, _ := site(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(acceptEncoding, ifNoneMatch string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
		req.Header.Set("Accept-Encoding", acceptEncoding)
		if ifNoneMatch != "" {
			req.Header.Set("If-None-Match", ifNoneMatch)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	br, gz := get("br", "").Header.Get("ETag"), get("gzip", "").Header.Get("ETag")
	if br == "" || gz == "" || br == gz || !strings.HasSuffix(br, `-br"`) {
		t.Fatalf("ETags: br %s, gzip %s; want two different ones", br, gz)
	}
	if resp := get("br", br); resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating the brotli form: status %d, want 304", resp.StatusCode)
	}
	if resp := get("gzip", br); resp.StatusCode != http.StatusOK {
		t.Errorf("the brotli ETag for the gzip form: status %d, want 200", resp.StatusCode)
	}
}

func TestHandlerRefusesPost(t *testing.T) {
	dir, _ := site(t)
	srv := httptest.NewServer(newHandler(dir))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/main.wasm", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}
