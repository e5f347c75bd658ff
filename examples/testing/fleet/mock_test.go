package fleet_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/cluster/clustermock"
	"github.com/ackgo/ack/examples/testing/fleet"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/nodepool/nodepoolmock"
)

// pools is a fleet.Pools made of three mocks, one per call the tool makes.
type pools struct {
	*nodepoolmock.MockLister
	*nodepoolmock.MockCreator
	*nodepoolmock.MockScaler
}

// mocks are a test's mocks, for its expectations.
type mocks struct {
	clusters *clustermock.MockLister
	pools    pools
}

// running is a cluster of the fleet, running, in vSwitch vsw-<id>.
func running(id string) *cluster.Cluster {
	return inState(id, cluster.StateRunning)
}

func inState(id string, s cluster.State) *cluster.Cluster {
	return &cluster.Cluster{ID: id, State: s, Spec: cluster.Spec{
		Name: "name-" + id, Tags: []cluster.Tag{fleetTag}, VSwitches: []cluster.VSwitch{{ID: "vsw-" + id}},
	}}
}

// pool is a canned node pool: active, of desired size n.
func pool(id, name string, n int) *nodepool.Pool {
	return &nodepool.Pool{ID: id, State: nodepool.StateActive, Spec: nodepool.Spec{Name: name, DesiredSize: n}, HasDesiredSize: true}
}

// createdSpec is the Spec the tool creates in cluster id: the policy's
// pool, of MinNodes, in the cluster's vSwitch.
func createdSpec(id string) nodepool.Spec {
	s := policy().Pool
	s.DesiredSize, s.VSwitchIDs = 3, []string{"vsw-" + id}
	return s
}

