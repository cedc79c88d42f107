// Package e2e tests the browser build in a real headless Chromium. It is a
// separate module so that the browser driver never becomes a dependency of
// the library. Run it with `go test -v` from this folder; without Chromium
// it skips with a message, except under CI, where it fails.
package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
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

// buildSite builds the wasm and puts it beside the page in a fresh folder.
func buildSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(site, "main.wasm"), ".")
	build.Dir = ".."
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	var wasmExec []byte
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		if wasmExec, err = os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), dir, "wasm_exec.js")); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("wasm_exec.js: %v", err)
	}
	files := map[string][]byte{"wasm_exec.js": wasmExec}
	for _, name := range []string{"index.html", "app.js", "style.css"} {
		if files[name], err = os.ReadFile(filepath.Join("..", name)); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(site, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func reportSizes(t *testing.T, wasm string) {
	raw, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(raw)
	bw.Close()
	t.Logf("main.wasm (-ldflags='-s -w'): raw %d bytes (%.1f MB), gzip -9 %d bytes (%.2f MB), brotli -11 %d bytes (%.2f MB)",
		len(raw), mb(len(raw)), gz.Len(), mb(gz.Len()), br.Len(), mb(br.Len()))
}

func mb(n int) float64 { return float64(n) / 1e6 }

func TestBrowserPrecheck(t *testing.T) {
	chromium := findChromium(t)
	site := buildSite(t)
	reportSizes(t, filepath.Join(site, "main.wasm"))
	srv := httptest.NewServer(http.FileServer(http.Dir(site))) // 127.0.0.1 only
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	load := func(t *testing.T) {
		t.Helper()
		var ready float64
		run(t, ctx,
			chromedp.Navigate(srv.URL+"/index.html"),
			chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
			chromedp.Evaluate(`window.icpcheckTimings.ready`, &ready),
		)
		t.Logf("page load to ready (rules compiled, warm-up done): %.0f ms", ready)
	}

	t.Run("hunan two websites", func(t *testing.T) {
		load(t)
		run(t, ctx,
			setSelect("#province", "hunan"),
			setSelect("#nature", "enterprise"),
			chromedp.SendKeys("#subject_name", "长沙湘云网络科技有限公司", chromedp.ByQuery),
			setSelect("#cert_type", "business_license"),
			chromedp.SendKeys("#cert_number", "91430102MA4L7Q2K9T", chromedp.ByQuery),
			chromedp.SendKeys("#p_name", "刘湘", chromedp.ByQuery),
			chromedp.SendKeys("#p_id", "430102198803121231", chromedp.ByQuery),
			chromedp.SendKeys("#p_mobile", "13807311234", chromedp.ByQuery),
			chromedp.SendKeys(service(1, ".name"), "湘云科技", chromedp.ByQuery),
			chromedp.SendKeys(service(1, ".domains"), "xiangyun-tech.cn", chromedp.ByQuery),
			chromedp.Click("#add-service", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".name"), "湘云博物", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".domains"), "xiangyun-museum.cn", chromedp.ByQuery),
		)
		expectViolation(t, ctx, "hunan.one-service-per-submission", "services", "湖南省管局每次只受理一个网站或APP")
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		expectViolation(t, ctx, "hunan.one-service-per-submission", "services", "Hunan accepts one website or APP (one domain) per submission; this one has 2 services with 2 domains")
		run(t, ctx, chromedp.Click("#lang-zh", chromedp.ByQuery))
		expectViolation(t, ctx, "hunan.one-service-per-submission", "services", "本次提交了2个网站/APP、共2个域名")
	})

	t.Run("henan banned name", func(t *testing.T) {
		load(t)
		run(t, ctx,
			setSelect("#province", "henan"),
			setSelect("#nature", "individual"),
			chromedp.SendKeys("#subject_name", "赵中原", chromedp.ByQuery),
			setSelect("#cert_type", "resident_id"),
			chromedp.SendKeys("#cert_number", "410102198803121238", chromedp.ByQuery),
			chromedp.SendKeys("#p_name", "赵中原", chromedp.ByQuery),
			chromedp.SendKeys("#p_id", "410102198803121238", chromedp.ByQuery),
			chromedp.Click("#p_legal", chromedp.ByQuery),
			chromedp.SendKeys(service(1, ".name"), "老赵设计工作室", chromedp.ByQuery),
			chromedp.SendKeys(service(1, ".domains"), "laozhao-design.cn", chromedp.ByQuery),
		)
		expectViolation(t, ctx, "henan.banned-name-words", "services[0].name", "网站名称「老赵设计工作室」含有河南省禁用词:设计、工作室")
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		expectViolation(t, ctx, "henan.banned-name-words", "services[0].name", "website name 老赵设计工作室 contains words Henan bans for personal sites: 设计, 工作室")
		measureValidate(t, ctx)
	})

	t.Run("bad input never stops the runtime", func(t *testing.T) {
		load(t)
		var errPath, typeErr, after string
		run(t, ctx,
			chromedp.SendKeys("#raw", "services: 5", chromedp.ByQuery),
			chromedp.WaitVisible(`.violation[data-input-error="true"]`, chromedp.ByQuery),
			chromedp.Evaluate(`JSON.parse(icpcheck.validate("{\"province\": \"atlantis\"}")).error.path`, &errPath),
			chromedp.Evaluate(`JSON.parse(icpcheck.validate(42)).error.message`, &typeErr),
			chromedp.Evaluate(`String(JSON.parse(icpcheck.validate("{\"province\": \"hunan\"}")).ok)`, &after),
		)
		if errPath != "province" || !strings.Contains(typeErr, "string") || after != "true" {
			t.Errorf("error path %q, type error %q, a later call ok=%q; want province, a message, true", errPath, typeErr, after)
		}
	})
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// setSelect chooses an option and fires the change event a person's choice would.
func setSelect(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q; el.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value), nil)
}

