package nodepool

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStates(t *testing.T) {
	type kinds struct{ Known, Stable, InProgress, Failed bool }
	want := map[State]kinds{
		StateInitial:   {Known: true, InProgress: true},
		StateActive:    {Known: true, Stable: true},
		StateScaling:   {Known: true, InProgress: true},
		StateRemoving:  {Known: true, InProgress: true},
		StateUpdating:  {Known: true, InProgress: true},
		StateUpgrading: {Known: true, InProgress: true},
		StateRepairing: {Known: true, InProgress: true},
		StateDeleting:  {Known: true, InProgress: true},
		StateFailed:    {Known: true, Stable: true, Failed: true},
		"deleted":      {},
		"Active":       {},
		"":             {},
	}
	for s, w := range want {
		got := kinds{s.Known(), s.Stable(), s.InProgress(), s.Failed()}
		if s.Active() != (s == StateActive) {
			t.Errorf("state %q: Active() = %v", s, s.Active())
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("state %q (-want +got):\n%s", s, diff)
		}
	}
	for _, s := range States() {
		if _, ok := want[s]; !ok {
			t.Errorf("States lists %q, which this test does not judge", s)
		}
	}
	if got := len(States()); got != 9 {
		t.Errorf("States() has %d states, want the API reference's 9", got)
	}
}

func TestWithDefaults(t *testing.T) {
	s := Spec{
		Name:         "p",
		ChargeType:   PrePaid,
		Subscription: Subscription{Period: 1},
		DataDisks:    []Disk{{SizeGiB: 100}},
		Taints:       []Taint{{Key: "a"}, {Key: "b", Effect: NoExecute}},
	}
	want := Spec{
		Name:         "p",
		ChargeType:   PrePaid,
		Subscription: Subscription{Period: 1, Unit: Month},
		SystemDisk:   Disk{Category: DiskEfficiency},
		DataDisks:    []Disk{{Category: DiskEfficiency, SizeGiB: 100}},
		Taints:       []Taint{{Key: "a", Effect: NoSchedule}, {Key: "b", Effect: NoExecute}},
		Runtime:      Containerd,
		CPUPolicy:    CPUPolicyNone,
		AutoScaling:  AutoScaling{Type: ScaleCPU},
	}
	got := s.WithDefaults()
	if diff := cmp.Diff(want, got, specOpts); diff != "" {
		t.Errorf("WithDefaults (-want +got):\n%s", diff)
	}
	got.Taints[0].Key = "changed"
	got.DataDisks[0].SizeGiB = 1
	if s.Taints[0].Key != "a" || s.DataDisks[0].SizeGiB != 100 {
		t.Error("WithDefaults shares slices with its receiver")
	}
	if diff := cmp.Diff(Spec{}.WithDefaults().ChargeType, PostPaid); diff != "" {
		t.Errorf("default charge type (-got +want):\n%s", diff)
	}
	if got := (Spec{}).WithDefaults().Subscription; !got.IsZero() {
		t.Errorf("a PostPaid pool got a subscription: %+v", got)
	}
}
