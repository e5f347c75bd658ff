package fake

import (
	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/version"
)

// describeVersionMetadata answers DescribeKubernetesVersionMetadata from
// the catalog of the fake's timeline at its clock: mode creatable (the
// default) lists the creatable versions, supported every supported one,
// and KubernetesVersion one version (then mode is ignored, as on ACK).
// QueryUpgradableVersion fills upgradable_versions. The runtimes and
// images are the fake's placeholders: containerd, and one Alibaba Cloud
// Linux 3 image per architecture.
func (c *Cloud) describeVersionMetadata(r *request) answer {
	q, err := wire.ParseVersionMetadataQuery(r.query)
	if err != nil {
		return fail(NewError(InvalidParameter, "%v", err))
	}
	switch {
	case q.Region == "":
		return fail(NewError(InvalidParameter, "Region is required"))
	case q.ClusterType == "":
		return fail(NewError(InvalidParameter, "ClusterType is required"))
	case q.Mode != "" && q.Mode != string(version.ModeCreatable) && q.Mode != string(version.ModeSupported):
		return fail(NewError(InvalidParameter, "Mode %q: want creatable or supported", q.Mode))
	}
	var only *version.Version
	if q.KubernetesVersion != "" {
		v, err := version.Parse(q.KubernetesVersion)
		if err != nil {
			return fail(NewError(InvalidParameter, "KubernetesVersion: %v", err))
		}
		only = &v
	}
	cat := c.catalogAt(c.Now())
	out := []wire.VersionMetadata{}
	for _, e := range cat.Entries {
		switch {
		case only != nil && e.Version.Compare(*only) != 0:
			continue
		case only == nil && q.Mode != string(version.ModeSupported) && !e.Creatable:
			continue
		}
		out = append(out, versionMetadata(e, q.QueryUpgradableVersion))
	}
	return ok(out)
}
