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
func (g *idGen) instance() string { return string(g.appendInstance(nil)) }

// instanceIDLen is the length of an instance ID.
const instanceIDLen = len("i-") + 20

// appendInstance appends the next instance ID to b: the IDs of a batch of
// nodes share one backing array, so that a fleet's nodes are not each an
// object of their own for the garbage collector to mark.
func (g *idGen) appendInstance(b []byte) []byte {
	h := digest("instance", g.next("instance"))
	return append(append(b, "i-"...), h[:20]...)
}

// nodepool returns a node pool ID: "np" and 32 hex digits.
func (g *idGen) nodepool() string { return "np" + g.hexID("nodepool", 32) }

// scalingGroup returns the ID of a node pool's Auto Scaling group.
func (g *idGen) scalingGroup() string { return "asg-" + g.hexID("asg", 20) }

// vpc returns a VPC ID for a VPC the fake creates itself.
func (g *idGen) vpc() string { return "vpc-" + g.hexID("vpc", 22) }

// vswitch returns a vSwitch ID for a vSwitch the fake creates itself.
func (g *idGen) vswitch() string { return "vsw-" + g.hexID("vswitch", 22) }

// request returns a request ID in ACK's upper-case UUID form: the 128
// bits of two mixes of the kind's next count. Every answer carries one,
// so it is cheap (no digest); like the other IDs it is deterministic and
// never repeats within one Cloud.
func (g *idGen) request() string {
	n := g.next("request")
	hi, lo := mix64(n^0x9e3779b97f4a7c15), mix64(n+0x632be59bd9b4e019)
	const digits = "0123456789ABCDEF"
	var id [36]byte
	j := 0
	for i := range 32 {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			id[j] = '-'
			j++
		}
		w := hi
		if i >= 16 {
			w = lo
		}
		id[j] = digits[w>>(60-4*(i%16))&0xf]
		j++
	}
	return string(id[:])
}

// mix64 is SplitMix64's finalizer: a bijection of the 64-bit words, so
// distinct counts give distinct words.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
