package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// browser is one headless Chromium with a fresh profile, so that its first
// page load finds nothing cached.
func browser(t *testing.T, chromium string) context.Context {
	t.Helper()
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
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// encodings records the Content-Encoding of every main.wasm response the
// browser receives.
type encodings struct {
	mu   sync.Mutex
	seen []string
}

func (e *encodings) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if r, ok := ev.(*network.EventResponseReceived); ok && strings.HasSuffix(r.Response.URL, "/main.wasm") {
			enc := "identity"
			for k, v := range r.Response.Headers {
				if strings.EqualFold(k, "Content-Encoding") {
					enc = fmt.Sprint(v)
				}
			}
			e.mu.Lock()
			e.seen = append(e.seen, fmt.Sprintf("%s (HTTP %d)", enc, r.Response.Status))
			e.mu.Unlock()
		}
	})
}

func (e *encodings) last() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.seen) == 0 {
		return "none seen"
	}
	return e.seen[len(e.seen)-1]
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval runs a JavaScript expression and decodes its JSON-able value into out.
func eval(t *testing.T, ctx context.Context, expr string, out any) {
	t.Helper()
	var raw json.RawMessage
	run(t, ctx, chromedp.Evaluate(fmt.Sprintf(`JSON.stringify(%s)`, expr), &raw))
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(text), out); err != nil {
		t.Fatalf("%s gave %s: %v", expr, text, err)
	}
}

// setSelect chooses an option and fires the change event a person's choice would.
func setSelect(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q; el.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value), nil)
}

// clearField empties an input or textarea as selecting all and deleting would.
func clearField(sel string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = ""; el.dispatchEvent(new Event("input", {bubbles: true})); })()`, sel), nil)
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		var ok bool
		run(t, ctx, chromedp.Evaluate(fmt.Sprintf(`Boolean(%s)`, cond), &ok))
		if ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited 20 s for %s: %s", what, cond)
}

// note is a problem shown beside a field.
type note struct {
	Rule, Path, For, Kind, Text string
}

// notes lists the problems shown beside fields.
func notes(t *testing.T, ctx context.Context) []note {
	t.Helper()
	var out []note
	eval(t, ctx, `Array.from(document.querySelectorAll(".violation")).map((v) => ({
		Rule: v.dataset.rule || "", Path: v.dataset.path || "", For: v.parentElement.dataset.path,
		Kind: ["error", "required", "warning", "info"].find((k) => v.classList.contains(k)) || "", Text: v.textContent }))`, &out)
	return out
}

// entry is one line of the summary.
type entry struct {
	Rule, Paths, Kind, Where, Text string
}

func summary(t *testing.T, ctx context.Context) []entry {
	t.Helper()
	var out []entry
	eval(t, ctx, `Array.from(document.querySelectorAll("#summary .entry")).map((li) => ({
		Rule: li.dataset.rule || "", Paths: li.dataset.paths || "",
		Kind: ["error", "required", "warning", "info"].find((k) => li.classList.contains(k)) || "",
		Where: li.querySelector(".where").textContent, Text: li.textContent }))`, &out)
	return out
}

// expectNote waits for the rule's note (any rule's, for "") saying text
// beside the field at path.
func expectNote(t *testing.T, ctx context.Context, rule, field, text string) note {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var seen []note
	for time.Now().Before(deadline) {
		seen = notes(t, ctx)
		for _, n := range seen {
			if (rule == "" || n.Rule == rule) && n.For == field && strings.Contains(n.Text, text) {
				return n
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("want rule %s saying %q beside field %q; the page shows %+v", rule, text, field, seen)
	return note{}
}
