package cluster

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

// FuzzParseResumeToken checks that any token is either refused as invalid
// or read into a token that encodes back to the same fields.
func FuzzParseResumeToken(f *testing.F) {
	for _, s := range []string{
		`{"v":1,"kind":"cluster.create","cluster_id":"c1","task_id":"T-1","region":"cn-hangzhou"}`,
		`{"v":1,"kind":"cluster.delete","cluster_id":"c1"}`,
		`{"v":2}`,
		`[]`,
	} {
		f.Add(base64.RawURLEncoding.EncodeToString([]byte(s)))
	}
	f.Add("%%%")
	f.Fuzz(func(t *testing.T, token string) {
		got, err := parseResumeToken(token)
		if err != nil {
			if !errors.Is(err, ack.ErrInvalid) {
				t.Fatalf("parseResumeToken(%q) = %v; want an error matching ErrInvalid", token, err)
			}
			return
		}
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		again, err := parseResumeToken(base64.RawURLEncoding.EncodeToString(b))
		if err != nil {
			t.Fatalf("re-encoded token refused: %v", err)
		}
		if diff := cmp.Diff(got, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
