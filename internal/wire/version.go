package wire

import (
	"net/url"
)

// VersionMetadata is one entry of DescribeKubernetesVersionMetadata, whose
// answer is a bare JSON array of them (see DecodeVersionMetadata). Here
// MetaData is a JSON object, not a string as in a cluster detail.
type VersionMetadata struct {
	Version            string         `json:"version"`
	ReleaseDate        string         `json:"release_date,omitempty"`
	ExpirationDate     string         `json:"expiration_date,omitempty"`
	Creatable          bool           `json:"creatable"`
	UpgradableVersions []string       `json:"upgradable_versions,omitempty"`
	Capabilities       map[string]any `json:"capabilities,omitempty"`
	MetaData           MetaData       `json:"meta_data,omitempty"`
	Runtimes           []Runtime      `json:"runtimes,omitempty"`
	Images             []VersionImage `json:"images,omitempty"`
}

// VersionImage is an OS image that a Kubernetes version supports.
type VersionImage struct {
	ImageID       string `json:"image_id"`
	ImageName     string `json:"image_name,omitempty"`
	Platform      string `json:"platform,omitempty"`
	OSVersion     string `json:"os_version,omitempty"`
	ImageType     string `json:"image_type,omitempty"`
	OSType        string `json:"os_type,omitempty"`
	ImageCategory string `json:"image_category,omitempty"`
	Architecture  string `json:"architecture,omitempty"`
}

// VersionMetadataQuery is the query of DescribeKubernetesVersionMetadata.
// Region and ClusterType are required. Mode is "supported" or "creatable"
// (ACK's default); QueryUpgradableVersion needs KubernetesVersion.
type VersionMetadataQuery struct {
	Region                 string
	ClusterType            string
	KubernetesVersion      string
	Profile                string
	Runtime                string
	Mode                   string
	QueryUpgradableVersion bool
}

// Query encodes the query.
func (r VersionMetadataQuery) Query() url.Values {
	q := url.Values{}
	setString(q, "Region", r.Region)
	setString(q, "ClusterType", r.ClusterType)
	setString(q, "KubernetesVersion", r.KubernetesVersion)
	setString(q, "Profile", r.Profile)
	setString(q, "runtime", r.Runtime)
	setString(q, "Mode", r.Mode)
	setTrue(q, "QueryUpgradableVersion", r.QueryUpgradableVersion)
	return q
}

// ParseVersionMetadataQuery reads the query of
// DescribeKubernetesVersionMetadata.
func ParseVersionMetadataQuery(q url.Values) (VersionMetadataQuery, error) {
	r := VersionMetadataQuery{
		Region:            q.Get("Region"),
		ClusterType:       q.Get("ClusterType"),
		KubernetesVersion: q.Get("KubernetesVersion"),
		Profile:           q.Get("Profile"),
		Runtime:           q.Get("runtime"),
		Mode:              q.Get("Mode"),
	}
	up, err := getTrue(q, "QueryUpgradableVersion")
	if err != nil {
		return VersionMetadataQuery{}, err
	}
	r.QueryUpgradableVersion = up
	return r, nil
}

// UpgradeClusterRequest is the body of UpgradeCluster
// (POST /api/v2/clusters/{ClusterId}/upgrade). NextVersion is the target;
// Version and ComponentName are the deprecated form.
type UpgradeClusterRequest struct {
	NextVersion   string                `json:"next_version,omitempty"`
	MasterOnly    bool                  `json:"master_only,omitempty"`
	Version       string                `json:"version,omitempty"`
	ComponentName string                `json:"component_name,omitempty"`
	RollingPolicy *ClusterRollingPolicy `json:"rolling_policy,omitempty"`
}

// ClusterRollingPolicy is the deprecated node pacing of UpgradeCluster.
type ClusterRollingPolicy struct {
	MaxParallelism int64 `json:"max_parallelism,omitempty"`
}

// UpgradeStatus is the answer of GetUpgradeStatus. Status is running,
// success, fail or pause; UpgradeStep is not_start, prechecking,
// upgrading, pause or success.
type UpgradeStatus struct {
	Status           string             `json:"status"`
	UpgradeStep      string             `json:"upgrade_step,omitempty"`
	ErrorMessage     string             `json:"error_message,omitempty"`
	PrecheckReportID string             `json:"precheck_report_id,omitempty"`
	UpgradeTask      *UpgradeTaskStatus `json:"upgrade_task,omitempty"`
}

// UpgradeTaskStatus is the upgrade task inside UpgradeStatus. Its Status
// is capitalised: running, Success, Failed.
type UpgradeTaskStatus struct {
	Status  string `json:"status,omitempty"`
	Message string `json:"message,omitempty"`
}
