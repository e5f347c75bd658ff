package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
)

// seedState is a state of one running cluster and one whose creation
// takes a thousand hours, so that it is still running when the state is
// saved.
func seedState() fake.State {
	spec := func(name, vpc string) cluster.Spec {
		return cluster.Spec{
			Name: name, Region: fake.DefaultRegion, Form: cluster.ManagedPro, KubernetesVersion: "1.34.1-aliyun.1",
			VPCID: vpc, VSwitches: []cluster.VSwitch{{ID: "vsw-" + name}},
			Network: cluster.Network{Plugin: cluster.Flannel, PodCIDR: "172.20.0.0/16"}, SNAT: cluster.Bool(true),
			Login: cluster.Login{Password: ack.NewSecret("Hello1234!")},
		}
	}
	start := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	return fake.State{
		Now: start,
		Clusters: []fake.ClusterState{
			{ID: "c-running", Spec: spec("running", "vpc-a"), State: cluster.StateRunning},
			{ID: "c-creating", Spec: spec("creating", "vpc-b"), State: cluster.StateInitial,
				Change: &fake.ChangeState{Kind: fake.ChangeCreateManaged, TaskID: "T-create", Started: start, After: 1000 * time.Hour}},
		},
		Tasks: []fake.TaskState{{ID: "T-create", ClusterID: "c-creating", Type: fake.TaskTypeCreate, State: cluster.TaskRunning, Created: start}},
	}
}

// serveOnce runs the command with args until it has served GET
// /_fake/state once, stops it, and returns that answer.
func serveOnce(t *testing.T, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-speed", "1"}, args...), w, io.Discard)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("first line: %v (run: %v)", err, <-done)
	}
	m := firstLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q", line)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Get(m[1] + "/_fake/state")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /_fake/state: HTTP %d %s", resp.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	return body
}

// readState reads a state file, checking that only its owner may read it.
func readState(t *testing.T, path string) fake.State {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("%s has mode %v, want 0600: it holds passwords", path, mode)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"login_password": "Hello1234!"`) {
		t.Errorf("%s lost the cluster's password", path)
	}
	var s fake.State
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// steady leaves out of a State what moves while the server runs: its
// clock and its request counter.
func steady(s fake.State) fake.State {
	s.Now = time.Time{}
	delete(s.Counters.IDs, "request")
	return s
}

// TestStateAndSave starts the command from a state file with -save, stops
// it, and starts it again from the saved file: -state serves the state it
// was given, -save writes it (owner-only, without temporary files left
// behind), and the second run reads back and saves the same state.
func TestStateAndSave(t *testing.T) {
	dir := t.TempDir()
	in, first, second := filepath.Join(dir, "in.json"), filepath.Join(dir, "first.json"), filepath.Join(dir, "second.json")
	seed, err := json.Marshal(seedState())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	served := serveOnce(t, "-state", in, "-save", first)
	var got fake.State
	if err := json.Unmarshal(served, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Clusters) != 2 || got.Clusters[1].State != cluster.StateInitial {
		t.Fatalf("served state %s, want the two seeded clusters, one being created", served)
	}
	saved := readState(t, first)
	if d := cmp.Diff(steady(got), steady(saved)); d != "" {
		t.Errorf("-save wrote another state than the server held (-served +saved):\n%s", d)
	}
	serveOnce(t, "-state", first, "-save", second)
	if d := cmp.Diff(steady(saved), steady(readState(t, second))); d != "" {
		t.Errorf("a restart from the saved state saved another (-first +second):\n%s", d)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Errorf("the directory holds %d files, want the three states: %v", len(entries), entries)
	}
}

// TestStateFlagRefusesBadStates starts the command from a state file that
// does not exist, is not JSON, or breaks a rule: each is an error naming
// the problem, and no server starts.
func TestStateFlagRefusesBadStates(t *testing.T) {
	dir := t.TempDir()
	bad := seedState()
	bad.Clusters[0].State = "sleeping"
	b, _ := json.Marshal(bad)
	files := map[string]string{"broken.json": `{"clusters": [`, "refused.json": string(b)}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ file, want string }{
		{"missing.json", "no such file"},
		{"broken.json", "unexpected end of JSON"},
		{"refused.json", fake.RuleStateKnown},
	} {
		err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", filepath.Join(dir, tt.file)}, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("-state %s: %v, want an error saying %q", tt.file, err, tt.want)
		}
	}
}
