package fake_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
)

// TestShutdownAnswersInFlightAndClosesIdle shuts a server down while one
// client has pre-opened a connection and sent nothing, another sits idle
// after an answer, and a third is half-way through a request body: the
// silent and idle connections are closed at once, the request in flight
// is answered when its body arrives, and Shutdown returns without error.
func TestShutdownAnswersInFlightAndClosesIdle(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0", fake.WithProgressions(fake.Immediately()))
	if err != nil {
		t.Fatal(err)
	}
	silent, idle, inFlight := dial(t, srv), dial(t, srv), dial(t, srv)
	if _, err := io.WriteString(idle, "GET /quota HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	idleReader := bufio.NewReader(idle)
	resp, err := http.ReadResponse(idleReader, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	body := mustJSON(t, managedRequest("in-flight"))
	head := fmt.Sprintf("POST /clusters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	if _, err := io.WriteString(inFlight, head+body[:10]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the server reads the head

	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- srv.Shutdown(ctx)
	}()
	closedByServer(t, silent)
	if _, err := io.Copy(io.Discard, idleReader); err != nil {
		t.Fatalf("the idle connection: %v, want it closed", err)
	}
	if _, err := io.WriteString(inFlight, body[10:]); err != nil {
		t.Fatal(err)
	}
	resp, err = http.ReadResponse(bufio.NewReader(inFlight), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the request in flight: HTTP %d", resp.StatusCode)
	}
	if err := <-done; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if n := len(srv.Cloud().Clusters()); n != 1 {
		t.Fatalf("%d clusters, want the one created in flight", n)
	}
}

// TestShutdownCutsASlowBodyWhenTheGraceEnds shuts a server down while a
// body trickles in: when the context ends, Shutdown closes the connection
// and says the grace ended.
func TestShutdownCutsASlowBodyWhenTheGraceEnds(t *testing.T) {
	srv, err := fake.NewServer("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conn := dial(t, srv)
	if _, err := io.WriteString(conn, "POST /clusters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err = srv.Shutdown(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown = %v, want the grace's end", err)
	}
	closedByServer(t, conn)
}

// dial opens a connection to srv with a deadline for the whole test step.
func dial(t *testing.T, srv *fake.Server) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", srv.Addr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	return conn
}

// closedByServer reads conn until the server closes it, skipping any
// answer the server wrote first; it fails the test when the read deadline
// of dial passes first.
func closedByServer(t *testing.T, conn net.Conn) {
	t.Helper()
	_, err := io.Copy(io.Discard, conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server kept the connection open: %v", err)
	}
}
