package fake_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

func TestNetworkRefusals(t *testing.T) {
	known := []fake.Option{
		fake.WithVPC(fake.VPC{ID: "vpc-known", CIDR: "192.168.0.0/16"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-known", VPCID: "vpc-known", ZoneID: "cn-hangzhou-h", CIDR: "192.168.1.0/24"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-elsewhere", VPCID: "vpc-other", ZoneID: "cn-hangzhou-k"}),
	}
	in := func(vpc, vsw string, edit ...func(*wire.CreateClusterRequest)) *wire.CreateClusterRequest {
		r := managedRequest("net")
		r.VPCID, r.VSwitchIDs = vpc, []string{vsw}
		for _, e := range edit {
			e(r)
		}
		return r
	}
	tests := []struct {
		name   string
		strict bool
		req    *wire.CreateClusterRequest
		code   string
		rule   string
	}{
		{"strict refuses an unknown VPC", true, in("vpc-unknown", "vsw-known"), fake.InvalidVpcIDNotFound, ""},
		{"strict refuses an unknown vSwitch", true, in("vpc-known", "vsw-unknown"), fake.InvalidVSwitchIDNotFound, ""},
		{"malformed VPC ID", false, in("VPC_1", "vsw-known"), fake.InvalidParameter, "cluster.network.vpc_id"},
		{"malformed vSwitch ID", false, in("vpc-known", "switch-1"), fake.InvalidParameter, "cluster.network.vswitch_id"},
		{"vSwitch of another VPC", false, in("vpc-known", "vsw-elsewhere"), fake.InvalidParameter, fake.RuleVSwitchVPC},
		{"no VPC and no zone", false, in("", "vsw-known", func(r *wire.CreateClusterRequest) { r.VSwitchIDs = nil }), fake.InvalidParameter, "cluster.network.vpc_required"},
		{"pod CIDR inside the VPC's", false, in("vpc-known", "vsw-known", func(r *wire.CreateClusterRequest) { r.ContainerCIDR = "192.168.128.0/17" }),
			fake.InvalidParameter, "cluster.cidr.overlap"},
		{"Service CIDR inside the VPC's", false, in("vpc-known", "vsw-known", func(r *wire.CreateClusterRequest) { r.ServiceCIDR = "192.168.200.0/24" }),
			fake.InvalidParameter, "cluster.cidr.overlap"},
		{"pod CIDR inside the VPC's, the VPC found by its vSwitch", false, in("", "vsw-known", func(r *wire.CreateClusterRequest) { r.ContainerCIDR = "192.168.128.0/17" }),
			fake.InvalidParameter, "cluster.cidr.overlap"},
		{"pod and Service CIDRs overlap in a VPC of unknown CIDR", false, in("vpc-new", "vsw-new", func(r *wire.CreateClusterRequest) { r.ContainerCIDR, r.ServiceCIDR = "172.16.0.0/12", "172.21.0.0/20" }),
			fake.InvalidParameter, "cluster.cidr.overlap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := known
			if tt.strict {
				opts = append(opts[:len(opts):len(opts)], fake.WithStrictNetwork())
			}
			c := fake.New(opts...)
			resp := call(t, c, wire.ActionCreateCluster, nil, nil, tt.req)
			e := errorBody(t, resp)
			if resp.StatusCode != http.StatusBadRequest || e.Code != tt.code || (tt.rule != "" && !contains(e.Message, "["+tt.rule+"]")) {
				t.Fatalf("HTTP %d %s %q; want 400 %s naming %s", resp.StatusCode, e.Code, e.Message, tt.code, tt.rule)
			}
			if len(c.Clusters()) != 0 {
				t.Fatal("a refused create made a cluster")
			}
		})
	}
}

func contains(s, sub string) bool { return containsAny(s, sub) }

// TestNetworkAccepts checks what the network lets through: known IDs in
// strict mode, and, for a VPC whose CIDR is unknown, any pod and Service
// CIDRs that overlap neither each other nor another cluster's in the VPC.
func TestNetworkAccepts(t *testing.T) {
	known := []fake.Option{
		fake.WithVPC(fake.VPC{ID: "vpc-known", CIDR: "192.168.0.0/16"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-known", VPCID: "vpc-known", ZoneID: "cn-hangzhou-h", CIDR: "192.168.1.0/24"}),
	}
	tests := []struct {
		name       string
		opts       []fake.Option
		vpc, vsw   string
		pod, svc   string
		registered bool // the IDs were registered on use
	}{
		{"strict, known IDs", append(known[:2:2], fake.WithStrictNetwork()), "vpc-known", "vsw-known", "172.20.0.0/16", "172.21.0.0/20", false},
		{"known VPC, CIDRs outside it", known, "vpc-known", "vsw-known", "10.0.0.0/16", "10.1.0.0/20", false},
		{"unknown VPC: any CIDRs, even a typical VPC range", nil, "vpc-new", "vsw-new", "192.168.0.0/16", "10.96.0.0/20", true},
		{"known VPC found by its vSwitch", known, "", "vsw-known", "172.20.0.0/16", "172.21.0.0/20", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fake.New(tt.opts...)
			r := managedRequest("ok")
			r.VPCID, r.VSwitchIDs, r.ContainerCIDR, r.ServiceCIDR = tt.vpc, []string{tt.vsw}, tt.pod, tt.svc
			resp := call(t, c, wire.ActionCreateCluster, nil, nil, r)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("HTTP %d %s", resp.StatusCode, resp.Body)
			}
			vpc, okVPC := c.VPC(tt.vpc)
			sw, okSW := c.VSwitch(tt.vsw)
			if tt.registered && (!okVPC || !okSW || vpc.CIDR != "" || sw.VPCID != tt.vpc) {
				t.Fatalf("registered on use: %+v %v / %+v %v; want both, CIDR unknown", vpc, okVPC, sw, okSW)
			}
			id := decode[wire.CreateClusterResponse](t, resp).ClusterID
			want := tt.vpc
			if want == "" {
				want = "vpc-known"
			}
			if got, _ := c.Cluster(id); got.Spec.VPCID != want {
				t.Fatalf("cluster in VPC %q, want %q", got.Spec.VPCID, want)
			}
		})
	}
}

