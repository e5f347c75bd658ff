package wire

// CreateClusterRequest is the body of CreateCluster (POST /clusters). One
// type covers every cluster form; see ClusterType, Profile and ClusterSpec.
// Booleans that ACK defaults to true, or whose false differs from "not
// sent", are *bool: build them with Bool.
//
// LoginPassword (here, in ControlPlaneConfig and in node pools) is a plain
// string because it must reach the body; the type's String and Format
// redact it, so printing the value never shows it.
type CreateClusterRequest struct {
	// Common fields (all forms).
	Name                        string                       `json:"name"`
	RegionID                    string                       `json:"region_id"`
	ClusterType                 string                       `json:"cluster_type"`
	Profile                     string                       `json:"profile,omitempty"`
	ClusterSpec                 string                       `json:"cluster_spec,omitempty"`
	KubernetesVersion           string                       `json:"kubernetes_version,omitempty"`
	VPCID                       string                       `json:"vpcid,omitempty"`
	VSwitchIDs                  []string                     `json:"vswitch_ids,omitempty"`
	ZoneID                      string                       `json:"zone_id,omitempty"`
	ZoneIDs                     []string                     `json:"zone_ids,omitempty"`
	ContainerCIDR               string                       `json:"container_cidr,omitempty"`
	ServiceCIDR                 string                       `json:"service_cidr,omitempty"`
	NodeCIDRMask                string                       `json:"node_cidr_mask,omitempty"`
	PodVSwitchIDs               []string                     `json:"pod_vswitch_ids,omitempty"`
	SNATEntry                   *bool                        `json:"snat_entry,omitempty"`
	NATGateway                  *bool                        `json:"nat_gateway,omitempty"`
	EndpointPublicAccess        *bool                        `json:"endpoint_public_access,omitempty"`
	SecurityGroupID             string                       `json:"security_group_id,omitempty"`
	IsEnterpriseSecurityGroup   *bool                        `json:"is_enterprise_security_group,omitempty"`
	ProxyMode                   string                       `json:"proxy_mode,omitempty"`
	IPStack                     string                       `json:"ip_stack,omitempty"`
	Timezone                    string                       `json:"timezone,omitempty"`
	ClusterDomain               string                       `json:"cluster_domain,omitempty"`
	DeletionProtection          *bool                        `json:"deletion_protection,omitempty"`
	ResourceGroupID             string                       `json:"resource_group_id,omitempty"`
	Tags                        []Tag                        `json:"tags,omitempty"`
	Addons                      []Addon                      `json:"addons,omitempty"`
	ChargeType                  string                       `json:"charge_type,omitempty"`
	Period                      int64                        `json:"period,omitempty"`
	PeriodUnit                  string                       `json:"period_unit,omitempty"`
	AutoRenew                   *bool                        `json:"auto_renew,omitempty"`
	AutoRenewPeriod             int64                        `json:"auto_renew_period,omitempty"`
	LoadBalancerID              string                       `json:"load_balancer_id,omitempty"`
	LoadBalancerSpec            string                       `json:"load_balancer_spec,omitempty"`
	EncryptionProviderKey       string                       `json:"encryption_provider_key,omitempty"`
	ServiceAccountIssuer        string                       `json:"service_account_issuer,omitempty"`
	APIAudiences                string                       `json:"api_audiences,omitempty"`
	ExtraSANs                   []string                     `json:"extra_sans,omitempty"`
	CustomSAN                   string                       `json:"custom_san,omitempty"`
	UserCA                      string                       `json:"user_ca,omitempty"`
	MaintenanceWindow           *MaintenanceWindow           `json:"maintenance_window,omitempty"`
	OperationPolicy             *OperationPolicy             `json:"operation_policy,omitempty"`
	RRSAConfig                  *RRSAConfig                  `json:"rrsa_config,omitempty"`
	EnableRRSA                  *bool                        `json:"enable_rrsa,omitempty"`
	AuditLogConfig              *AuditLogConfig              `json:"audit_log_config,omitempty"`
	ControlplaneLogTTL          string                       `json:"controlplane_log_ttl,omitempty"`
	ControlplaneLogProject      string                       `json:"controlplane_log_project,omitempty"`
	ControlplaneLogComponents   []string                     `json:"controlplane_log_components,omitempty"`
	ControlPlaneEndpointsConfig *ControlPlaneEndpointsConfig `json:"control_plane_endpoints_config,omitempty"`
	AutoMode                    *AutoMode                    `json:"auto_mode,omitempty"`
	Nodepools                   []Nodepool                   `json:"nodepools,omitempty"`
	DisableRollback             *bool                        `json:"disable_rollback,omitempty"`
	TimeoutMins                 int64                        `json:"timeout_mins,omitempty"`

	// Serverless fields.
	LoggingType           string   `json:"logging_type,omitempty"`
	ServiceDiscoveryTypes []string `json:"service_discovery_types,omitempty"`

	// Dedicated (Kubernetes) control-plane fields.
	MasterCount                      int64               `json:"master_count,omitempty"`
	MasterVSwitchIDs                 []string            `json:"master_vswitch_ids,omitempty"`
	MasterInstanceTypes              []string            `json:"master_instance_types,omitempty"`
	MasterInstanceChargeType         string              `json:"master_instance_charge_type,omitempty"`
	MasterPeriod                     int64               `json:"master_period,omitempty"`
	MasterPeriodUnit                 string              `json:"master_period_unit,omitempty"`
	MasterAutoRenew                  *bool               `json:"master_auto_renew,omitempty"`
	MasterAutoRenewPeriod            int64               `json:"master_auto_renew_period,omitempty"`
	MasterSystemDiskCategory         string              `json:"master_system_disk_category,omitempty"`
	MasterSystemDiskSize             int64               `json:"master_system_disk_size,omitempty"`
	MasterSystemDiskPerformanceLevel string              `json:"master_system_disk_performance_level,omitempty"`
	MasterSystemDiskSnapshotPolicyID string              `json:"master_system_disk_snapshot_policy_id,omitempty"`
	ControlPlaneConfig               *ControlPlaneConfig `json:"control_plane_config,omitempty"`
	SSHFlags                         *bool               `json:"ssh_flags,omitempty"`

	// Legacy worker fields (dedicated and managed).
	WorkerVSwitchIDs                 []string         `json:"worker_vswitch_ids,omitempty"`
	WorkerInstanceTypes              []string         `json:"worker_instance_types,omitempty"`
	NumOfNodes                       *int64           `json:"num_of_nodes,omitempty"`
	WorkerInstanceChargeType         string           `json:"worker_instance_charge_type,omitempty"`
	WorkerPeriod                     int64            `json:"worker_period,omitempty"`
	WorkerPeriodUnit                 string           `json:"worker_period_unit,omitempty"`
	WorkerAutoRenew                  *bool            `json:"worker_auto_renew,omitempty"`
	WorkerAutoRenewPeriod            int64            `json:"worker_auto_renew_period,omitempty"`
	WorkerSystemDiskCategory         string           `json:"worker_system_disk_category,omitempty"`
	WorkerSystemDiskSize             int64            `json:"worker_system_disk_size,omitempty"`
	WorkerSystemDiskPerformanceLevel string           `json:"worker_system_disk_performance_level,omitempty"`
	WorkerSystemDiskSnapshotPolicyID string           `json:"worker_system_disk_snapshot_policy_id,omitempty"`
	WorkerDataDisks                  []WorkerDataDisk `json:"worker_data_disks,omitempty"`
	LoginPassword                    string           `json:"login_password,omitempty"`
	KeyPair                          string           `json:"key_pair,omitempty"`
	ImageType                        string           `json:"image_type,omitempty"`
	ImageID                          string           `json:"image_id,omitempty"`
	OSType                           string           `json:"os_type,omitempty"`
	Platform                         string           `json:"platform,omitempty"`
	Runtime                          *Runtime         `json:"runtime,omitempty"`
	CPUPolicy                        string           `json:"cpu_policy,omitempty"`
	Taints                           []Taint          `json:"taints,omitempty"`
	NodePortRange                    string           `json:"node_port_range,omitempty"`
	NodeNameMode                     string           `json:"node_name_mode,omitempty"`
	UserData                         string           `json:"user_data,omitempty"`
	RDSInstances                     []string         `json:"rds_instances,omitempty"`
	CloudMonitorFlags                *bool            `json:"cloud_monitor_flags,omitempty"`
	SecurityHardeningOS              *bool            `json:"security_hardening_os,omitempty"`
	SOCEnabled                       *bool            `json:"soc_enabled,omitempty"`
	CISEnabled                       *bool            `json:"cis_enabled,omitempty"`
	FormatDisk                       *bool            `json:"format_disk,omitempty"`
	KeepInstanceName                 *bool            `json:"keep_instance_name,omitempty"`
	Instances                        []string         `json:"instances,omitempty"`
}