func service(n int, field string) string {
	return fmt.Sprintf("#services .service:nth-of-type(%d) %s", n, field)
}

// expectViolation waits for the rule's violation and checks it stands next
// to the field named by path and says what it should.
func expectViolation(t *testing.T, ctx context.Context, rule, field, text string) {
	t.Helper()
	sel := fmt.Sprintf(`.violation[data-rule=%q]`, rule)
	deadline := time.Now().Add(20 * time.Second)
	var got, at string
	for time.Now().Before(deadline) {
		run(t, ctx, chromedp.Evaluate(fmt.Sprintf(`(() => { const v = document.querySelector(%q); return v ? v.textContent + "\n" + v.parentElement.dataset.path : ""; })()`, sel), &got))
		if msg, path, ok := strings.Cut(got, "\n"); ok && strings.Contains(msg, text) {
			at = path
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if at != field {
		t.Fatalf("violation %s: want %q next to field %q; got %q", rule, text, field, got)
	}
}

// measureValidate times icpcheck.validate on the page's filing. Chromium
// coarsens performance.now() for pages that are not cross-origin isolated,
// so single calls show only the spread; means come from 200 calls timed as
// one batch. V8 first runs wasm from its baseline compiler and optimises
// hot functions in the background, so the batch is timed twice: right
// away, and again after 1000 more calls.
func measureValidate(t *testing.T, ctx context.Context) {
	var times []float64
	run(t, ctx, chromedp.Evaluate(`(() => { window.icpcheckTimings.validations = []; for (let i = 0; i < 50; i++) window.icpcheckPage.validateNow(); return window.icpcheckTimings.validations; })()`, &times))
	sort.Float64s(times)
	var batch struct {
		First float64 `json:"first"`
		Later float64 `json:"later"`
		Bytes int     `json:"bytes"`
	}
	run(t, ctx, chromedp.Evaluate(`(() => {
		const [text, options] = window.icpcheckPage.request();
		const mean = (n) => {
			const start = performance.now();
			for (let i = 0; i < n; i++) window.icpcheck.validate(text, options);
			return (performance.now() - start) / n;
		};
		const first = mean(200);
		mean(1000);
		return {first, later: mean(200), bytes: text.length};
	})()`, &batch))
	t.Logf("one icpcheck.validate call on the page's filing (%d characters of JSON): mean of 200 back to back %.3f ms, and %.3f ms after 1000 more; 50 single calls: median %.2f ms, max %.2f ms",
		batch.Bytes, batch.First, batch.Later, times[len(times)/2], times[len(times)-1])
}
