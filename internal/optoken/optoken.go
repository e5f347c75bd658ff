package optoken

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ackgo/ack"
)

// Version is the version of the token format that Encode writes and
// Decode reads.
const Version = 1

// MaxLen bounds the tokens Decode reads; real ones are a few hundred
// bytes.
const MaxLen = 4096

// Header starts every token: the format's version ("v") and the kind of
// the operation ("kind"). A token struct embeds it as its first field, so
// that its JSON starts with them.
type Header[K ~string] struct {
	// Version is the format's version, Version when written.
	Version int `json:"v"`
	// Kind is the operation's kind, for example "cluster.create".
	Kind K `json:"kind"`
}

// NewHeader returns the header of a token of an operation of kind k.
func NewHeader[K ~string](k K) Header[K] { return Header[K]{Version: Version, Kind: k} }

// header gives Decode the header of a token struct that embeds Header.
func (h *Header[K]) header() *Header[K] { return h }

// Token is a pointer to a token struct: one that embeds Header.
type Token[K ~string] interface {
	header() *Header[K]
}

// Format is the token format of one package's operations.
type Format[K ~string] struct {
	// Subject names the package's operations in errors: "cluster" in
	// "cluster resume token: ..." and "is not a cluster operation".
	Subject string
	// Kinds lists every kind a token may hold, in the order errors list
	// them.
	Kinds []K
	// Pooled says the operations act on a node pool: Open wants a pool ID
	// in every token.
	Pooled bool
}

// Encode returns the token of t: base64url, without padding, of its JSON.
func (f Format[K]) Encode(t Token[K]) (string, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Decode reads token into t. It refuses a token that is empty, longer
// than MaxLen, not base64url, not exactly one JSON object of t's fields
// (an unknown field, or anything after the object, is refused), of
// another version than Version, or of a kind not in f.Kinds. Every error
// it returns matches ack.ErrInvalid and says what is wrong; the checks of
// the token's other fields are the caller's.
func (f Format[K]) Decode(token string, t Token[K]) error {
	if token == "" {
		return f.Errorf("empty")
	}
	if len(token) > MaxLen {
		return f.Errorf("%d bytes long; a token is at most %d", len(token), MaxLen)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return f.Errorf("not base64url: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(t); err != nil {
		return f.Errorf("not a JSON token object: %v", err)
	}
	if dec.More() {
		return f.Errorf("trailing data after the token object")
	}
	switch h := t.header(); {
	case h.Version != Version:
		return f.Errorf("version %d; this client reads version %d", h.Version, Version)
	case !slices.Contains(f.Kinds, h.Kind):
		return f.Errorf("kind %q is not a %s operation (%s)", h.Kind, f.Subject, kindList(f.Kinds))
	}
	return nil
}

// Check refuses a decoded token that a client cannot resume: one whose
// kind is not among want (any kind passes when want is empty), or one
// taken in another region than the client's (an empty region on either
// side passes).
func (f Format[K]) Check(kind K, want []K, tokenRegion, clientRegion string) error {
	if len(want) > 0 && !slices.Contains(want, kind) {
		return f.Errorf("kind %q is not the expected %s", kind, kindList(want))
	}
	if tokenRegion != "" && clientRegion != "" && tokenRegion != clientRegion {
		return f.Errorf("taken in region %s, but this client is for %s", tokenRegion, clientRegion)
	}
	return nil
}

// Errorf reports a token that cannot be resumed: "<subject> resume token:
// <what>", matching ack.ErrInvalid.
func (f Format[K]) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s resume token: %s: %w", f.Subject, fmt.Sprintf(format, args...), ack.ErrInvalid)
}

// kindList joins kinds for a message.
func kindList[K ~string](ks []K) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