// ControlPlaneConfig is the master-node configuration of a dedicated
// cluster (create and modify; reported by DescribeClusterDetail).
type ControlPlaneConfig struct {
	Size                       int64                    `json:"size,omitempty"`
	InstanceTypes              []string                 `json:"instance_types,omitempty"`
	ChargeType                 string                   `json:"charge_type,omitempty"`
	Period                     int64                    `json:"period,omitempty"`
	PeriodUnit                 string                   `json:"period_unit,omitempty"`
	AutoRenew                  *bool                    `json:"auto_renew,omitempty"`
	AutoRenewPeriod            int64                    `json:"auto_renew_period,omitempty"`
	ImageType                  string                   `json:"image_type,omitempty"`
	ImageID                    string                   `json:"image_id,omitempty"`
	KeyPair                    string                   `json:"key_pair,omitempty"`
	LoginPassword              string                   `json:"login_password,omitempty"`
	SystemDiskCategory         string                   `json:"system_disk_category,omitempty"`
	SystemDiskSize             int64                    `json:"system_disk_size,omitempty"`
	SystemDiskPerformanceLevel string                   `json:"system_disk_performance_level,omitempty"`
	SystemDiskSnapshotPolicyID string                   `json:"system_disk_snapshot_policy_id,omitempty"`
	SystemDiskBurstingEnabled  *bool                    `json:"system_disk_bursting_enabled,omitempty"`
	SystemDiskProvisionedIOPS  int64                    `json:"system_disk_provisioned_iops,omitempty"`
	CPUPolicy                  string                   `json:"cpu_policy,omitempty"`
	Runtime                    string                   `json:"runtime,omitempty"`
	NodePortRange              string                   `json:"node_port_range,omitempty"`
	DeploymentSetID            string                   `json:"deploymentset_id,omitempty"`
	CloudMonitorFlags          *bool                    `json:"cloud_monitor_flags,omitempty"`
	SecurityHardeningOS        *bool                    `json:"security_hardening_os,omitempty"`
	SOCEnabled                 *bool                    `json:"soc_enabled,omitempty"`
	InstanceMetadataOptions    *InstanceMetadataOptions `json:"instance_metadata_options,omitempty"`
}

