package wire

import "encoding/json"

// Nodepool is the body of CreateClusterNodePool
// (POST /clusters/{ClusterId}/nodepools) and an entry of CreateCluster's
// nodepools. NodePoolDetail extends it with what ACK reports.
//
// The maximum pods per node is NodeConfig.KubeletConfiguration.MaxPods;
// the current model has no top-level max_pods. The initial size is
// ScalingGroup.DesiredSize (Count is the deprecated form).
type Nodepool struct {
	NodepoolInfo       *NodepoolInfo       `json:"nodepool_info,omitempty"`
	ScalingGroup       *ScalingGroup       `json:"scaling_group,omitempty"`
	KubernetesConfig   *KubernetesConfig   `json:"kubernetes_config,omitempty"`
	AutoScaling        *AutoScaling        `json:"auto_scaling,omitempty"`
	Management         *Management         `json:"management,omitempty"`
	NodeConfig         *NodeConfig         `json:"node_config,omitempty"`
	TeeConfig          *TeeConfig          `json:"tee_config,omitempty"`
	NodeComponents     []NodeComponent     `json:"node_components,omitempty"`
	Count              int64               `json:"count,omitempty"`
	HostNetwork        *bool               `json:"host_network,omitempty"`
	Intranet           *bool               `json:"intranet,omitempty"`
	InterconnectMode   string              `json:"interconnect_mode,omitempty"`
	InterconnectConfig *InterconnectConfig `json:"interconnect_config,omitempty"`
	MaxNodes           int64               `json:"max_nodes,omitempty"`
	AutoMode           *AutoMode           `json:"auto_mode,omitempty"`
	EfloNodeGroup      *EfloNodeGroup      `json:"eflo_node_group,omitempty"`
}

// NodepoolInfo names a node pool. A request sets Name (required), Type
// (ess, edge or lingjun) and ResourceGroupID; ACK reports the rest.
type NodepoolInfo struct {
	Name            string `json:"name,omitempty"`
	Type            string `json:"type,omitempty"`
	ResourceGroupID string `json:"resource_group_id,omitempty"`
	NodepoolID      string `json:"nodepool_id,omitempty"`
	IsDefault       *bool  `json:"is_default,omitempty"`
	RegionID        string `json:"region_id,omitempty"`
	Created         string `json:"created,omitempty"`
	Updated         string `json:"updated,omitempty"`
}

// ScalingGroup is the ECS side of a node pool: where and what instances
// run, how they are billed, their disks and image. VSwitchIDs,
// InstanceTypes and InstanceChargeType are required on create.
// LoginPassword is redacted by String and Format.
type ScalingGroup struct {
	VSwitchIDs                          []string                 `json:"vswitch_ids,omitempty"`
	InstanceTypes                       []string                 `json:"instance_types,omitempty"`
	InstanceChargeType                  string                   `json:"instance_charge_type,omitempty"`
	Period                              int64                    `json:"period,omitempty"`
	PeriodUnit                          string                   `json:"period_unit,omitempty"`
	AutoRenew                           *bool                    `json:"auto_renew,omitempty"`
	AutoRenewPeriod                     int64                    `json:"auto_renew_period,omitempty"`
	DesiredSize                         *int64                   `json:"desired_size,omitempty"`
	SystemDiskCategory                  string                   `json:"system_disk_category,omitempty"`
	SystemDiskCategories                []string                 `json:"system_disk_categories,omitempty"`
	SystemDiskSize                      int64                    `json:"system_disk_size,omitempty"`
	SystemDiskPerformanceLevel          string                   `json:"system_disk_performance_level,omitempty"`
	SystemDiskEncrypted                 *bool                    `json:"system_disk_encrypted,omitempty"`
	SystemDiskEncryptAlgorithm          string                   `json:"system_disk_encrypt_algorithm,omitempty"`
	SystemDiskKMSKeyID                  string                   `json:"system_disk_kms_key_id,omitempty"`
	SystemDiskBurstingEnabled           *bool                    `json:"system_disk_bursting_enabled,omitempty"`
	SystemDiskProvisionedIOPS           int64                    `json:"system_disk_provisioned_iops,omitempty"`
	SystemDiskSnapshotPolicyID          string                   `json:"system_disk_snapshot_policy_id,omitempty"`
	DataDisks                           []DataDisk               `json:"data_disks,omitempty"`
	DiskInit                            []json.RawMessage        `json:"disk_init,omitempty"`
	ImageType                           string                   `json:"image_type,omitempty"`
	ImageID                             string                   `json:"image_id,omitempty"`
	Platform                            string                   `json:"platform,omitempty"`
	KeyPair                             string                   `json:"key_pair,omitempty"`
	LoginPassword                       string                   `json:"login_password,omitempty"`
	LoginAsNonRoot                      *bool                    `json:"login_as_non_root,omitempty"`
	SecurityGroupID                     string                   `json:"security_group_id,omitempty"`
	SecurityGroupIDs                    []string                 `json:"security_group_ids,omitempty"`
	MultiAZPolicy                       string                   `json:"multi_az_policy,omitempty"`
	SpotStrategy                        string                   `json:"spot_strategy,omitempty"`
	SpotPriceLimit                      []SpotPriceLimit         `json:"spot_price_limit,omitempty"`
	SpotInstancePools                   int64                    `json:"spot_instance_pools,omitempty"`
	SpotInstanceRemedy                  *bool                    `json:"spot_instance_remedy,omitempty"`
	CompensateWithOnDemand              *bool                    `json:"compensate_with_on_demand,omitempty"`
	OnDemandBaseCapacity                *int64                   `json:"on_demand_base_capacity,omitempty"`
	OnDemandPercentageAboveBaseCapacity *int64                   `json:"on_demand_percentage_above_base_capacity,omitempty"`
	ScalingPolicy                       string                   `json:"scaling_policy,omitempty"`
	InternetChargeType                  string                   `json:"internet_charge_type,omitempty"`
	InternetMaxBandwidthOut             *int64                   `json:"internet_max_bandwidth_out,omitempty"`
	Tags                                []Tag                    `json:"tags,omitempty"`
	RDSInstances                        []string                 `json:"rds_instances,omitempty"`
	DeploymentSetID                     string                   `json:"deploymentset_id,omitempty"`
	RAMRoleName                         string                   `json:"ram_role_name,omitempty"`
	RAMPolicy                           string                   `json:"ram_policy,omitempty"`
	ScalingGroupID                      string                   `json:"scaling_group_id,omitempty"`
	PrivatePoolOptions                  *PrivatePoolOptions      `json:"private_pool_options,omitempty"`
	ResourcePoolOptions                 *ResourcePoolOptions     `json:"resource_pool_options,omitempty"`
	InstancePatterns                    []InstancePattern        `json:"instance_patterns,omitempty"`
	InstanceMetadataOptions             *InstanceMetadataOptions `json:"instance_metadata_options,omitempty"`
	SecurityHardeningOS                 *bool                    `json:"security_hardening_os,omitempty"`
	SOCEnabled                          *bool                    `json:"soc_enabled,omitempty"`
	CISEnabled                          *bool                    `json:"cis_enabled,omitempty"`
}

