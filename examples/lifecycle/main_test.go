package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

// TestRunOnTheFake walks the lifecycle on the embedded fake and checks
// that every step is reported, in order, and that the kubeconfig is not.
func TestRunOnTheFake(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	steps := []string{
		`creating ManagedPro cluster "ackgo-lifecycle-demo" in cn-hangzhou`,
		"task    running",
		"task    success",
		"cluster running",
		"created c",
		"listing clusters",
		"ackgo-lifecycle-demo     ManagedPro   running",
		"kubeconfig: ",
		" bytes, expires 20",
		"modifying: deletion protection off",
		"deletion protection: false",
		"modifying: tag owner=platform",
		"{owner platform}",
		"trying a forbidden change: a new VPC",
		"refused: ",
		"[cluster.immutable.vpc]",
		"deleting c",
		"cluster deleted",
		"gone after ",
	}
	rest := got
	for _, step := range steps {
		i := strings.Index(rest, step)
		if i < 0 {
			t.Fatalf("output lacks %q after the steps before it:\n%s", step, got)
		}
		rest = rest[i+len(step):]
	}
	for _, secret := range []string{"apiVersion", "client-key-data", "BEGIN"} {
		if strings.Contains(got, secret) {
			t.Errorf("output reveals the kubeconfig (%q):\n%s", secret, got)
		}
	}
}

// TestRunRefuses checks the arguments refused before anything is created
// or any credential is looked up.
func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"real without -yes", []string{"-real", "-vpc", "vpc-1", "-vswitch", "vsw-1"}, "without -yes"},
		{"real without a VPC", []string{"-real", "-yes"}, "-vpc and -vswitch"},
		{"unknown flag", []string{"-frobnicate"}, "flag provided but not defined"},
		{"stray argument", []string{"now"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v; want an error containing %q", tt.args, err, tt.want)
			}
			if strings.Contains(out.String(), "creating") {
				t.Errorf("run(%q) started creating:\n%s", tt.args, out.String())
			}
		})
	}
	if err := run(context.Background(), []string{"-h"}, &bytes.Buffer{}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(-h) = %v; want flag.ErrHelp", err)
	}
}
