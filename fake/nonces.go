package fake

import (
	"container/heap"
	"crypto/sha256"
	"sync"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// DefaultNonceLimit is how many ACS3 nonces the fake remembers per access
// key: the nonces of the requests signed within the freshness window. A
// key that signs more requests than that within the window is throttled
// (Throttling.User) until the oldest nonces expire.
const DefaultNonceLimit = 100_000

// nonceLog remembers the ACS3 nonces each access key used, so that a
// replayed request (the same nonce again) is refused with
// SignatureNonceUsed. A nonce is kept until its request's signed date is
// more than signing.MaxSkew in the past: from then on the request is
// refused as expired anyway, so the nonce need not be remembered. It keeps
// a digest of each nonce, so that its memory is bounded by the number of
// nonces, whatever their length.
type nonceLog struct {
	mu    sync.Mutex
	limit int
	keys  map[string]*keyNonces
}

// keyNonces are the nonces of one access key, and when each expires.
type keyNonces struct {
	expires map[nonceDigest]time.Time
	queue   nonceQueue
}

type nonceDigest [sha256.Size]byte

func newNonceLog(limit int) *nonceLog {
	return &nonceLog{limit: limit, keys: map[string]*keyNonces{}}
}

// use records the nonce of a request that accessKeyID signed at signed,
// received at now (both on the wall clock), or refuses it: a nonce the key
// already used within the window is a replay, and a key with limit nonces
// in the window is throttled.
func (l *nonceLog) use(accessKeyID, nonce string, signed, now time.Time) *Error {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := l.keys[accessKeyID]
	if k == nil {
		k = &keyNonces{expires: map[nonceDigest]time.Time{}}
		l.keys[accessKeyID] = k
	}
	for len(k.queue) > 0 && !k.queue[0].expires.After(now) {
		e := heap.Pop(&k.queue).(nonceEntry)
		delete(k.expires, e.digest)
	}
	d := nonceDigest(sha256.Sum256([]byte(nonce)))
	if _, used := k.expires[d]; used {
		return NewError(SignatureNonceUsed, "access key %s already signed a request with x-acs-signature-nonce %s within the last %s; a replayed request is refused", accessKeyID, cut(nonce), signing.MaxSkew)
	}
	if len(k.expires) >= l.limit {
		return NewError(ThrottlingUser, "access key %s signed %d requests within %s; the fake remembers at most %d nonces a key, so wait for the oldest to expire", accessKeyID, len(k.expires), signing.MaxSkew, l.limit)
	}
	expires := signed.Add(signing.MaxSkew)
	k.expires[d] = expires
	heap.Push(&k.queue, nonceEntry{digest: d, expires: expires})
	return nil
}

// nonceEntry is a nonce in its key's expiry queue.
type nonceEntry struct {
	digest  nonceDigest
	expires time.Time
}

// nonceQueue is a min-heap of nonces by expiry.
type nonceQueue []nonceEntry

func (q nonceQueue) Len() int           { return len(q) }
func (q nonceQueue) Less(i, j int) bool { return q[i].expires.Before(q[j].expires) }
func (q nonceQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *nonceQueue) Push(x any)        { *q = append(*q, x.(nonceEntry)) }
func (q *nonceQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}
