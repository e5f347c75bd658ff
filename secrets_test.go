package ack_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
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
		o.Credentials = &ack.StaticCredentials{AccessKeyID: keyID, AccessKeySecret: keySecret, SecurityToken: stsToken}
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
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			assertNoSecrets(t, fmt.Sprintf("%s with %s", name, verb), fmt.Sprintf(verb, v))
		}
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
	c := ack.StaticCredentials{AccessKeyID: "id", AccessKeySecret: "s"}
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
