package nodepool_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ackgo/ack/nodepool"
)

// TestResumeTokenFromEarlierRelease resumes a node pool creation token that
// release 0.1.0 minted (testdata/resume_token_0.1.0_create.txt): on a
// fresh fake, whose IDs are deterministic, the same calls produce the pool
// the token names, and a new client completes the wait from it.
func TestResumeTokenFromEarlierRelease(t *testing.T) {
	raw, err := os.ReadFile("testdata/resume_token_0.1.0_create.txt")
	if err != nil {
		t.Fatal(err)
	}
	cloud, c, id := onFake(t)
	op, err := c.Create(context.Background(), id, fakeSpec("mint", 2))
	if err != nil {
		t.Fatal(err)
	}
	resumed, err := nodepool.NewClient(cloud.Config()).ResumeOperation(strings.TrimSpace(string(raw)), nodepool.KindCreate)
	if err != nil {
		t.Fatalf("ResumeOperation(0.1.0 token): %v", err)
	}
	if resumed.ClusterID() != id || resumed.PoolID() != op.PoolID() {
		t.Fatalf("the 0.1.0 token names %s/%s; the fake made %s/%s", resumed.ClusterID(), resumed.PoolID(), id, op.PoolID())
	}
	d, err := resumed.Wait(context.Background())
	if err != nil || d.ID != op.PoolID() {
		t.Fatalf("Wait = %+v, %v; want pool %s", d, err, op.PoolID())
	}
}
