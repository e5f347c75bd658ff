package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestRunOnTheFake runs the story on the embedded fake and checks that
// every step is reported, in order: the fleet, the catalog after the clock
// moved, the plan by urgency with each path, the refused skip and the two
// hops with their progress.
func TestRunOnTheFake(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	steps := []string{
		"2025-06-01: building the fleet",
		"payments ", " on 1.30.7-aliyun.1",
		"web ", " on 1.32.1-aliyun.1",
		"2025-10-15: the clock moved forward",
		"1.30.7-aliyun.1 offline  support ends 2026-06-30",
		"1.32.1-aliyun.1 online   support ends 2026-01-31",
		"1.34.1-aliyun.1 online   support ends 2026-09-30",
		"ml ", " on 1.34.1-aliyun.1",
		"upgrade plan, most urgent first",
		"1.32.1-aliyun.1 online   loses support 2026-01-31  path 1.32.1-aliyun.1 -> 1.34.1-aliyun.1",
		"1.30.7-aliyun.1 offline  loses support 2026-06-30  path 1.30.7-aliyun.1 -> 1.32.1-aliyun.1 -> 1.34.1-aliyun.1",
		"ml ", "1.34.1-aliyun.1 online   loses support 2026-09-30  path up to date",
		"upgrading payments",
		"straight to 1.34.1-aliyun.1: refused: ", "[cluster.upgrade.skip]",
		"hop 1.30.7-aliyun.1 -> 1.32.1-aliyun.1",
		"task    prechecking", "task    upgrading", "task    success", "cluster running on 1.32.1-aliyun.1",
		"hop 1.32.1-aliyun.1 -> 1.34.1-aliyun.1",
		"task    prechecking", "task    upgrading", "task    success", "cluster running on 1.34.1-aliyun.1",
		"payments runs 1.34.1-aliyun.1",
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
