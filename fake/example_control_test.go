package fake_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/quota"
)

// Lower the account's cluster quota from a test, and see a limit no
// account can have refused with its rule.
func ExampleCloud_SetLimits() {
	cloud := fake.New()
	l := cloud.Limits()
	l.Clusters.Max = 1
	fmt.Println(cloud.SetLimits(l), cloud.Limits().Clusters.Max)

	l.NodesPerCluster.Max = -1
	err := cloud.SetLimits(l)
	var ve *ack.ValidationError
	fmt.Println(errors.As(err, &ve), ve.Violations[0].Rule)
	// Output:
	// <nil> 1
	// true quota.limits.non_negative
}

// Read limits in the shape of GET /_fake/limits over a preset: the
// fields the data leaves out keep the preset's values.
func ExampleDecodeLimits() {
	l, err := fake.DecodeLimits([]byte(`{"clusters":{"max":3},"pay_as_you_go_funds":{"min":"50.00 CNY"}}`), quota.CurrentDefaults())
	fmt.Println(err, l.Clusters.Max, l.Clusters.Adjustable, l.NodesPerCluster.Max, l.PayAsYouGoFunds.Min)

	_, err = fake.DecodeLimits([]byte(`{"clusters":{"max":-3}}`), quota.CurrentDefaults())
	fmt.Println(err)
	// Output:
	// <nil> 3 true 100 50.00 CNY
	// decode limits: quota limits: invalid: clusters.max: must not be negative, got -3 [quota.limits.non_negative]
}

// With a control token, a remote client that sends it may drive the
// control endpoints; without it, it is refused.
func ExampleWithControlToken() {
	cloud := fake.New(fake.WithControlToken("s3cret"))
	clock := func(token string) int {
		r := httptest.NewRequest(http.MethodGet, "/_fake/clock", nil)
		r.RemoteAddr, r.Host = "10.0.0.7:51000", "ackfake:9180" // a neighbour container
		if token != "" {
			r.Header.Set(fake.ControlTokenHeader, token)
		}
		w := httptest.NewRecorder()
		cloud.Handler().ServeHTTP(w, r)
		return w.Code
	}
	fmt.Println(clock(""), clock("guess"), clock("s3cret"))
	// Output:
	// 403 403 200
}
