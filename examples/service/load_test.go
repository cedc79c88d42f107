package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// The load test's bounds: every response body, and the test process's
// peak resident memory (server and client together) at each level. Issue
// 18's goal is 16 concurrent checks of the large filing under 500 MB.
const (
	maxResponseBytes = 512 << 10
	maxRSSBytes      = 500 << 20
)

// loadLong is set by ICPCHECK_LOAD=long: more requests at each level, and
// a level of 16 large filings at once.
var loadLong = os.Getenv("ICPCHECK_LOAD") == "long"

// largeFiling is a hostile but valid filing: 149 websites of 1000 distinct
// domains each (every domain list at the decoder's 1000-item limit), as
// compact JSON (~1.5 MB). Without a Resolver, each domain leaves rules
// undecided, which is what made reports large.
func largeFiling(t *testing.T) []byte {
	t.Helper()
	f, err := model.DecodeYAML([]byte(readFiling(t, "hunan-clean.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	site := f.Services[0]
	f.Services = nil
	k := 0
	for range 149 {
		s := site
		s.Domains = nil
		for range 1000 {
			s.Domains = append(s.Domains, model.Domain{Name: strconv.FormatInt(int64(k), 36) + ".cn"})
			k++
		}
		f.Services = append(f.Services, s)
	}
	data, err := model.EncodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// loadRequest is one request of the mix.
type loadRequest struct {
	name, contentType string
	body              []byte
	large             bool
}

// exampleRequests are the example filings, each with its Content-Type.
func exampleRequests(t *testing.T) []loadRequest {
	t.Helper()
	files, err := filepath.Glob("../filings/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example filings: %v", err)
	}
	var out []loadRequest
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ct := "application/yaml"
		if strings.HasSuffix(f, ".json") {
			ct = "application/json"
		}
		out = append(out, loadRequest{name: filepath.Base(f), contentType: ct, body: data})
	}
	return out
}

// levelResult is what one concurrency level measured.
type levelResult struct {
	requests, busy int
	largeReports   int // reports of the large filing received
	elapsed        time.Duration
	latencies      []time.Duration
	largestBody    int64
	largestName    string
	peakRSS        int64
}

func (r *levelResult) p99() time.Duration {
	slices.Sort(r.latencies)
	return r.latencies[(len(r.latencies)*99)/100]
}

// TestLoad drives the real server over 127.0.0.1 at concurrency 1, 8 and
// 64 with the example filings and, at each level, the large filing. It
// asserts that every answer is a report or a documented 503 for a full
// queue, that no body exceeds maxResponseBytes, and that the process's
// peak RSS stays under maxRSSBytes. It logs throughput and p99 latency,
// which it does not assert. Each level stops after its requests or its
// time budget, whichever comes first.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test is not short")
	}
	if raceEnabled {
		t.Skip("the race detector's own time and memory would be measured")
	}
	v, err := validate.New(validate.WithEagerCompile())
	if err != nil {
		t.Fatal(err)
	}
	c := testConfig()
	c.limits.maxBytes = 2 << 20 // the large filing is ~1.5 MB
	c.limits.maxValidations = runtime.GOMAXPROCS(0)
	if !loadLong {
		// The short run bounds size and memory, not time: on a machine
		// busy with other tests, a large check must not fail it by
		// running past the default deadline.
		c.limits.timeout = time.Minute
		c.writeTimeout = 2 * time.Minute
	}
	url, _ := startServer(t, v, c)

	large := loadRequest{name: "large", contentType: "application/json", body: largeFiling(t), large: true}
	t.Logf("large filing: %d bytes of JSON; server: %d checks at once, %d waiting", len(large.body), c.limits.maxValidations, c.limits.maxQueue)
	examples := exampleRequests(t)
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: 64},
		Timeout:   2 * time.Minute,
	}

	type level struct {
		name             string
		concurrency      int
		normal, largeNum int
		budget           time.Duration
	}
	levels := []level{
		{"1", 1, 100, 1, 30 * time.Second},
		{"8", 8, 400, 1, 30 * time.Second},
		{"64", 64, 1000, 1, 30 * time.Second},
	}
	if loadLong {
		levels = []level{
			{"1", 1, 2000, 2, 2 * time.Minute},
			{"8", 8, 10000, 4, 2 * time.Minute},
			{"64", 64, 20000, 8, 2 * time.Minute},
			{"16 large", 16, 0, 16, 5 * time.Minute},
		}
	}
	for _, lv := range levels {
		// Requests in a fixed order: the large ones first, so that the
		// normal ones run beside them.
		var mix []loadRequest
		for range lv.largeNum {
			mix = append(mix, large)
		}
		for i := range lv.normal {
			mix = append(mix, examples[i%len(examples)])
		}
		resetPeakRSS(t)
		res := runLevel(t, client, url, mix, lv.concurrency, lv.budget)
		res.peakRSS = peakRSS(t)
		t.Logf("concurrency %s: %d requests in %v (%.0f/s), %d busy (503), %d of %d large filings answered, p99 %v, largest body %d bytes (%s), peak RSS %d MB",
			lv.name, res.requests, res.elapsed.Round(time.Millisecond), float64(res.requests)/res.elapsed.Seconds(),
			res.busy, res.largeReports, lv.largeNum, res.p99().Round(time.Microsecond), res.largestBody, res.largestName, res.peakRSS>>20)
		if res.largestBody > maxResponseBytes {
			t.Errorf("concurrency %s: a %s response of %d bytes, over the bound of %d", lv.name, res.largestName, res.largestBody, maxResponseBytes)
		}
		if res.peakRSS > maxRSSBytes {
			t.Errorf("concurrency %s: peak RSS %d MB, over the bound of %d MB", lv.name, res.peakRSS>>20, maxRSSBytes>>20)
		}
	}
}

