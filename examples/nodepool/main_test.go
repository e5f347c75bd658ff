package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRunOnTheFake tells the story on the embedded fake and checks that
// every step is reported, in order.
func TestRunOnTheFake(t *testing.T) {
	got := runStory(t)
	steps := []string{
		"creating a managed cluster",
		"is running",
		`creating node pool "web" with a desired size of 2`,
		`"web" is active, desired size 2, 2 nodes:`,
		"out to 5 nodes (ScaleClusterNodePool adds 3)",
		`"web" is active, desired size 5, 5 nodes:`,
		"in to 3 nodes: the client lowers the desired size (ModifyClusterNodePool)",
		"ACK, not the SDK, chooses which nodes go",
		"removed [",
		`"web" is active, desired size 3, 3 nodes:`,
		`creating node pool "burst", autoscaled between 1 and 8 nodes`,
		`"burst" is active, autoscaled 1 to 8, 1 node:`,
		"scaling it by hand is refused before any call: ",
		"the node pool is sized by its autoscaler",
		"demand 3 nodes: the autoscaler added [",
		"the pool has 3 nodes",
		"demand 5 nodes: the autoscaler added [",
		`"burst" is active, autoscaled 1 to 8, 5 nodes:`,
		"removes only nodes a scale-out added, newest first",
		"nodepool.ChooseScaleIn predicts [",
		"demand 2 nodes: the autoscaler removed [",
		"as predicted",
		"lowering the autoscaler's minimum to 0 (Modify)",
		"demand 0 nodes: the autoscaler removed [",
		"the pool has 1 node",
		"the node created with the pool stays",
		`"burst" is active, autoscaled 0 to 8, 1 node:`,
		"initial",
		"by hand, drained first: RemoveNodes takes any node, whatever its origin",
		"is active with 2 nodes, desired size 2",
		"is not a node of the pool: invalid request",
	}
	rest := got
	for _, step := range steps {
		i := strings.Index(rest, step)
		if i < 0 {
			t.Fatalf("output lacks %q after the steps before it:\n%s", step, got)
		}
		rest = rest[i+len(step):]
	}
}

// node is one line of a pool's listing in the output.
type node struct {
	origin  string
	created time.Duration
}

var (
	nodeLine = regexp.MustCompile(`^ +(i-[0-9a-f]+) +(initial|scale-out|attached) +created at (\S+)$`)
	idList   = regexp.MustCompile(`i-[0-9a-f]+`)
)

// listing reads the node lines that follow the first line of out
// containing header, up to the first line that lists no node.
func listing(t *testing.T, out, header string) map[string]node {
	t.Helper()
	i := strings.Index(out, header)
	if i < 0 {
		t.Fatalf("output lacks %q:\n%s", header, out)
	}
	lines := strings.Split(out[i+len(header):], "\n")[1:]
	nodes := map[string]node{}
	for _, line := range lines {
		m := nodeLine.FindStringSubmatch(line)
		if m == nil {
			break
		}
		d, err := time.ParseDuration(m[3])
		if err != nil {
			t.Fatalf("node %s: creation time %q: %v", m[1], m[3], err)
		}
		nodes[m[1]] = node{origin: m[2], created: d}
	}
	return nodes
}

// ids reads the instance IDs of the first line of out containing prefix.
func ids(t *testing.T, out, prefix string) []string {
	t.Helper()
	i := strings.Index(out, prefix)
	if i < 0 {
		t.Fatalf("output lacks %q:\n%s", prefix, out)
	}
	line, _, _ := strings.Cut(out[i+len(prefix):], "\n")
	line, _, _ = strings.Cut(line, "]")
	return idList.FindAllString(line, -1)
}

// TestScaleInRuleIsVisible checks what the story shows of the product
// description's scale-in rule: the nodes the autoscaler removes are the
// ones predicted, all added by scale-outs, newest first, and the node
// created with the pool stays to the end. The scale-in by desired size
// removes only nodes the pool had.
func TestScaleInRuleIsVisible(t *testing.T) {
	out := runStory(t)

	before := listing(t, out, `"burst" is active, autoscaled 1 to 8, 5 nodes:`)
	if len(before) != 5 {
		t.Fatalf("the burst pool lists %d nodes before the scale-in, want 5:\n%s", len(before), out)
	}
	predicted := ids(t, out, "nodepool.ChooseScaleIn predicts [")
	removed := ids(t, out, "demand 2 nodes: the autoscaler removed [")
	if len(predicted) != 3 || !sameSet(predicted, removed) {
		t.Fatalf("predicted %v, removed %v; want the same 3 nodes", predicted, removed)
	}
	for i, id := range predicted {
		n, ok := before[id]
		if !ok || n.origin != "scale-out" {
			t.Errorf("predicted node %s is %+v in the listing; want a scale-out node", id, n)
		}
		if i > 0 && before[predicted[i-1]].created < n.created {
			t.Errorf("predicted %v is not newest first: %s was created after %s", predicted, id, predicted[i-1])
		}
	}

	after := listing(t, out, `"burst" is active, autoscaled 0 to 8, 1 node:`)
	var initial []string
	for id, n := range before {
		if n.origin == "initial" {
			initial = append(initial, id)
		}
	}
	if len(after) != 1 || len(initial) != 1 || after[initial[0]].origin != "initial" {
		t.Errorf("the burst pool ends with %v; want only its initial node %v", after, initial)
	}

	five := listing(t, out, `"web" is active, desired size 5, 5 nodes:`)
	for _, id := range ids(t, out, "removed [") {
		if _, ok := five[id]; !ok {
			t.Errorf("the scale-in of web removed %s, which was not one of its nodes %v", id, five)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func runStory(t *testing.T) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return out.String()
}

// TestRunRefuses checks the arguments refused before anything is created.
func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-frobnicate"}, "flag provided but not defined"},
		{"stray argument", []string{"now"}, "unexpected arguments"},
		{"malformed vSwitch", []string{"-vswitch", "vsw-..."}, "cluster.network.vswitch_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v; want an error containing %q", tt.args, err, tt.want)
			}
			if strings.Contains(out.String(), "is running") {
				t.Errorf("run(%q) created a cluster:\n%s", tt.args, out.String())
			}
		})
	}
	if err := run(context.Background(), []string{"-h"}, &bytes.Buffer{}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(-h) = %v; want flag.ErrHelp", err)
	}
}
