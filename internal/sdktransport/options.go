package sdktransport

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// Defaults of Options.
const (
	// DefaultScheme is the URL scheme of the endpoint.
	DefaultScheme = "https"
	// DefaultUserAgent is sent when Options.UserAgent is empty.
	DefaultUserAgent = "ackgo-ack (+https://github.com/ackgo/ack)"
	// DefaultDialTimeout bounds making a TCP connection.
	DefaultDialTimeout = 10 * time.Second
	// DefaultTLSHandshakeTimeout bounds the TLS handshake.
	DefaultTLSHandshakeTimeout = 10 * time.Second
	// DefaultResponseHeaderTimeout bounds the wait for the response headers
	// once the request is written. ACK answers its slowest calls
	// (CreateCluster) in seconds; a minute leaves room.
	DefaultResponseHeaderTimeout = time.Minute
	// MaxResponseBytes is the largest response body read; a larger one is
	// an error.
	MaxResponseBytes = 64 << 20
)

// Options configure New. Only Region (or Endpoint) is required.
type Options struct {
	// Region is the region ID, for example "cn-hangzhou". It selects the
	// endpoint when Endpoint is empty.
	Region string
	// Endpoint is the host (and optional port) to send to, for example
	// "cs.cn-hangzhou.aliyuncs.com" or "127.0.0.1:8080"; it may also be a
	// URL with a scheme ("http://127.0.0.1:8080"), which then overrides
	// Scheme. Default: EndpointFor(Region).
	Endpoint string
	// Scheme is "https" (the default) or "http".
	Scheme string
	// Signing is the signature scheme; the zero value is signing.ROAv1.
	Signing signing.Scheme
	// Credentials signs the requests; DefaultCredentials() when nil.
	Credentials CredentialSource
	// UserAgent is the User-Agent header; DefaultUserAgent when empty.
	UserAgent string
	// DialTimeout, TLSHandshakeTimeout and ResponseHeaderTimeout bound the
	// steps of a request (defaults above). They apply to the http.Client
	// that New builds, not to HTTPClient.
	DialTimeout, TLSHandshakeTimeout, ResponseHeaderTimeout time.Duration
	// HTTPClient, when set, sends the requests instead of the client New
	// builds; tests use it.
	HTTPClient *http.Client
	// Now is the signing time; time.Now when nil.
	Now func() time.Time
}

// endpointMap lists the regions whose endpoint is not cs.<region>.aliyuncs.com
// (from the endpoint table of the CS product).
var endpointMap = map[string]string{
	"cn-wuhan":                "cs.aliyuncs.com",
	"cn-zhangbei":             "cs.aliyuncs.com",
	"cn-fujian":               "cs.aliyuncs.com",
	"cn-edge-1":               "cs.aliyuncs.com",
	"cn-beijing-finance-1":    "cs.aliyuncs.com",
	"cn-beijing-finance-pop":  "cs.aliyuncs.com",
	"cn-hongkong-finance-pop": "cs.aliyuncs.com",
	"cn-hangzhou-finance":     "cs-vpc.cn-hangzhou-finance.aliyuncs.com",
	"cn-shanghai-finance-1":   "cs-vpc.cn-shanghai-finance-1.aliyuncs.com",
	"cn-shenzhen-finance-1":   "cs-vpc.cn-shenzhen-finance-1.aliyuncs.com",
}

// EndpointFor returns the ACK endpoint of a region: cs.<region>.aliyuncs.com,
// except for the few regions served by a central or VPC endpoint.
func EndpointFor(region string) string {
	if e, ok := endpointMap[region]; ok {
		return e
	}
	return "cs." + region + ".aliyuncs.com"
}

// validRegion reports whether s looks like a region ID: lower-case letters,
// digits and inner hyphens.
func validRegion(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// baseURL resolves the scheme and host requests go to.
func (o Options) baseURL() (*url.URL, error) {
	endpoint, scheme := o.Endpoint, o.Scheme
	if endpoint == "" {
		if o.Region == "" {
			return nil, errors.New("new transport: region and endpoint are both empty; set one")
		}
		if !validRegion(o.Region) {
			return nil, fmt.Errorf("new transport: region %q: want a region ID of lower-case letters, digits and hyphens, such as \"cn-hangzhou\"", o.Region)
		}
		endpoint = EndpointFor(o.Region)
	}
	if i := strings.Index(endpoint, "://"); i >= 0 {
		scheme, endpoint = endpoint[:i], strings.TrimSuffix(endpoint[i+3:], "/")
	}
	if scheme == "" {
		scheme = DefaultScheme
	}
	if scheme != "https" && scheme != "http" {
		return nil, fmt.Errorf("new transport: scheme %q: want \"https\" or \"http\"", scheme)
	}
	if strings.Contains(endpoint, "@") {
		return nil, errors.New("new transport: endpoint holds user information; give the host and port only")
	}
	u, err := url.Parse(scheme + "://" + endpoint)
	if err != nil || u.Host != endpoint || u.User != nil {
		return nil, fmt.Errorf("new transport: endpoint %q: want a host with an optional port, such as \"cs.cn-hangzhou.aliyuncs.com\"", o.Endpoint)
	}
	return u, nil
}
