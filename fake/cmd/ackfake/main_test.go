package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// runMainEnv makes the test binary run the command's main instead of the
// tests, so that a test can start the real command as a process.
const runMainEnv = "ACKFAKE_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSIGINTStopsCleanly starts the command as a process, waits for its
// first line, serves one call and interrupts it: it exits with status 0
// after shutting the server down, and its stdout holds only the first
// line.
func TestSIGINTStopsCleanly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-addr", "127.0.0.1:0", "-credential", "AKID:SECRET")
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(stdout)
	line, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("first line: %v (stderr %q)", err, stderr.String())
	}
	m := firstLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q", line)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Get(m[1] + "/_fake/clock")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"mode":"scaled"`) {
		t.Fatalf("/_fake/clock: HTTP %d %s, want the scaled clock", resp.StatusCode, body)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(out)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGINT: %v (stderr %q)", err, stderr.String())
	}
	if len(rest) != 0 || !strings.HasSuffix(stderr.String(), "ackfake: stopped\n") {
		t.Fatalf("stdout after the first line %q, stderr %q; want nothing, then \"ackfake: stopped\"", rest, stderr.String())
	}
}

var firstLine = regexp.MustCompile(`^ackfake listening on (http://127\.0\.0\.1:[1-9][0-9]*)\n$`)

func TestRunServesAndStops(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-credential", "AKID:SECRET", "-speed", "1000", "-call-log-limit", "1"}, w, io.Discard)
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
	for range 2 {
		if got := get("/api/v1/clusters"); got != http.StatusBadRequest {
			t.Fatalf("unsigned call: HTTP %d, want 400", got)
		}
	}
	// The action log keeps the last call only.
	resp, err := client.Get(m[1] + "/_fake/calls")
	if err != nil {
		t.Fatal(err)
	}
	var calls []struct {
		Seq int `json:"seq"`
	}
	err = json.NewDecoder(resp.Body).Decode(&calls)
	resp.Body.Close()
	if err != nil || len(calls) != 1 || calls[0].Seq != 2 {
		t.Fatalf("/_fake/calls: %+v, %v; want the second call alone", calls, err)
	}
	// Nothing ran, so the bill is empty, in the book's currency.
	resp, err = client.Get(m[1] + "/_fake/bill")
	if err != nil {
		t.Fatal(err)
	}
	var bill struct {
		Currency, Total string
		Lines           []any
	}
	err = json.NewDecoder(resp.Body).Decode(&bill)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || bill.Currency != "CNY" || bill.Total != "0.00" || len(bill.Lines) != 0 {
		t.Fatalf("/_fake/bill: HTTP %d %+v, %v; want an empty CNY bill", resp.StatusCode, bill, err)
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
		{[]string{"-grace", "-1s"}, "-grace"},
		{[]string{"-credential", "no-colon"}, "AK:SECRET"},
		{[]string{"extra"}, "unexpected"},
		{[]string{"-addr", "256.0.0.1:99999"}, "listen"},
		{[]string{"-nope"}, "not defined"},
		{[]string{"-billing-preset", "Cheap"}, "-billing-preset"},
		{[]string{"-price-book", "/no/such/book.json"}, "-price-book"},
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

// TestSIGTERMStopsCleanlyWithOpenConnections starts the command as a
// process with a short grace, opens a connection that sends nothing, one
// whose request body is still arriving, and one whose request is answered
// during the grace, then sends SIGTERM: the silent connection is closed at
// once, the request that completes is answered, the slow body is cut when
// the grace ends, and the command exits with status 0 within the grace.
func TestSIGTERMStopsCleanlyWithOpenConnections(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-addr", "127.0.0.1:0", "-grace", "1s")
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	m := firstLine.FindStringSubmatch(line)
	if err != nil || m == nil {
		t.Fatalf("first line %q, %v (stderr %q)", line, err, stderr.String())
	}
	addr := strings.TrimPrefix(m[1], "http://")
	open := func(send string) net.Conn {
		t.Helper()
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.WriteString(conn, send); err != nil {
			t.Fatal(err)
		}
		return conn
	}
	const body = `{"duration":"1s"}`
	head := "POST /_fake/advance HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\nContent-Length: "
	silent := open("")
	slow := open(head + "1000\r\n\r\n{")
	inFlight := open(head + strconv.Itoa(len(body)) + "\r\n\r\n" + body[:5])
	time.Sleep(100 * time.Millisecond) // the server reads the heads

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, silent); err != nil {
		t.Fatalf("the silent connection: %v, want it closed", err)
	}
	if _, err := io.WriteString(inFlight, body[5:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(inFlight), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the request in flight: HTTP %d", resp.StatusCode)
	}
	if _, err := io.Copy(io.Discard, slow); err != nil {
		t.Fatalf("the slow body: %v, want its connection cut", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGTERM: %v (stderr %q)", err, stderr.String())
	}
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("stopping took %s with a grace of 1s", took)
	}
	if !strings.Contains(stderr.String(), "ackfake: stopped") {
		t.Fatalf("stderr %q, want it to say the server stopped", stderr.String())
	}
}
