package cluster

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/ackgo/ack/internal/wire"
)

// Cluster is a cluster as ACK reports it: its Spec (as far as a detail
// tells it, see specFromDetail), its state and what ACK adds. Get, List
// and a finished Operation return it.
type Cluster struct {
	// ID is the cluster ID.
	ID string
	// Spec describes the cluster; Spec.KubernetesVersion is its current
	// version. Spec.Tags include the client-token tag of a cluster made by
	// Create (see ClientTokenTag).
	Spec Spec
	// State is the lifecycle state.
	State State
	// Size is the number of nodes, masters included.
	Size int
	// Created and Updated are ACK's timestamps; zero when ACK sent none.
	Created, Updated time.Time
	// APIServerEndpoint is the API server's public endpoint, empty when it
	// has none; IntranetAPIServerEndpoint is the one inside the VPC.
	APIServerEndpoint, IntranetAPIServerEndpoint string
	// ClientToken is the value of the ClientTokenTag tag, empty when the
	// cluster has none.
	ClientToken string
	// RequestID identifies the call that read the cluster, for logs and
	// for Alibaba Cloud support.
	RequestID string
	// Raw is the cluster's JSON object as ACK sent it, for the fields this
	// package does not model.
	Raw json.RawMessage
}

// clusterFromDetail converts a decoded detail; raw is the object it was
// decoded from, which the Cluster keeps a copy of.
func clusterFromDetail(d *wire.ClusterDetail, raw []byte, requestID string) *Cluster {
	return clusterFromOwnedDetail(d, slices.Clone(raw), requestID)
}

// clusterFromOwnedDetail is clusterFromDetail for a raw object that no
// one else holds (an item of a decoded page), which the Cluster keeps.
func clusterFromOwnedDetail(d *wire.ClusterDetail, raw []byte, requestID string) *Cluster {
	u, uerr := d.DecodeMasterURL()
	c := &Cluster{
		ID:        d.ClusterID,
		Spec:      specFromDetailURL(d, u, uerr == nil),
		State:     State(d.State),
		Size:      int(d.Size),
		Created:   parseTime(d.Created),
		Updated:   parseTime(d.Updated),
		RequestID: requestID,
		Raw:       json.RawMessage(raw),
	}
	if uerr == nil {
		c.APIServerEndpoint, c.IntranetAPIServerEndpoint = u.APIServerEndpoint, u.IntranetAPIServerEndpoint
	}
	c.ClientToken = tagValue(c.Spec.Tags, ClientTokenTag)
	// The SDK's own tag is not one of the cluster's: ClientToken holds it.
	c.Spec.Tags = slices.DeleteFunc(c.Spec.Tags, func(t Tag) bool { return t.Key == ClientTokenTag })
	return c
}

// tagValue returns the value of the tag key, "" when absent.
func tagValue(tags []Tag, key string) string {
	for _, t := range tags {
		if t.Key == key {
			return t.Value
		}
	}
	return ""
}
