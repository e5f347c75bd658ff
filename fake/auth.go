package fake

import (
	"errors"
	"net/http"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// authenticate decides who sent a request and whether it may only read.
//
// In-process calls act as the Principal. HTTP calls are verified with
// internal/signing when credentials are configured: either scheme (ROA v1
// as alibaba-cloud-sdk-go signs, ACS3 as the Tea SDKs sign), freshness on
// the wall clock, and, for ACS3, a nonce the key has not used within the
// freshness window (a replay is refused with SignatureNonceUsed). ROA v1
// has no nonce: two identical ROA v1 requests in one second are
// legitimately identical, and both are served. Without credentials any
// HTTP call is accepted, anonymously.
func (c *Cloud) authenticate(r *http.Request, body []byte, p Principal, inProcess bool) (caller string, readOnly bool, err *Error) {
	if inProcess {
		return p.caller(), p.ReadOnly, nil
	}
	if len(c.settings.creds) == 0 {
		return "", false, nil
	}
	now := time.Now()
	v, verr := signing.VerifyRequest(r, body, c.lookupSecret, now)
	if verr != nil {
		var ve *signing.VerifyError
		if errors.As(verr, &ve) {
			return "", false, NewError(ve.Code, "%s", ve.Message)
		}
		return "", false, NewError(IncompleteSignature, "%v", verr)
	}
	if v.Scheme == signing.ACS3 {
		if e := c.nonces.use(v.AccessKeyID, v.Nonce, v.Date, now); e != nil {
			return v.AccessKeyID, false, e
		}
	}
	return v.AccessKeyID, c.settings.creds[v.AccessKeyID].readOnly, nil
}

// lookupSecret finds the secret of a configured access key.
func (c *Cloud) lookupSecret(accessKeyID string) (string, bool) {
	cred, ok := c.settings.creds[accessKeyID]
	if !ok {
		return "", false
	}
	return cred.secret.Reveal(), true
}
