package fake

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/quota"
	"github.com/google/go-cmp/cmp"
)

// TestOldEndedTasksAreForgotten checks the bound on the task record: past
// twice the limit, the ended tasks older than the newest limit are
// forgotten (DescribeTaskInfo answers ErrorTaskNotFound), the newest stay
// readable, and a task still running is kept however old it is.
func TestOldEndedTasksAreForgotten(t *testing.T) {
	const limit = 4
	l := quota.CurrentDefaults()
	l.Clusters.Max, l.ServerlessClusters.Max = 20, 20
	c := New(WithClock(Manual), WithLimits(l))
	c.st.settings.taskLimit = limit
	ctx := context.Background()
	clusters := cluster.NewClient(c.Config())
	// The first create's task runs until the clock moves.
	first, err := clusters.Create(ctx, serverless("slow", 0))
	if err != nil {
		t.Fatal(err)
	}
	for ch := range c.st.settings.progressions {
		c.st.settings.progressions[ch] = Immediately()
	}
	var ids []string
	for i := range 2*limit + 1 {
		op, err := clusters.Create(ctx, serverless(fmt.Sprintf("fast-%d", i), i+1))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, op.TaskID())
	}
	readable := func(id string) bool {
		_, err := read(c.st, func(now time.Time) (*taskRec, *Error) { return c.st.taskLocked(id, now, false) })
		return err == nil
	}
	var got []bool
	for _, id := range ids {
		got = append(got, readable(id))
	}
	// The ninth task (the running one and 8 more) is over 2×4: the ended
	// tasks older than the newest 4 (fast-0 to fast-3) are forgotten then;
	// fast-8 comes after.
	want := []bool{false, false, false, false, true, true, true, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("readable tasks, oldest first (-want +got):\n%s", diff)
	}
	if !readable(first.TaskID()) {
		t.Errorf("the running task %s was forgotten", first.TaskID())
	}
}

// serverless is the spec of a small serverless cluster, its Service
// CIDR the k-th of its VPC.
func serverless(name string, k int) cluster.Spec {
	return cluster.Spec{Name: name, Region: DefaultRegion, Form: cluster.Serverless,
		VPCID: "vpc-prune", VSwitches: []cluster.VSwitch{{ID: "vsw-prune"}},
		ServiceCIDR: fmt.Sprintf("172.%d.0.0/20", 16+k)}
}
