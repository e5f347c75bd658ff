package cluster_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// twentyTags are MaxTags tags of the user's own.
func twentyTags() []cluster.Tag {
	var tags []cluster.Tag
	for i := range cluster.MaxTags {
		tags = append(tags, cluster.Tag{Key: fmt.Sprintf("k%02d", i), Value: "v"})
	}
	return tags
}

// TestCreateWithTwentyTagsOfOnesOwn creates a cluster carrying MaxTags
// tags of the user's own through Create's idempotent path, once with every
// answer and once with the CreateCluster answer lost after the fake
// applied it: exactly one cluster exists, and it reads back with exactly
// the user's tags (the SDK's own tag never shows in Spec.Tags).
func TestCreateWithTwentyTagsOfOnesOwn(t *testing.T) {
	for _, lose := range []bool{false, true} {
		t.Run(fmt.Sprintf("answer lost %t", lose), func(t *testing.T) {
			ctx := context.Background()
			cloud := fake.New()
			if lose {
				cloud.PrependReactor(wire.ActionCreateCluster, fake.Once(fake.LoseResponse()))
			}
			spec := clientManaged("1")
			spec.Tags = twentyTags()
			c := newClient(cloud)
			op, err := c.Create(ctx, spec)
			if err != nil {
				t.Fatalf("Create with %d tags: %v", len(spec.Tags), err)
			}
			cl, err := op.Wait(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(cloud.Clusters()); n != 1 {
				t.Fatalf("the fake holds %d clusters, want 1", n)
			}
			got, err := c.Get(ctx, cl.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(twentyTags(), got.Spec.Tags); diff != "" {
				t.Errorf("tags read back (-want +got):\n%s", diff)
			}
		})
	}
}

// TestClientTokenTagHidden checks that a cluster with a free slot carries
// the SDK's token, readable as Cluster.ClientToken but not among its tags.
func TestClientTokenTagHidden(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	spec := clientManaged("1")
	spec.Tags = []cluster.Tag{{Key: "team", Value: "a"}}
	c := newClient(cloud)
	op, err := c.Create(ctx, spec, func(o *cluster.CreateOptions) { o.ClientToken = "tok-1" })
	if err != nil {
		t.Fatal(err)
	}
	cl, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cl.ClientToken != "tok-1" || len(cl.Spec.Tags) != 1 {
		t.Errorf("ClientToken %q, tags %v; want tok-1 and the user's one tag", cl.ClientToken, cl.Spec.Tags)
	}
	spec.Tags = twentyTags()
	if _, err := c.Create(ctx, spec, func(o *cluster.CreateOptions) { o.ClientToken = "tok-2" }); err == nil {
		t.Error("an explicit client token with no free tag slot was accepted")
	}
}
