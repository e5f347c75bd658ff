package quota_test

import (
	"errors"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestPlanIsEmptyAndBuysPayAsYouGo(t *testing.T) {
	tests := []struct {
		name       string
		plan       quota.Plan
		empty, pay bool
	}{
		{"zero", quota.Plan{}, true, false},
		{"change adding nothing", change(quota.ClusterChange{ClusterID: "c-1", PodsPerNode: 64}), true, false},
		{"removals only", change(quota.ClusterChange{ClusterID: "c-1", AddNodes: -2}), true, false},
		{"nodes", change(quota.ClusterChange{ClusterID: "c-1", AddNodes: 1}), false, false},
		{"node pools", change(quota.ClusterChange{ClusterID: "c-1", AddNodePools: 1}), false, false},
		{"container instances", change(quota.ClusterChange{ClusterID: "c-1", AddContainerInstances: 1}), false, true},
		{"new cluster", create(quota.Dedicated), false, true},
		{"explicit", quota.Plan{PayAsYouGo: true}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []bool{tt.plan.IsEmpty(), tt.plan.BuysPayAsYouGo()}
			if diff := cmp.Diff([]bool{tt.empty, tt.pay}, got); diff != "" {
				t.Errorf("[IsEmpty BuysPayAsYouGo] mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanValidate(t *testing.T) {
	tests := []struct {
		name string
		plan quota.Plan
		want []ack.Violation // nil: valid
	}{
		{"zero", quota.Plan{}, nil},
		{"valid", quota.Plan{
			Create: []quota.NewCluster{{Kind: quota.Serverless, ContainerInstances: 5}},
			Change: []quota.ClusterChange{{ClusterID: "c-1", AddNodes: 3}},
		}, nil},
		{"bad kinds", quota.Plan{Create: []quota.NewCluster{{Kind: quota.OtherCluster}, {Kind: quota.ClusterKind(9)}}}, []ack.Violation{
			{Rule: "quota.plan.cluster_kind", Field: "create[0].kind", Message: "must be dedicated, managed or serverless, got other (0)"},
			{Rule: "quota.plan.cluster_kind", Field: "create[1].kind", Message: "must be dedicated, managed or serverless, got other (9)"},
		}},
		{"negative new cluster", quota.Plan{Create: []quota.NewCluster{{Kind: quota.Managed, Nodes: -1, NodePools: -2, ContainerInstances: -3, PodsPerNode: -4}}}, []ack.Violation{
			{Rule: "quota.plan.non_negative", Field: "create[0].nodes", Message: "must not be negative, got -1"},
			{Rule: "quota.plan.non_negative", Field: "create[0].node_pools", Message: "must not be negative, got -2"},
			{Rule: "quota.plan.non_negative", Field: "create[0].container_instances", Message: "must not be negative, got -3"},
			{Rule: "quota.plan.non_negative", Field: "create[0].pods_per_node", Message: "must not be negative, got -4"},
		}},
		{"bad change", change(quota.ClusterChange{ClusterID: "c-1"}, quota.ClusterChange{AddNodes: -1, AddNodePools: -1, AddContainerInstances: -1, PodsPerNode: -1}), []ack.Violation{
			{Rule: "quota.plan.cluster_id", Field: "change[1].cluster_id", Message: "must name an existing cluster"},
			{Rule: "quota.plan.non_negative", Field: "change[1].add_nodes", Message: "must not be negative, got -1"},
			{Rule: "quota.plan.non_negative", Field: "change[1].add_node_pools", Message: "must not be negative, got -1"},
			{Rule: "quota.plan.non_negative", Field: "change[1].add_container_instances", Message: "must not be negative, got -1"},
			{Rule: "quota.plan.non_negative", Field: "change[1].pods_per_node", Message: "must not be negative, got -1"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.plan.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ve *ack.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ack.ErrInvalid) {
				t.Fatalf("Validate() = %v, want an *ack.ValidationError matching ErrInvalid", err)
			}
			if ve.Resource != "quota plan" {
				t.Errorf("Resource = %q, want %q", ve.Resource, "quota plan")
			}
			if diff := cmp.Diff(tt.want, ve.Violations); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