// runLevel sends mix with concurrency workers until it is sent or budget
// has passed, checking each answer.
func runLevel(t *testing.T, client *http.Client, url string, mix []loadRequest, concurrency int, budget time.Duration) *levelResult {
	var (
		next atomic.Int64
		mu   sync.Mutex
		res  = &levelResult{}
		wg   sync.WaitGroup
	)
	start := time.Now()
	stopAt := start.Add(budget)
	for range concurrency {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(mix) || time.Now().After(stopAt) {
					return
				}
				rq := mix[i]
				began := time.Now()
				size, busy, err := send(client, url, rq)
				took := time.Since(began)
				if err != nil {
					t.Errorf("%s: %v", rq.name, err)
				}
				mu.Lock()
				res.requests++
				res.latencies = append(res.latencies, took)
				if busy {
					res.busy++
				}
				if rq.large && !busy && err == nil {
					res.largeReports++
				}
				if size > res.largestBody {
					res.largestBody, res.largestName = size, rq.name
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	if n := int(next.Load()); n < len(mix) {
		t.Logf("stopped after the time budget of %v with %d of %d requests sent", budget, res.requests, len(mix))
	}
	return res
}

// send posts one filing and checks the answer: 200 with a report, or 503
// because every place is taken. It reads the body as it comes, so the
// client holds no report in memory.
func send(client *http.Client, url string, rq loadRequest) (size int64, busy bool, err error) {
	resp, err := client.Post(url+"/v1/validate?lang=en", rq.contentType, bytes.NewReader(rq.body))
	if err != nil {
		return 0, false, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		head := make([]byte, len(`{"ok":`))
		n, _ := io.ReadFull(resp.Body, head)
		rest, err := io.Copy(io.Discard, resp.Body)
		if err != nil {
			return 0, false, err
		}
		if string(head[:n]) != `{"ok":` {
			return 0, false, fmt.Errorf("200 whose body starts %q, not a report", head[:n])
		}
		return int64(n) + rest, false, nil
	case http.StatusServiceUnavailable:
		var body validate.ErrorBody
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return 0, false, fmt.Errorf("503 without an error body: %v", err)
		}
		if body.Error.Message != msgBusy.in(validate.English) || resp.Header.Get("Retry-After") == "" {
			return 0, false, fmt.Errorf("503 %q, Retry-After %q; want only the full queue's", body.Error.Message, resp.Header.Get("Retry-After"))
		}
		return 0, true, nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	return 0, false, fmt.Errorf("status %d: %s", resp.StatusCode, body)
}

// resetPeakRSS sets the process's peak RSS (VmHWM) back to its current
// RSS, so that each level measures its own peak (Linux 4.0 and later).
func resetPeakRSS(t *testing.T) {
	runtime.GC()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Logf("the peak RSS is not reset (%v): it is the process's since it started", err)
	}
}

// peakRSS reads VmHWM from /proc/self/status.
func peakRSS(t *testing.T) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatalf("reading the RSS: %v", err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM %q: %v", rest, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}
