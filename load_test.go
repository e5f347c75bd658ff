package ack_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ackgo/ack"
)

func TestLoadConfigKeepsAGivenTransport(t *testing.T) {
	t.Setenv(ack.EnvRegion, "")
	srv := &server{clock: ack.RealClock{}, status: 200}
	cfg, err := ack.LoadConfig(context.Background(), ack.WithTransport(srv))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.Do(context.Background(), readRequest()); err != nil || srv.count() != 1 {
		t.Errorf("Do = %v after %d sends, want the given transport to answer once", err, srv.count())
	}
}

func TestLoadConfigRegionFromEnvironment(t *testing.T) {
	t.Setenv(ack.EnvRegion, "cn-shenzhen")
	cfg, err := ack.LoadConfig(context.Background(), ack.WithCredentials("id", "secret"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region() != "cn-shenzhen" {
		t.Errorf("Region = %q, want cn-shenzhen", cfg.Region())
	}
	if cfg.Options().Transport == nil {
		t.Error("LoadConfig built no transport")
	}
}

func TestLoadConfigErrors(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		opts []ack.Option
		want string
		is   error
	}{
		{"no region", context.Background(), nil, "ack config: no region: set one with ack.WithRegion or $ALIBABA_CLOUD_REGION_ID", nil},
		{"unknown signing scheme", context.Background(), []ack.Option{ack.WithRegion("cn-hangzhou"), ack.WithSigning(7)}, "unknown signing scheme 7", nil},
		{"credentials without a secret", context.Background(), []ack.Option{ack.WithRegion("cn-hangzhou"), ack.WithCredentials("id", "")}, "need both an AccessKey ID and a secret", nil},
		{"bad scheme", context.Background(), []ack.Option{ack.WithRegion("cn-hangzhou"), ack.WithScheme("ftp")}, `building the transport for region "cn-hangzhou"`, nil},
		{"canceled context", canceled, []ack.Option{ack.WithRegion("cn-hangzhou")}, "context canceled", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(ack.EnvRegion, "")
			cfg, err := ack.LoadConfig(tt.ctx, tt.opts...)
			if err == nil || cfg != nil {
				t.Fatalf("LoadConfig = (%v, %v), want an error", cfg, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "ack config: ") {
				t.Errorf("err = %q, want it to start with \"ack config: \" and contain %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tt.is)
			}
		})
	}
}

// TestLoadConfigEndToEnd sends a call through the real transport to a local
// server: it arrives signed with the chosen scheme and with the SDK's
// User-Agent.
func TestLoadConfigEndToEnd(t *testing.T) {
	tests := []struct {
		signing ack.SigningScheme
		prefix  string
	}{
		{ack.SigningACS3, "ACS3-HMAC-SHA256 "},
		{ack.SigningROAv1, "acs "},
	}
	for _, tt := range tests {
		t.Run(tt.signing.String(), func(t *testing.T) {
			var auth, ua, path string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				auth, ua, path = r.Header.Get("Authorization"), r.Header.Get("User-Agent"), r.URL.Path
				w.Header().Set("Connection", "close")
				w.Header().Set("x-acs-request-id", "e2e-1")
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{"cluster_id":"c-1"}`))
			}))
			defer srv.Close()
			cfg, err := ack.LoadConfig(context.Background(),
				ack.WithRegion("cn-hangzhou"), ack.WithEndpoint(srv.Listener.Addr().String()), ack.WithScheme("http"),
				ack.WithCredentials("LTAI-e2e", "e2e-secret"), ack.WithSigning(tt.signing), ack.WithUserAgent("e2e/1"))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := cfg.Do(context.Background(), readRequest())
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 || resp.RequestID != "e2e-1" || path != "/clusters/c-1" {
				t.Errorf("resp = %v at path %q", resp, path)
			}
			if !strings.HasPrefix(auth, tt.prefix) || !strings.Contains(auth, "LTAI-e2e") {
				t.Errorf("Authorization = %q, want the %s scheme with the key ID", auth, tt.signing)
			}
			if want := "ackgo/" + ack.Version + " e2e/1"; ua != want {
				t.Errorf("User-Agent = %q, want %q", ua, want)
			}
		})
	}
}

// TestLoadConfigRefusesUnknownRegion checks that a region ACK does not
// have is refused at once, naming it and the closest known region, unless
// an endpoint says where to send; a known region passes.
func TestLoadConfigRefusesUnknownRegion(t *testing.T) {
	tests := []struct {
		name    string
		env     string
		opts    []ack.Option
		wantErr string // empty: accepted
	}{
		{"misspelled", "", []ack.Option{ack.WithRegion("cn-hangzou")},
			`ack config: unknown region "cn-hangzou": did you mean "cn-hangzhou"?`},
		{"misspelled in the environment", "ap-southeast1", nil,
			`ack config: unknown region "ap-southeast1" (from $ALIBABA_CLOUD_REGION_ID): did you mean "ap-southeast-1"?`},
		{"upper case", "", []ack.Option{ack.WithRegion("CN-BEIJING")},
			`ack config: unknown region "CN-BEIJING": did you mean "cn-beijing"?`},
		{"unknown with an endpoint", "", []ack.Option{ack.WithRegion("cn-hangzou"), ack.WithEndpoint("cs.example.internal")}, ""},
		{"known", "", []ack.Option{ack.WithRegion("eu-central-1")}, ""},
		{"known, a special cloud", "", []ack.Option{ack.WithRegion("cn-shanghai-finance-1")}, ""},
		{"known, from the environment", "me-central-1", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(ack.EnvRegion, tt.env)
			opts := append([]ack.Option{ack.WithCredentials("id", "secret")}, tt.opts...)
			cfg, err := ack.LoadConfig(context.Background(), opts...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadConfig: %v", err)
				}
				return
			}
			if err == nil || cfg != nil {
				t.Fatalf("LoadConfig = (%v, %v), want an error", cfg, err)
			}
			if !strings.HasPrefix(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "ack.WithEndpoint") {
				t.Errorf("err = %q, want it to start with %q and mention ack.WithEndpoint", err, tt.wantErr)
			}
			if !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("err = %v, want errors.Is ack.ErrInvalid", err)
			}
		})
	}
}

// TestNoCredentialsLeadsWithTheHint checks that a call without any
// credentials fails at its first attempt with an ErrAuth whose message
// says first, in one short sentence, what to set, and the credential
// chain's details after.
func TestNoCredentialsLeadsWithTheHint(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	for _, name := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
		"ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_PROFILE",
		"ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_URI", "ALIBABA_CLOUD_ECS_METADATA"} {
		t.Setenv(name, "")
	}
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true") // never reach for the instance metadata service
	cfg, err := ack.LoadConfig(context.Background(), ack.WithRegion("cn-hangzhou"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = cfg.Do(context.Background(), readRequest())
	if !errors.Is(err, ack.ErrAuth) {
		t.Fatalf("Do = %v, want an error matching ack.ErrAuth", err)
	}
	if _, retried := errors.AsType[*ack.RetryError](err); retried {
		t.Errorf("Do = %v, want no retry", err)
	}
	const prefix = "DescribeClusterDetail: sending GET /clusters/c-1: "
	const hint = "no usable Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass ack.WithCredentials"
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix+hint) {
		t.Fatalf("Do = %q, want it to start with %q", msg, prefix+hint)
	}
	first, rest, _ := strings.Cut(strings.TrimPrefix(msg, prefix), ". ")
	if len(first) > 200 {
		t.Errorf("first sentence has %d characters, want at most 200: %q", len(first), first)
	}
	if !strings.Contains(rest, `provider "default"`) || !strings.Contains(rest, "unable to get credentials") {
		t.Errorf("after the hint: %q, want the chain's details", rest)
	}
}
