package fake

import (
	"time"

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
	q, err := wire.ParseVersionMetadataQuery(r.http.URL.Query())
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

// versionMetadata renders one catalog entry in ACK's shape.
func versionMetadata(e version.CatalogEntry, upgradable bool) wire.VersionMetadata {
	m := wire.VersionMetadata{
		Version:        e.Version.String(),
		ReleaseDate:    date(e.Released),
		ExpirationDate: date(e.Expires),
		Creatable:      e.Creatable,
		Capabilities:   map[string]any{"AnyAZ": true, "ChargeType": "PostPaid"},
		MetaData:       wire.MetaData{"KubernetesVersion": e.Version.String(), "SubClass": "default", "ServiceCIDR": ""},
		Runtimes:       []wire.Runtime{{Name: "containerd"}},
		Images: []wire.VersionImage{
			{ImageID: "aliyun_3_x64_20G_alibase_fake.vhd", ImageName: "Alibaba Cloud Linux 3", Platform: "AliyunLinux",
				ImageType: "AliyunLinux3", OSType: "Linux", ImageCategory: "system", Architecture: "x86_64"},
			{ImageID: "aliyun_3_arm64_20G_alibase_fake.vhd", ImageName: "Alibaba Cloud Linux 3 ARM", Platform: "AliyunLinux",
				ImageType: "AliyunLinux3Arm64", OSType: "Linux", ImageCategory: "system", Architecture: "arm64"},
		},
	}
	if upgradable {
		m.UpgradableVersions = []string{}
		for _, u := range e.UpgradableTo {
			m.UpgradableVersions = append(m.UpgradableVersions, u.String())
		}
	}
	return m
}

// date formats a day as the API's RFC 3339 dates; "" for none.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
