// Package e2e tests the browser build in a real headless Chromium: it runs
// build.sh, serves the result with examples/wasm/serve and fills the page's
// form. It is a separate module so that the browser driver never becomes a
// dependency of the library. Run it with `go test -v` from this folder;
// without Chromium it skips with a message, except under CI, where it fails.
// `go test -v -run TestBrowserPrecheck -screenshot` also rewrites
// ../screenshot.png, the README's picture of the page.
package e2e

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var writeScreenshot = flag.Bool("screenshot", false, "write the page with problems to ../screenshot.png")

// maxScreenshot bounds the committed screenshot, which every clone carries.
const maxScreenshot = 200 << 10

func TestBrowserPrecheck(t *testing.T) {
	chromium := findChromium(t)
	site := buildSite(t)
	logSizes(t, site)
	base := startServe(t, site)
	ctx := browser(t, chromium)
	var enc encodings
	enc.listen(ctx)

	// load opens the page and returns when main.wasm was instantiated and
	// when the page was ready, in ms after navigation, and the bytes that
	// main.wasm took on the wire.
	load := func(t *testing.T, lang string) (ready, instantiated, transferred float64) {
		t.Helper()
		var timings struct{ Ready, Instantiated, Transferred float64 }
		run(t, ctx,
			chromedp.Navigate(base+"/?lang="+lang),
			chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		)
		eval(t, ctx, `({Ready: window.icpcheckTimings.ready, Instantiated: window.icpcheckTimings.instantiated,
			Transferred: performance.getEntriesByType("resource").find((e) => e.name.endsWith("/main.wasm")).transferSize})`, &timings)
		return timings.Ready, timings.Instantiated, timings.Transferred
	}

	t.Run("first load and warm loads", func(t *testing.T) {
		ready, inst, wire := load(t, "zh")
		t.Logf("first load (empty cache): main.wasm sent as %s, %.0f bytes on the wire; compiled and instantiated at %.0f ms, ready (rules loaded, warm-up done) at %.0f ms after navigation", enc.last(), wire, inst, ready)
		for i := 1; i <= 2; i++ {
			ready, inst, wire = load(t, "zh")
			t.Logf("warm load %d: main.wasm %s, %.0f bytes on the wire (the cached copy revalidated); instantiated at %.0f ms, ready at %.0f ms", i, enc.last(), wire, inst, ready)
		}
		var status string
		run(t, ctx, chromedp.Text("#status-text", &status, chromedp.ByQuery))
		if !strings.HasPrefix(status, "规则已就绪") {
			t.Errorf("status %q, want 规则已就绪…", status)
		}
	})

	t.Run("a complete filing typed through the form, in both languages", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		expectClean(t, ctx, "未发现会导致驳回的问题")
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		expectClean(t, ctx, "Nothing found that would get the filing rejected")

		load(t, "en")
		fillBeijingApp(t, ctx)
		expectClean(t, ctx, "Nothing found that would get the filing rejected")
		run(t, ctx, chromedp.Click("#lang-zh", chromedp.ByQuery))
		expectClean(t, ctx, "未发现会导致驳回的问题")
		var sent struct {
			Services []struct {
				Icon      struct{ Format string }
				Platforms []map[string]string
				Principal map[string]any
			}
			Subject struct {
				Principal struct{ Certificate map[string]any }
			}
		}
		eval(t, ctx, `JSON.parse(window.icpcheckPage.request()[0])`, &sent)
		if len(sent.Services) != 1 || sent.Services[0].Icon.Format != "png" || len(sent.Services[0].Platforms) != 1 ||
			sent.Services[0].Platforms[0]["signature_md5"] == "" || sent.Services[0].Principal["mobile"] != nil ||
			sent.Subject.Principal.Certificate["long_term"] != true || sent.Subject.Principal.Certificate["valid_until"] != nil {
			t.Errorf("the APP filing the form sent: %+v", sent)
		}
	})

	t.Run("every field the required rules name is on the form", func(t *testing.T) {
		load(t, "zh")
		run(t, ctx,
			setSelect("#province", "hunan"),
			setSelect(service(1, ".kind"), "app"),
			chromedp.Click(service(1, `.add-row[data-list="sdks"]`), chromedp.ByQuery),
			chromedp.Click(service(1, `.add-row[data-list="pre_approvals"]`), chromedp.ByQuery),
			chromedp.Click(service(1, ".same"), chromedp.ByQuery),
		)
		checkRequiredInputs(t, ctx, "hunan")
	})

	t.Run("a required field still to fill, in both languages", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		expectVerdict(t, ctx, "ok", "未发现会导致驳回的问题")
		run(t, ctx, clearField("#p_mobile"), clearField("#cert_address"), clearField("#p_valid_until"))
		for _, c := range []struct{ rule, field, text string }{
			{"national.required.subject-principal", "subject.principal.mobile", "未填写"},
			{"national.required.subject", "subject.certificate.address", "未填写"},
			{"national.required.subject-principal-validity", "subject.principal.certificate.valid_until", "截止日期"},
		} {
			n := expectNote(t, ctx, c.rule, c.field, c.text)
			if n.Kind != "required" || !strings.Contains(n.Text, "待填写") {
				t.Errorf("%s beside %s is shown as %q: %+v; want required (待填写)", c.rule, c.field, n.Kind, n)
			}
		}
		expectVerdict(t, ctx, "fill", "还有 3 项待填写")
		var marked bool
		run(t, ctx, chromedp.Evaluate(`["subject.principal.mobile", "subject.certificate.address", "subject.principal.certificate.valid_until"].every((p) => document.querySelector('.field[data-path="' + p + '"]').classList.contains("req"))`, &marked))
		if !marked {
			t.Error("the empty fields are not all marked required")
		}
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		n := expectNote(t, ctx, "national.required.subject-principal-validity", "subject.principal.certificate.valid_until", "validity end")
		if !strings.Contains(n.Text, "To fill") {
			t.Errorf("in English the note reads %q, want the badge To fill", n.Text)
		}
		n = expectNote(t, ctx, "national.required.subject-principal", "subject.principal.mobile", "not filled in")
		onlyQuoted(t, n.Text)
		expectVerdict(t, ctx, "fill", "3 fields still to fill")
		// Ticked long-term, the ID needs no end date.
		run(t, ctx, chromedp.Click("#p_long_term", chromedp.ByQuery))
		waitFor(t, ctx, "the validity note gone", `!document.querySelector('.violation[data-rule="national.required.subject-principal-validity"]')`)
		expectVerdict(t, ctx, "fill", "2 fields still to fill")
	})

	t.Run("hunan two websites, in both languages", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		run(t, ctx,
			chromedp.Click("#add-service", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".name"), "湘云博物", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".domains"), "xiangyun-museum.cn", chromedp.ByQuery),
		)
		const rule = "hunan.one-service-per-submission"
		// The texts of provinces/shared.yaml, which Hunan applies.
		expectNote(t, ctx, rule, "services", "湖南省每次只受理一个网站或APP(一个域名),本次提交了2个网站/APP、共2个域名")
		expectEntry(t, ctx, rule, "网站 / APP")
		// The second website is not filled in: its fields are still to fill.
		expectNote(t, ctx, "national.required.service-details", "services[1].ips", "待填写")
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		expectNote(t, ctx, rule, "services", "Hunan accepts one website or APP (one domain) per submission; this one has 2 services with 2 domains")
		expectEntry(t, ctx, rule, "Websites / APPs")
		run(t, ctx, chromedp.Click("#lang-zh", chromedp.ByQuery))
		expectNote(t, ctx, rule, "services", "本次提交了2个网站/APP、共2个域名")
		checkFixes(t, ctx)
	})

	t.Run("one fault of a person copied into a service is one entry", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		run(t, ctx, clearField("#p_mobile"), chromedp.SendKeys("#p_mobile", "1380731123", chromedp.ByQuery))
		const rule = "national.contact.mobile-format"
		expectNote(t, ctx, rule, "subject.principal.mobile", "1380731123")
		checkOneEntry(t, ctx, rule, "subject.principal.mobile services[0].principal.mobile",
			"主体负责人手机号码", "网站「湘云科技」· 负责人手机号码")
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		n := expectNote(t, ctx, rule, "subject.principal.mobile", "1380731123")
		onlyQuoted(t, n.Text)
		checkOneEntry(t, ctx, rule, "subject.principal.mobile services[0].principal.mobile",
			"Subject principal's mobile number", "Website “湘云科技” · principal's mobile number")
	})

	t.Run("henan banned name, in both languages", func(t *testing.T) {
		load(t, "zh")
		fillHenanIndividual(t, ctx)
		const rule, name = "henan.banned-name-words", "老赵设计工作室"
		expectNote(t, ctx, rule, "services[0].name", name)
		expectEntry(t, ctx, rule, "网站「老赵设计工作室」· 网站名称")
		expectVerdict(t, ctx, "fail", "发现")
		for _, e := range summary(t, ctx) {
			if e.Kind == "required" {
				t.Errorf("the Henan filing typed is complete, but the page asks to fill %+v", e)
			}
		}
		run(t, ctx, chromedp.Click("#lang-en", chromedp.ByQuery))
		n := expectNote(t, ctx, rule, "services[0].name", name)
		if n.Kind != "error" || !strings.Contains(n.Text, "Error") {
			t.Errorf("in English the banned name is shown as %+v, want an error", n)
		}
		onlyQuoted(t, n.Text, name)
		expectEntry(t, ctx, rule, "Website “老赵设计工作室” · website name")
		measureValidate(t, ctx)
	})

	t.Run("YAML typed into the raw editor", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		run(t, ctx, setSelect("#provider", "huaweicloud"))
		var placeholder string
		run(t, ctx, chromedp.AttributeValue("#raw", "placeholder", &placeholder, nil, chromedp.ByQuery))
		// The placeholder's own example: a 12-month ECS, which passes.
		run(t, ctx, chromedp.SendKeys("#raw", placeholder, chromedp.ByQuery))
		waitFor(t, ctx, "the check of the typed overlay", `window.icpcheckPage.request()[1].extra === `+jsString(placeholder)+` && window.icpcheckPage.result() && !window.icpcheckPage.result().error`)
		expectClean(t, ctx, "未发现会导致驳回的问题")
		// Block YAML over two lines: one month is too short.
		run(t, ctx, clearField("#raw"), chromedp.SendKeys("#raw", "resource:\n  type: ecs\n  billing: subscription\n  months: 1", chromedp.ByQuery))
		expectNote(t, ctx, "huaweicloud.ecs-min-3-months", "", "")
		expectEntry(t, ctx, "huaweicloud.ecs-min-3-months", "累计包月时长")
		// A mistake in the overlay is shown beside the editor, with its line.
		run(t, ctx, clearField("#raw"), chromedp.SendKeys("#raw", "resource:\n  montsh: 2", chromedp.ByQuery))
		waitFor(t, ctx, "the overlay's input error", `document.querySelector('#raw-field .violation[data-input-error="true"]')`)
		var text string
		run(t, ctx, chromedp.Text(`#raw-field .violation[data-input-error="true"]`, &text, chromedp.ByQuery))
		if !strings.Contains(text, "第 2 行") || !strings.Contains(text, "resource.montsh") {
			t.Errorf("overlay error %q: want its line (第 2 行) and path", text)
		}
	})

	t.Run("dates are typed as YYYY-MM-DD", func(t *testing.T) {
		load(t, "zh")
		var kind, placeholder string
		run(t, ctx,
			chromedp.AttributeValue("#submitted_at", "type", &kind, nil, chromedp.ByQuery),
			chromedp.AttributeValue("#submitted_at", "placeholder", &placeholder, nil, chromedp.ByQuery),
		)
		if kind != "text" || !strings.Contains(placeholder, "年-月-日") {
			t.Errorf("date input type %q placeholder %q: want a text input that says 年-月-日 (no mm/dd/yyyy picker)", kind, placeholder)
		}
		run(t, ctx, chromedp.SendKeys("#submitted_at", "2026-02-30", chromedp.ByQuery))
		waitFor(t, ctx, "the date's input error", `document.querySelector('[data-path="submitted_at"] .violation[data-input-error="true"]')`)
		run(t, ctx, clearField("#submitted_at"), chromedp.SendKeys("#submitted_at", "2026-03-02", chromedp.ByQuery))
		waitFor(t, ctx, "the date accepted", `window.icpcheckPage.result() && !window.icpcheckPage.result().error && !document.querySelector('.violation[data-input-error]')`)
	})

	t.Run("the API returns objects", func(t *testing.T) {
		load(t, "en")
		var got struct {
			ValidateOK, ViolationsArray, RulesArray, FieldsArray, RuleHasTitle bool
			UnknownProvince, NotAString, Overlay                               string
			Patterns                                                           []string
		}
		eval(t, ctx, `(() => {
			const r = icpcheck.validate('{"province": "hunan"}');
			const rules = icpcheck.rules("hunan", {lang: "en", provider: "huaweicloud"});
			const over = icpcheck.validate('{"province": "hunan", "provider": "huaweicloud"}', {extra: "resource: {type: ecs, billing: on_demand}"});
			return {
				ValidateOK: typeof r.ok === "boolean", ViolationsArray: Array.isArray(r.violations),
				RulesArray: Array.isArray(rules) && rules.some((x) => x.scope === "huaweicloud"),
				RuleHasTitle: typeof rules[0].title === "string" && typeof rules[0].category === "string",
				FieldsArray: Array.isArray(icpcheck.fields("hunan")),
				UnknownProvince: icpcheck.rules("atlantis").error.path,
				NotAString: icpcheck.validate(42, {lang: "en"}).error.message,
				Overlay: over.violations.map((v) => v.rule).filter((id) => id.startsWith("huaweicloud.")).join(" "),
				Patterns: [...rules, ...icpcheck.fields("hunan")].flatMap((x) => x.patterns),
			};
		})()`, &got)
		if !got.ValidateOK || !got.ViolationsArray || !got.RulesArray || !got.RuleHasTitle || !got.FieldsArray {
			t.Errorf("validate, rules and fields return objects and arrays: %+v", got)
		}
		if got.UnknownProvince != "province" || got.NotAString != "the first argument must be a string" {
			t.Errorf("errors are ErrorBody objects: %+v", got)
		}
		if !slices.Contains(got.Patterns, "services[*].principal.mobile") || slices.ContainsFunc(got.Patterns, func(p string) bool { return strings.Contains(p, "[]") }) {
			t.Errorf("rules and fields write any index as [*]: %v", got.Patterns)
		}
		if !strings.Contains(got.Overlay, "huaweicloud.on-demand-refused") {
			t.Errorf("a YAML overlay through the API: huaweicloud rules %q, want huaweicloud.on-demand-refused", got.Overlay)
		}
	})

	t.Run("bad input never stops the runtime", func(t *testing.T) {
		load(t, "zh")
		var got struct {
			ErrPath, TypeErr string
			After            bool
		}
		run(t, ctx,
			chromedp.SendKeys("#raw", "services: 5", chromedp.ByQuery),
			chromedp.WaitVisible(`.violation[data-input-error="true"]`, chromedp.ByQuery),
		)
		eval(t, ctx, `({ErrPath: icpcheck.validate('{"province": "atlantis"}').error.path,
			TypeErr: icpcheck.validate(42).error.message,
			After: Array.isArray(icpcheck.validate('{"province": "hunan"}').violations)})`, &got)
		if got.ErrPath != "province" || got.TypeErr != "第一个参数须为字符串" || !got.After {
			t.Errorf("error path %q, type error %q, a later call answers: %v; want province, 第一个参数须为字符串, true", got.ErrPath, got.TypeErr, got.After)
		}
	})

	t.Run("a report at its bounds", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		// 300 websites of a domain each, with nothing else filled in: more
		// violations than a report lists, and one undecided entry per rule
		// for the 300 domains.
		run(t, ctx, chromedp.Evaluate(`(() => {
			const raw = document.querySelector("#raw");
			raw.value = "services:\n" + Array.from({length: 300}, (_, i) => "  - {kind: website, domains: [site" + i + ".example.cn]}").join("\n");
			raw.dispatchEvent(new Event("input", {bubbles: true}));
		})()`, nil))
		waitFor(t, ctx, "the note on what the report left out", `!document.querySelector("#truncated").hidden`)
		var got struct {
			LeftOut       int
			Note, Verdict string
			More          []string
		}
		eval(t, ctx, `({LeftOut: window.icpcheckPage.result().truncated.errors, Note: document.querySelector("#truncated").textContent,
			Verdict: document.querySelector("#verdict").dataset.state,
			More: Array.from(document.querySelectorAll("#undecided .entry .more")).map((el) => el.textContent)})`, &got)
		if got.LeftOut == 0 || !strings.Contains(got.Note, fmt.Sprintf("另有 %d 项未列出", got.LeftOut)) || got.Verdict != "fail" {
			t.Errorf("a truncated report: %+v; want the number left out in the note and a failing verdict", got)
		}
		if !slices.Contains(got.More, "等共 300 处") {
			t.Errorf("undecided entries name %v; want one of the 300 domains' entries to say 等共 300 处", got.More)
		}
		t.Logf("300 websites: %d errors left out of the report; %s", got.LeftOut, got.Note)
	})

	t.Run("mobile width", func(t *testing.T) {
		run(t, ctx, emulation.SetDeviceMetricsOverride(390, 844, 2, true))
		defer run(t, ctx, emulation.ClearDeviceMetricsOverride())
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		var overflow float64
		var bar string
		run(t, ctx, chromedp.Evaluate(`document.documentElement.scrollWidth - window.innerWidth`, &overflow))
		waitFor(t, ctx, "the verdict bar", `getComputedStyle(document.querySelector("#verdict-bar")).display !== "none" && document.querySelector("#verdict-bar").textContent`)
		run(t, ctx, chromedp.Text("#verdict-bar", &bar, chromedp.ByQuery))
		if overflow > 0 {
			t.Errorf("at 390 px the page is %.0f px wider than the screen", overflow)
		}
		t.Logf("at 390 px wide: verdict bar %q", bar)
	})

	t.Run("screenshot", func(t *testing.T) {
		load(t, "zh")
		fillHunanEnterprise(t, ctx)
		run(t, ctx,
			clearField("#p_mobile"), chromedp.SendKeys("#p_mobile", "1380731123", chromedp.ByQuery),
			clearField("#cert_address"),
			chromedp.Click("#add-service", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".name"), "湘云博物", chromedp.ByQuery),
			chromedp.SendKeys(service(2, ".domains"), "xiangyun-museum.cn", chromedp.ByQuery),
		)
		expectNote(t, ctx, "hunan.one-service-per-submission", "services", "湖南省每次只受理")
		expectNote(t, ctx, "national.required.subject", "subject.certificate.address", "待填写")
		var png []byte
		run(t, ctx,
			chromedp.EmulateViewport(1200, 860),
			chromedp.Evaluate(`document.activeElement.blur(); window.scrollTo(0, 0)`, nil),
			chromedp.CaptureScreenshot(&png),
		)
		path := filepath.Join(t.TempDir(), "screenshot.png")
		if *writeScreenshot {
			path = filepath.Join("..", "screenshot.png")
			if len(png) > maxScreenshot {
				t.Errorf("screenshot is %d bytes, more than %d", len(png), maxScreenshot)
			}
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of the page with problems: %s (%d bytes)", path, len(png))
	})
}
