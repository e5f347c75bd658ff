package core

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
	s := Secret(value)
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
	if s.Reveal() != value || s.IsZero() || !Secret("").IsZero() {
		t.Error("Reveal/IsZero are wrong")
	}
}

func TestRequestFormatHidesHeadersAndBody(t *testing.T) {
	r := &Request{Action: "CreateCluster", Method: "POST", Path: "/clusters",
		Query:  url.Values{"a": {"1"}},
		Header: http.Header{"Authorization": {"acs AK:SIGNATURE"}},
		Body:   []byte(`{"login_password":"pw-123"}`)}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		got := fmt.Sprintf(verb, r)
		if strings.Contains(got, "SIGNATURE") || strings.Contains(got, "pw-123") {
			t.Errorf("%s printed a secret: %s", verb, got)
		}
		if got != "CreateCluster POST /clusters?a=1" {
			t.Errorf("%s = %q", verb, got)
		}
	}
	resp := &Response{StatusCode: 200, Body: []byte(`{"config":"KUBECONFIG"}`), RequestID: "R"}
	if got := fmt.Sprintf("%+v", resp); strings.Contains(got, "KUBECONFIG") {
		t.Errorf("response printed its body: %s", got)
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
