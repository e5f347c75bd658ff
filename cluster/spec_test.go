package cluster_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
)

func TestCloneSharesNothing(t *testing.T) {
	orig := dedicatedSpec()
	orig.Network.PodVSwitchIDs = []string{"vsw-p"}
	c := orig.Clone()
	c.VSwitches[0].ID = "x"
	c.Network.PodVSwitchIDs[0] = "x"
	*c.SNAT = false
	c.Tags[0].Key = "x"
	c.MaintenanceWindow.Duration = "x"
	c.Addons[0].Name = "x"
	c.Masters.InstanceTypes[0] = "x"
	c.Masters.VSwitches[0].Zone = "x"
	c.Masters.Count = 5
	c.Workers.InstanceTypes[0] = "x"
	c.Workers.VSwitches[0].ID = "x"
	c.Workers.Count = 9
	want := dedicatedSpec()
	want.Network.PodVSwitchIDs = []string{"vsw-p"}
	if diff := cmp.Diff(want, orig); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(cluster.Spec{}, cluster.Spec{}.Clone()); diff != "" {
		t.Errorf("zero clone (-want +got):\n%s", diff)
	}
}

func TestWithDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   cluster.Spec
		want cluster.Spec
	}{
		{
			name: "flannel with dedicated masters and workers",
			in: cluster.Spec{
				Form:    cluster.Dedicated,
				Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "10.0.0.0/8"},
				Masters: &cluster.Masters{},
				Workers: &cluster.Workers{Count: 1},
			},
			want: cluster.Spec{
				Form:        cluster.Dedicated,
				Network:     cluster.Network{Plugin: cluster.Flannel, PodCIDR: "10.0.0.0/8", NodeCIDRMask: 26},
				ServiceCIDR: "172.19.0.0/20",
				SNAT:        cluster.Bool(true),
				Masters: &cluster.Masters{Count: 3, SystemDisk: cluster.Disk{Category: "cloud_ssd", Size: 120},
					ChargeType: "PostPaid"},
				Workers: &cluster.Workers{Count: 1, ChargeType: "PostPaid"},
			},
		},
		{
			name: "terway keeps no mask; set values stay",
			in: cluster.Spec{
				Form:        cluster.ManagedPro,
				Network:     cluster.Network{Plugin: cluster.Terway},
				ServiceCIDR: "10.96.0.0/12",
				SNAT:        cluster.Bool(false),
			},
			want: cluster.Spec{
				Form:        cluster.ManagedPro,
				Network:     cluster.Network{Plugin: cluster.Terway},
				ServiceCIDR: "10.96.0.0/12",
				SNAT:        cluster.Bool(false),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.in.Clone()
			if diff := cmp.Diff(tt.want, tt.in.WithDefaults()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, tt.in); diff != "" {
				t.Errorf("WithDefaults changed its receiver (-want +got):\n%s", diff)
			}
		})
	}
	// Defaults never make a valid spec invalid.
	for name, s := range validSpecs() {
		if err := cluster.Validate(s.WithDefaults()); err != nil {
			t.Errorf("%s with defaults: %v", name, err)
		}
	}
}

func TestZones(t *testing.T) {
	tests := []struct {
		name  string
		spec  cluster.Spec
		zones []string
	}{
		{"none", cluster.Spec{}, nil},
		{"unknown zones count for none", cluster.Spec{VSwitches: []cluster.VSwitch{{ID: "a"}, {ID: "b"}}}, nil},
		{"one zone", basicFlannelSpec(), []string{"cn-beijing-h"}},
		{"two zones, sorted", managedProSpec(), []string{"cn-beijing-h", "cn-beijing-i"}},
		{"masters and workers count", cluster.Spec{
			VSwitches: []cluster.VSwitch{{ID: "a", Zone: "z2"}},
			Masters:   &cluster.Masters{VSwitches: []cluster.VSwitch{{ID: "m", Zone: "z1"}}},
			Workers:   &cluster.Workers{VSwitches: []cluster.VSwitch{{ID: "w", Zone: "z3"}, {ID: "w2", Zone: "z1"}}},
		}, []string{"z1", "z2", "z3"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.zones, tt.spec.Zones()); diff != "" {
			t.Errorf("%s: Zones (-want +got):\n%s", tt.name, diff)
		}
		if got, want := tt.spec.MultiZone(), len(tt.zones) > 1; got != want {
			t.Errorf("%s: MultiZone = %v, want %v", tt.name, got, want)
		}
	}
}

func TestWithZones(t *testing.T) {
	s := cluster.Spec{
		VSwitches: []cluster.VSwitch{{ID: "a"}, {ID: "b", Zone: "kept"}},
		Masters:   &cluster.Masters{VSwitches: []cluster.VSwitch{{ID: "m"}}},
		Workers:   &cluster.Workers{VSwitches: []cluster.VSwitch{{ID: "w"}, {ID: "unknown"}}},
	}
	lookup := map[string]string{"a": "z1", "b": "ignored", "m": "z2", "w": "z3"}
	got := s.WithZones(func(id string) string { return lookup[id] })
	want := cluster.Spec{
		VSwitches: []cluster.VSwitch{{ID: "a", Zone: "z1"}, {ID: "b", Zone: "kept"}},
		Masters:   &cluster.Masters{VSwitches: []cluster.VSwitch{{ID: "m", Zone: "z2"}}},
		Workers:   &cluster.Workers{VSwitches: []cluster.VSwitch{{ID: "w", Zone: "z3"}, {ID: "unknown"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if s.VSwitches[0].Zone != "" {
		t.Errorf("WithZones changed its receiver")
	}
}

func TestNames(t *testing.T) {
	tests := []struct{ got, want string }{
		{cluster.NoNetworkPlugin.String(), "none"},
		{cluster.Flannel.String(), "Flannel"},
		{cluster.Terway.String(), "Terway"},
		{cluster.NetworkPlugin(9).String(), "NetworkPlugin(9)"},
		{cluster.PresetProduct.String(), "product"},
		{cluster.PresetCurrent.String(), "current"},
		{cluster.Preset(4).String(), "Preset(4)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
