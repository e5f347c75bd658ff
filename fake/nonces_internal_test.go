package fake

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// TestNonceLogExpiresAndIsBounded checks the nonce log on a chosen wall
// clock: a nonce is refused again within the freshness window of its
// signed date, accepted once that has passed (the request would be
// refused as expired by then), remembered per access key, and a key with
// the limit of nonces in the window is throttled until the oldest expire,
// so that the log's memory stays bounded.
func TestNonceLogExpiresAndIsBounded(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	l := newNonceLog(3)
	code := func(e *Error) string {
		if e == nil {
			return ""
		}
		return e.Code
	}
	steps := []struct {
		key, nonce string
		signed     time.Time
		now        time.Time
		want       string
	}{
		{"AK1", "n1", t0, t0, ""},
		{"AK1", "n1", t0, t0.Add(time.Second), SignatureNonceUsed},
		{"AK2", "n1", t0, t0.Add(time.Second), ""},
		{"AK1", "n1", t0, t0.Add(signing.MaxSkew - time.Second), SignatureNonceUsed},
		{"AK1", "n2", t0.Add(time.Minute), t0.Add(time.Minute), ""},
		{"AK1", "n3", t0.Add(2 * time.Minute), t0.Add(2 * time.Minute), ""},
		{"AK1", "n4", t0.Add(3 * time.Minute), t0.Add(3 * time.Minute), ThrottlingUser},
		// n1 expires at t0+MaxSkew: its slot frees, and n1 itself is new.
		{"AK1", "n4", t0.Add(signing.MaxSkew), t0.Add(signing.MaxSkew), ""},
		{"AK1", "n1", t0.Add(signing.MaxSkew), t0.Add(signing.MaxSkew), ThrottlingUser},
		{"AK1", "n2", t0.Add(signing.MaxSkew), t0.Add(signing.MaxSkew), SignatureNonceUsed},
		{"AK1", "n1", t0.Add(signing.MaxSkew + time.Minute), t0.Add(signing.MaxSkew + time.Minute), ""},
		// A date ahead of the clock keeps its nonce longer.
		{"AK3", "ahead", t0.Add(10 * time.Minute), t0, ""},
		{"AK3", "ahead", t0, t0.Add(20 * time.Minute), SignatureNonceUsed},
	}
	for i, s := range steps {
		if got := code(l.use(s.key, s.nonce, s.signed, s.now)); got != s.want {
			t.Fatalf("step %d (%s %s): %q, want %q", i, s.key, s.nonce, got, s.want)
		}
	}
	for key, k := range l.keys {
		if len(k.expires) > l.limit || len(k.queue) != len(k.expires) {
			t.Errorf("key %s keeps %d nonces in a queue of %d, limit %d", key, len(k.expires), len(k.queue), l.limit)
		}
	}

	// Long nonces are told apart by their digests.
	big := newNonceLog(DefaultNonceLimit)
	for i := range 100 {
		if e := big.use("AK", fmt.Sprintf("%s-%d", strings.Repeat("x", 60_000), i), t0, t0); e != nil {
			t.Fatal(e)
		}
	}
	if n := len(big.keys["AK"].expires); n != 100 {
		t.Fatalf("%d long nonces kept, want 100", n)
	}
}
