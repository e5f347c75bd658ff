package optoken

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

// testKind is the kind of the test tokens.
type testKind string

// testToken is a token struct as the typed clients write one.
type testToken struct {
	Header[testKind]
	ID     string `json:"id"`
	Region string `json:"region,omitempty"`
	Count  *int   `json:"count,omitempty"`
}

var testFormat = Format[testKind]{Subject: "widget", Kinds: []testKind{"widget.create", "widget.delete"}}

// encode builds a token from raw JSON.
func encode(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// TestEncode checks the bytes of a token: the header first, then the
// struct's fields in order.
func TestEncode(t *testing.T) {
	three := 3
	tests := []struct {
		name string
		tok  testToken
		want string
	}{
		{"header and ID", testToken{Header: NewHeader[testKind]("widget.create"), ID: "w-1"},
			`{"v":1,"kind":"widget.create","id":"w-1"}`},
		{"every field", testToken{Header: NewHeader[testKind]("widget.delete"), ID: "w-2", Region: "cn-hangzhou", Count: &three},
			`{"v":1,"kind":"widget.delete","id":"w-2","region":"cn-hangzhou","count":3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := testFormat.Encode(&tt.tok)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := base64.RawURLEncoding.DecodeString(got)
			if err != nil {
				t.Fatalf("not base64url without padding: %v", err)
			}
			if diff := cmp.Diff(tt.want, string(raw)); diff != "" {
				t.Errorf("token JSON (-want +got):\n%s", diff)
			}
			var back testToken
			if err := testFormat.Decode(got, &back); err != nil {
				t.Fatalf("Decode of an encoded token: %v", err)
			}
			if diff := cmp.Diff(tt.tok, back); diff != "" {
				t.Errorf("round trip (-wrote +read):\n%s", diff)
			}
		})
	}
}

// TestDecodeRefuses checks every refusal of Decode: each matches
// ack.ErrInvalid and says what is wrong.
func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name, token, want string
	}{
		{"empty", "", "widget resume token: empty"},
		{"too long", strings.Repeat("A", MaxLen+1), "4097 bytes long; a token is at most 4096"},
		{"padding", encode(`{"v":1,"kind":"widget.create","id":"w"}`) + "=", "not base64url"},
		{"not base64", "not a token!", "not base64url"},
		{"not JSON", encode("hello"), "not a JSON token object"},
		{"an array", encode(`[1]`), "not a JSON token object"},
		{"an unknown field", encode(`{"v":1,"kind":"widget.create","id":"w","extra":1}`), "not a JSON token object"},
		{"a field of the wrong type", encode(`{"v":"1","kind":"widget.create"}`), "not a JSON token object"},
		{"trailing data", encode(`{"v":1,"kind":"widget.create"}{}`), "trailing data after the token object"},
		{"no version", encode(`{"kind":"widget.create"}`), "version 0; this client reads version 1"},
		{"a later version", encode(`{"v":2,"kind":"widget.create"}`), "version 2; this client reads version 1"},
		{"another package's kind", encode(`{"v":1,"kind":"gadget.create"}`),
			`kind "gadget.create" is not a widget operation (widget.create, widget.delete)`},
		{"no kind", encode(`{"v":1}`), `kind "" is not a widget operation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got testToken
			err := testFormat.Decode(tt.token, &got)
			if !errors.Is(err, ack.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode = %v; want an error matching ErrInvalid containing %q", err, tt.want)
			}
		})
	}
}

// TestCheck checks the refusals of a decoded token by kind and region.
func TestCheck(t *testing.T) {
	tests := []struct {
		name           string
		kind           testKind
		want           []testKind
		region, client string
		wantErr        string // empty for none
	}{
		{name: "any kind, no region", kind: "widget.create"},
		{name: "an expected kind", kind: "widget.create", want: []testKind{"widget.delete", "widget.create"}},
		{name: "an unexpected kind", kind: "widget.create", want: []testKind{"widget.delete"},
			wantErr: `widget resume token: kind "widget.create" is not the expected widget.delete`},
		{name: "the same region", kind: "widget.create", region: "cn-hangzhou", client: "cn-hangzhou"},
		{name: "a token without region", kind: "widget.create", client: "cn-hangzhou"},
		{name: "a client without region", kind: "widget.create", region: "cn-hangzhou"},
		{name: "another region", kind: "widget.create", region: "cn-beijing", client: "cn-hangzhou",
			wantErr: "widget resume token: taken in region cn-beijing, but this client is for cn-hangzhou"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := testFormat.Check(tt.kind, tt.want, tt.region, tt.client)
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("Check: %v", err)
				}
				return
			}
			if !errors.Is(err, ack.ErrInvalid) || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("Check = %v; want an error matching ErrInvalid starting %q", err, tt.wantErr)
			}
		})
	}
}

// FuzzDecode checks that any token is either refused as invalid or read
// into a token that encodes back to one that reads the same.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"v":1,"kind":"widget.create","id":"w-1","region":"cn-hangzhou","count":2}`,
		`{"v":1,"kind":"widget.delete","id":"w-1"}`,
		`{"v":2}`,
		`[]`,
	} {
		f.Add(encode(s))
	}
	f.Add("%%%")
	f.Fuzz(func(t *testing.T, token string) {
		var got testToken
		if err := testFormat.Decode(token, &got); err != nil {
			if !errors.Is(err, ack.ErrInvalid) {
				t.Fatalf("Decode(%q) = %v; want an error matching ErrInvalid", token, err)
			}
			return
		}
		b, err := json.Marshal(&got)
		if err != nil {
			t.Fatal(err)
		}
		again, err := testFormat.Encode(&got)
		if err != nil || again != base64.RawURLEncoding.EncodeToString(b) {
			t.Fatalf("Encode = %q, %v; want the base64url of %s", again, err, b)
		}
		var back testToken
		if err := testFormat.Decode(again, &back); err != nil {
			t.Fatalf("a re-encoded token is refused: %v", err)
		}
		if diff := cmp.Diff(got, back); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
