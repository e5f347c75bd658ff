package fake

import (
	"time"

	"github.com/ackgo/ack/internal/wire"
	"github.com/ackgo/ack/version"
)

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
