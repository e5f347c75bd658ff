package fake

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/ackgo/ack"
)

// ControlTokenHeader is the header a client sends the control token in
// (WithControlToken); "Authorization: Bearer TOKEN" is taken as well.
const ControlTokenHeader = "X-Fake-Control-Token"

// WithControlToken admits remote clients to the control endpoints
// (/_fake/...) over HTTP when they send token, in the ControlTokenHeader
// header or as "Authorization: Bearer TOKEN", for a fake that runs in a
// container beside the services it serves. Without a token the control
// endpoints answer loopback clients only.
//
// A request that carries the right token is admitted from any address
// and for any Host (a service name, say); its Origin, if any, must still
// be a loopback one or the server's own address, and a body must still be
// JSON. A request that carries no token is judged as without this option:
// a loopback client needs none. A request that carries a wrong token is
// refused (ErrorCheckAcl, 403), from loopback too. The token is compared
// in constant time and never logged, echoed or shown in an error. An
// empty token configures none. In-process calls (Transport) need none.
func WithControlToken(token string) Option {
	return func(s *settings) { s.controlToken = ack.NewSecret(token) }
}

// sentControlToken returns the control token r carries, if any.
func sentControlToken(r *http.Request) (token string, sent bool) {
	if vs := r.Header.Values(ControlTokenHeader); len(vs) > 0 {
		return vs[0], true
	}
	for _, v := range r.Header.Values("Authorization") {
		scheme, t, found := strings.Cut(v, " ")
		if found && strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(t), true
		}
	}
	return "", false
}

// tokenRefusal judges the control token r carries: admitted when it is
// the configured one, a refusal when it is another (or none is
// configured), neither when r carries none.
func tokenRefusal(r *http.Request, want ack.Secret) (admitted bool, refusal *Error) {
	got, sent := sentControlToken(r)
	switch {
	case !sent:
		return false, nil
	case want.IsZero():
		return false, NewError(ErrorCheckAcl, "the request carries a control token, but this server has none configured (ackfake -control-token, fake.WithControlToken)")
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want.Reveal()))
	if subtle.ConstantTimeCompare(g[:], w[:]) != 1 {
		return false, NewError(ErrorCheckAcl, "the control token does not match the server's")
	}
	return true, nil
}
