package optoken

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

var (
	clusterFormat = Format[testKind]{Subject: "widget", Kinds: []testKind{"widget.create"}}
	poolFormat    = Format[testKind]{Subject: "part", Kinds: []testKind{"widget.create"}, Pooled: true}
)

// TestMintKeepsTheEarlierBytes checks that both token forms read exactly
// as the per-package structs wrote them.
func TestMintKeepsTheEarlierBytes(t *testing.T) {
	three := 3
	tests := []struct {
		name string
		f    Format[testKind]
		tok  Op[testKind]
		want string
	}{
		{"cluster", clusterFormat, Op[testKind]{Header: NewHeader[testKind]("widget.create"), ClusterID: "c-1", TaskID: "T-1", Region: "cn-hangzhou"},
			`{"v":1,"kind":"widget.create","cluster_id":"c-1","task_id":"T-1","region":"cn-hangzhou"}`},
		{"pool", poolFormat, Op[testKind]{Header: NewHeader[testKind]("widget.create"), ClusterID: "c-1", PoolID: "np-1", Region: "cn-hangzhou", Nodes: &three},
			`{"v":1,"kind":"widget.create","cluster_id":"c-1","nodepool_id":"np-1","region":"cn-hangzhou","nodes":3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.Mint(tt.tok)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(encode(tt.want), got); diff != "" {
				t.Errorf("token (-want +got):\n%s", diff)
			}
			back, err := tt.f.Open(got, nil, "cn-hangzhou")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.tok, back); diff != "" {
				t.Errorf("opened (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		f     Format[testKind]
		json  string
		want  []testKind
		where string
		msg   string
	}{
		{"no cluster ID", clusterFormat, `{"v":1,"kind":"widget.create"}`, nil, "", "widget resume token: no cluster ID: invalid request"},
		{"no pool ID", poolFormat, `{"v":1,"kind":"widget.create","cluster_id":"c-1"}`, nil, "", "part resume token: no node pool ID: invalid request"},
		{"pool ID in a cluster token", clusterFormat, `{"v":1,"kind":"widget.create","cluster_id":"c-1","nodepool_id":"np-1"}`, nil, "",
			"widget resume token: node pool fields in a widget token: invalid request"},
		{"a slash in an ID", poolFormat, `{"v":1,"kind":"widget.create","cluster_id":"c/1","nodepool_id":"np-1"}`, nil, "",
			"part resume token: an ID holds a character IDs never hold: invalid request"},
		{"negative node count", poolFormat, `{"v":1,"kind":"widget.create","cluster_id":"c-1","nodepool_id":"np-1","nodes":-1}`, nil, "",
			"part resume token: node count -1 is negative: invalid request"},
		{"another region", clusterFormat, `{"v":1,"kind":"widget.create","cluster_id":"c-1","region":"cn-beijing"}`, nil, "cn-hangzhou",
			"widget resume token: taken in region cn-beijing, but this client is for cn-hangzhou: invalid request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f.Open(encode(tt.json), tt.want, tt.where)
			if !errors.Is(err, ack.ErrInvalid) {
				t.Fatalf("Open: %v, want an error matching ack.ErrInvalid", err)
			}
			if diff := cmp.Diff(tt.msg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}
