package signing_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ackgo/ack/internal/signing"
)

// Example signs a CreateCluster request with each scheme, as the transport
// does, and verifies it, as the fake ACK does; then shows a refusal.
func Example() {
	cred := signing.Credentials{AccessKeyID: "LTAI-example", AccessKeySecret: "example-secret"}
	lookup := func(id string) (string, bool) {
		if id == cred.AccessKeyID {
			return cred.AccessKeySecret, true
		}
		return "", false
	}
	signedAt := time.Date(2026, time.March, 14, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"name":"prod","cluster_type":"ManagedKubernetes"}`)

	newRequest := func() *http.Request {
		req, err := http.NewRequest(http.MethodPost, "https://cs.cn-hangzhou.aliyuncs.com/clusters", bytes.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("x-acs-action", "CreateCluster")
		req.Header.Set("x-acs-version", "2015-12-15")
		return req
	}

	for _, scheme := range []signing.Scheme{signing.ROAv1, signing.ACS3} {
		req := newRequest()
		if err := signing.Sign(req, body, cred, scheme, signedAt, "nonce-1"); err != nil {
			fmt.Println(err)
			return
		}
		detected, _ := signing.SchemeOf(req)
		id, err := signing.Verify(req, body, lookup, signedAt.Add(2*time.Minute))
		fmt.Println(detected, id, err)
	}

	// A request verified an hour after it was signed is refused.
	req := newRequest()
	_ = signing.Sign(req, body, cred, signing.ACS3, signedAt, "")
	_, err := signing.Verify(req, body, lookup, signedAt.Add(time.Hour))
	var ve *signing.VerifyError
	if errors.As(err, &ve) {
		fmt.Println(ve.Code)
	}

	// Credentials never print their secret.
	fmt.Println(cred)
	// Output:
	// ROAv1 LTAI-example <nil>
	// ACS3 LTAI-example <nil>
	// InvalidTimeStamp.Expired
	// {AccessKeyID:LTAI-example AccessKeySecret:[redacted] SecurityToken:}
}
