package fake_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
)

// FuzzRestoreState feeds arbitrary JSON to the State decoder and to
// Restore, and the same bytes to PUT /_fake/state: neither panics, a
// refused state is answered with a 4xx, and a restored world snapshots
// and encodes again.
func FuzzRestoreState(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "state_small.json")); err == nil {
		f.Add(b)
	}
	fleet := fleetState(8)
	if b, err := json.Marshal(fleet); err == nil {
		f.Add(b)
	}
	for _, s := range []string{`{}`, `{"clusters":[{}]}`, `{"clusters":[{"id":"c1","state":"running","spec":{"cluster_type":"ManagedKubernetes"}}]}`,
		`{"tasks":[{"id":"T-1","cluster_id":"c","state":"running"}]}`, `{"now":"2030-01-01T00:00:00Z","counters":{"ids":{"cluster":18446744073709551615}}}`,
		`{"clusters":[{"id":"c","state":"initial","change":{"kind":"create-managed","task_id":"T"}}],"tasks":[{"id":"T","cluster_id":"c","state":"running"}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s fake.State
		if err := json.Unmarshal(data, &s); err == nil {
			c := fake.New(fake.WithClock(fake.Manual))
			if err := c.Restore(s); err == nil {
				c.Advance(time.Hour)
				if _, err := json.Marshal(c.Snapshot()); err != nil {
					t.Fatalf("a restored world does not encode: %v", err)
				}
				c.Clusters()
			}
		}
		c := fake.New(fake.WithClock(fake.Manual))
		w := serveLocal(c, http.MethodPut, "/_fake/state", "application/json", string(data))
		if w.Code != http.StatusOK && (w.Code < 400 || w.Code > 499) {
			t.Fatalf("PUT /_fake/state answered HTTP %d %s", w.Code, w.Body)
		}
	})
}
