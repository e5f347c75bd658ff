package nodepool

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
)

func TestCheckChange(t *testing.T) {
	cases := []struct {
		name string
		old  func(*Spec)
		new  func(*Spec)
		want []ruleField
	}{
		{name: "mutable fields change freely", new: func(s *Spec) {
			s.Name = "renamed"
			s.DesiredSize = 10
			s.VSwitchIDs = []string{"vsw-other"}
			s.InstanceTypes = []string{"ecs.g8i.2xlarge"}
			s.Labels = nil
			s.Taints = nil
			s.SystemDisk.SizeGiB = 200
			s.Password = ack.Secret{}
			s.KeyPair = "ops"
			s.Management = Management{}
			s.CPUPolicy = CPUPolicyNone
		}},
		{name: "auto scaling switched on", new: func(s *Spec) { setAutoScaling(s, 1, 10); s.AutoScaling.Type = ScaleCPU }},
		{name: "auto scaling type changed", old: func(s *Spec) { s.AutoScaling.Type = ScaleGPU },
			new:  func(s *Spec) { s.AutoScaling.Type = ScaleSpot },
			want: []ruleField{{"nodepool.immutable.auto_scaling_type", "auto_scaling.type"}}},
		{name: "default type is cpu", old: func(s *Spec) { s.AutoScaling.Type = "" },
			new:  func(s *Spec) { s.AutoScaling.Type = ScaleGPUShare },
			want: []ruleField{{"nodepool.immutable.auto_scaling_type", "auto_scaling.type"}}},
		{name: "cpu written out equals the default", old: func(s *Spec) { s.AutoScaling.Type = "" },
			new: func(s *Spec) { s.AutoScaling.Type = ScaleCPU }},
		{name: "empty type keeps the pool's", old: func(s *Spec) { s.AutoScaling.Type = ScaleGPU },
			new: func(s *Spec) { s.AutoScaling.Type = "" }},
		{name: "max pods changed", new: func(s *Spec) { s.MaxPods = 128 },
			want: []ruleField{{"nodepool.immutable.max_pods", "node_config.kubelet_configuration.maxPods"}}},
		{name: "max pods set after ACK chose", old: func(s *Spec) { s.MaxPods = 0 }, new: func(s *Spec) { s.MaxPods = 64 },
			want: []ruleField{{"nodepool.immutable.max_pods", "node_config.kubelet_configuration.maxPods"}}},
		{name: "zero max pods keeps the pool's", new: func(s *Spec) { s.MaxPods = 0 }},
		{name: "runtime changed", new: func(s *Spec) { s.Runtime = Docker },
			want: []ruleField{{"nodepool.immutable.runtime", "kubernetes_config.runtime"}}},
		{name: "runtime version changed", old: func(s *Spec) { s.RuntimeVersion = "1.6.28" }, new: func(s *Spec) { s.RuntimeVersion = "1.6.36" },
			want: []ruleField{{"nodepool.immutable.runtime", "kubernetes_config.runtime"}}},
		{name: "default runtime written out", old: func(s *Spec) { s.Runtime = "" }, new: func(s *Spec) { s.Runtime = Containerd }},
		{name: "empty runtime keeps the pool's", old: func(s *Spec) { s.Runtime = Docker; s.RuntimeVersion = "19.03.15" },
			new: func(s *Spec) { s.Runtime = ""; s.RuntimeVersion = "" }},
		{name: "everything fixed changed", old: func(s *Spec) { s.AutoScaling.Type = ScaleSpot },
			new: func(s *Spec) {
				s.AutoScaling.Type = ScaleCPU
				s.MaxPods = 32
				s.Runtime = SandboxedContainer
			},
			want: []ruleField{
				{"nodepool.immutable.auto_scaling_type", "auto_scaling.type"},
				{"nodepool.immutable.max_pods", "node_config.kubelet_configuration.maxPods"},
				{"nodepool.immutable.runtime", "kubernetes_config.runtime"},
			}},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, new := validSpec(), validSpec()
			if c.old != nil {
				c.old(&old)
			}
			if c.new != nil {
				c.new(&new)
			}
			err := CheckChange(old, new)
			if diff := cmp.Diff(c.want, ruleFields(err)); diff != "" {
				t.Errorf("CheckChange (-want +got):\n%s", diff)
			}
			if err != nil && !errors.Is(err, ack.ErrInvalid) {
				t.Errorf("errors.Is(%v, ack.ErrInvalid) = false", err)
			}
		})
		for _, w := range c.want {
			covered[w.Rule] = true
		}
	}
	for _, r := range ChangeRules() {
		if !covered[r.ID] {
			t.Errorf("change rule %s has no test case", r.ID)
		}
	}
}
