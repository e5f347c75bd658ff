package signing

import (
	"net/http"
	"strconv"
	"strings"
)

// Scheme names a request-signing scheme of the Alibaba Cloud OpenAPI gateway.
type Scheme int

const (
	// ROAv1 is the HMAC-SHA1 scheme of the ROA-style API (Authorization "acs <id>:<base64>").
	ROAv1 Scheme = iota
	// ACS3 is the ACS3-HMAC-SHA256 (V3) scheme (Authorization "ACS3-HMAC-SHA256 Credential=...").
	ACS3
)

// Authorization header prefixes that identify each scheme.
const (
	roaPrefix  = "acs "
	acs3Prefix = "ACS3-HMAC-SHA256 "
)

// String returns "ROAv1" or "ACS3", or "Scheme(n)" for an unknown value.
func (s Scheme) String() string {
	switch s {
	case ROAv1:
		return "ROAv1"
	case ACS3:
		return "ACS3"
	default:
		return "Scheme(" + strconv.Itoa(int(s)) + ")"
	}
}

// SchemeOf reports which scheme signed req, judged from the prefix of its
// Authorization header alone (the header is not parsed or checked). ok is
// false when the header is absent or belongs to neither scheme.
func SchemeOf(req *http.Request) (scheme Scheme, ok bool) {
	if req == nil {
		return 0, false
	}
	vals := headerValues(req.Header, "Authorization")
	if len(vals) != 1 {
		return 0, false
	}
	return schemeOfHeader(vals[0])
}

func schemeOfHeader(v string) (Scheme, bool) {
	switch {
	case strings.HasPrefix(v, roaPrefix):
		return ROAv1, true
	case strings.HasPrefix(v, acs3Prefix):
		return ACS3, true
	default:
		return 0, false
	}
}
