package wire

import (
	"encoding/json"
	"fmt"
)

// ClusterDetail is a cluster as DescribeClusterDetail returns it; the items
// of DescribeClustersV1 and of the legacy DescribeClusters list have the
// same shape with fewer fields. Note vpc_id here against vpcid in
// CreateCluster.
//
// MasterURL and MetaData are JSON documents encoded as strings on the
// wire; read them with DecodeMasterURL and DecodeMetaData, write them with
// SetMasterURL and SetMetaData.
type ClusterDetail struct {
	ClusterID                   string                       `json:"cluster_id"`
	Name                        string                       `json:"name"`
	RegionID                    string                       `json:"region_id,omitempty"`
	ZoneID                      string                       `json:"zone_id,omitempty"`
	ClusterType                 string                       `json:"cluster_type,omitempty"`
	Profile                     string                       `json:"profile,omitempty"`
	ClusterSpec                 string                       `json:"cluster_spec,omitempty"`
	State                       string                       `json:"state"`
	Size                        int64                        `json:"size"`
	CurrentVersion              string                       `json:"current_version,omitempty"`
	InitVersion                 string                       `json:"init_version,omitempty"`
	NextVersion                 string                       `json:"next_version,omitempty"`
	VPCID                       string                       `json:"vpc_id,omitempty"`
	VSwitchIDs                  []string                     `json:"vswitch_ids,omitempty"`
	VSwitchID                   string                       `json:"vswitch_id,omitempty"`
	SecurityGroupID             string                       `json:"security_group_id,omitempty"`
	ResourceGroupID             string                       `json:"resource_group_id,omitempty"`
	WorkerRAMRoleName           string                       `json:"worker_ram_role_name,omitempty"`
	ContainerCIDR               string                       `json:"container_cidr,omitempty"`
	ServiceCIDR                 string                       `json:"service_cidr,omitempty"`
	NodeCIDRMask                string                       `json:"node_cidr_mask,omitempty"`
	SubnetCIDR                  string                       `json:"subnet_cidr,omitempty"`
	ProxyMode                   string                       `json:"proxy_mode,omitempty"`
	IPStack                     string                       `json:"ip_stack,omitempty"`
	Timezone                    string                       `json:"timezone,omitempty"`
	ClusterDomain               string                       `json:"cluster_domain,omitempty"`
	DeletionProtection          bool                         `json:"deletion_protection"`
	Created                     string                       `json:"created,omitempty"`
	Updated                     string                       `json:"updated,omitempty"`
	Tags                        []Tag                        `json:"tags,omitempty"`
	MasterURL                   string                       `json:"master_url,omitempty"`
	MetaData                    string                       `json:"meta_data,omitempty"`
	Parameters                  map[string]string            `json:"parameters,omitempty"`
	MaintenanceWindow           *MaintenanceWindow           `json:"maintenance_window,omitempty"`
	OperationPolicy             *OperationPolicy             `json:"operation_policy,omitempty"`
	ControlPlaneConfig          *ControlPlaneConfig          `json:"control_plane_config,omitempty"`
	ControlPlaneEndpointsConfig *ControlPlaneEndpointsConfig `json:"control_plane_endpoints_config,omitempty"`
	RRSAConfig                  *RRSAConfig                  `json:"rrsa_config,omitempty"`
	AutoMode                    *AutoMode                    `json:"auto_mode,omitempty"`
	ExtraSANs                   []string                     `json:"extra_sans,omitempty"`
	DockerVersion               string                       `json:"docker_version,omitempty"`
	ExternalLoadbalancerID      string                       `json:"external_loadbalancer_id,omitempty"`
	NetworkMode                 string                       `json:"network_mode,omitempty"`
	PrivateZone                 *bool                        `json:"private_zone,omitempty"`
}

// MasterURL is the decoded master_url of a cluster: its API server
// endpoints. Both keys are always present; an endpoint that does not exist
// is empty.
type MasterURL struct {
	APIServerEndpoint         string `json:"api_server_endpoint"`
	IntranetAPIServerEndpoint string `json:"intranet_api_server_endpoint"`
}

