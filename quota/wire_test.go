package quota_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func item(q string, adjustable bool) wire.QuotaItem {
	return wire.QuotaItem{Quota: q, OperationCode: quota.OperationCodeClusters, Adjustable: adjustable, Unit: "Cluster"}
}

func TestLimitsFromWire(t *testing.T) {
	def := quota.ProductDefaults()
	with := func(f func(*quota.Limits)) quota.Limits { l := def; f(&l); return l }
	tests := []struct {
		name string
		q    *wire.UserQuota
		want quota.Limits
	}{
		{"nil keeps base", nil, def},
		{"zero reports nothing", &wire.UserQuota{}, def},
		{"flat fields", &wire.UserQuota{ClusterQuota: 50, AMKClusterQuota: 20, ASKClusterQuota: 3, NodeQuota: 100, ClusterNodepoolQuota: 15},
			with(func(l *quota.Limits) {
				l.Clusters.Max, l.ManagedClusters.Max, l.ServerlessClusters.Max = 50, 20, 3
				l.NodesPerCluster.Max, l.NodePoolsPerCluster.Max = 100, 15
			})},
		{"negative flat field ignored", &wire.UserQuota{NodeQuota: -1}, def},
		{"quotas map wins over the flat field", &wire.UserQuota{ClusterQuota: 50, Quotas: map[string]wire.QuotaItem{"x": item("7", false)}},
			with(func(l *quota.Limits) { l.Clusters = quota.Count{Max: 7} })},
		{"quotas map alone", &wire.UserQuota{Quotas: map[string]wire.QuotaItem{"x": item("12", true)}},
			with(func(l *quota.Limits) { l.Clusters.Max = 12 })},
		{"quotas map zero is a real zero", &wire.UserQuota{ClusterQuota: 50, Quotas: map[string]wire.QuotaItem{"x": item("0", true)}},
			with(func(l *quota.Limits) { l.Clusters.Max = 0 })},
		{"key names the item when the code is empty", &wire.UserQuota{Quotas: map[string]wire.QuotaItem{
			"q_Kubernetes_Cluster": {Quota: "30", Adjustable: true}}},
			with(func(l *quota.Limits) { l.Clusters.Max = 30 })},
		{"unknown code ignored", &wire.UserQuota{ClusterQuota: 50, Quotas: map[string]wire.QuotaItem{
			"n": {Quota: "3", OperationCode: "q_Something_Else", Adjustable: false}}},
			with(func(l *quota.Limits) { l.Clusters.Max = 50 })},
		{"unparsable item falls back to the flat field", &wire.UserQuota{ClusterQuota: 50, Quotas: map[string]wire.QuotaItem{"x": item("lots", false)}},
			with(func(l *quota.Limits) { l.Clusters.Max = 50 })},
		{"first key in sorted order wins", &wire.UserQuota{Quotas: map[string]wire.QuotaItem{
			"b": item("8", true), "a": item("bad", true), "c": item("9", true)}},
			with(func(l *quota.Limits) { l.Clusters.Max = 8 })},
		{"fraction of zeros", &wire.UserQuota{Quotas: map[string]wire.QuotaItem{"x": item(" 25.00 ", true)}},
			with(func(l *quota.Limits) { l.Clusters.Max = 25 })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, quotaWire.LimitsFromWire(tt.q, def)); diff != "" {
				t.Errorf("LimitsFromWire mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLimitsFromDocumentedExample(t *testing.T) {
	// The example answer of the API reference: the quotas map says 1
	// cluster although cluster_quota says 50, and the map wins.
	raw, err := os.ReadFile(filepath.Join("testdata", "describe_user_quota_example.json"))
	if err != nil {
		t.Fatal(err)
	}
	var q wire.UserQuota
	if err := json.Unmarshal(raw, &q); err != nil {
		t.Fatal(err)
	}
	want := quota.CurrentDefaults()
	want.Clusters = quota.Count{Max: 1, Adjustable: true}
	want.ServerlessClusters.Max = 3
	want.NodePoolsPerCluster.Max = 10
	if diff := cmp.Diff(want, quotaWire.LimitsFromWire(&q, quota.CurrentDefaults())); diff != "" {
		t.Errorf("LimitsFromWire mismatch (-want +got):\n%s", diff)
	}
}

func TestWireGolden(t *testing.T) {
	tests := []struct {
		file   string
		limits quota.Limits
	}{
		{"describe_user_quota_product.json", quota.ProductDefaults()},
		{"describe_user_quota_today.json", quota.CurrentDefaults()},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := json.MarshalIndent(quotaWire.Wire(tt.limits), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("wire shape mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWireRoundTrip(t *testing.T) {
	hardClusters := quota.CurrentDefaults()
	hardClusters.Clusters = quota.Count{Max: 3}
	tests := []struct {
		name       string
		limits     quota.Limits
		base       quota.Limits
		wantLimits quota.Limits
	}{
		{"product over itself", quota.ProductDefaults(), quota.ProductDefaults(), quota.ProductDefaults()},
		{"today over product", quota.CurrentDefaults(), quota.ProductDefaults(), quota.CurrentDefaults()},
		{"hard cluster limit", hardClusters, quota.ProductDefaults(), hardClusters},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Through JSON, as the fake serves it and the client reads it.
			raw, err := json.Marshal(quotaWire.Wire(tt.limits))
			if err != nil {
				t.Fatal(err)
			}
			var q wire.UserQuota
			if err := json.Unmarshal(raw, &q); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantLimits, quotaWire.LimitsFromWire(&q, tt.base)); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
