package fake

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
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
	// taken holds the hashes of the IDs a restored State holds (take):
	// an ID made with a prefix (prefixed) whose hash is there is skipped,
	// so that a State written by hand, with IDs its counters do not
	// account for, never sees one handed out again. A hash shared by
	// chance only skips a count.
	taken map[uint64]struct{}
	seed  maphash.Seed
}

// take records ids as taken.
func (g *idGen) take(ids map[string]bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.taken == nil {
		g.taken, g.seed = make(map[uint64]struct{}, len(ids)), maphash.MakeSeed()
	}
	for id := range ids {
		g.taken[maphash.String(g.seed, id)] = struct{}{}
	}
}

// isTaken reports whether id is one of a restored State's.
func (g *idGen) isTaken(id []byte) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.taken) == 0 {
		return false
	}
	_, ok := g.taken[maphash.Bytes(g.seed, id)]
	return ok
}

// prefixed returns prefix and n hex digits of the kind's next count whose
// ID is not taken.
func (g *idGen) prefixed(kind, prefix string, n int) string {
	var b []byte
	for {
		b = append(append(b[:0], prefix...), g.hexID(kind, n)...)
		if !g.isTaken(b) {
			return string(b)
		}
	}
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
func (g *idGen) cluster() string { return g.prefixed("cluster", "c", 32) }

// task returns a task ID: "T-" and 24 hex digits.
func (g *idGen) task() string { return g.prefixed("task", "T-", 24) }

// instance returns an ECS instance ID: "i-" and 20 hex digits.
func (g *idGen) instance() string { return string(g.appendInstance(nil)) }

// instanceIDLen is the length of an instance ID.
const instanceIDLen = len("i-") + 20

// appendInstance appends the next instance ID to b: the IDs of a batch of
// nodes share one backing array, so that a fleet's nodes are not each an
// object of their own for the garbage collector to mark.
func (g *idGen) appendInstance(b []byte) []byte {
	for {
		h := digest("instance", g.next("instance"))
		out := append(append(b, "i-"...), h[:20]...)
		if !g.isTaken(out[len(b):]) {
			return out
		}
	}
}

// nodepool returns a node pool ID: "np" and 32 hex digits.
func (g *idGen) nodepool() string { return g.prefixed("nodepool", "np", 32) }

// scalingGroup returns the ID of a node pool's Auto Scaling group.
func (g *idGen) scalingGroup() string { return g.prefixed("asg", "asg-", 20) }

// vpc returns a VPC ID for a VPC the fake creates itself.
func (g *idGen) vpc() string { return g.prefixed("vpc", "vpc-", 22) }

// vswitch returns a vSwitch ID for a vSwitch the fake creates itself.
func (g *idGen) vswitch() string { return g.prefixed("vswitch", "vsw-", 22) }

// request returns a request ID in ACK's upper-case UUID form: the 128
// bits of two mixes of the kind's next count. Every answer carries one,
// so it is cheap (no digest); like the other IDs it is deterministic and
// never repeats within one Cloud.
func (g *idGen) request() string {
	n := g.next("request")
	var h [32]byte
	putHex(h[:16], mix64(n^0x9e3779b97f4a7c15))
	putHex(h[16:], mix64(n+0x632be59bd9b4e019))
	var id [36]byte
	copy(id[0:8], h[0:8])
	copy(id[9:13], h[8:12])
	copy(id[14:18], h[12:16])
	copy(id[19:23], h[16:20])
	copy(id[24:36], h[20:32])
	id[8], id[13], id[18], id[23] = '-', '-', '-', '-'
	return string(id[:])
}

// putHex writes w as 16 upper-case hex digits into b.
func putHex(b []byte, w uint64) {
	const digits = "0123456789ABCDEF"
	for i := 15; i >= 0; i-- {
		b[i] = digits[w&0xf]
		w >>= 4
	}
}

// mix64 is SplitMix64's finalizer: a bijection of the 64-bit words, so
// distinct counts give distinct words.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
