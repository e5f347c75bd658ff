package cluster_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// startCreate creates a cluster and polls it once, so that the resume
// token is taken mid-creation.
func startCreate(t *testing.T, c *cluster.Client) *cluster.Operation {
	t.Helper()
	op, err := c.Create(context.Background(), clientManaged("1"))
	if err != nil {
		t.Fatal(err)
	}
	if cl, err := op.Poll(context.Background()); err != nil || op.Done() || cl.State != cluster.StateInitial {
		t.Fatalf("Poll = %+v, %v (done %t); want the cluster initial", cl, err, op.Done())
	}
	return op
}

// TestResumeCompletesTheWait hands a token taken mid-creation to a new
// client, which completes the wait.
func TestResumeCompletesTheWait(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	op := startCreate(t, newClient(cloud))
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}

	other := newClient(cloud)
	resumed, err := other.ResumeOperation(token, cluster.KindCreate)
	if err != nil {
		t.Fatalf("ResumeOperation: %v", err)
	}
	if resumed.Kind() != op.Kind() || resumed.ClusterID() != op.ClusterID() || resumed.TaskID() != op.TaskID() {
		t.Errorf("resumed %s %s %s; want %s %s %s", resumed.Kind(), resumed.ClusterID(), resumed.TaskID(),
			op.Kind(), op.ClusterID(), op.TaskID())
	}
	cl, err := resumed.Wait(ctx)
	if err != nil || cl.State != cluster.StateRunning || cl.ID != op.ClusterID() {
		t.Fatalf("resumed Wait = %+v, %v; want %s running", cl, err, op.ClusterID())
	}
	if len(cloud.Clusters()) != 1 {
		t.Errorf("the fake holds %d clusters, want 1", len(cloud.Clusters()))
	}
}

// TestResumeFailingCreation resumes the wait of a creation that fails:
// the resumed wait fails with the same TaskFailedError as the original.
func TestResumeFailingCreation(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	cloud.FailNext(fake.ChangeAnyCreate, "ErrorVSwitchIPExhausted", "the vSwitch has no free address")
	op := startCreate(t, newClient(cloud))
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	_, origErr := op.Wait(ctx)

	resumed, err := newClient(cloud).ResumeOperation(token)
	if err != nil {
		t.Fatal(err)
	}
	_, resumedErr := resumed.Wait(ctx)
	var orig, again *ack.TaskFailedError
	if !errors.As(origErr, &orig) || !errors.As(resumedErr, &again) {
		t.Fatalf("waits = %v and %v; want two TaskFailedErrors", origErr, resumedErr)
	}
	if diff := cmp.Diff(orig, again); diff != "" {
		t.Errorf("resumed TaskFailedError differs (-original +resumed):\n%s", diff)
	}
	if again.Code != "ErrorVSwitchIPExhausted" || again.State != "failed" {
		t.Errorf("TaskFailedError %+v; want the injected code and state failed", again)
	}
}

// encodeToken builds a token from raw JSON.
func encodeToken(json string) string { return base64.RawURLEncoding.EncodeToString([]byte(json)) }

// TestResumeRefusesBadTokens checks that malformed tokens, tokens of
// another kind and tokens of another region are refused, without a call.
func TestResumeRefusesBadTokens(t *testing.T) {
	tests := []struct {
		name  string
		token string
		kinds []cluster.OperationKind
		want  string // in the error
	}{
		{"empty", "", nil, "empty"},
		{"not base64", "not a token!", nil, "not base64url"},
		{"not JSON", encodeToken("hello"), nil, "not a JSON token object"},
		{"JSON array", encodeToken(`[1]`), nil, "not a JSON token object"},
		{"unknown field", encodeToken(`{"v":1,"kind":"cluster.create","cluster_id":"c1","extra":1}`), nil, "not a JSON token object"},
		{"trailing data", encodeToken(`{"v":1,"kind":"cluster.create","cluster_id":"c1"}{}`), nil, "trailing data"},
		{"no version", encodeToken(`{"kind":"cluster.create","cluster_id":"c1"}`), nil, "version 0"},
		{"future version", encodeToken(`{"v":2,"kind":"cluster.create","cluster_id":"c1"}`), nil, "version 2"},
		{"other package", encodeToken(`{"v":1,"kind":"nodepool.create","cluster_id":"c1"}`), nil, `kind "nodepool.create" is not a cluster operation`},
		{"unexpected kind", encodeToken(`{"v":1,"kind":"cluster.delete","cluster_id":"c1"}`),
			[]cluster.OperationKind{cluster.KindCreate}, `kind "cluster.delete" is not the expected cluster.create`},
		{"no cluster", encodeToken(`{"v":1,"kind":"cluster.create"}`), nil, "no cluster ID"},
		{"path in the ID", encodeToken(`{"v":1,"kind":"cluster.create","cluster_id":"c1/../x"}`), nil, "character"},
		{"other region", encodeToken(`{"v":1,"kind":"cluster.create","cluster_id":"c1","region":"cn-beijing"}`), nil, "region cn-beijing"},
		{"too long", strings.Repeat("A", 5000), nil, "at most"},
		{"upgrade without its target", encodeToken(`{"v":1,"kind":"cluster.upgrade","cluster_id":"c1"}`), nil, "without its target version"},
		{"upgrade to no version", encodeToken(`{"v":1,"kind":"cluster.upgrade","cluster_id":"c1","target":"latest"}`), nil, "target: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud := fake.New()
			op, err := newClient(cloud).ResumeOperation(tt.token, tt.kinds...)
			if err == nil || !errors.Is(err, ack.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ResumeOperation = %v, %v; want an invalid-token error containing %q", op, err, tt.want)
			}
			if len(cloud.Calls()) != 0 {
				t.Errorf("%d calls; want none", len(cloud.Calls()))
			}
		})
	}
}

// TestResumeTokenFormat checks the documented token format against a
// golden file.
func TestResumeTokenFormat(t *testing.T) {
	cloud := fake.New()
	c := newClient(cloud)
	op, err := c.Create(context.Background(), clientServerless("1"))
	if err != nil {
		t.Fatal(err)
	}
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		t.Fatalf("token is not base64url: %v", err)
	}
	var got, want map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/resume_token.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(golden, &want); err != nil {
		t.Fatal(err)
	}
	// The IDs are the fake's; the golden file holds what the fake makes
	// first.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("token (-golden +got):\n%s", diff)
	}
	if _, err := cluster.CompletedOperation(cluster.KindCreate, nil, nil).ResumeToken(); err == nil {
		t.Error("a completed operation gave a resume token")
	}
}
