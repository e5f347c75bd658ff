package sdktransport

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ackgo/ack/internal/signing"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const (
	testKeyID  = "LTAI5tTestKeyID0001"
	testSecret = "s3cr3t-AccessKey-Secret-Value"
	testToken  = "CAIS-sts-token-value-0001"
)

// testNow is the signing time of every test request; the servers verify
// against it too, so no test depends on the wall clock.
var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func lookupTestKey(id string) (string, bool) { return testSecret, id == testKeyID }

// newServer starts an httptest server that the test closes at its end.
func newServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// newTransport builds a Transport to srv over plain HTTP, signing at
// testNow, whose idle connections are closed at the end of the test.
func newTransport(t *testing.T, addr string, scheme signing.Scheme, creds CredentialSource) *Transport {
	t.Helper()
	tr, err := New(Options{Endpoint: addr, Scheme: "http", Signing: scheme, Credentials: creds, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(tr.CloseIdleConnections)
	return tr
}

// staticTestCredentials are the credentials the test servers know.
func staticTestCredentials() CredentialSource { return StaticCredentials(testKeyID, testSecret, "") }

// assertNoSecret fails when s shows the secret, the token or an
// Authorization header.
func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{testSecret, testToken, "Authorization", "Signature="} {
		if strings.Contains(s, bad) {
			t.Errorf("%s shows %q: %s", what, bad, s)
		}
	}
}

// readBody reads a request body in a handler.
func readBody(t *testing.T, r *http.Request) []byte {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Errorf("read request body: %v", err)
	}
	return b
}

// discardLog silences a test server's error log (expected handshake
// failures).
func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }
