package fake_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

type instanceAnswer struct {
	ID        string `json:"id"`
	ClusterID string `json:"cluster_id"`
	VCPU      string `json:"vcpu"`
	MemoryGiB string `json:"memory_gib"`
	Stopped   string `json:"stopped"`
}

// TestControlInstances starts container instances with /_fake/instances,
// lists them, stops one by DELETE and one through the earlier name
// /_fake/container-instances/stop: the Go API sees the same instances, of
// the size asked for.
func TestControlInstances(t *testing.T) {
	f := newControlFixture(t)
	w := serveLocal(f.c, "POST", "/_fake/instances", "application/json", f.fill(`{"cluster_id":"{sls}","count":2,"vcpu":"0.5","memory_gib":"1.5"}`))
	var started []instanceAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &started); w.Code != http.StatusOK || err != nil || len(started) != 2 {
		t.Fatalf("start: HTTP %d %s", w.Code, w.Body)
	}
	for _, s := range started {
		if s.ClusterID != f.sls || s.VCPU != "0.5" || s.MemoryGiB != "1.5" {
			t.Fatalf("started %+v, want 0.5 vCPU and 1.5 GiB on %s", s, f.sls)
		}
	}
	var got []fake.ContainerSize
	for _, ci := range f.c.ContainerInstances(f.sls) {
		got = append(got, ci.ContainerSize)
	}
	want := []fake.ContainerSize{{MilliCPU: 1000, MemoryMiB: 2048}, {MilliCPU: 500, MemoryMiB: 1536}, {MilliCPU: 500, MemoryMiB: 1536}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Go API's instances (-want +got):\n%s", diff)
	}
	if w := serveLocal(f.c, "DELETE", "/_fake/instances/"+started[0].ID+"?cluster_id="+f.sls, "", ""); w.Code != http.StatusOK {
		t.Fatalf("DELETE: HTTP %d %s", w.Code, w.Body)
	}
	if w := serveLocal(f.c, "POST", "/_fake/container-instances/stop", "application/json", `{"cluster_id":"`+f.sls+`","ids":["`+started[1].ID+`"]}`); w.Code != http.StatusOK {
		t.Fatalf("stop by the earlier name: HTTP %d %s", w.Code, w.Body)
	}
	var listed []instanceAnswer
	w = serveLocal(f.c, "GET", "/_fake/instances?cluster_id="+f.sls, "", "")
	if err := json.Unmarshal(w.Body.Bytes(), &listed); err != nil || len(listed) != 3 {
		t.Fatalf("list: HTTP %d %s", w.Code, w.Body)
	}
	stopped := 0
	for _, l := range listed {
		if l.Stopped != "" {
			stopped++
		}
	}
	if stopped != 2 {
		t.Fatalf("listed %+v, want the two stopped", listed)
	}
}

