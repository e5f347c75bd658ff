package sdktransport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	sdkcredentials "github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"github.com/ackgo/ack/internal/signing"
)

// fakeProvider is an SDK credentials provider that counts its calls. When
// gate is set, each call signals entered and then waits for gate.
type fakeProvider struct {
	calls   atomic.Int32
	token   string
	err     error
	panics  bool
	gate    chan struct{}
	entered chan struct{}
}

func (p *fakeProvider) GetCredentials() (*sdkcredentials.Credentials, error) {
	n := p.calls.Add(1)
	if p.gate != nil {
		select {
		case p.entered <- struct{}{}:
		default:
		}
		<-p.gate
	}
	if p.panics {
		panic("provider bug")
	}
	if p.err != nil && n == 1 {
		return nil, p.err
	}
	return &sdkcredentials.Credentials{AccessKeyId: testKeyID, AccessKeySecret: testSecret, SecurityToken: p.token, ProviderName: "fake"}, nil
}

func (p *fakeProvider) GetProviderName() string { return "fake" }

// fakeNow is a settable time for cache expiry.
type fakeNow struct {
	mu sync.Mutex
	t  time.Time
}

func (n *fakeNow) now() time.Time { n.mu.Lock(); defer n.mu.Unlock(); return n.t }
func (n *fakeNow) add(d time.Duration) {
	n.mu.Lock()
	n.t = n.t.Add(d)
	n.mu.Unlock()
}

// arrivals is a CredentialSource that closes all once want callers have
// come in, and then asks the source it wraps.
type arrivals struct {
	CredentialSource
	n    atomic.Int32
	want int32
	all  chan struct{}
}

func (a *arrivals) Credentials(ctx context.Context) (signing.Credentials, error) {
	if a.n.Add(1) == a.want {
		close(a.all)
	}
	return a.CredentialSource.Credentials(ctx)
}

func TestConcurrentRoundTripsRefreshOnce(t *testing.T) {
	var served atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if _, err := signing.Verify(r, readBody(t, r), lookupTestKey, testNow); err != nil {
			t.Errorf("Verify: %v", err)
		}
		served.Add(1)
		w.WriteHeader(http.StatusOK)
	})
	const n = 16
	p := &fakeProvider{gate: make(chan struct{}), entered: make(chan struct{}, 1)}
	src := &arrivals{CredentialSource: FromSDKProvider(p, CacheOptions{}), want: n, all: make(chan struct{})}
	tr := newTransport(t, srv.Listener.Addr().String(), signing.ACS3, src)

	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, err := tr.Send(context.Background(), &Call{Action: "DescribeClusterDetail", Method: "GET", Path: "/clusters/c-1"})
			errs <- err
		})
	}
	<-src.all     // every caller has asked for credentials
	<-p.entered   // and the refresh is running
	close(p.gate) // only now may it return
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("RoundTrip: %v", err)
		}
	}
	if got := p.calls.Load(); got != 1 {
		t.Errorf("provider called %d times, want 1", got)
	}
	if got := served.Load(); got != n {
		t.Errorf("server served %d requests, want %d", got, n)
	}
}

