package fake_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
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

// TestROAReplaysAreAccepted sends the same ROA v1 request twice in one
// second, as a client may (ROA v1 has no nonce, so two identical requests
// carry the same signature): both are served, a write included.
func TestROAReplaysAreAccepted(t *testing.T) {
	c := fake.New(fake.WithCredential(testAK, testSecret), fake.WithProgressions(fake.Immediately()))
	now := time.Now()
	for range 2 {
		r := signedRequest(t, http.MethodGet, "/api/v1/clusters", nil, signing.ROAv1, now, "")
		w := httptest.NewRecorder()
		c.Handler().ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("replayed ROA v1 read: HTTP %d %s", w.Code, w.Body)
		}
	}
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("replayed"))).ClusterID
	tags := []byte(`[{"key":"env","value":"prod"}]`)
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

// TestACS3NonceReplayIsRefused captures an ACS3-signed
// ScaleClusterNodePool and sends it again with the same
// x-acs-signature-nonce: the replay is refused with SignatureNonceUsed
// (HTTP 400) and adds no nodes. A new nonce is served, and so is the same
// nonce signed by another key.
func TestACS3NonceReplayIsRefused(t *testing.T) {
	const otherAK, otherSecret = "LTAI5tOtherAccessKey", "other-secret"
	c := fake.New(fake.WithCredential(testAK, testSecret), fake.WithCredential(otherAK, otherSecret),
		fake.WithProgressions(fake.Immediately()))
	id := runningCluster(t, c, managedRequest("replay"))
	poolID, _ := createPool(t, c, id, poolBody("pool", 1))
	path := "/clusters/" + id + "/nodepools/" + poolID
	scale := []byte(`{"count":1}`)
	send := func(r *http.Request) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		c.Handler().ServeHTTP(w, r)
		return w
	}
	now := time.Now()
	captured := signedRequest(t, http.MethodPost, path, scale, signing.ACS3, now, "nonce-0001")
	replay := captured.Clone(context.Background())
	replay.Body = io.NopCloser(bytes.NewReader(scale))
	if w := send(captured); w.Code != http.StatusOK {
		t.Fatalf("first ScaleClusterNodePool: HTTP %d %s", w.Code, w.Body)
	}
	w := send(replay)
	if e, ok := envelope.DecodeError(w.Body.Bytes()); w.Code != http.StatusBadRequest || !ok || e.Code != fake.SignatureNonceUsed {
		t.Fatalf("replayed ScaleClusterNodePool: HTTP %d %s, want 400 %s", w.Code, w.Body, fake.SignatureNonceUsed)
	}
	if n := len(listNodes(t, c, id, url.Values{"nodepool_id": {poolID}}).Nodes); n != 2 {
		t.Fatalf("the pool has %d nodes, want 2: one initial, one added once", n)
	}
	if w := send(signedRequest(t, http.MethodGet, "/quota", nil, signing.ACS3, now, "nonce-0002")); w.Code != http.StatusOK {
		t.Fatalf("a new nonce: HTTP %d %s", w.Code, w.Body)
	}
	other := httptest.NewRequest(http.MethodGet, "http://cs.cn-hangzhou.aliyuncs.com/quota", nil)
	if err := signing.Sign(other, nil, signing.Credentials{AccessKeyID: otherAK, AccessKeySecret: otherSecret}, signing.ACS3, now, "nonce-0001"); err != nil {
		t.Fatal(err)
	}
	if w := send(other); w.Code != http.StatusOK {
		t.Fatalf("the same nonce from another key: HTTP %d %s", w.Code, w.Body)
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
