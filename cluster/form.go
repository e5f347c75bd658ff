package cluster

import (
	"fmt"

	"github.com/ackgo/ack/internal/wire"
)

// Form is the kind of cluster: who runs the control plane and how it is
// billed (product description, cluster forms). The zero Form is not a
// form; Validate reports it under rule "cluster.form.known".
type Form int

// The cluster forms.
const (
	// Dedicated clusters run their control plane on the user's own ECS
	// masters (3 or 5) and are created with cluster_type "Kubernetes".
	Dedicated Form = iota + 1
	// ManagedBasic clusters have a control plane hosted by Alibaba Cloud,
	// without a service fee (cluster_type "ManagedKubernetes", cluster_spec
	// "ack.standard" or empty).
	ManagedBasic
	// ManagedPro clusters have a hosted control plane with an SLA and a
	// management fee (cluster_type "ManagedKubernetes", cluster_spec
	// "ack.pro.small").
	ManagedPro
	// Serverless clusters have no nodes: pods run on elastic container
	// instances (cluster_type "ManagedKubernetes", profile "Serverless";
	// the legacy cluster_type "Ask" decodes to it).
	Serverless
)

// Wire values of the form selection fields of CreateCluster and of cluster
// details (API reference, cluster form selection).
const (
	// ClusterTypeDedicated is the cluster_type of dedicated clusters.
	ClusterTypeDedicated = "Kubernetes"
	// ClusterTypeManaged is the cluster_type of managed and serverless
	// clusters.
	ClusterTypeManaged = "ManagedKubernetes"
	// ClusterTypeAsk is the legacy cluster_type of serverless clusters; it
	// is read, never written.
	ClusterTypeAsk = "Ask"
	// ProfileDefault is the profile of managed clusters; an empty profile
	// means the same.
	ProfileDefault = "Default"
	// ProfileServerless is the profile of serverless clusters.
	ProfileServerless = "Serverless"
	// SpecStandard is the cluster_spec of managed Basic clusters; an empty
	// cluster_spec means the same.
	SpecStandard = "ack.standard"
	// SpecPro is the cluster_spec of managed Pro clusters.
	SpecPro = "ack.pro.small"
)

// String returns the form's name, for example "ManagedPro".
func (f Form) String() string {
	switch f {
	case Dedicated:
		return "Dedicated"
	case ManagedBasic:
		return "ManagedBasic"
	case ManagedPro:
		return "ManagedPro"
	case Serverless:
		return "Serverless"
	}
	return fmt.Sprintf("Form(%d)", int(f))
}

// Known reports whether f is one of the four forms.
func (f Form) Known() bool { return f >= Dedicated && f <= Serverless }

// Managed reports whether Alibaba Cloud runs the control plane on ECS
// nodes of its own while the user runs workers: ManagedBasic and
// ManagedPro.
func (f Form) Managed() bool { return f == ManagedBasic || f == ManagedPro }

// HasNodes reports whether clusters of the form run ECS nodes, and so need
// a network plugin and (in the product description) a NAT gateway:
// Dedicated, ManagedBasic and ManagedPro.
func (f Form) HasNodes() bool { return f == Dedicated || f.Managed() }

// Wire returns the form's CreateCluster encoding. Managed clusters get an
// explicit cluster_spec and no profile; serverless clusters get the
// profile and no cluster_spec. An unknown form encodes as three empty
// strings, which FormOf refuses.
func (f Form) Wire() (clusterType, profile, clusterSpec string) {
	switch f {
	case Dedicated:
		return ClusterTypeDedicated, "", ""
	case ManagedBasic:
		return ClusterTypeManaged, "", SpecStandard
	case ManagedPro:
		return ClusterTypeManaged, "", SpecPro
	case Serverless:
		return ClusterTypeManaged, ProfileServerless, ""
	}
	return "", "", ""
}

// FormOf decodes the form selection fields of a request or a cluster
// detail. It accepts every spelling ACK accepts for the four forms (an
// empty or "Default" profile, an empty cluster_spec for Basic, either
// cluster_spec for serverless, the legacy cluster_type "Ask") and refuses
// the rest, including the forms this package does not model (Edge,
// Lingjun, registered clusters). The error matches ack.ErrInvalid.
func FormOf(clusterType, profile, clusterSpec string) (Form, error) {
	f := wire.ClassifyForm(clusterType, profile, clusterSpec)
	if f.Err != nil {
		return 0, f.Err
	}
	switch {
	case f.Family == wire.FormDedicated:
		return Dedicated, nil
	case f.Family == wire.FormServerless:
		return Serverless, nil
	case f.Pro:
		return ManagedPro, nil
	}
	return ManagedBasic, nil
}
