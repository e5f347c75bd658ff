package fake

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
)

// TestRestoreRebuildsIndexAndMeter builds a world through the API
// (clusters sharing VPCs, node pools, container instances, a deletion
// under way), restores its snapshot into a new Cloud and checks what the
// store derives: the index (quota usage, CIDRs held per VPC, deletions
// under way) says what recomputing it says, a create that overlaps a
// restored cluster's CIDRs is refused, and the meter holds the same open
// nodes and container instances as the first Cloud's.
func TestRestoreRebuildsIndexAndMeter(t *testing.T) {
	l := quota.CurrentDefaults()
	l.Clusters.Max, l.ManagedClusters.Max, l.ServerlessClusters.Max = 20, 20, 20
	c := New(WithClock(Manual), WithLimits(l))
	create := func(i int, body map[string]any) string {
		req := wire.NewRequest(wire.ActionCreateCluster)
		body["name"], body["region_id"], body["snat_entry"] = fmt.Sprintf("ix-%d", i), DefaultRegion, true
		vpc := fmt.Sprintf("vpc-ix%d", i%2)
		body["vpcid"], body["vswitch_ids"] = vpc, []string{"vsw-" + vpc[4:]}
		req.Body, _ = json.Marshal(body)
		resp, err := c.Config().Do(t.Context(), req)
		if err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
		cr, _ := wire.Decode[wire.CreateClusterResponse](resp.Body)
		return cr.ClusterID
	}
	var ids []string
	for i := range 6 {
		ids = append(ids, create(i, map[string]any{
			"cluster_type": "ManagedKubernetes", "cluster_spec": "ack.pro.small",
			"container_cidr": fmt.Sprintf("10.%d.0.0/16", i), "service_cidr": serviceCIDR(i),
			"addons": []map[string]any{{"name": "flannel"}},
			"nodepools": []map[string]any{{"nodepool_info": map[string]any{"name": "p"},
				"scaling_group": map[string]any{"vswitch_ids": []string{fmt.Sprintf("vsw-ix%d", i%2)}, "instance_types": []string{"ecs.g7.xlarge"}, "desired_size": i % 3, "key_pair": "k"}}},
		}))
	}
	sl := create(6, map[string]any{"cluster_type": "ManagedKubernetes", "profile": "Serverless", "service_cidr": serviceCIDR(6)})
	c.Advance(DefaultProgressions()[ChangeCreateDedicated].After)
	if _, err := c.StartContainerInstances(sl, 3, ContainerSize{MilliCPU: 250, MemoryMiB: 512}); err != nil {
		t.Fatal(err)
	}
	if err := c.StopContainerInstance(sl, fmt.Sprintf("eci-%s-%06d", sl, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Config().Do(t.Context(), wire.NewRequest(wire.ActionDeleteCluster, ids[1])); err != nil {
		t.Fatal(err)
	}

	r := New(WithClock(Manual), WithLimits(l), WithState(c.Snapshot()))
	r.st.mu.Lock()
	checkIndexLocked(t, r.st)
	deleting := slices.Collect(maps.Keys(r.st.idx.deleting))
	if len(deleting) != 1 || deleting[0].id != ids[1] {
		t.Errorf("deletions under way after the restore: %v, want %s", deleting, ids[1])
	}
	for _, id := range append(ids, sl) {
		want, got := c.st.meter.byID[id], r.st.meter.byID[id]
		if got == nil {
			t.Errorf("the meter holds no record of cluster %s", id)
			continue
		}
		if w, g := openNodeIDs(want), openNodeIDs(got); !slices.Equal(w, g) {
			t.Errorf("cluster %s: the meter bills nodes %v, want %v", id, g, w)
		}
		if !slices.Equal(want.running, got.running) || want.resources != got.resources {
			t.Errorf("cluster %s: running container instances %v and resources %v, want %v and %v", id, got.running, got.resources, want.running, want.resources)
		}
	}
	if r.st.meter.eciSeq != c.st.meter.eciSeq {
		t.Errorf("container instance counter %d, want %d", r.st.meter.eciSeq, c.st.meter.eciSeq)
	}
	r.st.mu.Unlock()

	r.Advance(time.Hour)
	if bill, err := r.Bill(r.Now().Add(-time.Hour), r.Now()); err != nil || len(bill.Lines) == 0 {
		t.Errorf("the restored Cloud's bill of its last hour: %v lines, %v; want its clusters' and nodes'", len(bill.Lines), err)
	}

	req := wire.NewRequest(wire.ActionCreateCluster)
	req.Body, _ = json.Marshal(map[string]any{"name": "overlap", "region_id": DefaultRegion, "cluster_type": "ManagedKubernetes",
		"vpcid": "vpc-ix0", "vswitch_ids": []string{"vsw-ix0"}, "container_cidr": "10.2.0.0/16", "service_cidr": serviceCIDR(40),
		"snat_entry": true, "addons": []map[string]any{{"name": "flannel"}}})
	if _, err := r.Config().Do(t.Context(), req); err == nil || !strings.Contains(err.Error(), RuleClusterOverlap) {
		t.Fatalf("a create overlapping a restored cluster's pod CIDR: %v, want rule %s", err, RuleClusterOverlap)
	}
}

// openNodeIDs lists the instance IDs of a cluster's open node intervals,
// sorted.
func openNodeIDs(mc *meterCluster) []string {
	var out []string
	for _, o := range mc.openNodes {
		out = append(out, o.node.instanceID)
	}
	slices.Sort(out)
	return out
}