func TestNetworkRegistersUnknownIDs(t *testing.T) {
	c := fake.New()
	if r := call(t, c, wire.ActionCreateCluster, nil, nil, managedRequest("first")); r.StatusCode != http.StatusOK {
		t.Fatalf("create: %s", r.Body)
	}
	vpc, ok := c.VPC("vpc-managed1")
	sw, ok2 := c.VSwitch("vsw-managed1")
	if !ok || !ok2 || vpc.CIDR != "" || sw.VPCID != "vpc-managed1" {
		t.Fatalf("registered %+v %v / %+v %v", vpc, ok, sw, ok2)
	}
	// A second cluster in the same VPC may not reuse the first's CIDRs ...
	same := managedRequest("second")
	resp := call(t, c, wire.ActionCreateCluster, nil, nil, same)
	if e := errorBody(t, resp); e.Code != fake.InvalidParameter || !contains(e.Message, "["+fake.RuleClusterOverlap+"]") {
		t.Fatalf("overlapping cluster: %s", resp.Body)
	}
	// ... but may use others.
	same.ContainerCIDR, same.ServiceCIDR = "172.30.0.0/16", "172.31.0.0/20"
	if r := call(t, c, wire.ActionCreateCluster, nil, nil, same); r.StatusCode != http.StatusOK {
		t.Fatalf("disjoint cluster: %s", r.Body)
	}
	if err := c.AddVPC(fake.VPC{ID: "not-a-vpc"}); err == nil {
		t.Fatal("AddVPC accepted a malformed ID")
	}
	if err := c.AddVSwitch(fake.VSwitch{ID: "vsw-x", VPCID: "vpc-cidr", CIDR: "10.0.0.0/33"}); err == nil {
		t.Fatal("AddVSwitch accepted a malformed CIDR")
	}
	if err := c.AddVPC(fake.VPC{ID: "vpc-small", CIDR: "10.0.0.0/16"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddVSwitch(fake.VSwitch{ID: "vsw-outside", VPCID: "vpc-small", CIDR: "10.1.0.0/24"}); err == nil {
		t.Fatal("AddVSwitch accepted a CIDR outside its VPC")
	}
}

func TestNetworkCreatesVPCFromZones(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()))
	r := serverlessRequest("zonal")
	r.VPCID, r.VSwitchIDs, r.ZoneID = "", nil, "cn-hangzhou-j"
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, r)).ClusterID
	d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
	vpc, ok := c.VPC(d.VPCID)
	if !ok || vpc.CIDR == "" || len(d.VSwitchIDs) != 1 || d.ZoneID != "cn-hangzhou-j" {
		t.Fatalf("detail %s %v %s, vpc %+v", d.VPCID, d.VSwitchIDs, d.ZoneID, vpc)
	}
}

func TestNetworkFindsTheVPCOfKnownVSwitches(t *testing.T) {
	c := fake.New(fake.WithVSwitch(fake.VSwitch{ID: "vsw-known", VPCID: "vpc-known", ZoneID: "cn-hangzhou-h"}))
	r := serverlessRequest("inferred")
	r.VPCID, r.VSwitchIDs = "", []string{"vsw-known"}
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, r)).ClusterID
	if got, _ := c.Cluster(id); got.Spec.VPCID != "vpc-known" || got.Spec.Zones()[0] != "cn-hangzhou-h" {
		t.Fatalf("spec %+v", got.Spec)
	}
}

func TestZonesMakeMultiZone(t *testing.T) {
	c := fake.New(
		fake.WithProgressions(fake.Immediately()),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-h", VPCID: "vpc-z", ZoneID: "cn-hangzhou-h"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-k", VPCID: "vpc-z", ZoneID: "cn-hangzhou-k"}),
	)
	r := managedRequest("zones")
	r.VPCID, r.VSwitchIDs = "vpc-z", []string{"vsw-h"}
	id := decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, r)).ClusterID
	resp := call(t, c, wire.ActionModifyCluster, []string{id}, nil, map[string]any{"vswitch_ids": []string{"vsw-h", "vsw-k"}})
	if e := errorBody(t, resp); !contains(e.Message, "[cluster.immutable.multi_zone]") {
		t.Fatalf("single to multi-zone: %s", resp.Body)
	}
	resp = call(t, c, wire.ActionModifyCluster, []string{id}, nil, map[string]any{"vswitch_ids": []string{"vsw-k"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("moving the control plane within one zone: %s", resp.Body)
	}
	c.Advance(time.Minute)
	if got, _ := c.Cluster(id); got.Spec.VSwitches[0].Zone != "cn-hangzhou-k" {
		t.Fatalf("vswitches %+v", got.Spec.VSwitches)
	}
}
