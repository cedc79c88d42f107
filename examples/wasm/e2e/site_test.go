package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found; .ci/run installs Debian's chromium")
	}
	t.Skip("SKIPPED: no Chromium found (install Debian's chromium, or set CHROMIUM=/path); the browser test did not run")
	return ""
}

// buildSite runs build.sh into a fresh folder, as a deployment would, and
// returns it. ICPCHECK_SITE names a folder build.sh has already filled, to
// skip the build (and brotli's minute) while working on the page; the page
// files are copied over it so that they are current.
func buildSite(t *testing.T) string {
	t.Helper()
	if site := os.Getenv("ICPCHECK_SITE"); site != "" {
		t.Logf("using the site in ICPCHECK_SITE=%s; its main.wasm is not rebuilt", site)
		for _, name := range []string{"index.html", "style.css", "boot.js", "i18n.js", "labels.js", "app.js"} {
			data, err := os.ReadFile(filepath.Join("..", name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(site, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return site
	}
	site := t.TempDir()
	start := time.Now()
	build := exec.Command("bash", "../build.sh", site)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build.sh: %v\n%s", err, out)
	}
	t.Logf("build.sh (go build, gzip -9, brotli -q 11): %.0f s", time.Since(start).Seconds())
	return site
}

// logSizes logs the sizes of the three forms build.sh wrote.
func logSizes(t *testing.T, site string) {
	t.Helper()
	size := func(name string) int64 {
		info, err := os.Stat(filepath.Join(site, name))
		if err != nil {
			return -1
		}
		return info.Size()
	}
	raw, gz, br := size("main.wasm"), size("main.wasm.gz"), size("main.wasm.br")
	if raw < 0 || gz < 0 {
		t.Fatalf("build.sh wrote no main.wasm or main.wasm.gz in %s", site)
	}
	if br < 0 {
		if os.Getenv("CI") != "" {
			t.Fatal("build.sh wrote no main.wasm.br; .ci/run installs Debian's brotli")
		}
		t.Logf("main.wasm (-trimpath -ldflags='-s -w'): raw %d bytes (%.2f MB), gzip -9 %d bytes (%.2f MB), brotli not measured (no brotli command)", raw, mb(raw), gz, mb(gz))
		return
	}
	t.Logf("main.wasm (-trimpath -ldflags='-s -w'): raw %d bytes (%.2f MB), gzip -9 %d bytes (%.2f MB), brotli -q 11 %d bytes (%.2f MB)",
		raw, mb(raw), gz, mb(gz), br, mb(br))
}

func mb(n int64) float64 { return float64(n) / 1e6 }

// startServe builds and starts examples/wasm/serve on a free loopback port
// and returns its base URL; the page is tested as it is served.
func startServe(t *testing.T, site string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "serve")
	build := exec.Command("go", "build", "-o", bin, "./examples/wasm/serve")
	build.Dir = filepath.Join("..", "..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building serve: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-dir", site)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), "open "); ok {
			go func() { // keep reading, so that serve never blocks on its log
				for lines.Scan() {
				}
			}()
			return strings.TrimSuffix(url, "/")
		}
	}
	t.Fatalf("serve ended before it listened: %v", lines.Err())
	return ""
}
