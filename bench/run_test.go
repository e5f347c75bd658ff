package bench

import (
	"flag"
	"testing"
)

// TestBenchmarksRun runs every benchmark of the package once, at a small
// fleet size, so that none of them rots between runs of bench/compare. A
// failing benchmark's own message is not shown here: run it with
// `go test -run '^$' -bench NAME ./bench` to see it.
func TestBenchmarksRun(t *testing.T) {
	set := func(name, value string) {
		f := flag.Lookup(name)
		if f == nil {
			t.Fatalf("no flag %s", name)
		}
		old := f.Value.String()
		if err := f.Value.Set(value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = f.Value.Set(old) })
	}
	set("test.benchtime", "1x")
	set("fleet", "100")
	tests := []struct {
		name string
		fn   func(*testing.B)
	}{
		{"Read", BenchmarkRead},
		{"List", BenchmarkList},
		{"Write", BenchmarkWrite},
		{"Server", BenchmarkServer},
		{"Fleet", BenchmarkFleet},
		{"Lifecycle", BenchmarkLifecycle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			failed := false
			r := testing.Benchmark(func(b *testing.B) {
				tt.fn(b)
				failed = failed || b.Failed()
			})
			if failed || r.N == 0 {
				t.Fatalf("Benchmark%s failed (N=%d): run `go test -run '^$' -bench '^Benchmark%s$' ./bench` to see why", tt.name, r.N, tt.name)
			}
		})
	}
}
