package fake_test

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/signing"
	"github.com/ackgo/ack/internal/wire"
)

// TestBadInputAtTheHTTPServer sends one request of every class of bad
// input to a fake whose credentials make it verify signatures: unsigned,
// forged, replayed, stale, oversized, slow, malformed JSON, deeply nested
// JSON, odd paths and overflowing numbers. Each is answered with a 4xx in
// ACK's error shape ({"code","message","requestId"}, and the request ID in
// x-acs-request-id), never a 500, a panic or a hang (every exchange has a
// deadline), and the server still answers afterwards.
func TestBadInputAtTheHTTPServer(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithCredential(testAK, testSecret), fake.WithScaledClock(1e6),
		fake.WithProgressions(fake.Immediately()),
		fake.WithHTTPLimits(fake.HTTPLimits{ReadHeaderTimeout: time.Second, ReadTimeout: time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c := srv.Cloud()
	clusterID := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, dedicatedRequest("target"))).ClusterID
	poolID, _ := createPool(t, c, clusterID, poolBody("pool", 1))
	pool := "/clusters/" + clusterID + "/nodepools/" + poolID

	// signed returns a request to srv for target (a path and query, sent
	// as written), signed by testAK at signedAt with scheme.
	signed := func(method, target string, body []byte, scheme signing.Scheme, signedAt time.Time, nonce string) *http.Request {
		r, err := http.NewRequest(method, srv.URL()+target, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != nil {
			r.Header.Set("Content-Type", "application/json")
		}
		cred := signing.Credentials{AccessKeyID: testAK, AccessKeySecret: testSecret}
		if err := signing.Sign(r, body, cred, scheme, signedAt, nonce); err != nil {
			t.Fatal(err)
		}
		return r
	}
	now := time.Now
	acs3 := func(method, target string, body []byte) *http.Request {
		return signed(method, target, body, signing.ACS3, now(), "")
	}
	raw := func(s string) func() []byte { return func() []byte { return []byte(s) } }

	// An exchange writes req with its body, or the bytes of raw (a body
	// shorter than its Content-Length is never completed).
	type exchange struct {
		req *http.Request
		raw func() []byte
	}
	tests := []struct {
		class, name string
		send        []exchange // the last one's answer is judged
		status      int        // 0: any 4xx
		code        string     // "": any code
	}{
		{"unsigned", "no Authorization", []exchange{{req: func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, srv.URL()+"/api/v1/clusters", nil)
			return r
		}()}}, 400, fake.MissingAuthorization},
		{"forged", "random ACS3 signature", []exchange{{req: func() *http.Request {
			r := acs3(http.MethodPost, pool, []byte(`{"count":1}`))
			var sig [32]byte
			_, _ = rand.Read(sig[:])
			a := r.Header.Get("Authorization")
			r.Header.Set("Authorization", a[:strings.LastIndex(a, "=")+1]+hex.EncodeToString(sig[:]))
			return r
		}()}}, 400, fake.SignatureDoesNotMatch},
		{"forged", "body changed after signing", []exchange{{req: func() *http.Request {
			r := acs3(http.MethodPost, pool, []byte(`{"count":1}`))
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader(`{"count":9}`)), 11
			return r
		}()}}, 400, fake.SignatureDoesNotMatch},
		{"forged", "unknown access key", []exchange{{req: func() *http.Request {
			r := acs3(http.MethodGet, "/quota", nil)
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), testAK, "LTAIunknown", 1))
			return r
		}()}}, 404, fake.InvalidAccessKeyIDNotFound},
		{"forged", "malformed Authorization", []exchange{{req: func() *http.Request {
			r := acs3(http.MethodGet, "/quota", nil)
			r.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential="+strings.Repeat("x", 4000))
			return r
		}()}}, 400, fake.IncompleteSignature},
		{"replayed", "ACS3 nonce used twice", func() []exchange {
			r := signed(http.MethodPost, pool, []byte(`{"count":1}`), signing.ACS3, now(), "badinput-nonce")
			again := r.Clone(r.Context())
			again.Body = io.NopCloser(strings.NewReader(`{"count":1}`))
			return []exchange{{req: r}, {req: again}}
		}(), 400, fake.SignatureNonceUsed},
		{"stale", "ROA v1 signed 20 minutes ago", []exchange{{req: signed(http.MethodGet, "/quota", nil, signing.ROAv1, now().Add(-20*time.Minute), "")}},
			400, fake.InvalidTimeStampExpired},
		{"stale", "ACS3 signed 20 minutes ahead", []exchange{{req: signed(http.MethodGet, "/quota", nil, signing.ACS3, now().Add(20*time.Minute), "")}},
			400, fake.InvalidTimeStampExpired},
		{"oversized", "body over MaxRequestBody", []exchange{{raw: raw("POST /clusters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
			strconv.Itoa(fake.MaxRequestBody+1) + "\r\n\r\n{")}}, 413, fake.InvalidParameter},
		{"oversized", "too many header fields", []exchange{{req: func() *http.Request {
			r := acs3(http.MethodGet, "/quota", nil)
			for i := range fake.MaxRequestHeaders {
				r.Header.Add("X-Filler", strconv.Itoa(i))
			}
			return r
		}()}}, 431, fake.InvalidParameter},
		{"slow", "body slower than the read timeout", []exchange{{raw: raw("POST /clusters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")}},
			400, fake.InvalidParameterFormat},
		{"malformed JSON", "truncated body", []exchange{{req: acs3(http.MethodPost, "/clusters", []byte(`{"name":"x","cluster_type":`))}},
			400, fake.InvalidParameterFormat},
		{"malformed JSON", "wrong type", []exchange{{req: acs3(http.MethodPost, pool, []byte(`{"count":"many"}`))}}, 400, fake.InvalidParameterFormat},
		{"malformed JSON", "not JSON", []exchange{{req: acs3(http.MethodPost, "/clusters", []byte("\x00\xff<xml/>"))}}, 400, fake.InvalidParameterFormat},
		{"deeply nested JSON", "a million arrays", []exchange{{req: acs3(http.MethodPost, "/clusters",
			[]byte(strings.Repeat("[", 1_000_000)+strings.Repeat("]", 1_000_000)))}}, 400, fake.InvalidParameterFormat},
		{"deeply nested JSON", "objects in a field", []exchange{{req: acs3(http.MethodPost, "/clusters",
			[]byte(`{"name":`+strings.Repeat(`{"a":`, 100_000)+"1"+strings.Repeat("}", 100_000)+"}"))}}, 400, fake.InvalidParameterFormat},
		{"odd path", "double slash", []exchange{{req: acs3(http.MethodGet, "//clusters", nil)}}, 404, fake.InvalidActionNotFound},
		{"odd path", "dot-dot", []exchange{{req: acs3(http.MethodGet, "/clusters/../quota", nil)}}, 404, fake.InvalidActionNotFound},
		{"odd path", "encoded dot-dot", []exchange{{req: acs3(http.MethodGet, "/clusters/%2e%2e/quota", nil)}}, 404, fake.InvalidActionNotFound},
		{"odd path", "encoded slash in an ID", []exchange{{req: acs3(http.MethodGet, "/clusters/c%2F..%2Fquota", nil)}}, 404, ""},
		{"odd path", "encoded NUL in an ID", []exchange{{req: acs3(http.MethodGet, "/clusters/c%00x", nil)}}, 404, ""},
		{"odd path", "very long ID", []exchange{{req: acs3(http.MethodGet, "/clusters/"+strings.Repeat("c", 16<<10), nil)}}, 404, fake.ErrorClusterNotFound},
		{"odd path", "very long path", []exchange{{req: acs3(http.MethodGet, strings.Repeat("/x", 16<<10), nil)}}, 404, fake.InvalidActionNotFound},
		{"odd path", "asterisk", []exchange{{raw: raw("GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")}}, 404, fake.InvalidActionNotFound},
		{"overflowing number", "page number past int64", []exchange{{req: acs3(http.MethodGet, "/api/v1/clusters?page_number=99999999999999999999", nil)}},
			400, fake.InvalidParameterFormat},
		{"overflowing number", "negative page size", []exchange{{req: acs3(http.MethodGet, "/api/v1/clusters?page_size=-9223372036854775808", nil)}},
			400, fake.InvalidParameter},
		{"overflowing number", "count of 1e400", []exchange{{req: acs3(http.MethodPost, pool, []byte(`{"count":1e400}`))}}, 400, fake.InvalidParameterFormat},
		{"overflowing number", "num_of_nodes past int64", []exchange{{req: acs3(http.MethodPost, "/clusters", []byte(`{"name":"x","num_of_nodes":9223372036854775808}`))}},
			400, fake.InvalidParameterFormat},
		{"overflowing number", "desired size of MaxInt64", []exchange{{req: acs3(http.MethodPost, "/clusters/"+clusterID+"/nodepools",
			[]byte(mustJSONf(poolBody("huge", 9223372036854775807))))}}, 400, "QuotaExceeded.Node"},
		{"overflowing number", "kubeconfig minutes that wrap", []exchange{{req: acs3(http.MethodGet,
			"/k8s/"+clusterID+"/user_config?TemporaryDurationMinutes="+strconv.FormatInt(60-1<<53, 10), nil)}}, 400, fake.InvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.name, func(t *testing.T) {
			var resp *http.Response
			var body []byte
			for _, ex := range tt.send {
				resp, body = exchangeOnce(t, srv, ex.req, ex.raw)
			}
			if resp.StatusCode < 400 || resp.StatusCode > 499 || tt.status != 0 && resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d %s, want %s", resp.StatusCode, cutBody(body), wantStatus(tt.status))
			}
			e, ok := envelope.DecodeError(body)
			if !ok || e.Code == "" || e.Message == "" || e.RequestID == "" || resp.Header.Get("X-Acs-Request-Id") != e.RequestID {
				t.Fatalf("HTTP %d %s: not ACK's error shape with its request ID", resp.StatusCode, cutBody(body))
			}
			if tt.code != "" && e.Code != tt.code {
				t.Fatalf("code %s (%s), want %s", e.Code, cutBody([]byte(e.Message)), tt.code)
			}
		})
	}
	// The server still answers, and nothing was created or scaled but by
	// the one genuine request of the replay.
	resp, body := exchangeOnce(t, srv, acs3(http.MethodGet, "/clusters/"+clusterID+"/nodes", nil), nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("after the bad input: HTTP %d %s", resp.StatusCode, cutBody(body))
	}
	if n := len(c.Clusters()); n != 1 {
		t.Fatalf("%d clusters after the bad input, want 1", n)
	}
	if p, _ := c.NodePool(clusterID, poolID); p.Nodes != 2 {
		t.Fatalf("the pool has %d nodes after the bad input, want 2: one initial, one added by the replayed request's original", p.Nodes)
	}
}

// exchangeOnce sends one request on a connection of its own, req (with
// its body) or the bytes of raw, and reads the answer; every step has a
// deadline.
func exchangeOnce(t *testing.T, srv *fake.Server, req *http.Request, raw func() []byte) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", srv.Addr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if req != nil {
		if err := req.Write(conn); err != nil {
			t.Fatalf("write the request: %v", err)
		}
	} else if _, err := conn.Write(raw()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read the answer: %v", err)
	}
	return resp, b
}

func cutBody(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

func wantStatus(s int) string {
	if s == 0 {
		return "a 4xx"
	}
	return fmt.Sprint(s)
}
