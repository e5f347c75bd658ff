package paging

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/wire"
)

// TestDecodeClusterPage decodes pages the one-pass way (the items found
// in the body) and the fallback way (a member name written with an
// escape, which wire.ArraySpans does not read): both give each item's
// JSON as sent and its decoded detail.
func TestDecodeClusterPage(t *testing.T) {
	items := []string{`{"cluster_id":"c1","name":"a","state":"running"}`, `{"cluster_id":"c2","name":"b]\"}","state":"failed"}`}
	tests := []struct{ name, body string }{
		{"one pass", `{"clusters":[` + items[0] + `, ` + items[1] + `],"page_info":{"total_count":2}}`},
		{"fallback", `{"cl\u0075sters":[` + items[0] + `,` + items[1] + `],"page_info":{"total_count":2}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := decodeClusterPage([]byte(tt.body))
			if err != nil || total != 2 || len(got) != 2 {
				t.Fatalf("decodeClusterPage: %d items, total %d, %v", len(got), total, err)
			}
			for i, it := range got {
				want, err := wire.DecodeClusterDetail([]byte(items[i]))
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, *it.detail); diff != "" {
					t.Errorf("item %d detail (-want +got):\n%s", i, diff)
				}
				if string(it.raw) != items[i] {
					t.Errorf("item %d raw %s, want %s", i, it.raw, items[i])
				}
			}
		})
	}
}

// TestDecodeClusterPageNullItem decodes a null item as the item-by-item
// decode did: a zero detail, its JSON "null".
func TestDecodeClusterPageNullItem(t *testing.T) {
	got, _, err := decodeClusterPage([]byte(`{"clusters":[null,{"cluster_id":"c1"}]}`))
	if err != nil || len(got) != 2 {
		t.Fatalf("decodeClusterPage: %d items, %v", len(got), err)
	}
	if diff := cmp.Diff(wire.ClusterDetail{}, *got[0].detail); diff != "" || string(got[0].raw) != "null" {
		t.Errorf("null item: raw %s, detail (-want +got):\n%s", got[0].raw, diff)
	}
	if got[1].detail.ClusterID != "c1" {
		t.Errorf("second item's ID %q, want c1", got[1].detail.ClusterID)
	}
}