// Encode returns the JSON-encoded string that goes into master_url.
func (m MasterURL) Encode() string {
	var buf [160]byte
	b := append(buf[:0], `{"api_server_endpoint":`...)
	b = AppendJSONString(b, m.APIServerEndpoint)
	b = append(b, `,"intranet_api_server_endpoint":`...)
	b = AppendJSONString(b, m.IntranetAPIServerEndpoint)
	return string(append(b, '}'))
}

// ParseMasterURL decodes a master_url string. An empty string (a cluster
// that has no endpoint yet) gives the zero MasterURL.
func ParseMasterURL(s string) (MasterURL, error) {
	var m MasterURL
	if s == "" {
		return m, nil
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return MasterURL{}, fmt.Errorf("cluster master_url: not a JSON object of endpoints: %w", err)
	}
	return m, nil
}

// MetaData is the decoded meta_data of a cluster, a free-form JSON object
// (keys such as KubernetesVersion, SubClass, MultiAZ, Addons). The same
// shape is an object, not a string, in version metadata.
type MetaData map[string]any

// Encode returns the JSON-encoded string that goes into meta_data.
func (m MetaData) Encode() (string, error) {
	b, err := json.Marshal(map[string]any(m))
	if err != nil {
		return "", fmt.Errorf("cluster meta_data: %w", err)
	}
	return string(b), nil
}

// String returns the string value of key, or "" when it is absent or not
// a string.
func (m MetaData) String(key string) string {
	s, _ := m[key].(string)
	return s
}

// Bool returns the boolean value of key, or false when it is absent or not
// a boolean.
func (m MetaData) Bool(key string) bool {
	b, _ := m[key].(bool)
	return b
}

// KubernetesVersion returns the KubernetesVersion key.
func (m MetaData) KubernetesVersion() string { return m.String("KubernetesVersion") }

// SubClass returns the SubClass key (for example "default").
func (m MetaData) SubClass() string { return m.String("SubClass") }

// MultiAZ returns the MultiAZ key.
func (m MetaData) MultiAZ() bool { return m.Bool("MultiAZ") }

// ParseMetaData decodes a meta_data string. An empty string gives nil.
func ParseMetaData(s string) (MetaData, error) {
	if s == "" {
		return nil, nil
	}
	var m MetaData
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("cluster meta_data: not a JSON object: %w", err)
	}
	return m, nil
}

// DecodeMasterURL decodes the cluster's master_url.
func (d *ClusterDetail) DecodeMasterURL() (MasterURL, error) {
	m, err := ParseMasterURL(d.MasterURL)
	if err != nil {
		return m, fmt.Errorf("cluster %s: %w", d.ClusterID, err)
	}
	return m, nil
}

// DecodeMetaData decodes the cluster's meta_data.
func (d *ClusterDetail) DecodeMetaData() (MetaData, error) {
	m, err := ParseMetaData(d.MetaData)
	if err != nil {
		return m, fmt.Errorf("cluster %s: %w", d.ClusterID, err)
	}
	return m, nil
}

// SetMasterURL encodes m into the cluster's master_url.
func (d *ClusterDetail) SetMasterURL(m MasterURL) { d.MasterURL = m.Encode() }

// SetMetaData encodes m into the cluster's meta_data.
func (d *ClusterDetail) SetMetaData(m MetaData) error {
	s, err := m.Encode()
	if err != nil {
		return fmt.Errorf("cluster %s: %w", d.ClusterID, err)
	}
	d.MetaData = s
	return nil
}

// DescribeClustersV1Response is one page of DescribeClustersV1.
type DescribeClustersV1Response struct {
	Clusters []ClusterDetail `json:"clusters"`
	PageInfo PageInfo        `json:"page_info"`
}

// MarshalJSON writes an empty page's clusters as [] rather than null, as
// ACK does.
func (r DescribeClustersV1Response) MarshalJSON() ([]byte, error) {
	type plain DescribeClustersV1Response
	if r.Clusters == nil {
		r.Clusters = []ClusterDetail{}
	}
	return json.Marshal(plain(r))
}
