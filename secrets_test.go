package ack_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
)

const (
	keyID       = "LTAI5tExampleKeyID"
	keySecret   = "kS3cr3t-AccessKey-Value"
	stsToken    = "CAIS-sts-Token-Value"
	password    = "Hunter2-Password!"
	signature   = "c2lnbmF0dXJlLXZhbHVl"
	authHeader  = "ACS3-HMAC-SHA256 Credential=" + keyID + ",SignedHeaders=host;x-acs-date,Signature=" + signature
	hiddenField = "hidden-in-transport"
)

// secretTransport holds a secret in an unexported field, as a real
// transport holds its credentials; formatting a Config must not reach it.
type secretTransport struct {
	secret string
	inner  ack.Transport
}

func (s secretTransport) RoundTrip(ctx context.Context, req *ack.Request) (*ack.Response, error) {
	return s.inner.RoundTrip(ctx, req)
}

func assertNoSecrets(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{keySecret, stsToken, password, signature, hiddenField, "Authorization", authHeader} {
		if strings.Contains(s, secret) {
			t.Errorf("%s reveals %q:\n%s", what, secret, s)
		}
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	var logs bytes.Buffer
	clock := vclock.NewAuto()
	// The server refuses twice (retried), then answers a validation error.
	calls := 0
	inner := ack.TransportFunc(func(_ context.Context, req *ack.Request) (*ack.Response, error) {
		calls++
		if calls <= 2 {
			return &ack.Response{StatusCode: 503, Body: []byte(`{"code":"ServiceUnavailable","message":"busy","requestId":"r-1"}`)}, nil
		}
		return &ack.Response{StatusCode: 400, Body: []byte(`{"code":"InvalidParameter","message":"bad name","requestId":"r-2"}`)}, nil
	})
	withToken := func(o *ack.Options) {
		o.Credentials = &ack.StaticCredentials{AccessKeyID: keyID, AccessKeySecret: ack.NewSecret(keySecret), SecurityToken: ack.NewSecret(stsToken)}
	}
	cfg := ack.NewConfig(
		ack.WithRegion("cn-hangzhou"),
		ack.WithTransport(secretTransport{secret: hiddenField, inner: inner}),
		ack.WithClock(clock),
		ack.WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		withToken,
	)
	req := &ack.Request{
		Action: "CreateCluster", Method: http.MethodPost, Path: "/clusters", Retry: ack.Safe,
		Header: http.Header{"Authorization": {authHeader}},
		Body:   []byte(`{"name":"prod","login_password":"` + password + `"}`),
	}
	resp, err := cfg.Do(context.Background(), req)
	if calls != 3 || err == nil {
		t.Fatalf("calls = %d, err = %v; want a failing call after 3 attempts", calls, err)
	}
	var apiErr *ack.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want an *APIError", err)
	}
	opts := cfg.Options()
	values := map[string]any{
		"Config":             cfg,
		"Config value":       *cfg,
		"Request value":      *req,
		"Response value":     *resp,
		"Options":            opts,
		"*Options":           &opts,
		"StaticCredentials":  *opts.Credentials,
		"*StaticCredentials": opts.Credentials,
		"Request":            req,
		"Response":           resp,
		"APIError":           apiErr,
		"error":              err,
		"Secret":             opts.Credentials.AccessKeySecret,
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			assertNoSecrets(t, fmt.Sprintf("%s with %s", name, verb), fmt.Sprintf(verb, v))
		}
	}
	// fmt calls no method on what it reaches through an unexported field:
	// it prints a pointer there as an address under %v, %+v and %#v.
	holder := struct {
		cfg *ack.Config
		req *ack.Request
	}{cfg, req}
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assertNoSecrets(t, "unexported fields with "+verb, fmt.Sprintf(verb, holder))
	}
	if logs.Len() == 0 {
		t.Fatal("no debug logs were written")
	}
	assertNoSecrets(t, "the debug logs", logs.String())
	if !strings.Contains(logs.String(), `"decision":"resend"`) {
		t.Errorf("the logs lack the retry decisions:\n%s", logs.String())
	}

	// The redacted forms still say what is configured.
	for _, want := range []string{"cn-hangzhou", keyID, "[redacted]", "ack_test.secretTransport"} {
		if s := fmt.Sprintf("%+v", cfg); !strings.Contains(s, want) {
			t.Errorf("%%+v of the Config lacks %q: %s", want, s)
		}
	}
}

