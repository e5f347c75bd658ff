package signing

import (
	"net/http"
	"strconv"
	"time"
)

// MaxSkew is how far the date header of a request may be from the
// verifier's clock, either way, before Verify refuses it.
const MaxSkew = 15 * time.Minute

// Verify checks the signature of a received request. It detects the scheme
// from the Authorization header, checks the headers the scheme requires and
// the date (within MaxSkew of now, the wall clock), checks the body against
// its signed digest (Content-MD5 or x-acs-content-sha256), looks the access
// key ID up, recomputes the signature from the request as received (path and
// query from req.URL, host from req.Host, body as received) and compares it
// with the one sent in constant time.
//
// It returns the access key ID on success and a *VerifyError otherwise.
// Verify does not check x-acs-security-token against anything, and keeps no
// state: ROA v1 has no nonce, so a replayed request is accepted, and ACS3
// nonces are not remembered either; a server that refuses ACS3 replays
// remembers the Nonce that VerifyRequest reports.
func Verify(req *http.Request, body []byte, lookup func(accessKeyID string) (secret string, ok bool), now time.Time) (accessKeyID string, err error) {
	v, err := VerifyRequest(req, body, lookup, now)
	if err != nil {
		return "", err
	}
	return v.AccessKeyID, nil
}

// Verified is what VerifyRequest learnt from a request it accepted.
type Verified struct {
	// AccessKeyID is the key that signed the request.
	AccessKeyID string
	// Scheme is the scheme it was signed with.
	Scheme Scheme
	// Nonce is the ACS3 x-acs-signature-nonce, which the signature covers;
	// empty for ROA v1, which has none.
	Nonce string
	// Date is the signed date of the request (x-acs-date or Date), within
	// MaxSkew of now: a nonce need only be remembered until Date+MaxSkew,
	// after which the request is refused as expired anyway.
	Date time.Time
}

// VerifyRequest is Verify, returning what it verified.
func VerifyRequest(req *http.Request, body []byte, lookup func(accessKeyID string) (secret string, ok bool), now time.Time) (Verified, error) {
	if req == nil || req.URL == nil {
		return Verified{}, refuse(CodeIncompleteSignature, "request has no URL")
	}
	vals := headerValues(req.Header, "Authorization")
	switch {
	case len(vals) == 0 || len(vals) == 1 && vals[0] == "":
		return Verified{}, refuse(CodeMissingAuthorization, "request lacks the Authorization header")
	case len(vals) > 1:
		return Verified{}, refuse(CodeIncompleteSignature, "request has more than one Authorization header")
	}
	a, perr := parseAuthorization(vals[0])
	if perr != nil {
		return Verified{}, refuse(CodeIncompleteSignature, perr.Error())
	}
	if lookup == nil {
		lookup = func(string) (string, bool) { return "", false }
	}
	v := Verified{AccessKeyID: a.accessKeyID, Scheme: a.scheme}
	var verr *VerifyError
	if a.scheme == ROAv1 {
		v.Date, verr = verifyROA(req, body, a, lookup, now)
	} else {
		v.Nonce, v.Date, verr = verifyACS3(req, body, a, lookup, now)
	}
	if verr != nil {
		return Verified{}, verr
	}
	return v, nil
}

// checkSkew refuses a date more than MaxSkew away from now.
func checkSkew(header string, t, now time.Time) *VerifyError {
	d := now.Sub(t)
	if d < 0 {
		d = -d
	}
	if d > MaxSkew {
		return refuse(CodeTimestampExpired, header+" "+t.UTC().Format(time.RFC3339)+
			" is more than "+MaxSkew.String()+" away from the server time "+now.UTC().Format(time.RFC3339))
	}
	return nil
}

// quote quotes a header value for an error message, cut to a readable length.
func quote(s string) string {
	const max = 64
	if len(s) > max {
		s = s[:max] + "..."
	}
	return strconv.Quote(s)
}
