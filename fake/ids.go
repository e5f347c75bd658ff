package fake

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"
)

// idGen makes the fake's identifiers. They are deterministic (a digest of
// the kind and a counter), so that two runs of a test see the same IDs and
// golden files stay stable, and they look like ACK's. Counters never go
// back, not even on Reset, so an ID is never reused within one Cloud. It
// is safe for concurrent use.
type idGen struct {
	mu sync.Mutex
	n  map[string]uint64
}

// hexID returns n hex digits derived from kind and the kind's next count.
func (g *idGen) hexID(kind string, n int) string {
	g.mu.Lock()
	if g.n == nil {
		g.n = make(map[string]uint64)
	}
	g.n[kind]++
	count := g.n[kind]
	g.mu.Unlock()
	sum := sha256.Sum256([]byte(kind + "/" + strconv.FormatUint(count, 10)))
	h := hex.EncodeToString(sum[:])
	for len(h) < n {
		h += h
	}
	return h[:n]
}

// cluster returns a cluster ID: "c" and 32 hex digits.
func (g *idGen) cluster() string { return "c" + g.hexID("cluster", 32) }

// task returns a task ID: "T-" and 24 hex digits.
func (g *idGen) task() string { return "T-" + g.hexID("task", 24) }

// instance returns an ECS instance ID: "i-" and 20 hex digits.
func (g *idGen) instance() string { return "i-" + g.hexID("instance", 20) }

// nodepool returns a node pool ID: "np" and 32 hex digits.
func (g *idGen) nodepool() string { return "np" + g.hexID("nodepool", 32) }

// scalingGroup returns the ID of a node pool's Auto Scaling group.
func (g *idGen) scalingGroup() string { return "asg-" + g.hexID("asg", 20) }

// vpc returns a VPC ID for a VPC the fake creates itself.
func (g *idGen) vpc() string { return "vpc-" + g.hexID("vpc", 22) }

// vswitch returns a vSwitch ID for a vSwitch the fake creates itself.
func (g *idGen) vswitch() string { return "vsw-" + g.hexID("vswitch", 22) }

// request returns a request ID in ACK's upper-case UUID form.
func (g *idGen) request() string {
	h := strings.ToUpper(g.hexID("request", 32))
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
