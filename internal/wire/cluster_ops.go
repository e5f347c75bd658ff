package wire

// ModifyClusterRequest is the body of ModifyCluster
// (PUT /api/v2/clusters/{ClusterId}). Only the fields that are set change.
type ModifyClusterRequest struct {
	ClusterName                 string                       `json:"cluster_name,omitempty"`
	DeletionProtection          *bool                        `json:"deletion_protection,omitempty"`
	InstanceDeletionProtection  *bool                        `json:"instance_deletion_protection,omitempty"`
	ResourceGroupID             string                       `json:"resource_group_id,omitempty"`
	MaintenanceWindow           *MaintenanceWindow           `json:"maintenance_window,omitempty"`
	OperationPolicy             *OperationPolicy             `json:"operation_policy,omitempty"`
	EnableRRSA                  *bool                        `json:"enable_rrsa,omitempty"`
	APIServerEIP                *bool                        `json:"api_server_eip,omitempty"`
	APIServerEIPID              string                       `json:"api_server_eip_id,omitempty"`
	APIServerCustomCertSANs     *CertSANs                    `json:"api_server_custom_cert_sans,omitempty"`
	SecurityGroupID             string                       `json:"security_group_id,omitempty"`
	VSwitchIDs                  []string                     `json:"vswitch_ids,omitempty"`
	Timezone                    string                       `json:"timezone,omitempty"`
	SystemEventsLogging         *SystemEventsLogging         `json:"system_events_logging,omitempty"`
	ControlPlaneEndpointsConfig *ControlPlaneEndpointsConfig `json:"control_plane_endpoints_config,omitempty"`
	ControlPlaneConfig          *ControlPlaneConfig          `json:"control_plane_config,omitempty"`
	AccessControlList           []string                     `json:"access_control_list,omitempty"`
	IngressDomainRebinding      *bool                        `json:"ingress_domain_rebinding,omitempty"`
	IngressLoadbalancerID       string                       `json:"ingress_loadbalancer_id,omitempty"`
}

// CertSANs changes the API server certificate's subject alternative names.
// Action is "overwrite" or "append".
type CertSANs struct {
	Action                  string   `json:"action,omitempty"`
	SubjectAlternativeNames []string `json:"subject_alternative_names,omitempty"`
}

// SystemEventsLogging sends the cluster's system events to an SLS project.
type SystemEventsLogging struct {
	Enabled        *bool  `json:"enabled,omitempty"`
	LoggingProject string `json:"logging_project,omitempty"`
}

// ModifyClusterResponse is the answer of ModifyCluster.
type ModifyClusterResponse = ClusterOperation

// ScaleOutClusterRequest is the body of ScaleOutCluster
// (POST /api/v2/clusters/{ClusterId}), which adds workers to a dedicated or
// legacy cluster. Count is required and always sent.
type ScaleOutClusterRequest struct {
	Count                    int64            `json:"count"`
	VSwitchIDs               []string         `json:"vswitch_ids,omitempty"`
	WorkerInstanceTypes      []string         `json:"worker_instance_types,omitempty"`
	KeyPair                  string           `json:"key_pair,omitempty"`
	LoginPassword            string           `json:"login_password,omitempty"`
	WorkerSystemDiskCategory string           `json:"worker_system_disk_category,omitempty"`
	WorkerSystemDiskSize     int64            `json:"worker_system_disk_size,omitempty"`
	WorkerDataDisks          []WorkerDataDisk `json:"worker_data_disks,omitempty"`
	WorkerInstanceChargeType string           `json:"worker_instance_charge_type,omitempty"`
	WorkerPeriod             int64            `json:"worker_period,omitempty"`
	WorkerPeriodUnit         string           `json:"worker_period_unit,omitempty"`
	WorkerAutoRenew          *bool            `json:"worker_auto_renew,omitempty"`
	WorkerAutoRenewPeriod    int64            `json:"worker_auto_renew_period,omitempty"`
	ImageID                  string           `json:"image_id,omitempty"`
	Tags                     []Tag            `json:"tags,omitempty"`
	Taints                   []Taint          `json:"taints,omitempty"`
	UserData                 string           `json:"user_data,omitempty"`
	Runtime                  *Runtime         `json:"runtime,omitempty"`
	CPUPolicy                string           `json:"cpu_policy,omitempty"`
	CloudMonitorFlags        *bool            `json:"cloud_monitor_flags,omitempty"`
	RDSInstances             []string         `json:"rds_instances,omitempty"`
}

// ScaleOutClusterResponse is the answer of ScaleOutCluster.
type ScaleOutClusterResponse = ClusterOperation

// MigrateClusterRequest is the body of MigrateCluster, which moves a
// managed Basic cluster to Pro (Type "managed", Spec "ack.pro.small").
type MigrateClusterRequest struct {
	Type string `json:"type,omitempty"`
	Spec string `json:"spec,omitempty"`
}

// MigrateClusterResponse is the answer of MigrateCluster.
type MigrateClusterResponse = ClusterOperation

// UpgradeClusterResponse is the answer of UpgradeCluster.
type UpgradeClusterResponse = ClusterOperation