func TestStaticCredentialsFormat(t *testing.T) {
	c := ack.StaticCredentials{AccessKeyID: "id", AccessKeySecret: ack.NewSecret("s")}
	tests := []struct{ verb, want string }{
		{"%v", "{AccessKeyID:id AccessKeySecret:[redacted] SecurityToken:}"},
		{"%s", "{AccessKeyID:id AccessKeySecret:[redacted] SecurityToken:}"},
		{"%#v", `ack.StaticCredentials{AccessKeyID:"id", AccessKeySecret:"[redacted]", SecurityToken:""}`},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(tt.verb, c); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.verb, got, tt.want)
		}
	}
}

// TestSecretsNeverPrintedOverTheWire runs a failing, retried call through
// the real signing transport to a local server, with debug logs on, and
// looks for the secret and every signature the server received in the
// logs, the error and the formatted values.
func TestSecretsNeverPrintedOverTheWire(t *testing.T) {
	for _, scheme := range []ack.SigningScheme{ack.SigningACS3, ack.SigningROAv1} {
		t.Run(scheme.String(), func(t *testing.T) {
			var (
				mu    sync.Mutex
				auths []string
			)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				auths = append(auths, r.Header.Get("Authorization"))
				n := len(auths)
				mu.Unlock()
				w.Header().Set("Connection", "close")
				if n <= 2 {
					w.WriteHeader(http.StatusServiceUnavailable)
					_, _ = w.Write([]byte(`{"code":"ServiceUnavailable","message":"busy","requestId":"r-busy"}`))
					return
				}
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write([]byte(`{"code":"InvalidParameter","message":"bad name","requestId":"r-bad"}`))
			}))
			defer srv.Close()
			var logs bytes.Buffer
			cfg, err := ack.LoadConfig(context.Background(),
				ack.WithRegion("cn-hangzhou"), ack.WithEndpoint(srv.Listener.Addr().String()), ack.WithScheme("http"),
				ack.WithCredentials(keyID, keySecret), ack.WithSigning(scheme), ack.WithClock(vclock.NewAuto()),
				ack.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
			if err != nil {
				t.Fatal(err)
			}
			req := &ack.Request{Action: "CreateCluster", Method: http.MethodPost, Path: "/clusters", Retry: ack.Safe,
				Body: []byte(`{"name":"prod","login_password":"` + password + `"}`)}
			resp, err := cfg.Do(context.Background(), req)
			if !ack.IsInvalid(err) || len(auths) != 3 {
				t.Fatalf("Do = %v after %d sends; want an invalid-request error after 3", err, len(auths))
			}
			var sigs []string
			for _, a := range auths {
				// "ACS3-HMAC-SHA256 ...,Signature=<hex>" or "acs <id>:<base64>".
				sig := a[strings.LastIndex(a, ":")+1:]
				if _, after, ok := strings.Cut(a, "Signature="); ok {
					sig = after
				}
				if len(sig) < 20 {
					t.Fatalf("Authorization %q holds no signature", a)
				}
				sigs = append(sigs, sig)
			}
			printed := []string{logs.String(), err.Error()}
			for _, v := range []any{cfg, *cfg, req, resp, err, cfg.Options()} {
				for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
					printed = append(printed, fmt.Sprintf(verb, v))
				}
			}
			for _, p := range printed {
				for _, secret := range append([]string{keySecret, password, "Authorization"}, sigs...) {
					if strings.Contains(p, secret) {
						t.Errorf("printed %q:\n%s", secret, p)
					}
				}
			}
			if !strings.Contains(logs.String(), "decision=resend") {
				t.Errorf("the logs lack the retry decisions:\n%s", logs.String())
			}
		})
	}
}
