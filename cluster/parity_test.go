package cluster_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/nodepool"
)

// ruleBreakers holds, for each validation rule, a spec that breaks it.
var ruleBreakers = map[string]func() cluster.Spec{
	"cluster.name.format": func() cluster.Spec { s := clientManaged("1"); s.Name = "-starts-with-hyphen"; return s },
	"cluster.region.required": func() cluster.Spec {
		s := clientManaged("1")
		s.Region = ""
		return s
	},
	"cluster.form.known": func() cluster.Spec { s := clientServerless("1"); s.Form = 0; return s },
	"cluster.tags.limit": func() cluster.Spec {
		s := clientManaged("1")
		for i := range cluster.MaxTags {
			s.Tags = append(s.Tags, cluster.Tag{Key: "k" + counter(i), Value: "v"})
		}
		return s
	},
	"cluster.cidr.syntax":          func() cluster.Spec { s := clientManaged("1"); s.Network.PodCIDR = "172.20.0.1/16"; return s },
	"cluster.cidr.overlap":         func() cluster.Spec { s := clientManaged("1"); s.ServiceCIDR = "172.20.16.0/20"; return s },
	"cluster.network.vpc_id":       func() cluster.Spec { s := clientManaged("1"); s.VPCID = "vpc-..."; return s },
	"cluster.network.vpc_required": func() cluster.Spec { s := clientManaged("1"); s.VPCID = ""; return s },
	"cluster.network.vswitch_id": func() cluster.Spec {
		s := clientDedicated("1")
		s.Workers = &cluster.Workers{Count: 1, InstanceTypes: []string{"ecs.g7.large"}, VSwitches: []cluster.VSwitch{{ID: "vsw-bad_id"}}}
		return s
	},
	"cluster.network.plugin": func() cluster.Spec { s := clientManaged("1"); s.Network = cluster.Network{}; return s },
	"cluster.network.pod_cidr": func() cluster.Spec {
		s := clientManaged("1")
		s.Network.PodCIDR = ""
		return s
	},
	"cluster.network.node_cidr_mask": func() cluster.Spec { s := clientManaged("1"); s.Network.NodeCIDRMask = 20; return s },
	"cluster.nat.required":           func() cluster.Spec { s := clientManaged("1"); s.SNAT = cluster.Bool(false); return s },
	"cluster.masters.dedicated_only": func() cluster.Spec {
		s := clientManaged("1")
		s.Masters = clientDedicated("1").Masters
		return s
	},
	"cluster.masters.count": func() cluster.Spec { s := clientDedicated("1"); s.Masters.Count = 4; return s },
	"cluster.masters.instance_types": func() cluster.Spec {
		s := clientDedicated("1")
		s.Masters.InstanceTypes = s.Masters.InstanceTypes[:2]
		return s
	},
	"cluster.masters.vswitches": func() cluster.Spec {
		s := clientDedicated("1")
		s.Masters.VSwitches = s.Masters.VSwitches[:1]
		return s
	},
	cluster.RuleServerlessNodePools: func() cluster.Spec {
		s := clientServerless("1")
		s.NodePools = []nodepool.Spec{testPool("p", "vsw-1")}
		return s
	},
	"cluster.workers.not_serverless": func() cluster.Spec {
		s := clientServerless("1")
		s.Workers = &cluster.Workers{Count: 1, InstanceTypes: []string{"ecs.g7.large"}}
		s.Login.KeyPair = "kp"
		return s
	},
	"cluster.workers.count": func() cluster.Spec {
		s := clientDedicated("1")
		s.Workers = &cluster.Workers{Count: -1, InstanceTypes: []string{"ecs.g7.large"}, VSwitches: s.Masters.VSwitches[:1]}
		return s
	},
	"cluster.login.required": func() cluster.Spec { s := clientDedicated("1"); s.Login = cluster.Login{}; return s },
	"cluster.login.password": func() cluster.Spec { s := clientDedicated("1"); s.Login.Password = ack.NewSecret("short"); return s },
}

