package cluster_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// Specs of every form that the fake accepts, for the client's tests. Each
// lives in a VPC named after n, so that clusters of one test never share
// a VPC (the fake refuses overlapping CIDRs of two clusters in one VPC).

func clientManaged(n string) cluster.Spec {
	return cluster.Spec{
		Name:      "managed-" + n,
		Region:    fake.DefaultRegion,
		Form:      cluster.ManagedPro,
		VPCID:     "vpc-m" + n,
		VSwitches: []cluster.VSwitch{{ID: "vsw-m" + n}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"},
		SNAT:      cluster.Bool(true),
		Tags:      []cluster.Tag{{Key: "env", Value: "test"}},
	}
}

func clientDedicated(n string) cluster.Spec {
	vsw := "vsw-d" + n
	return cluster.Spec{
		Name:      "dedicated-" + n,
		Region:    fake.DefaultRegion,
		Form:      cluster.Dedicated,
		VPCID:     "vpc-d" + n,
		VSwitches: []cluster.VSwitch{{ID: vsw}},
		Network:   cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.22.0.0/16"},
		SNAT:      cluster.Bool(true),
		Masters: &cluster.Masters{
			Count:         3,
			InstanceTypes: []string{"ecs.g7.large", "ecs.g7.large", "ecs.g7.large"},
			VSwitches:     []cluster.VSwitch{{ID: vsw}, {ID: vsw}, {ID: vsw}},
		},
		Login: cluster.Login{Password: ack.NewSecret("Hello-1234")},
	}
}

func clientServerless(n string) cluster.Spec {
	return cluster.Spec{
		Name:        "serverless-" + n,
		Region:      fake.DefaultRegion,
		Form:        cluster.Serverless,
		VPCID:       "vpc-s" + n,
		VSwitches:   []cluster.VSwitch{{ID: "vsw-s" + n}},
		ServiceCIDR: "172.24.0.0/20",
	}
}

// newClient returns a client of cloud through its in-process transport.
func newClient(cloud *fake.Cloud, optFns ...func(*cluster.ClientOptions)) *cluster.Client {
	return cluster.NewClient(cloud.Config(), optFns...)
}

// writes returns the actions of the calls in the fake's log that are not
// reads.
func writes(cloud *fake.Cloud) []string {
	var out []string
	for _, c := range cloud.Calls() {
		if c.Method != http.MethodGet {
			out = append(out, c.Action)
		}
	}
	return out
}

// actions returns the actions of every call in the fake's log.
func actions(cloud *fake.Cloud) []string {
	var out []string
	for _, c := range cloud.Calls() {
		out = append(out, c.Action)
	}
	return out
}

// createRunning creates a cluster and waits until it runs, failing the
// test otherwise.
func createRunning(t testing.TB, c *cluster.Client, spec cluster.Spec) *cluster.Cluster {
	t.Helper()
	ctx := context.Background()
	op, err := c.Create(ctx, spec)
	if err != nil {
		t.Fatalf("Create(%s): %v", spec.Name, err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatalf("Create(%s).Wait: %v", spec.Name, err)
	}
	return cl
}

// ruleIDs lists the rules of a validation error, "" entries for none.
func ruleIDs(err error) []string {
	ve, ok := validationOf(err)
	if !ok {
		return nil
	}
	out := make([]string, len(ve.Violations))
	for i, v := range ve.Violations {
		out[i] = v.Rule
	}
	return out
}

// validationOf finds the *ack.ValidationError in err.
func validationOf(err error) (*ack.ValidationError, bool) {
	var ve *ack.ValidationError
	ok := errors.As(err, &ve)
	return ve, ok
}

// counter names values of a test loop: "0001", "0002", ...
func counter(i int) string { return fmt.Sprintf("%04d", i) }
