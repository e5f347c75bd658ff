package sdktransport

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	sdkcredentials "github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"github.com/ackgo/ack/internal/signing"
)

// CredentialSource yields the credentials a request is signed with. The
// Transport calls it once per request, so it should be cheap when its
// credentials are fresh, and it must be safe for concurrent use.
type CredentialSource interface {
	// Credentials returns the credentials to sign the next request with,
	// or an error that names the source and holds no secret.
	Credentials(ctx context.Context) (signing.Credentials, error)
}

// Defaults of CacheOptions.
const (
	// DefaultKeyTTL is how long long-lived AccessKey credentials (without a
	// security token) are kept before the provider is asked again, so that
	// a rotated key in the profile file is picked up.
	DefaultKeyTTL = 15 * time.Minute
	// DefaultSessionTTL is how long STS credentials (with a security
	// token) are kept. The SDK's providers renew such credentials when they
	// have less than three minutes left; asking again after two minutes at
	// most means a cached credential always has at least a minute to live.
	DefaultSessionTTL = 2 * time.Minute
	// DefaultRefreshTimeout bounds how long a caller waits for the provider.
	DefaultRefreshTimeout = 15 * time.Second
)

// CacheOptions tune the cache in front of an SDK credentials provider. The
// zero value uses the defaults above.
type CacheOptions struct {
	// KeyTTL is how long credentials without a security token are kept.
	KeyTTL time.Duration
	// SessionTTL is how long credentials with a security token are kept.
	SessionTTL time.Duration
	// RefreshTimeout bounds each caller's wait for a refresh.
	RefreshTimeout time.Duration
	// Now tells the time for expiry; time.Now when nil.
	Now func() time.Time
}