// TestValidationParity shows, for every rule of the registry, the client
// refusing a spec that breaks it before any call, and the fake refusing
// the same spec sent raw with the same rule ID.
func TestValidationParity(t *testing.T) {
	for _, rule := range cluster.Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			breaker, ok := ruleBreakers[rule.ID]
			if !ok {
				t.Fatalf("no spec breaks rule %s: add one to ruleBreakers", rule.ID)
			}
			spec := breaker()

			// The client, on a Config without a region so that an empty
			// Spec.Region stays empty.
			cloud := fake.New()
			c := cluster.NewClient(cloud.Config(ack.WithRegion("")))
			_, err := c.Create(context.Background(), spec)
			if !slices.Contains(ruleIDs(err), rule.ID) || !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("client: Create = %v; want a ValidationError with %s", err, rule.ID)
			}
			if calls := cloud.Calls(); len(calls) != 0 {
				t.Errorf("client: %d calls reached the fake, want none: %v", len(calls), calls)
			}

			// The fake, sent the spec's wire body as it is.
			body, err := json.Marshal(clusterWire.CreateRequest(spec))
			if err != nil {
				t.Fatal(err)
			}
			assertRefused(t, cloud, wire.ActionCreateCluster, nil, body, rule.ID)
		})
	}
}

// changeBreaker breaks an immutability rule: on a cluster made from base,
// the client's edit and the raw ModifyCluster body change what the rule
// forbids.
type changeBreaker struct {
	base func(n string) cluster.Spec
	edit func(*cluster.Spec)
	body string
}

// changeBreakers holds a breaker for each immutability rule. The zones
// registered by zonedCloud make "vsw-zonea" and "vsw-zoneb" two zones.
var changeBreakers = map[string]changeBreaker{
	"cluster.immutable.vpc": {clientManaged, func(s *cluster.Spec) { s.VPCID = "vpc-other" }, `{"vpcid":"vpc-other"}`},
	"cluster.immutable.multi_zone": {zonedManaged, func(s *cluster.Spec) {
		s.VSwitches = append(s.VSwitches, cluster.VSwitch{ID: "vsw-zoneb"})
	}, `{"vswitch_ids":["vsw-zonea","vsw-zoneb"]}`},
	"cluster.immutable.dedicated_to_managed": {clientDedicated, func(s *cluster.Spec) { s.Form = cluster.ManagedPro },
		`{"cluster_type":"ManagedKubernetes","cluster_spec":"ack.pro.small"}`},
	"cluster.immutable.public_endpoint": {clientManaged, func(s *cluster.Spec) { s.PublicEndpoint = true }, `{"api_server_eip":true}`},
	"cluster.immutable.cloud_monitor":   {clientManaged, func(s *cluster.Spec) { s.CloudMonitor = true }, `{"cloud_monitor_flags":true}`},
	"cluster.immutable.network_plugin": {clientManaged, func(s *cluster.Spec) { s.Network.Plugin = cluster.Terway },
		`{"addons":[{"name":"terway-eniip","config":""}]}`},
	"cluster.immutable.form":    {clientManaged, func(s *cluster.Spec) { s.Form = cluster.ManagedBasic }, `{"cluster_spec":"ack.standard"}`},
	"cluster.immutable.version": {clientManaged, func(s *cluster.Spec) { s.KubernetesVersion = "1.30.1-aliyun.1" }, `{"kubernetes_version":"1.30.1-aliyun.1"}`},
	"cluster.immutable.workers": {clientManaged, func(s *cluster.Spec) {
		s.Workers = &cluster.Workers{Count: 2, InstanceTypes: []string{"ecs.g7.large"}}
	}, `{"num_of_nodes":2,"worker_instance_types":["ecs.g7.large"]}`},
	"cluster.immutable.field": {clientManaged, func(s *cluster.Spec) { s.ServiceCIDR = "172.30.0.0/20" }, `{"service_cidr":"172.30.0.0/20"}`},
}

// zonedManaged is a managed cluster on vSwitch vsw-zonea of zonedCloud.
func zonedManaged(n string) cluster.Spec {
	s := clientManaged(n)
	s.VPCID, s.VSwitches = "vpc-zoned", []cluster.VSwitch{{ID: "vsw-zonea"}}
	return s
}

// zonedCloud is a fake that knows two vSwitches of vpc-zoned in two zones.
func zonedCloud() *fake.Cloud {
	return fake.New(
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-zonea", VPCID: "vpc-zoned", ZoneID: "cn-hangzhou-j"}),
		fake.WithVSwitch(fake.VSwitch{ID: "vsw-zoneb", VPCID: "vpc-zoned", ZoneID: "cn-hangzhou-k"}),
	)
}