// TestControlInstancesRefusals: refusals of /_fake/instances carry the
// code the Go API's error wraps (a quota error is the API's quota error).
func TestControlInstancesRefusals(t *testing.T) {
	tests := []struct {
		name, method, target, body string
		status                     int
		code                       string
	}{
		{"past the quota", "POST", "/_fake/instances", `{"cluster_id":"{sls}","count":2,"vcpu":"1","memory_gib":"1"}`, 400, quota.CodeContainerInstanceQuota},
		{"not serverless", "POST", "/_fake/instances", `{"cluster_id":"{mk}","count":1,"vcpu":"1","memory_gib":"1"}`, 400, fake.InvalidParameter},
		{"unknown cluster", "POST", "/_fake/instances", `{"cluster_id":"c-nope","count":1,"vcpu":"1","memory_gib":"1"}`, 404, fake.ErrorClusterNotFound},
		{"no vcpu", "POST", "/_fake/instances", `{"cluster_id":"{sls}","count":1,"memory_gib":"1"}`, 400, fake.InvalidParameter},
		{"negative count", "POST", "/_fake/instances", `{"cluster_id":"{sls}","count":-1,"vcpu":"1","memory_gib":"1"}`, 400, fake.InvalidParameter},
		{"list without a cluster", "GET", "/_fake/instances", "", 400, fake.InvalidParameter},
		{"delete without a cluster", "DELETE", "/_fake/instances/{eci}", "", 400, fake.InvalidParameter},
		{"delete one not running", "DELETE", "/_fake/instances/eci-nope?cluster_id={sls}", "", 400, fake.InvalidParameter},
		{"stop by GET", "GET", "/_fake/instances/stop", "", 405, fake.InvalidActionNotFound},
		{"one by GET", "GET", "/_fake/instances/{eci}", "", 405, fake.InvalidActionNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limits := quota.ProductDefaults()
			limits.ContainerInstancesPerCluster.Max = 2
			f := newControlFixture(t, fake.WithLimits(limits))
			ctype := ""
			if tt.body != "" {
				ctype = "application/json"
			}
			w := serveLocal(f.c, tt.method, f.fill(tt.target), ctype, f.fill(tt.body))
			b, ok := envelope.DecodeError(w.Body.Bytes())
			if w.Code != tt.status || !ok || b.Code != tt.code {
				t.Fatalf("HTTP %d %s, want %d %s", w.Code, w.Body, tt.status, tt.code)
			}
			if n := len(f.c.ContainerInstances(f.sls)); n != 1 {
				t.Fatalf("%d instances after a refusal, want the fixture's one", n)
			}
		})
	}
}

// TestControlDemand sets an autoscaled pool's demand with /_fake/demand:
// the pool scales out to it as Cloud.SetDemand makes it; bad demands are
// refused with the Go API's reason and change nothing.
func TestControlDemand(t *testing.T) {
	f := newControlFixture(t)
	before := len(f.c.Nodes(f.mk))
	w := serveLocal(f.c, "POST", "/_fake/demand", "application/json", f.fill(`{"cluster_id":"{mk}","nodepool_id":"{np}","nodes":4}`))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"nodes":4`) {
		t.Fatalf("HTTP %d %s", w.Code, w.Body)
	}
	f.c.Advance(30 * time.Minute)
	if p, _ := f.c.NodePool(f.mk, f.np); p.Nodes != 4 || len(f.c.Nodes(f.mk)) != before+3 {
		t.Fatalf("pool has %d nodes (cluster %d, was %d), want 4", p.Nodes, len(f.c.Nodes(f.mk)), before)
	}

	tests := []struct {
		name, body string
		status     int
		code       string
		says       string
	}{
		{"no nodes", `{"cluster_id":"{mk}","nodepool_id":"{np}"}`, 400, fake.InvalidParameter, "nodes"},
		{"negative", `{"cluster_id":"{mk}","nodepool_id":"{np}","nodes":-1}`, 400, fake.InvalidParameter, "negative"},
		{"unknown pool", `{"cluster_id":"{mk}","nodepool_id":"np-nope","nodes":1}`, 404, fake.ErrorNodePoolNotFound, "np-nope"},
		{"unknown cluster", `{"cluster_id":"c-nope","nodepool_id":"{np}","nodes":1}`, 404, fake.ErrorClusterNotFound, "c-nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serveLocal(f.c, "POST", "/_fake/demand", "application/json", f.fill(tt.body))
			b, ok := envelope.DecodeError(w.Body.Bytes())
			if w.Code != tt.status || !ok || b.Code != tt.code || !strings.Contains(b.Message, tt.says) {
				t.Fatalf("HTTP %d %s, want %d %s saying %s", w.Code, w.Body, tt.status, tt.code, tt.says)
			}
			if p, _ := f.c.NodePool(f.mk, f.np); p.Nodes != 4 {
				t.Fatalf("a refused demand changed the pool to %d nodes", p.Nodes)
			}
		})
	}
}