// TestEnsureDecisions checks what the tool decides for each kind of
// cluster and pool, on mocks: the cluster list is canned, and each case
// expects exactly the pool calls it should make; gomock fails a test on
// any call it did not expect and on any expected call not made.
func TestEnsureDecisions(t *testing.T) {
	listErr := errors.New("list node pools: HTTP 503")
	taskErr := &ack.TaskFailedError{Kind: "nodepool", ResourceID: "np-new", Code: "ScalingActivityFailed", Message: "no stock", State: "failed"}
	tests := []struct {
		name     string
		clusters []*cluster.Cluster
		expect   func(m mocks)
		want     fleet.Report
		wantErr  []error // per result, matched with errors.Is
	}{
		{
			name:     "a failed cluster is left alone",
			clusters: []*cluster.Cluster{inState("c-1", cluster.StateFailed), inState("c-2", cluster.StateUpdatingFailed)},
			want: fleet.Report{
				{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateFailed, Action: fleet.Failed},
				{ClusterID: "c-2", ClusterName: "name-c-2", State: cluster.StateUpdatingFailed, Action: fleet.Failed},
			},
		},
		{
			name:     "a changing cluster is left for the next run",
			clusters: []*cluster.Cluster{inState("c-1", cluster.StateUpgrading)},
			want:     fleet.Report{{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateUpgrading, Action: fleet.Busy}},
		},
		{
			name:     "a cluster outside the fleet is skipped",
			clusters: []*cluster.Cluster{{ID: "c-1", State: cluster.StateRunning, Spec: cluster.Spec{Tags: []cluster.Tag{{Key: "fleet", Value: "search"}}}}},
		},
		{
			name:     "no pool: created in the cluster's vSwitch",
			clusters: []*cluster.Cluster{running("c-1")},
			expect: func(m mocks) {
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq())
				m.pools.MockCreator.EXPECT().Create(gomock.Any(), "c-1", createdSpec("c-1")).
					Return(nodepool.CompletedOperation(nodepool.KindCreate, pool("np-new", "web", 3), nil), nil)
			},
			want: fleet.Report{{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Created, PoolID: "np-new", To: 3}},
		},
		{
			name:     "a pool whose name only contains the policy's is another pool",
			clusters: []*cluster.Cluster{running("c-1")},
			expect: func(m mocks) {
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq(pool("np-canary", "web-canary", 1)))
				m.pools.MockCreator.EXPECT().Create(gomock.Any(), "c-1", createdSpec("c-1")).
					Return(nodepool.CompletedOperation(nodepool.KindCreate, pool("np-new", "web", 3), nil), nil)
			},
			want: fleet.Report{{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Created, PoolID: "np-new", To: 3}},
		},
		{
			name:     "a small pool is scaled to the minimum, a large one kept",
			clusters: []*cluster.Cluster{running("c-1"), running("c-2")},
			expect: func(m mocks) {
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq(pool("np-1", "web", 1)))
				m.pools.MockScaler.EXPECT().Scale(gomock.Any(), "c-1", "np-1", 3).
					Return(nodepool.CompletedOperation(nodepool.KindScale, pool("np-1", "web", 3), nil), nil)
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-2", gomock.Any()).Return(nodepoolmock.Seq(pool("np-2", "web", 7)))
			},
			want: fleet.Report{
				{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Scaled, PoolID: "np-1", From: 1, To: 3},
				{ClusterID: "c-2", ClusterName: "name-c-2", State: cluster.StateRunning, Action: fleet.Kept, PoolID: "np-2", From: 7, To: 7},
			},
		},
		{
			name:     "a pool in the middle of a change is left for the next run",
			clusters: []*cluster.Cluster{running("c-1")},
			expect: func(m mocks) {
				p := pool("np-1", "web", 1)
				p.State = nodepool.StateScaling
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq(p))
			},
			want: fleet.Report{{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Busy, PoolID: "np-1", From: 1, To: 1}},
		},
		{
			name:     "an autoscaled pool is not scaled by hand",
			clusters: []*cluster.Cluster{running("c-1"), running("c-2")},
			expect: func(m mocks) {
				low, high := pool("np-1", "web", 0), pool("np-2", "web", 0)
				low.Spec.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: 1, Max: 10}
				high.Spec.AutoScaling = nodepool.AutoScaling{Enabled: true, Min: 3, Max: 10}
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq(low))
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-2", gomock.Any()).Return(nodepoolmock.Seq(high))
			},
			want: fleet.Report{
				{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.AutoScaled, PoolID: "np-1", From: 1, To: 1},
				{ClusterID: "c-2", ClusterName: "name-c-2", State: cluster.StateRunning, Action: fleet.Kept, PoolID: "np-2", From: 3, To: 3},
			},
		},
		{
			name:     "a failed call is that cluster's; the next is still handled",
			clusters: []*cluster.Cluster{running("c-1"), running("c-2")},
			expect: func(m mocks) {
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.SeqErr(listErr))
				m.pools.MockLister.EXPECT().List(gomock.Any(), "c-2", gomock.Any()).Return(nodepoolmock.Seq())
				m.pools.MockCreator.EXPECT().Create(gomock.Any(), "c-2", createdSpec("c-2")).
					Return(nodepool.CompletedOperation(nodepool.KindCreate, nil, taskErr), nil)
			},
			want: fleet.Report{
				{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Error},
				{ClusterID: "c-2", ClusterName: "name-c-2", State: cluster.StateRunning, Action: fleet.Error},
			},
			wantErr: []error{listErr, taskErr},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctrl := gomock.NewController(t)
			m := mocks{
				clusters: clustermock.NewMockLister(ctrl),
				pools:    pools{nodepoolmock.NewMockLister(ctrl), nodepoolmock.NewMockCreator(ctrl), nodepoolmock.NewMockScaler(ctrl)},
			}
			m.clusters.EXPECT().List(gomock.Any()).Return(clustermock.Seq(tt.clusters...))
			if tt.expect != nil {
				tt.expect(m)
			}

			got, err := fleet.New(m.clusters, m.pools).Ensure(context.Background(), policy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(fleet.Result{}, "Err")); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			for i, r := range got {
				var want error
				if i < len(tt.wantErr) {
					want = tt.wantErr[i]
				}
				if (want == nil) != (r.Err == nil) || !errors.Is(r.Err, want) {
					t.Errorf("%s: error %v; want %v", r.ClusterID, r.Err, want)
				}
			}
		})
	}
}

// TestEnsureListFails checks that a fleet list that fails part-way ends
// the run with the error, and with the results of the clusters listed
// before it.
func TestEnsureListFails(t *testing.T) {
	ctrl := gomock.NewController(t)
	clusters := clustermock.NewMockLister(ctrl)
	p := pools{nodepoolmock.NewMockLister(ctrl), nodepoolmock.NewMockCreator(ctrl), nodepoolmock.NewMockScaler(ctrl)}
	pageErr := &ack.APIError{Action: "DescribeClustersV1", HTTPStatus: 503, Code: "ServiceUnavailable", Message: "try later"}
	clusters.EXPECT().List(gomock.Any()).Return(clustermock.SeqErr(pageErr, running("c-1")))
	p.MockLister.EXPECT().List(gomock.Any(), "c-1", gomock.Any()).Return(nodepoolmock.Seq(pool("np-1", "web", 3)))

	got, err := fleet.New(clusters, p).Ensure(context.Background(), policy())
	if !errors.Is(err, pageErr) {
		t.Errorf("Ensure: %v; want the list's error", err)
	}
	want := fleet.Report{{ClusterID: "c-1", ClusterName: "name-c-1", State: cluster.StateRunning, Action: fleet.Kept, PoolID: "np-1", From: 3, To: 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}