// DataDisk is a data disk of a node pool. Its Size is an integer (GiB),
// unlike WorkerDataDisk; Encrypted is still the string "true" or "false".
type DataDisk struct {
	Category             string `json:"category,omitempty"`
	Size                 int64  `json:"size,omitempty"`
	Encrypted            string `json:"encrypted,omitempty"`
	PerformanceLevel     string `json:"performance_level,omitempty"`
	AutoSnapshotPolicyID string `json:"auto_snapshot_policy_id,omitempty"`
	DiskName             string `json:"disk_name,omitempty"`
	Device               string `json:"device,omitempty"`
	KMSKeyID             string `json:"kms_key_id,omitempty"`
	SnapshotID           string `json:"snapshot_id,omitempty"`
	BurstingEnabled      *bool  `json:"bursting_enabled,omitempty"`
	ProvisionedIOPS      int64  `json:"provisioned_iops,omitempty"`
	AutoFormat           *bool  `json:"auto_format,omitempty"`
	FileSystem           string `json:"file_system,omitempty"`
	MountTarget          string `json:"mount_target,omitempty"`
}

// SpotPriceLimit caps the hourly price of one spot instance type. The
// price is a decimal string.
type SpotPriceLimit struct {
	InstanceType string `json:"instance_type,omitempty"`
	PriceLimit   string `json:"price_limit,omitempty"`
}

// PrivatePoolOptions selects an ECS private pool. MatchCriteria is Open,
// Target or None.
type PrivatePoolOptions struct {
	ID            string `json:"id,omitempty"`
	MatchCriteria string `json:"match_criteria,omitempty"`
}

// ResourcePoolOptions orders the resource pools the node pool draws from.
type ResourcePoolOptions struct {
	Strategy       string   `json:"strategy,omitempty"`
	PrivatePoolIDs []string `json:"private_pool_ids,omitempty"`
}

// InstancePattern picks instance types by attributes instead of by name.
type InstancePattern struct {
	Architectures          []string `json:"architectures,omitempty"`
	BurstPerformanceOption string   `json:"burst_performance_option,omitempty"`
	Core                   int64    `json:"core,omitempty"`
	Memory                 float64  `json:"memory,omitempty"`
	ExcludedInstanceTypes  []string `json:"excluded_instance_types,omitempty"`
	InstanceFamilyLevel    string   `json:"instance_family_level,omitempty"`
	MaxPrice               float64  `json:"max_price,omitempty"`
}
