package cluster_test

import (
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/quota"
)

// TestOneFormClassifier checks that the cluster package's form and the
// quota package's kind are one reading of cluster_type and profile: for
// every combination of the strings ACK writes (and a few it does not), a
// cluster that FormOf reads as a form is counted by quota as that form's
// kind, and one FormOf refuses for its cluster_type is counted by no
// cluster quota.
func TestOneFormClassifier(t *testing.T) {
	kindOf := map[cluster.Form]quota.ClusterKind{
		cluster.Dedicated:    quota.Dedicated,
		cluster.ManagedBasic: quota.Managed,
		cluster.ManagedPro:   quota.Managed,
		cluster.Serverless:   quota.Serverless,
	}
	types := []string{"Kubernetes", "ManagedKubernetes", "Ask", "ExternalKubernetes", "kubernetes", "Kubernetes ", ""}
	profiles := []string{"", "Default", "Serverless", "Edge", "Lingjun", "serverless"}
	specs := []string{"", "ack.standard", "ack.pro.small"}
	for _, ct := range types {
		for _, p := range profiles {
			for _, cs := range specs {
				f, err := cluster.FormOf(ct, p, cs)
				k := quota.ClassifyCluster(ct, p)
				switch {
				case err == nil && kindOf[f] != k:
					t.Errorf("FormOf(%q, %q, %q) = %v, but quota counts it as %v", ct, p, cs, f, k)
				case err != nil && (ct != "Kubernetes" && ct != "ManagedKubernetes" && ct != "Ask") && k != quota.OtherCluster:
					t.Errorf("FormOf refuses cluster_type %q, but quota counts it as %v", ct, k)
				}
			}
		}
	}
}
