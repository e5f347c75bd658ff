package fake_test

import (
	"net/http"
	"testing"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/quota"
)

// FuzzDecodeLimits: DecodeLimits never panics, and what it accepts is
// valid limits.
func FuzzDecodeLimits(f *testing.F) {
	for _, s := range []string{
		`{"clusters":{"max":1}}`, `{"pay_as_you_go_funds":{"min":"1.5 CNY","adjustable":false}}`,
		`{"real_name_required":false}`, `{"pods_per_node":{"max":257}}`, `{"clusters":{"max":-1}}`,
		`{}`, `[]`, `{"x":1}`, `{"clusters":null}`, `{"pay_as_you_go_funds":{"min":"1/3 CNY"}}`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := fake.DecodeLimits(data, quota.ProductDefaults())
		if err == nil {
			if verr := l.Validate(); verr != nil {
				t.Fatalf("DecodeLimits(%q) accepted invalid limits: %v", data, verr)
			}
		}
	})
}

// FuzzControlBodies sends any body to the control endpoints that take
// one: each answers 200 or a 4xx in ACK's error shape, never a 5xx.
func FuzzControlBodies(f *testing.F) {
	paths := []string{"/_fake/account", "/_fake/limits", "/_fake/instances", "/_fake/instances/stop", "/_fake/demand", "/_fake/advance", "/_fake/reset", "/_fake/faults"}
	for i, s := range []string{
		`{"balance":"5.00 CNY"}`, `{"clusters":{"max":1}}`, `{"cluster_id":"c-1","count":1,"vcpu":"1","memory_gib":"1"}`,
		`{"cluster_id":"c-1","ids":["eci-1"]}`, `{"cluster_id":"c-1","nodepool_id":"np-1","nodes":2}`, `{"duration":"1s"}`, `{}`,
		`{"action":"*","throttle":true}`,
	} {
		f.Add(uint8(i), []byte(s))
	}
	cloud := fake.New(fake.WithClock(fake.Manual))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		path := paths[int(which)%len(paths)]
		w := serveLocal(cloud, http.MethodPost, path, "application/json", string(body))
		if w.Code == http.StatusOK {
			return
		}
		if b, ok := envelope.DecodeError(w.Body.Bytes()); w.Code >= 500 || w.Code < 400 || !ok || b.Code == "" {
			t.Fatalf("POST %s %q: HTTP %d %s", path, body, w.Code, w.Body)
		}
	})
}
