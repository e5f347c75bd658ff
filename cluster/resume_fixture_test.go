package cluster_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// TestResumeTokenFromEarlierRelease resumes a token that release 0.1.0
// minted mid-creation (testdata/resume_token_0.1.0_create.txt): on a fresh
// fake, whose IDs are deterministic, the same create produces the cluster
// and task the token names, and a new client completes the wait from it.
func TestResumeTokenFromEarlierRelease(t *testing.T) {
	raw, err := os.ReadFile("testdata/resume_token_0.1.0_create.txt")
	if err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(string(raw))
	cloud := fake.New()
	op := startCreate(t, newClient(cloud))
	resumed, err := newClient(cloud).ResumeOperation(token, cluster.KindCreate)
	if err != nil {
		t.Fatalf("ResumeOperation(0.1.0 token): %v", err)
	}
	if resumed.ClusterID() != op.ClusterID() || resumed.TaskID() != op.TaskID() {
		t.Fatalf("the 0.1.0 token names %s/%s; the fake made %s/%s", resumed.ClusterID(), resumed.TaskID(), op.ClusterID(), op.TaskID())
	}
	cl, err := resumed.Wait(context.Background())
	if err != nil || cl.State != cluster.StateRunning {
		t.Fatalf("Wait = %+v, %v; want the cluster running", cl, err)
	}
}