func (o CacheOptions) withDefaults() CacheOptions {
	if o.KeyTTL <= 0 {
		o.KeyTTL = DefaultKeyTTL
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.RefreshTimeout <= 0 {
		o.RefreshTimeout = DefaultRefreshTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// DefaultCredentials returns the default credential chain of
// alibaba-cloud-sdk-go behind a cache (see FromSDKProvider). The chain
// tries, in order: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID,
// ALIBABA_CLOUD_ACCESS_KEY_SECRET and optionally
// ALIBABA_CLOUD_SECURITY_TOKEN), OIDC role assumption (RRSA:
// ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
// ALIBABA_CLOUD_ROLE_ARN), the CLI profile (~/.aliyun/config.json), the
// profile file (~/.alibabacloud/credentials), the ECS instance RAM role and,
// when ALIBABA_CLOUD_CREDENTIALS_URI is set, a credentials URI. The chain
// reads its configuration from the environment when DefaultCredentials is
// called and fetches credentials on first use. Each call builds its own
// chain and cache: call it once and share the source.
func DefaultCredentials() CredentialSource {
	return FromSDKProvider(sdkcredentials.NewDefaultCredentialsProvider(), CacheOptions{})
}

// FromSDKProvider puts a cache in front of an alibaba-cloud-sdk-go
// credentials provider. The SDK's providers are not safe for concurrent
// refresh and take no context, so the cache calls the provider from one
// goroutine at a time: concurrent callers that find the cache stale share
// one refresh, and each waits for it at most RefreshTimeout and no longer
// than its context allows. A refresh that outlives its callers finishes in
// the background and fills the cache. Credentials are kept for KeyTTL, or
// SessionTTL when they carry a security token; a failed refresh is not
// cached, so the next caller tries again.
func FromSDKProvider(p sdkcredentials.CredentialsProvider, opts CacheOptions) CredentialSource {
	name := p.GetProviderName()
	return &cachedSource{name: name, opts: opts.withDefaults(), fetch: func() (signing.Credentials, error) {
		c, err := p.GetCredentials()
		if err != nil {
			return signing.Credentials{}, err
		}
		if c == nil {
			return signing.Credentials{}, errors.New("provider returned no credentials")
		}
		return signing.Credentials{AccessKeyID: c.AccessKeyId, AccessKeySecret: c.AccessKeySecret, SecurityToken: c.SecurityToken}, nil
	}}
}

// sealed holds credentials behind a function. fmt prints a func as its
// address, so no verb reaches the secret through a field that fmt walks by
// reflection, where a Format method is never called: an unexported field,
// or the target of a pointer printed with a verb such as %s. The sources
// of this package keep their credentials sealed.
type sealed func() signing.Credentials

// seal returns c sealed.
func seal(c signing.Credentials) sealed { return func() signing.Credentials { return c } }

// cachedSource is the cache of FromSDKProvider. It keeps its credentials
// sealed and formats itself.
type cachedSource struct {
	name  string
	opts  CacheOptions
	fetch func() (signing.Credentials, error) // called by one goroutine at a time

	mu       sync.Mutex
	cred     sealed
	expires  time.Time // zero: nothing cached
	inflight *refresh  // non-nil while fetch runs
}

// refresh is one call of fetch, shared by every caller that waits for it.
// Its fields are written before done is closed.
type refresh struct {
	done chan struct{}
	cred sealed
	err  error
}

// Credentials returns the cached credentials, refreshing them when stale.
func (c *cachedSource) Credentials(ctx context.Context) (signing.Credentials, error) {
	c.mu.Lock()
	if !c.expires.IsZero() && c.opts.Now().Before(c.expires) {
		cred := c.cred
		c.mu.Unlock()
		return cred(), nil
	}
	r := c.inflight
	if r == nil {
		r = &refresh{done: make(chan struct{})}
		c.inflight = r
		go c.refresh(r)
	}
	c.mu.Unlock()

	wait, cancel := context.WithTimeout(ctx, c.opts.RefreshTimeout)
	defer cancel()
	select {
	case <-r.done:
		return r.cred(), r.err
	case <-wait.Done():
		if err := ctx.Err(); err != nil {
			return signing.Credentials{}, fmt.Errorf("credentials from provider %q: %w", c.name, err)
		}
		return signing.Credentials{}, fmt.Errorf("credentials from provider %q: refresh took longer than %s: %w",
			c.name, c.opts.RefreshTimeout, context.DeadlineExceeded)
	}
}

// refresh calls fetch, fills the cache on success and wakes the waiters.
func (c *cachedSource) refresh(r *refresh) {
	cred, err := c.safeFetch()
	if err == nil && (cred.AccessKeyID == "" || cred.AccessKeySecret == "") {
		err = errors.New("provider returned no access key (bearer tokens are not supported)")
	}
	if err != nil {
		cred, err = signing.Credentials{}, fmt.Errorf("credentials from provider %q: %w", c.name, err)
	}
	c.mu.Lock()
	if err == nil {
		ttl := c.opts.KeyTTL
		if cred.SecurityToken != "" {
			ttl = c.opts.SessionTTL
		}
		c.cred, c.expires = seal(cred), c.opts.Now().Add(ttl)
	}
	c.inflight = nil
	c.mu.Unlock()
	r.cred, r.err = seal(cred), err
	close(r.done)
}

// safeFetch calls fetch and turns a panic of the provider into an error,
// since it runs on a goroutine of its own.
func (c *cachedSource) safeFetch() (cred signing.Credentials, err error) {
	defer func() {
		if p := recover(); p != nil {
			cred, err = signing.Credentials{}, fmt.Errorf("provider panicked: %v", p)
		}
	}()
	return c.fetch()
}

// String names the provider; it never shows a secret.
func (c *cachedSource) String() string {
	return fmt.Sprintf("sdktransport.CredentialSource(cached provider %q)", c.name)
}

// Format prints String for every verb, so that %+v and %#v cannot reach
// the cached secret.
func (c *cachedSource) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// StaticCredentials returns a source that always yields the given AccessKey
// pair and, when token is not empty, STS security token.
func StaticCredentials(id, secret, token string) CredentialSource {
	return &staticSource{cred: seal(signing.Credentials{AccessKeyID: id, AccessKeySecret: secret, SecurityToken: token})}
}

// staticSource is the source of StaticCredentials; its credentials are
// sealed.
type staticSource struct{ cred sealed }

// Credentials returns the static credentials, or an error when the key ID
// or the secret is empty.
func (s *staticSource) Credentials(context.Context) (signing.Credentials, error) {
	c := s.cred()
	if c.AccessKeyID == "" || c.AccessKeySecret == "" {
		return signing.Credentials{}, errors.New("static credentials: access key id and secret must both be set")
	}
	return c, nil
}

// String shows the key ID only (signing.Credentials redacts the rest). Its
// value receiver makes a staticSource print the same by value.
func (s staticSource) String() string {
	return fmt.Sprintf("sdktransport.CredentialSource(static %v)", s.cred())
}

// Format prints String for every verb.
func (s staticSource) Format(f fmt.State, verb rune) { fmt.Fprint(f, s.String()) }
