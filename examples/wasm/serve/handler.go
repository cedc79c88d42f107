package main

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// encodings are the precompressed forms build.sh writes beside a file, in
// the order they are preferred: brotli is about a third smaller than gzip.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// newHandler serves the files of dir. For a file with precompressed forms
// beside it (main.wasm.br, main.wasm.gz) it sends the first one the request
// accepts, with Content-Encoding, else the file itself; every such answer
// carries Vary: Accept-Encoding so that caches keep the forms apart. Every
// answer has an ETag of its own form and Cache-Control: no-cache, so the
// browser revalidates (304 when unchanged) and a rebuilt main.wasm is never
// served stale under its unchanged name. Content-Type comes from the
// file's own extension, so main.wasm is application/wasm in every form,
// as WebAssembly.instantiateStreaming requires.
func newHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if name == "/" {
			name = "/index.html"
		}
		root := http.Dir(dir)
		f, info, err := open(root, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		h := w.Header()
		for _, enc := range encodings {
			cf, cinfo, err := open(root, name+enc.ext)
			if err != nil {
				continue
			}
			h.Set("Vary", "Accept-Encoding")
			if accepts(r.Header.Get("Accept-Encoding"), enc.name) {
				defer cf.Close()
				h.Set("Content-Encoding", enc.name)
				f, info = cf, cinfo
				break
			}
			cf.Close()
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", etag(info, h.Get("Content-Encoding")))
		if h.Get("Content-Encoding") != "" {
			// ServeContent leaves out Content-Length when Content-Encoding
			// is set, in case the writer compresses; here the bytes are
			// already the encoded form, so the length is known. Ranges of
			// an encoded form are not offered: the whole file is sent.
			r.Header.Del("Range")
			h.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		}
		http.ServeContent(w, r, name, info.ModTime(), f)
	})
}

// open opens a regular file of root; directories and missing files are
// errors.
func open(root http.FileSystem, name string) (http.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = fmt.Errorf("%s: %w", name, os.ErrNotExist)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// etag names one form of one version of a file: its size and modification
// time, as static servers do, and its encoding.
func etag(info fs.FileInfo, encoding string) string {
	tag := strconv.FormatInt(info.ModTime().UnixNano(), 16) + "-" + strconv.FormatInt(info.Size(), 16)
	if encoding != "" {
		tag += "-" + encoding
	}
	return `"` + tag + `"`
}

// accepts reports whether an Accept-Encoding header admits coding: named
// with a q-value above zero, or covered by "*" with one.
func accepts(header, coding string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		ok := qualityAboveZero(params)
		switch token {
		case coding:
			return ok
		case "*":
			star = ok
		}
	}
	return star
}

// qualityAboveZero reads the q parameter of one Accept-Encoding item; a
// missing q counts as 1, an unreadable one as 0.
func qualityAboveZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q > 0
		}
	}
	return true
}
