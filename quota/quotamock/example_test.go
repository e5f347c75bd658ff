package quotamock_test

import (
	"context"
	"fmt"

	"github.com/ackgo/ack/quota"
	"github.com/ackgo/ack/quota/quotamock"
	"go.uber.org/mock/gomock"
)

// reporter stands in for the *testing.T of a real test.
type reporter struct{}

func (reporter) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (reporter) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// provision is code under test: it creates nothing when the preflight
// fails.
func provision(ctx context.Context, q quota.Preflighter, plan quota.Plan) string {
	if err := q.Preflight(ctx, plan); err != nil {
		return "refused: " + err.Error()
	}
	return "created"
}

// A test scripts the preflight's verdict and checks what the code under
// test does with it.
func Example() {
	ctrl := gomock.NewController(reporter{})
	defer ctrl.Finish()

	plan := quota.Plan{Create: []quota.NewCluster{{Name: "ci-2", Kind: quota.Serverless}}}
	verdict := quota.Violations{{
		ID: quota.LimitServerlessClusters, Code: quota.CodeServerlessClusterQuota, Scope: "account",
		Used: 2, Need: 1, Limit: 2, Adjustable: true,
	}}
	pre := quotamock.NewMockPreflighter(ctrl)
	pre.EXPECT().Preflight(gomock.Any(), plan).Return(verdict.Err())

	fmt.Println(provision(context.Background(), pre, plan))
	// Output:
	// refused: quota exceeded: account: serverless clusters per account: 2 used + 1 needed exceeds the limit of 2 (submit a ticket) [quota.serverless_clusters]
}
