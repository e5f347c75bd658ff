package cluster_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/internal/wire"
)

func FuzzValidateCreateRequest(f *testing.F) {
	golden, _ := filepath.Glob(filepath.Join("testdata", "create_*.json"))
	for _, path := range golden {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"cluster_type":"Ask","node_cidr_mask":"x","addons":[{"name":"flannel"},{"name":"terway"}]}`))
	f.Add([]byte(`{"cluster_type":"Kubernetes","control_plane_config":{},"num_of_nodes":0,"tags":[]}`))
	f.Add([]byte(`{"container_cidr":"::/0","service_cidr":"0.0.0.0/0","master_count":-3}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var req wire.CreateClusterRequest
		if json.Unmarshal(body, &req) != nil {
			return
		}
		err := clusterWire.ValidateCreate(&req, cluster.WithVPCCIDRs("192.168.0.0/16"))
		var ve *ack.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("ValidateCreateRequest: %v is not a *ack.ValidationError", err)
		}
		s1, _ := clusterWire.SpecFromCreate(&req)
		_ = cluster.Validate(s1, cluster.WithPreset(cluster.PresetCurrent))
		// Encoding and decoding settle after one pass.
		s2, _ := clusterWire.SpecFromCreate(clusterWire.CreateRequest(s1))
		s3, _ := clusterWire.SpecFromCreate(clusterWire.CreateRequest(s2))
		if diff := cmp.Diff(s2, s3); diff != "" {
			t.Errorf("decode(encode(s)) is not stable (-once +twice):\n%s", diff)
		}
	})
}

func FuzzApplyModifyBody(f *testing.F) {
	f.Add(uint8(0), []byte(`{"cluster_name":"x","vswitch_ids":["vsw-cp","vsw-new"],"api_server_eip":true}`))
	f.Add(uint8(1), []byte(`{"maintenance_window":{"maintenance_time":"01:00:00Z"},"timezone":"UTC"}`))
	f.Add(uint8(2), []byte(`{"vpcid":"v","cluster_type":"Kubernetes","node_cidr_mask":24,"addons":[{"name":"terway-eni"}]}`))
	f.Add(uint8(3), []byte(`{"control_plane_config":{"size":5},"master_vswitch_ids":[],"login_password":"p"}`))
	f.Add(uint8(1), []byte(`{"deletion_protection":true,"resource_group_id":"rg","vswitch_ids":[]}`))
	f.Add(uint8(0), []byte(`{"pod_vswitch_ids":[]}`))
	f.Add(uint8(0), []byte(`{"control_plane_config":{"instance_types":[]}}`))
	f.Add(uint8(1), []byte(`{"worker_instance_types":[],"addons":[]}`))
	olds := []func() cluster.Spec{dedicatedSpec, managedProSpec, basicFlannelSpec, serverlessSpec}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		old := olds[int(which)%len(olds)]()
		desired, err := cluster.ApplyModifyBody(old, body)
		if err != nil {
			if !errors.Is(err, ack.ErrInvalid) {
				t.Fatalf("ApplyModifyBody: %v does not match ack.ErrInvalid", err)
			}
			return
		}
		_ = cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetProduct))
		if cluster.CheckChange(old, desired, cluster.WithPreset(cluster.PresetCurrent)) != nil {
			return
		}
		// An allowed change is one ModifyRequest expresses, and its body
		// applies back to the same spec.
		req, err := clusterWire.ModifyRequest(old, desired)
		if err != nil {
			t.Fatalf("ModifyRequest after CheckChange passed: %v", err)
		}
		if req == nil {
			if diff := cmp.Diff(old, desired); diff != "" {
				t.Fatalf("no request for a change (-old +desired):\n%s", diff)
			}
			return
		}
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		again, err := cluster.ApplyModifyBody(old, b)
		if err != nil {
			t.Fatalf("ApplyModifyBody(%s): %v", b, err)
		}
		if diff := cmp.Diff(desired, again); diff != "" {
			t.Errorf("ModifyRequest body %s applies to (-want +got):\n%s", b, diff)
		}
	})
}
