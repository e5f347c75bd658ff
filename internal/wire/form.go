package wire

import (
	"fmt"

	"github.com/ackgo/ack"
)

// FormFamily is the broad form of a cluster that its cluster_type and
// profile say: who runs the control plane and whether there are nodes.
type FormFamily int

// The form families.
const (
	// FormOther is a cluster type the SDK does not model (a registered
	// cluster, for instance).
	FormOther FormFamily = iota
	// FormDedicated is cluster type Kubernetes: the user runs the masters.
	FormDedicated
	// FormManaged is cluster type ManagedKubernetes with a profile other
	// than Serverless.
	FormManaged
	// FormServerless is profile Serverless (or the legacy type Ask).
	FormServerless
)

// Form is a cluster's form as its cluster_type, profile and cluster_spec
// say it.
type Form struct {
	// Family is the broad form; it is set even when Err is not nil.
	Family FormFamily
	// Pro reports cluster_spec ack.pro.small.
	Pro bool
	// Err says why the three values are not a form the SDK models exactly
	// (an unknown profile or cluster_spec, an unsupported cluster_type);
	// it matches ack.ErrInvalid.
	Err error
}

// ClassifyForm reads a cluster's cluster_type, profile and cluster_spec,
// as CreateCluster takes them and the cluster calls report them. It is the
// one reading of these fields: the cluster package's forms and the quota
// package's kinds are both taken from it. Values match exactly, as ACK
// writes them (ACK's acceptance of other spellings is unknown, so none is
// read as a form); an empty profile is Default and an empty cluster_spec
// ack.standard.
func ClassifyForm(clusterType, profile, clusterSpec string) Form {
	ct, p, cs := clusterType, profile, clusterSpec
	is := func(a, b string) bool { return a == b }
	std := cs == "" || is(cs, "ack.standard")
	pro := is(cs, "ack.pro.small")
	specErr := func(f FormFamily) Form {
		if std || pro {
			return Form{Family: f, Pro: pro}
		}
		return Form{Family: f, Err: fmt.Errorf("cluster form: unknown cluster_spec %q: %w", clusterSpec, ack.ErrInvalid)}
	}
	profileErr := func(f FormFamily) Form {
		return Form{Family: f, Err: fmt.Errorf("cluster form: unsupported profile %q for cluster_type %q: %w", profile, clusterType, ack.ErrInvalid)}
	}
	switch {
	case is(ct, "Ask"):
		return Form{Family: FormServerless}
	case is(ct, "Kubernetes"):
		if p == "" || is(p, "Default") {
			return Form{Family: FormDedicated}
		}
		return profileErr(FormDedicated)
	case is(ct, "ManagedKubernetes"):
		switch {
		case p == "" || is(p, "Default"):
			return specErr(FormManaged)
		case is(p, "Serverless"):
			return specErr(FormServerless)
		}
		return profileErr(FormManaged)
	}
	return Form{Family: FormOther, Err: fmt.Errorf("cluster form: unsupported cluster_type %q: %w", clusterType, ack.ErrInvalid)}
}
