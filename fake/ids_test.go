package fake

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIDs checks the IDs against their definition, written here the
// plain way: the hex SHA-256 of "<kind>/<count>", cut (or repeated) to
// length; for request IDs the SplitMix64 finalizer of the count xor one
// constant and of the count plus another, upper-case hex dashed as a
// UUID. Golden files hold these IDs, so a change shows there.
func TestIDs(t *testing.T) {
	digits := func(kind string, count, n int) string {
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", kind, count)))
		h := hex.EncodeToString(sum[:])
		for len(h) < n {
			h += h
		}
		return h[:n]
	}
	splitmix := func(z uint64) uint64 {
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	uuid := func(count int) string {
		n := uint64(count)
		h := fmt.Sprintf("%016X%016X", splitmix(n^0x9e3779b97f4a7c15), splitmix(n+0x632be59bd9b4e019))
		return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	g := &idGen{}
	tests := []struct {
		name      string
		got, want func(count int) string
	}{
		{"request", func(int) string { return g.request() }, uuid},
		{"cluster", func(int) string { return g.cluster() }, func(n int) string { return "c" + digits("cluster", n, 32) }},
		{"task", func(int) string { return g.task() }, func(n int) string { return "T-" + digits("task", n, 24) }},
		{"instance", func(int) string { return g.instance() }, func(n int) string { return "i-" + digits("instance", n, 20) }},
		{"nodepool", func(int) string { return g.nodepool() }, func(n int) string { return "np" + digits("nodepool", n, 32) }},
		{"long", func(int) string { return g.hexID("long", 150) }, func(n int) string { return digits("long", n, 150) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, want []string
			for count := 1; count <= 3; count++ {
				got, want = append(got, tt.got(count)), append(want, tt.want(count))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}

func BenchmarkRequestID(b *testing.B) {
	g := &idGen{}
	b.ReportAllocs()
	for b.Loop() {
		_ = g.request()
	}
}
