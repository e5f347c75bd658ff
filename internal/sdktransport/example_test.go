package sdktransport_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/ackgo/ack/internal/sdktransport"
	"github.com/ackgo/ack/internal/signing"
)

// A Transport signs each request; this server checks the signature as ACK
// would and answers with a cluster.
func Example() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		lookup := func(id string) (string, bool) { return "example-secret", id == "example-key-id" }
		if _, err := signing.Verify(r, body, lookup, time.Now()); err != nil {
			http.Error(w, `{"code":"SignatureDoesNotMatch"}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("x-acs-request-id", "6C9A2D1E-0001")
		fmt.Fprintf(w, `{"cluster_id":"c-1","state":"running","action":%q}`, r.Header.Get("x-acs-action"))
	}))
	defer srv.Close()

	tr, err := sdktransport.New(sdktransport.Options{
		Endpoint:    srv.Listener.Addr().String(),
		Scheme:      "http",
		Signing:     signing.ACS3,
		Credentials: sdktransport.StaticCredentials("example-key-id", "example-secret", ""),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer tr.CloseIdleConnections()

	resp, err := tr.Send(context.Background(), &sdktransport.Call{Action: "DescribeClusterDetail", Method: http.MethodGet, Path: "/clusters/c-1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, resp.RequestID)
	fmt.Println(string(resp.Body))
	// Output:
	// 200 6C9A2D1E-0001
	// {"cluster_id":"c-1","state":"running","action":"DescribeClusterDetail"}
}
