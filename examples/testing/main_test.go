package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

// TestRunOnTheFake tells the story on the embedded fake and checks that
// every step is reported, in order.
func TestRunOnTheFake(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	steps := []string{
		"setting up the fleet on the fake:",
		"prod-a", "running", "pool web: none",
		"prod-b", "running", "pool web: 1 node(s)",
		"prod-c", "failed", "pool web: none",
		"dev", "tagged false",
		"throttles the first CreateClusterNodePool and the first ScaleClusterNodePool",
		"run 1 (", "minutes on the fake's clock):",
		"(prod-a): created pool np", "with 3 nodes",
		"(prod-b): scaled pool np", "from 1 to 3 nodes",
		"(prod-c): cluster is failed: left alone, needs a human",
		"1 of 3 clusters need a human",
		"run 2 (0 minutes on the fake's clock):",
		"(prod-a): kept pool np", "at 3 nodes",
		"(prod-b): kept pool np", "at 3 nodes",
		"(prod-c): cluster is failed",
		"the SDK retried 2 throttled calls; the tool saw none of them",
	}
	rest := got
	for _, step := range steps {
		i := strings.Index(rest, step)
		if i < 0 {
			t.Fatalf("output lacks %q after the steps before it:\n%s", step, got)
		}
		rest = rest[i+len(step):]
	}
	if strings.Contains(got, "(dev)") {
		t.Errorf("the cluster outside the fleet is in a report:\n%s", got)
	}
}

// TestRunFlags checks the command line: -min-nodes changes the policy,
// -h prints the usage, and stray arguments are refused.
func TestRunFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string
		wantErr error
	}{
		{"a larger minimum", []string{"-min-nodes", "4"}, "from 1 to 4 nodes", nil},
		{"help", []string{"-h"}, "-min-nodes", flag.ErrHelp},
		{"a stray argument", []string{"extra"}, "", errors.New(`unexpected arguments ["extra"]`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("run: %v", err)
			case tt.wantErr != nil && (err == nil || (!errors.Is(err, tt.wantErr) && err.Error() != tt.wantErr.Error())):
				t.Fatalf("run: %v; want %v", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out.String())
			}
		})
	}
}
