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

// next returns the kind's next count.
func (g *idGen) next(kind string) uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.n == nil {
		g.n = make(map[string]uint64)
	}
	g.n[kind]++
	return g.n[kind]
}

// digest returns the hex SHA-256 of "<kind>/<count>".
func digest(kind string, count uint64) [2 * sha256.Size]byte {
	var in [64]byte
	b := append(in[:0], kind...)
	b = append(b, '/')
	b = strconv.AppendUint(b, count, 10)
	sum := sha256.Sum256(b)
	var h [2 * sha256.Size]byte
	hex.Encode(h[:], sum[:])
	return h
}

// hexID returns n hex digits derived from kind and the kind's next count:
// the digest's, repeated when n is longer.
func (g *idGen) hexID(kind string, n int) string {
	h := digest(kind, g.next(kind))
	if n <= len(h) {
		return string(h[:n])
	}
	return strings.Repeat(string(h[:]), n/len(h)+1)[:n]
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

// request returns a request ID in ACK's upper-case UUID form, made of the
// first 32 digits of hexID("request", 32).
func (g *idGen) request() string {
	h := digest("request", g.next("request"))
	var id [36]byte
	j := 0
	for i, c := range h[:32] {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			id[j] = '-'
			j++
		}
		if 'a' <= c && c <= 'f' {
			c -= 'a' - 'A'
		}
		id[j] = c
		j++
	}
	return string(id[:])
}
