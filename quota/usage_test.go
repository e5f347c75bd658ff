package quota_test

import (
	"strings"
	"testing"

	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

func TestClassifyCluster(t *testing.T) {
	tests := []struct {
		clusterType, profile string
		want                 quota.ClusterKind
	}{
		{"Kubernetes", "", quota.Dedicated},
		{"ManagedKubernetes", "", quota.Managed},
		{"ManagedKubernetes", "Default", quota.Managed},
		{"ManagedKubernetes", "Edge", quota.Managed},
		{"ManagedKubernetes", "Lingjun", quota.Managed},
		{"ManagedKubernetes", "Serverless", quota.Serverless},
		// Values match as ACK writes them, as cluster.FormOf reads them.
		{"managedkubernetes", " serverless ", quota.OtherCluster},
		{"Ask", "", quota.Serverless},
		{"Ask", "ask.v2", quota.Serverless},
		{"ExternalKubernetes", "", quota.OtherCluster},
		{"", "Serverless", quota.OtherCluster},
		{"Kubernetes", "Serverless", quota.Dedicated},
		{"Kubernetes ", "", quota.OtherCluster},
	}
	for _, tt := range tests {
		t.Run(tt.clusterType+"/"+tt.profile, func(t *testing.T) {
			if got := quota.ClassifyCluster(tt.clusterType, tt.profile); got != tt.want {
				t.Errorf("ClassifyCluster(%q, %q) = %v, want %v", tt.clusterType, tt.profile, got, tt.want)
			}
		})
	}
}

func FuzzClassifyCluster(f *testing.F) {
	for _, s := range [][2]string{{"Kubernetes", ""}, {"ManagedKubernetes", "Serverless"}, {"Ask", ""}, {"ExternalKubernetes", "Edge"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, clusterType, profile string) {
		k := quota.ClassifyCluster(clusterType, profile)
		if k < quota.OtherCluster || k > quota.Serverless {
			t.Fatalf("ClassifyCluster(%q, %q) = %d, out of range", clusterType, profile, int(k))
		}
		typ := strings.TrimSpace(clusterType)
		if k == quota.Serverless && !strings.EqualFold(typ, "Ask") && !strings.EqualFold(strings.TrimSpace(profile), "Serverless") {
			t.Errorf("ClassifyCluster(%q, %q) = serverless without type Ask or profile Serverless", clusterType, profile)
		}
		if k != quota.OtherCluster && !strings.EqualFold(typ, "Kubernetes") && !strings.EqualFold(typ, "ManagedKubernetes") && !strings.EqualFold(typ, "Ask") {
			t.Errorf("ClassifyCluster(%q, %q) = %v for an unknown type", clusterType, profile, k)
		}
	})
}

func TestClusterKindString(t *testing.T) {
	got := []string{quota.OtherCluster.String(), quota.Dedicated.String(), quota.Managed.String(), quota.Serverless.String(), quota.ClusterKind(-1).String()}
	want := []string{"other", "dedicated", "managed", "serverless", "other"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String mismatch (-want +got):\n%s", diff)
	}
}

func TestUsageLookups(t *testing.T) {
	u := quota.Usage{Clusters: []quota.ClusterUsage{
		{ID: "c-1", Kind: quota.Managed, Nodes: 3},
		{ID: "c-2", Kind: quota.Serverless},
		{ID: "c-3", Kind: quota.Managed},
	}}
	counts := map[quota.ClusterKind]int{}
	for _, k := range []quota.ClusterKind{quota.OtherCluster, quota.Dedicated, quota.Managed, quota.Serverless} {
		counts[k] = u.CountKind(k)
	}
	wantCounts := map[quota.ClusterKind]int{quota.OtherCluster: 0, quota.Dedicated: 0, quota.Managed: 2, quota.Serverless: 1}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("CountKind mismatch (-want +got):\n%s", diff)
	}

	tests := []struct {
		id     string
		want   quota.ClusterUsage
		wantOK bool
	}{
		{"c-1", quota.ClusterUsage{ID: "c-1", Kind: quota.Managed, Nodes: 3}, true},
		{"c-9", quota.ClusterUsage{}, false},
	}
	for _, tt := range tests {
		got, ok := u.Cluster(tt.id)
		if ok != tt.wantOK {
			t.Errorf("Cluster(%q) ok = %v, want %v", tt.id, ok, tt.wantOK)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Cluster(%q) mismatch (-want +got):\n%s", tt.id, diff)
		}
	}
}
