package clustermock_test

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/cluster/clustermock"
	"github.com/ackgo/ack/nodepool"
	"github.com/ackgo/ack/nodepool/nodepoolmock"
)

// fleetSize is code under test, a fleet tool: it adds up the sizes of the
// node pools of every cluster. It depends on the two list calls it makes.
func fleetSize(ctx context.Context, clusters cluster.Lister, pools nodepool.Lister) (map[string]int, error) {
	sizes := map[string]int{}
	for c, err := range clusters.List(ctx) {
		if err != nil {
			return nil, err
		}
		for p, err := range pools.List(ctx, c.ID) {
			if err != nil {
				return nil, err
			}
			sizes[c.ID] += p.Size()
		}
	}
	return sizes, nil
}

// A mocked List returns a canned list: Seq yields the clusters given, and
// SeqErr ends the list with an error, as a List whose next page failed
// does. The canned node pools set only their DesiredSize (or their node
// count), and Size reads it.
func ExampleSeq() {
	ctrl := gomock.NewController(printer{}) // in a test: gomock.NewController(t)
	clusters := clustermock.NewMockLister(ctrl)
	pools := nodepoolmock.NewMockLister(ctrl)

	pool := func(id string, desired, nodes int) *nodepool.Pool {
		return &nodepool.Pool{ID: id, Spec: nodepool.Spec{DesiredSize: desired},
			Nodes: nodepool.NodeCounts{Total: nodes}}
	}
	clusters.EXPECT().List(gomock.Any()).
		Return(clustermock.Seq(&cluster.Cluster{ID: "c-prod"}, &cluster.Cluster{ID: "c-dev"}))
	pools.EXPECT().List(gomock.Any(), "c-prod").Return(nodepoolmock.Seq(pool("np-web", 5, 5), pool("np-batch", 3, 0)))
	pools.EXPECT().List(gomock.Any(), "c-dev").Return(nodepoolmock.Seq(pool("np-auto", 0, 2)))
	sizes, err := fleetSize(context.Background(), clusters, pools)
	fmt.Println(sizes, err)

	clusters.EXPECT().List(gomock.Any()).
		Return(clustermock.SeqErr(errors.New("list clusters: page 2: HTTP 503"), &cluster.Cluster{ID: "c-prod"}))
	pools.EXPECT().List(gomock.Any(), "c-prod").Return(nodepoolmock.Seq(pool("np-web", 5, 5)))
	sizes, err = fleetSize(context.Background(), clusters, pools)
	fmt.Println(sizes, err)
	ctrl.Finish()
	// Output:
	// map[c-dev:2 c-prod:8] <nil>
	// map[] list clusters: page 2: HTTP 503
}
