package signing

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sign adds every header scheme needs to req and signs req as it stands,
// including the headers the caller set beforehand (x-acs-action,
// x-acs-version and any other x-acs-* header are always signed).
//
// ROA v1 sets Date (from now, one-second resolution), Content-MD5,
// x-acs-signature-method, x-acs-signature-version and, when absent, Accept
// and Content-Type. ACS3 sets x-acs-date, x-acs-signature-nonce (nonce, or a
// random one when empty), x-acs-content-sha256 and, when absent, Accept and
// (with a body) Content-Type. Both set x-acs-security-token when
// cred.SecurityToken is set, and finally Authorization.
//
// body is the exact body that will be sent (nil for none); Sign does not
// touch req.Body. It fails when the credentials are incomplete, the scheme
// is unknown or the query cannot be decoded; req may then be half-updated.
func Sign(req *http.Request, body []byte, cred Credentials, scheme Scheme, now time.Time, nonce string) error {
	if req == nil || req.URL == nil {
		return errors.New("sign request: request has no URL")
	}
	if err := checkAccessKeyID(cred.AccessKeyID); err != nil {
		return fmt.Errorf("sign %s %s: %w", req.Method, req.URL.Path, err)
	}
	if cred.AccessKeySecret == "" {
		return fmt.Errorf("sign %s %s: access key secret is empty", req.Method, req.URL.Path)
	}
	if req.Header == nil {
		req.Header = http.Header{}
	}
	var err error
	switch scheme {
	case ROAv1:
		err = signROA(req, body, cred, now.UTC().Format(http.TimeFormat))
	case ACS3:
		err = signACS3(req, body, cred, now, nonce)
	default:
		err = fmt.Errorf("unknown signing scheme %v", scheme)
	}
	if err != nil {
		return fmt.Errorf("sign %s %s: %w", req.Method, req.URL.Path, err)
	}
	return nil
}
