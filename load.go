package ack

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/ackgo/ack/internal/sdktransport"
)

// EnvRegion is the environment variable LoadConfig reads the region from
// when no WithRegion option is given.
const EnvRegion = "ALIBABA_CLOUD_REGION_ID"

// LoadConfig builds a Config for real ACK. Unless a Transport is given, it
// builds the real transport: the endpoint cs.<region>.aliyuncs.com (or
// Endpoint), signing by Signing (ACS3 by default), credentials from
// WithCredentials or else the Alibaba Cloud default chain (environment,
// profile file, ECS RAM role, OIDC/RRSA) behind a cache, and an HTTP client
// bounded by HTTPTimeouts. The region comes from WithRegion, else from
// $ALIBABA_CLOUD_REGION_ID. Without an Endpoint, a region that is not one
// of ACK's known regions is refused (the error suggests the closest one);
// give the Endpoint to reach a region this SDK does not list.
//
// It does no network I/O: credentials are fetched on the first call.
func LoadConfig(ctx context.Context, opts ...Option) (*Config, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ack config: %w", err)
	}
	o := Options{}.apply(opts)
	regionFrom := ""
	if o.Region == "" {
		o.Region, regionFrom = os.Getenv(EnvRegion), "$"+EnvRegion
	}
	if o.Transport == nil {
		t, err := realTransport(o, regionFrom)
		if err != nil {
			return nil, err
		}
		o.Transport = t
	}
	return NewConfig(func(dst *Options) { *dst = o }), nil
}

// realTransport builds the transport to ACK that o describes. regionFrom
// says where the region came from when not from an option.
func realTransport(o Options, regionFrom string) (Transport, error) {
	if o.Region == "" && o.Endpoint == "" {
		return nil, errors.New("ack config: no region: set one with ack.WithRegion or $" + EnvRegion)
	}
	if o.Endpoint == "" {
		if err := checkRegion(o.Region, regionFrom); err != nil {
			return nil, err
		}
	}
	scheme, err := o.Signing.internal()
	if err != nil {
		return nil, err
	}
	var creds sdktransport.CredentialSource
	switch c := o.Credentials; {
	case c == nil:
		creds = sdktransport.DefaultCredentials()
	case c.AccessKeyID == "" || c.AccessKeySecret.IsZero():
		return nil, errors.New("ack config: static credentials need both an AccessKey ID and a secret")
	default:
		creds = sdktransport.StaticCredentials(c.AccessKeyID, c.AccessKeySecret.Reveal(), c.SecurityToken.Reveal())
	}
	t, err := sdktransport.New(sdktransport.Options{
		Region:                o.Region,
		Endpoint:              o.Endpoint,
		Scheme:                o.Scheme,
		Signing:               scheme,
		Credentials:           creds,
		UserAgent:             userAgent(o.UserAgent),
		DialTimeout:           o.HTTPTimeouts.Dial,
		TLSHandshakeTimeout:   o.HTTPTimeouts.TLSHandshake,
		ResponseHeaderTimeout: o.HTTPTimeouts.ResponseHeader,
	})
	if err != nil {
		return nil, fmt.Errorf("ack config: building the transport for region %q: %w", o.Region, err)
	}
	return sdkTransport{t: t}, nil
}
