package nodepool

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ackgo/ack/internal/wire"
)

// FuzzDetailFromBody feeds pool objects to the decoder of
// DescribeClusterNodePoolDetail's answer (and of each item of
// DescribeClusterNodePools): it never panics, and what it reads keeps the
// answer's bytes and agrees with the wire form.
func FuzzDetailFromBody(f *testing.F) {
	raw, err := os.ReadFile(filepath.Join("testdata", "node_pool_detail.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"nodepool_info":{"nodepool_id":"np-1","created":"2024-01-02T03:04:05.123456789+08:00"},"scaling_group":{"desired_size":3},"status":{"state":"active","total_nodes":3}}`))
	f.Add([]byte(`{"nodepool_info":{"created":"yesterday"}}`))
	f.Add([]byte(`{"nodepool_info":{"type":"edge"},"scaling_group":{"instance_charge_type":"PrePaid","period":-1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := detailFromBody(body, "c-1", "R-1")
		if err != nil {
			if d != nil {
				t.Fatalf("error %v with a detail %+v", err, d)
			}
			return
		}
		if !bytes.Equal(d.Raw, body) || d.ClusterID != "c-1" || d.RequestID != "R-1" {
			t.Fatalf("detail keeps raw %q, cluster %q, request %q", d.Raw, d.ClusterID, d.RequestID)
		}
		var w wire.NodePoolDetail
		if err := json.Unmarshal(body, &w); err != nil {
			t.Fatalf("decoded, but not as JSON: %v", err)
		}
		if d.HasDesiredSize != (w.ScalingGroup != nil && w.ScalingGroup.DesiredSize != nil) {
			t.Fatalf("HasDesiredSize %v for scaling group %+v", d.HasDesiredSize, w.ScalingGroup)
		}
		if d.Size() != d.Spec.DesiredSize && d.Size() != d.Nodes.Total {
			t.Fatalf("Size %d is neither the desired size %d nor the node count %d", d.Size(), d.Spec.DesiredSize, d.Nodes.Total)
		}
		if w.Status != nil && string(d.State) != w.Status.State {
			t.Fatalf("state %q, wire %q", d.State, w.Status.State)
		}
	})
}

// FuzzNodeFromWire feeds nodes of DescribeClusterNodes to nodeFromWire:
// it never panics, reads every source (the fake's earlier values
// included) as an unknown origin, and fails only on a creation time that
// is not RFC 3339.
func FuzzNodeFromWire(f *testing.F) {
	f.Add([]byte(`{"instance_id":"i-1","node_name":"cn-hangzhou.192.168.0.101","source":"ess_attach","creation_time":"2020-08-25T11:25:35+08:00","state":"running"}`))
	f.Add([]byte(`{"instance_id":"i-2","source":"scale-out","creation_time":"2026-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"source":"initial","creation_time":""}`))
	f.Add([]byte(`{"creation_time":"2020-13-45"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var w wire.Node
		if json.Unmarshal(body, &w) != nil {
			return
		}
		n, err := nodeFromWire(w)
		if err != nil {
			if _, perr := parseTime(w.CreationTime); perr == nil {
				t.Fatalf("nodeFromWire failed on a good creation time %q: %v", w.CreationTime, err)
			}
			return
		}
		if n.InstanceID != w.InstanceID || n.Name != w.NodeName || n.State != w.State || n.Seq != 0 {
			t.Fatalf("node %+v from %+v", n, w)
		}
		if n.Origin != OriginUnknown || n.Removable() {
			t.Fatalf("origin %q (removable %v) from source %q, want unknown", n.Origin, n.Removable(), w.Source)
		}
	})
}
