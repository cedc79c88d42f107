package model

import (
	"runtime"
	"strings"
	"testing"
	"fmt"
	"gopkg.in/yaml.v3"
)

func measure(name string, fn func()) {
	runtime.GC()
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	fmt.Printf("%-40s total %6.1f MB  mallocs %d\n", name, float64(b.TotalAlloc-a.TotalAlloc)/1e6, b.Mallocs-a.Mallocs)
}

func TestScratchMem(t *testing.T) {
	for _, size := range []int{1 << 20, 2 << 20, 4 << 20, 8 << 20} {
		flow := "a: [" + strings.Repeat("1,", size/2-4) + "1]"
		block := "a:\n" + strings.Repeat("-\n", size/2-4)
		mapflow := "{" + strings.Repeat("a: ,", size/4-4) + "}"
		empties := "a: [" + strings.Repeat("[],", size/3-4) + "[]]"
		for name, in := range map[string]string{"flow": flow, "block": block, "mapflow": mapflow, "empties": empties} {
			measure(fmt.Sprintf("%d %s yaml.v3 only", size, name), func() {
				var n yaml.Node
				_ = yaml.Unmarshal([]byte(in), &n)
			})
			measure(fmt.Sprintf("%d %s DecodeYAML", size, name), func() {
				_, err := DecodeYAML([]byte(in))
				_ = err
			})
		}
	}
	in := "a: [" + strings.Repeat("1,", 4<<20-4) + "1]"
	measure("8MiB json", func() { _, err := DecodeJSON([]byte("{\"a\":" + in[3:] + "}")); t.Log(err) })
	in2 := "{\"a\":[" + strings.Repeat("{},", 8<<20/3-4) + "{}]}"
	measure("8MiB json {}", func() { _, err := DecodeJSON([]byte(in2)); t.Log(err) })
	measure("billion laughs", func() { _, err := DecodeYAML([]byte(billionLaughs())); t.Log(err) })
}
