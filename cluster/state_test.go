package cluster_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/cluster"
)

func TestStateHelpers(t *testing.T) {
	type flags struct{ Known, Stable, InProgress, Failed, Gone bool }
	tests := map[cluster.State]flags{
		cluster.StateInitial:        {Known: true, InProgress: true},
		cluster.StateFailed:         {Known: true, Stable: true, Failed: true},
		cluster.StateRunning:        {Known: true, Stable: true},
		cluster.StateUpdating:       {Known: true, InProgress: true},
		cluster.StateUpdatingFailed: {Known: true, Stable: true, Failed: true},
		cluster.StateUpgrading:      {Known: true, InProgress: true},
		cluster.StateScaling:        {Known: true, InProgress: true},
		cluster.StateRemoving:       {Known: true, InProgress: true},
		cluster.StateDraining:       {Known: true, InProgress: true},
		cluster.StateMigrating:      {Known: true, InProgress: true},
		cluster.StateWaiting:        {Known: true, Stable: true},
		cluster.StateDisconnected:   {Known: true, Stable: true},
		cluster.StateInactive:       {Known: true, Stable: true},
		cluster.StateUnavailable:    {Known: true, Stable: true},
		cluster.StateStopped:        {Known: true, Stable: true},
		cluster.StateDeleting:       {Known: true, InProgress: true},
		cluster.StateDeleteFailed:   {Known: true, Stable: true, Failed: true},
		cluster.StateDeleted:        {Known: true, Gone: true},
		"":                          {},
		"Running":                   {},
		"hibernating":               {},
	}
	for s, want := range tests {
		got := flags{s.Known(), s.Stable(), s.InProgress(), s.Failed(), s.Gone()}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("state %q (-want +got):\n%s", s, diff)
		}
	}
	// Every state the package lists is in the table, and the wire values
	// are the API reference's.
	var wire []string
	for _, s := range cluster.States() {
		if _, ok := tests[s]; !ok {
			t.Errorf("state %q has no row", s)
		}
		wire = append(wire, s.String())
	}
	want := []string{"initial", "failed", "running", "updating", "updating_failed", "upgrading", "scaling",
		"removing", "draining", "migrating", "waiting", "disconnected", "inactive", "unavailable", "stopped",
		"deleting", "delete_failed", "deleted"}
	if diff := cmp.Diff(want, wire); diff != "" {
		t.Errorf("States() (-want +got):\n%s", diff)
	}
}
