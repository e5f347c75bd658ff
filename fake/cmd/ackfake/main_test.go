package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

var firstLine = regexp.MustCompile(`^ackfake listening on (http://127\.0\.0\.1:[1-9][0-9]*)\n$`)

func TestRunServesAndStops(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-credential", "AKID:SECRET", "-speed", "1000"}, w, io.Discard)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	m := firstLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q", line)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(path string) int {
		resp, err := client.Get(m[1] + path)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := get("/_fake/clock"); got != http.StatusOK {
		t.Fatalf("control endpoint: HTTP %d", got)
	}
	// Credentials were given, so an unsigned API call is refused.
	if got := get("/api/v1/clusters"); got != http.StatusBadRequest {
		t.Fatalf("unsigned call: HTTP %d, want 400", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}

func TestRunRefusesBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-speed", "0"}, "-speed"},
		{[]string{"-credential", "no-colon"}, "AK:SECRET"},
		{[]string{"extra"}, "unexpected"},
		{[]string{"-addr", "256.0.0.1:99999"}, "listen"},
		{[]string{"-nope"}, "not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr strings.Builder
			err := run(context.Background(), tt.args, io.Discard, &stderr)
			if err == nil || !strings.Contains(err.Error()+stderr.String(), tt.want) {
				t.Fatalf("run(%q) = %v (stderr %q), want an error about %s", tt.args, err, stderr.String(), tt.want)
			}
		})
	}
}

func TestCredentialFlagHidesSecrets(t *testing.T) {
	var l credentialList
	if err := l.Set("AKID:TOPSECRET"); err != nil {
		t.Fatal(err)
	}
	if s := l.String(); strings.Contains(s, "TOPSECRET") || !strings.Contains(s, "AKID") {
		t.Fatalf("String() = %q", s)
	}
}