// TestImmutabilityParity shows, for every immutability rule, the client's
// Modify refusing the change with no mutating call, and the fake refusing
// the raw ModifyCluster body with the same rule ID.
func TestImmutabilityParity(t *testing.T) {
	for _, rule := range cluster.ChangeRules() {
		t.Run(rule.ID, func(t *testing.T) {
			b, ok := changeBreakers[rule.ID]
			if !ok {
				t.Fatalf("no change breaks rule %s: add one to changeBreakers", rule.ID)
			}
			cloud := zonedCloud()
			c := newClient(cloud, func(o *cluster.ClientOptions) {
				o.ZoneOf = func(id string) string { v, _ := cloud.VSwitch(id); return v.ZoneID }
			})
			cl := createRunning(t, c, b.base("1"))
			cloud.ClearCalls()

			_, err := c.Modify(context.Background(), cl.ID, b.edit)
			if !slices.Contains(ruleIDs(err), rule.ID) || !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("client: Modify = %v; want a ValidationError with %s", err, rule.ID)
			}
			if w := writes(cloud); len(w) != 0 {
				t.Errorf("client: mutating calls %v reached the fake, want none", w)
			}
			assertRefused(t, cloud, wire.ActionModifyCluster, []string{cl.ID}, []byte(b.body), rule.ID)
		})
	}
}

// assertRefused sends a raw request to the fake and checks that it is
// refused as invalid, naming rule.
func assertRefused(t *testing.T, cloud *fake.Cloud, action string, params []string, body []byte, rule string) {
	t.Helper()
	req := wire.NewRequest(action, params...)
	req.Body = body
	resp, err := cloud.Config().Do(context.Background(), req)
	var api *ack.APIError
	if !errors.As(err, &api) {
		t.Fatalf("fake: %s = %v, %v; want an API error", action, resp, err)
	}
	if api.HTTPStatus != http.StatusBadRequest || !errors.Is(api, ack.ErrInvalid) || !strings.Contains(api.Message, "["+rule+"]") {
		t.Errorf("fake: %s refused with HTTP %d %s %q; want 400 InvalidParameter naming [%s]", action, api.HTTPStatus, api.Code, api.Message, rule)
	}
}

// TestVPCOverlapParity covers the VPC's side of rule "cluster.cidr.overlap",
// which TestValidationParity (a pod CIDR over the Service CIDR) does not:
// a client told the VPC's CIDR refuses a pod or Service CIDR inside it with
// no call, the fake that knows the VPC refuses the raw body with the same
// rule, and a client that was not told gets the fake's refusal read back
// under that rule.
func TestVPCOverlapParity(t *testing.T) {
	const vpc, vpcCIDR = "vpc-known", "172.16.0.0/12"
	tests := []struct {
		name string
		edit func(*cluster.Spec)
	}{
		{"pod CIDR inside the VPC", func(s *cluster.Spec) {}}, // 172.20.0.0/16
		{"Service CIDR inside the VPC", func(s *cluster.Spec) {
			s.Network.PodCIDR = "10.0.0.0/16"
			s.ServiceCIDR = "172.31.0.0/20"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := clientManaged("1")
			spec.VPCID = vpc
			tt.edit(&spec)
			if err := cluster.Validate(spec); err != nil {
				t.Fatalf("the spec breaks a rule without the VPC's CIDR: %v", err)
			}
			cloud := fake.New(fake.WithVPC(fake.VPC{ID: vpc, CIDR: vpcCIDR}))

			told := newClient(cloud, func(o *cluster.ClientOptions) {
				o.Validation = []cluster.ValidationOption{cluster.WithVPCCIDRs(vpcCIDR)}
			})
			_, err := told.Create(context.Background(), spec)
			if !slices.Contains(ruleIDs(err), "cluster.cidr.overlap") || !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("client told the VPC's CIDR: Create = %v; want a ValidationError with cluster.cidr.overlap", err)
			}
			if calls := cloud.Calls(); len(calls) != 0 {
				t.Errorf("client told the VPC's CIDR: %d calls reached the fake, want none", len(calls))
			}

			body, err := json.Marshal(clusterWire.CreateRequest(spec))
			if err != nil {
				t.Fatal(err)
			}
			assertRefused(t, cloud, wire.ActionCreateCluster, nil, body, "cluster.cidr.overlap")

			_, err = newClient(cloud).Create(context.Background(), spec)
			if !slices.Contains(ruleIDs(err), "cluster.cidr.overlap") {
				t.Errorf("client not told the VPC's CIDR: Create = %v; want the fake's refusal under cluster.cidr.overlap", err)
			}
			if n := len(cloud.Clusters()); n != 0 {
				t.Errorf("the fake holds %d clusters, want none", n)
			}
		})
	}
}
