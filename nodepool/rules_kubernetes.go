package nodepool

import (
	"fmt"

	"github.com/ackgo/ack/quota"
)

// Rules about how the nodes join Kubernetes: labels, taints, runtime,
// kubelet settings.

func checkLabelKeys(s Spec, r report) {
	for i, l := range s.Labels {
		if p := keyProblem(l.Key); p != "" {
			r(at(fieldLabels, i)+".key", "%s", p)
		}
	}
}

func checkLabelValues(s Spec, r report) {
	for i, l := range s.Labels {
		if p := labelValueProblem(l.Value); p != "" {
			r(at(fieldLabels, i)+".value", "%s", p)
		}
	}
}

func checkLabelsUnique(s Spec, r report) {
	first := map[string]int{}
	for i, l := range s.Labels {
		if j, ok := first[l.Key]; ok {
			r(at(fieldLabels, i)+".key", "repeats label %q of %s", l.Key, at(fieldLabels, j))
			continue
		}
		first[l.Key] = i
	}
}

func checkTaintKeys(s Spec, r report) {
	for i, t := range s.Taints {
		if p := keyProblem(t.Key); p != "" {
			r(at(fieldTaints, i)+".key", "%s", p)
		}
	}
}

func checkTaintValues(s Spec, r report) {
	for i, t := range s.Taints {
		if p := labelValueProblem(t.Value); p != "" {
			r(at(fieldTaints, i)+".value", "%s", p)
		}
	}
}

func checkTaintEffects(s Spec, r report) {
	for i, t := range s.Taints {
		switch t.Effect {
		case "", NoSchedule, NoExecute, PreferNoSchedule:
		default:
			r(at(fieldTaints, i)+".effect", "is %q; a taint's effect is NoSchedule, NoExecute or PreferNoSchedule", t.Effect)
		}
	}
}

func checkTaintsUnique(s Spec, r report) {
	type keyEffect struct {
		key    string
		effect TaintEffect
	}
	first := map[keyEffect]int{}
	for i, t := range s.Taints {
		k := keyEffect{t.Key, t.Effect.effective()}
		if j, ok := first[k]; ok {
			r(at(fieldTaints, i), "repeats taint %s:%s of %s", t.Key, k.effect, at(fieldTaints, j))
			continue
		}
		first[k] = i
	}
}

// keyProblem says what is wrong with a label or taint key, or returns "".
func keyProblem(key string) string {
	if key == "" {
		return "is empty"
	}
	if p := qualifiedNameProblem(key); p != "" {
		return fmt.Sprintf("is %q, which %s", key, p)
	}
	return ""
}

func checkRuntime(s Spec, r report) {
	switch s.Runtime {
	case "", Containerd, Docker, SandboxedContainer:
	default:
		r(fieldRuntime, "is %q; the runtime is containerd, docker or Sandboxed-Container.runv", s.Runtime)
	}
}

func checkCPUPolicy(s Spec, r report) {
	switch s.CPUPolicy {
	case "", CPUPolicyNone, CPUPolicyStatic:
	default:
		r(fieldCPUPolicy, "is %q; the CPU policy is none or static", s.CPUPolicy)
	}
}

// maxPodsDescription describes rule "nodepool.max_pods.range".
func maxPodsDescription() string {
	return fmt.Sprintf("max pods per node is 1 to %d (zero lets ACK choose)", quota.MaxPodsPerNode)
}

func checkMaxPods(s Spec, r report) {
	if n := s.MaxPods; n < 0 || n > quota.MaxPodsPerNode {
		r(fieldMaxPods, "is %d; a node runs 1 to %d pods, a limit no ticket raises", n, quota.MaxPodsPerNode)
	}
}