func TestCacheExpiry(t *testing.T) {
	tests := []struct {
		name      string
		token     string
		advance   time.Duration
		wantCalls int32
	}{
		{"key kept within its TTL", "", DefaultKeyTTL - time.Second, 1},
		{"key refreshed after its TTL", "", DefaultKeyTTL, 2},
		{"session kept within its TTL", testToken, DefaultSessionTTL - time.Second, 1},
		{"session refreshed after its TTL", testToken, DefaultSessionTTL, 2},
		{"session refreshed long before a key would be", testToken, DefaultKeyTTL - time.Second, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := &fakeNow{t: testNow}
			p := &fakeProvider{token: tt.token}
			src := FromSDKProvider(p, CacheOptions{Now: now.now})
			want := signing.Credentials{AccessKeyID: testKeyID, AccessKeySecret: testSecret, SecurityToken: tt.token}
			for i, step := range []time.Duration{0, tt.advance} {
				now.add(step)
				got, err := src.Credentials(context.Background())
				if err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("call %d (-want +got):\n%s", i, diff)
				}
			}
			if got := p.calls.Load(); got != tt.wantCalls {
				t.Errorf("provider called %d times, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestSlowProviderIsBounded(t *testing.T) {
	tests := []struct {
		name    string
		opts    CacheOptions
		ctx     func() (context.Context, context.CancelFunc)
		wantIs  error
		wantMsg string
	}{
		{
			name:    "refresh timeout",
			opts:    CacheOptions{RefreshTimeout: time.Nanosecond},
			ctx:     func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
			wantIs:  context.DeadlineExceeded,
			wantMsg: "refresh took longer than 1ns",
		},
		{
			name: "caller's context canceled",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, cancel
			},
			wantIs:  context.Canceled,
			wantMsg: `credentials from provider "fake"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &fakeProvider{gate: make(chan struct{}), entered: make(chan struct{}, 1)}
			src := FromSDKProvider(p, tt.opts)
			ctx, cancel := tt.ctx()
			defer cancel()

			_, err := src.Credentials(ctx)
			if !errors.Is(err, tt.wantIs) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("Credentials: %v, want an error matching %v and saying %q", err, tt.wantIs, tt.wantMsg)
			}

			// The refresh outlives its caller, finishes in the background
			// and fills the cache for the next caller.
			<-p.entered
			cs := src.(*cachedSource)
			cs.mu.Lock()
			r := cs.inflight
			cs.mu.Unlock()
			close(p.gate)
			<-r.done
			got, err := src.Credentials(context.Background())
			if err != nil {
				t.Fatalf("Credentials after the provider returned: %v", err)
			}
			if got.AccessKeyID != testKeyID {
				t.Errorf("AccessKeyID = %q, want %q", got.AccessKeyID, testKeyID)
			}
			if n := p.calls.Load(); n != 1 {
				t.Errorf("provider called %d times, want 1", n)
			}
		})
	}
}

func TestProviderFailures(t *testing.T) {
	tests := []struct {
		name      string
		p         *fakeProvider
		wantCalls int32
		wantMsg   string
	}{
		{"error is not cached", &fakeProvider{err: errors.New("metadata service unreachable")}, 2, "metadata service unreachable"},
		{"panic becomes an error", &fakeProvider{panics: true}, 2, "provider panicked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := FromSDKProvider(tt.p, CacheOptions{})
			_, err := src.Credentials(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) || !strings.Contains(err.Error(), `provider "fake"`) {
				t.Fatalf("first call: %v, want an error naming the provider and saying %q", err, tt.wantMsg)
			}
			_, err = src.Credentials(context.Background())
			if tt.p.panics == (err == nil) {
				t.Errorf("second call: %v", err)
			}
			if got := tt.p.calls.Load(); got != tt.wantCalls {
				t.Errorf("provider called %d times, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestDefaultCredentialsFromEnvironment(t *testing.T) {
	tests := []struct {
		name  string
		token string
	}{
		{"access key", ""},
		{"sts token", testToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", testKeyID)
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", testSecret)
			t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", tt.token)
			t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true") // never reach for the instance metadata service

			got, err := DefaultCredentials().Credentials(context.Background())
			if err != nil {
				t.Fatalf("Credentials: %v", err)
			}
			want := signing.Credentials{AccessKeyID: testKeyID, AccessKeySecret: testSecret, SecurityToken: tt.token}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("credentials (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStaticCredentials(t *testing.T) {
	tests := []struct {
		name              string
		id, secret, token string
		wantErr           bool
	}{
		{"pair", testKeyID, testSecret, "", false},
		{"with token", testKeyID, testSecret, testToken, false},
		{"no id", "", testSecret, "", true},
		{"no secret", testKeyID, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := StaticCredentials(tt.id, tt.secret, tt.token).Credentials(context.Background())
			if (err != nil) != tt.wantErr {
				t.Fatalf("Credentials: %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				assertNoSecret(t, "error", err.Error())
				return
			}
			if diff := cmp.Diff(signing.Credentials{AccessKeyID: tt.id, AccessKeySecret: tt.secret, SecurityToken: tt.token}, got); diff != "" {
				t.Errorf("credentials (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormattingNeverShowsSecrets(t *testing.T) {
	cached := FromSDKProvider(&fakeProvider{token: testToken}, CacheOptions{})
	if _, err := cached.Credentials(context.Background()); err != nil { // fill the cache
		t.Fatal(err)
	}
	static := StaticCredentials(testKeyID, testSecret, testToken)
	tr, err := New(Options{Region: "cn-hangzhou", Credentials: cached})
	if err != nil {
		t.Fatal(err)
	}
	trStatic, err := New(Options{Region: "cn-hangzhou", Credentials: static})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Region: "cn-hangzhou", Credentials: static}
	// fmt calls no Format method on what it reaches through an unexported
	// field, nor on the target of a pointer it prints with a verb such as
	// %s: the sources must hold nothing that prints as the secret.
	type holder struct {
		cached, static CredentialSource
		tr, trStatic   *Transport
	}
	values := map[string]any{
		"cached source": cached, "static source": static, "transport": tr, "options": opts, "options pointer": &opts,
		"struct holding a transport": struct{ T *Transport }{tr},
		"transport value":            *tr,
		"static source value":        *static.(*staticSource),
		"unexported fields":          holder{cached, static, tr, trStatic},
		"pointer to unexported":      &holder{cached, static, tr, trStatic},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			out := fmt.Sprintf(verb, v)
			assertNoSecret(t, name+" formatted with "+verb, out)
		}
	}
	if out := fmt.Sprint(tr); !strings.Contains(out, "cs.cn-hangzhou.aliyuncs.com") || !strings.Contains(out, `provider "fake"`) {
		t.Errorf("transport prints %q; want its endpoint and provider", out)
	}
}
