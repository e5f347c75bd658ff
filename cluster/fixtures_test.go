package cluster_test

import (
	"errors"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

// Valid specs of every form, built fresh for each use so that a test may
// change them.

func dedicatedSpec() cluster.Spec {
	zone := "cn-hangzhou-k"
	return cluster.Spec{
		Name:              "prod-dedicated",
		Region:            "cn-hangzhou",
		Form:              cluster.Dedicated,
		KubernetesVersion: "1.30.1-aliyun.1",
		ResourceGroupID:   "rg-1",
		VPCID:             "vpc-1",
		VSwitches:         []cluster.VSwitch{{ID: "vsw-cp", Zone: zone}},
		Network: cluster.Network{
			Plugin:       cluster.Flannel,
			PodCIDR:      "172.20.0.0/16",
			NodeCIDRMask: 25,
		},
		ServiceCIDR:        "172.21.0.0/20",
		SNAT:               cluster.Bool(true),
		PublicEndpoint:     false,
		CloudMonitor:       true,
		DeletionProtection: true,
		Tags:               []cluster.Tag{{Key: "team", Value: "platform"}},
		Timezone:           "Asia/Shanghai",
		MaintenanceWindow: &cluster.MaintenanceWindow{
			Enabled: true, StartTime: "03:00:00Z", Duration: "3h", WeeklyPeriod: "Monday,Thursday",
		},
		Addons: []cluster.Addon{{Name: "csi-plugin"}, {Name: "logtail-ds", Config: `{"sls_project_name":"p"}`}},
		Masters: &cluster.Masters{
			Count:         3,
			InstanceTypes: []string{"ecs.g7.xlarge", "ecs.g7.xlarge", "ecs.g7.xlarge"},
			VSwitches:     []cluster.VSwitch{{ID: "vsw-m1", Zone: zone}, {ID: "vsw-m2", Zone: zone}, {ID: "vsw-m3", Zone: zone}},
			SystemDisk:    cluster.Disk{Category: "cloud_essd", Size: 120},
			ChargeType:    "PostPaid",
		},
		Workers: &cluster.Workers{
			Count:         2,
			InstanceTypes: []string{"ecs.g7.2xlarge"},
			VSwitches:     []cluster.VSwitch{{ID: "vsw-w1", Zone: zone}},
			SystemDisk:    cluster.Disk{Category: "cloud_essd", Size: 80},
			ChargeType:    "PostPaid",
		},
		Login: cluster.Login{Password: ack.NewSecret("Ack-Test-2024")},
	}
}

func managedSpec(form cluster.Form) cluster.Spec {
	return cluster.Spec{
		Name:              "prod-managed",
		Region:            "cn-beijing",
		Form:              form,
		KubernetesVersion: "1.32.1-aliyun.1",
		VPCID:             "vpc-2",
		VSwitches:         []cluster.VSwitch{{ID: "vsw-a", Zone: "cn-beijing-h"}, {ID: "vsw-b", Zone: "cn-beijing-i"}},
		Network: cluster.Network{
			Plugin:        cluster.Terway,
			PodVSwitchIDs: []string{"vsw-pod-a", "vsw-pod-b"},
		},
		SNAT:           cluster.Bool(true),
		PublicEndpoint: true,
		Tags:           []cluster.Tag{{Key: "env", Value: "prod"}},
	}
}

func basicFlannelSpec() cluster.Spec {
	s := managedSpec(cluster.ManagedBasic)
	s.Name = "test-basic"
	s.VSwitches = []cluster.VSwitch{{ID: "vsw-a", Zone: "cn-beijing-h"}}
	s.Network = cluster.Network{Plugin: cluster.Flannel, PodCIDR: "10.244.0.0/16"}
	s.SNAT = nil
	s.PublicEndpoint = false
	return s
}

func serverlessSpec() cluster.Spec {
	return cluster.Spec{
		Name:        "ci-serverless",
		Region:      "cn-shanghai",
		Form:        cluster.Serverless,
		VPCID:       "vpc-3",
		VSwitches:   []cluster.VSwitch{{ID: "vsw-s", Zone: "cn-shanghai-g"}},
		ServiceCIDR: "172.22.0.0/20",
		SNAT:        cluster.Bool(false),
		Timezone:    "Asia/Shanghai",
	}
}

// validSpecs names a valid spec of every form.
func validSpecs() map[string]cluster.Spec {
	return map[string]cluster.Spec{
		"dedicated":          dedicatedSpec(),
		"managed pro terway": managedSpec(cluster.ManagedPro),
		"managed basic":      basicFlannelSpec(),
		"serverless":         serverlessSpec(),
	}
}

func isInvalid(err error) bool { return errors.Is(err, ack.ErrInvalid) }