// InstanceMetadataOptions is how ECS instances expose their metadata
// service (http_tokens "required" means IMDSv2 only).
type InstanceMetadataOptions struct {
	HTTPTokens              string `json:"http_tokens,omitempty"`
	HTTPPutResponseHopLimit int64  `json:"http_put_response_hop_limit,omitempty"`
}

// WorkerDataDisk is a data disk of the legacy worker fields
// (CreateCluster and ScaleOutCluster worker_data_disks). Unlike DataDisk of
// node pools, its Size and Encrypted are strings on the wire ("120",
// "true").
type WorkerDataDisk struct {
	Category             string `json:"category,omitempty"`
	Size                 string `json:"size,omitempty"`
	Encrypted            string `json:"encrypted,omitempty"`
	PerformanceLevel     string `json:"performance_level,omitempty"`
	AutoSnapshotPolicyID string `json:"auto_snapshot_policy_id,omitempty"`
}

// ClusterOperation is the answer of the cluster mutations that ACK runs as
// a task: the cluster, the request and the task to follow.
type ClusterOperation struct {
	ClusterID string `json:"cluster_id,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	TaskID    string `json:"task_id,omitempty"`
}

// CreateClusterResponse is the answer of CreateCluster.
type CreateClusterResponse = ClusterOperation
