package fake_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/signing"
	"github.com/ackgo/ack/internal/wire"
)

// TestSignatureFreshnessIsJudgedOnTheWall signs requests at chosen wall
// times for a cloud whose virtual clock is decades behind the wall: a
// signature is fresh when its date is within fifteen minutes of the wall
// clock, whatever the virtual time.
func TestSignatureFreshnessIsJudgedOnTheWall(t *testing.T) {
	c := fake.New(fake.WithCredential(testAK, testSecret), fake.WithClock(fake.Manual),
		fake.WithStart(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)))
	wall := time.Now()
	tests := []struct {
		name     string
		scheme   signing.Scheme
		signedAt time.Time
		status   int
		code     string
	}{
		{"ROA v1 now", signing.ROAv1, wall, http.StatusOK, ""},
		{"ACS3 now", signing.ACS3, wall, http.StatusOK, ""},
		{"ROA v1 ten minutes ago", signing.ROAv1, wall.Add(-10 * time.Minute), http.StatusOK, ""},
		{"ROA v1 twenty minutes ago", signing.ROAv1, wall.Add(-20 * time.Minute), http.StatusBadRequest, fake.InvalidTimeStampExpired},
		{"ACS3 twenty minutes ahead", signing.ACS3, wall.Add(20 * time.Minute), http.StatusBadRequest, fake.InvalidTimeStampExpired},
		{"ROA v1 at the virtual now", signing.ROAv1, c.Now(), http.StatusBadRequest, fake.InvalidTimeStampExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := signedRequest(t, http.MethodGet, "/quota", nil, tt.scheme, tt.signedAt, "")
			w := httptest.NewRecorder()
			c.Handler().ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("HTTP %d %s, want %d", w.Code, w.Body, tt.status)
			}
			if tt.code != "" {
				if e, ok := envelope.DecodeError(w.Body.Bytes()); !ok || e.Code != tt.code {
					t.Fatalf("body %s, want code %s", w.Body, tt.code)
				}
			}
		})
	}
}

// TestReplaysAreAccepted sends the same signed request twice, as a client
// may within one second (ROA v1 has no nonce) or on a retry: the fake
// remembers no signature or nonce, so both are served.
func TestReplaysAreAccepted(t *testing.T) {
	c := fake.New(fake.WithCredential(testAK, testSecret), fake.WithProgressions(fake.Immediately()))
	for _, tt := range []struct {
		name   string
		scheme signing.Scheme
		nonce  string
	}{{"ROA v1", signing.ROAv1, ""}, {"ACS3 with one nonce", signing.ACS3, "0123456789abcdef"}} {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Now()
			var statuses []int
			for range 2 {
				r := signedRequest(t, http.MethodGet, "/api/v1/clusters", nil, tt.scheme, now, tt.nonce)
				w := httptest.NewRecorder()
				c.Handler().ServeHTTP(w, r)
				statuses = append(statuses, w.Code)
			}
			if statuses[0] != http.StatusOK || statuses[1] != http.StatusOK {
				t.Fatalf("statuses %v, want both 200", statuses)
			}
		})
	}
	// A replayed write is served again too: the fake, like ACK's gateway,
	// does not deduplicate requests.
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("replayed"))).ClusterID
	tags := []byte(`[{"key":"env","value":"prod"}]`)
	now := time.Now()
	for range 2 {
		r := signedRequest(t, http.MethodPost, "/clusters/"+id+"/tags", tags, signing.ROAv1, now, "")
		w := httptest.NewRecorder()
		c.Handler().ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("replayed ModifyClusterTags: HTTP %d %s", w.Code, w.Body)
		}
	}
	var served int
	for _, k := range c.Calls() {
		if k.Action == wire.ActionModifyClusterTags && k.Caller == testAK && k.Status == http.StatusOK {
			served++
		}
	}
	if served != 2 {
		t.Fatalf("%d signed ModifyClusterTags calls served, want 2", served)
	}
}

// signedRequest builds a request as an HTTP server hands it to the
// handler, signed by testAK at signedAt.
func signedRequest(t *testing.T, method, path string, body []byte, scheme signing.Scheme, signedAt time.Time, nonce string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(method, "http://cs.cn-hangzhou.aliyuncs.com"+path, bytes.NewReader(body))
	r.RemoteAddr = "192.0.2.7:40000"
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	cred := signing.Credentials{AccessKeyID: testAK, AccessKeySecret: testSecret}
	if err := signing.Sign(r, body, cred, scheme, signedAt, nonce); err != nil {
		t.Fatal(err)
	}
	return r
}
