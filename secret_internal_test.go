package ack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSecretNeverPrints(t *testing.T) {
	const value = "s3cr3t-value"
	s := NewSecret(value)
	type holder struct {
		Name   string
		Secret Secret
		ptr    *Secret
	}
	h := holder{Name: "n", Secret: s, ptr: &s}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%10s"} {
		out = append(out, fmt.Sprintf(verb, s), fmt.Sprintf(verb, h), fmt.Sprintf(verb, []Secret{s}))
	}
	js, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, string(js))
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "secret", s, "holder", h)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "secret", s)
	out = append(out, buf.String())
	for _, o := range out {
		if strings.Contains(o, value) {
			t.Errorf("secret printed: %s", o)
		}
	}
	if s.Reveal() != value || s.IsZero() || !NewSecret("").IsZero() {
		t.Error("Reveal/IsZero are wrong")
	}
}

func TestRequestFormatHidesHeadersAndBody(t *testing.T) {
	r := &Request{Action: "CreateCluster", Method: "POST", Path: "/clusters",
		Query:  url.Values{"a": {"1"}},
		Header: http.Header{"Authorization": {"acs AK:SIGNATURE"}},
		Body:   []byte(`{"login_password":"pw-123"}`)}
	resp := &Response{StatusCode: 200, Header: http.Header{"Set-Cookie": {"COOKIE"}},
		Body: []byte(`{"config":"KUBECONFIG"}`), RequestID: "R"}
	// By pointer and by value, alone and as an exported field of another
	// value: fmt calls the methods in every case.
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"request pointer", r, "CreateCluster POST /clusters?a=1"},
		{"request value", *r, "CreateCluster POST /clusters?a=1"},
		{"request in a struct", struct{ Req Request }{*r}, "CreateCluster POST /clusters?a=1"},
		{"nil request", (*Request)(nil), "<nil>"},
		{"response pointer", resp, "HTTP 200 request-id=R (23 bytes)"},
		{"response value", *resp, "HTTP 200 request-id=R (23 bytes)"},
		{"nil response", (*Response)(nil), "<nil>"},
	}
	for _, tt := range tests {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			got := fmt.Sprintf(verb, tt.v)
			for _, secret := range []string{"SIGNATURE", "pw-123", "KUBECONFIG", "COOKIE"} {
				if strings.Contains(got, secret) {
					t.Errorf("%s with %s printed %q: %s", tt.name, verb, secret, got)
				}
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s with %s = %q, want it to show %q", tt.name, verb, got, tt.want)
			}
		}
	}
}

func TestRequestClone(t *testing.T) {
	r := &Request{Action: "A", Query: url.Values{"k": {"v"}}, Header: http.Header{"X": {"1"}}, Body: []byte("b")}
	c := r.Clone()
	c.Query.Set("k", "changed")
	c.Header.Set("X", "2")
	c.Body[0] = 'z'
	if r.Query.Get("k") != "v" || r.Header.Get("X") != "1" || string(r.Body) != "b" {
		t.Error("Clone shares state with the original")
	}
}
