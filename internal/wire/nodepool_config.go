package wire

import "encoding/json"

// KubernetesConfig is how the node pool's nodes join Kubernetes. Nil
// Labels or Taints are not sent; an empty, non-nil slice is sent as [] so
// that a modify call can clear them.
type KubernetesConfig struct {
	Runtime        string  `json:"runtime,omitempty"`
	RuntimeVersion string  `json:"runtime_version,omitempty"`
	Labels         []Tag   `json:"labels,omitempty"`
	Taints         []Taint `json:"taints,omitempty"`
	CPUPolicy      string  `json:"cpu_policy,omitempty"`
	CMSEnabled     *bool   `json:"cms_enabled,omitempty"`
	Unschedulable  *bool   `json:"unschedulable,omitempty"`
	NodeNameMode   string  `json:"node_name_mode,omitempty"`
	UserData       string  `json:"user_data,omitempty"`
	PreUserData    string  `json:"pre_user_data,omitempty"`
}

// MarshalJSON encodes the configuration, keeping empty non-nil Labels and
// Taints as [].
func (k KubernetesConfig) MarshalJSON() ([]byte, error) {
	type plain KubernetesConfig
	aux := struct {
		plain
		Labels *[]Tag   `json:"labels,omitempty"`
		Taints *[]Taint `json:"taints,omitempty"`
	}{plain: plain(k)}
	if k.Labels != nil {
		aux.Labels = &k.Labels
	}
	if k.Taints != nil {
		aux.Taints = &k.Taints
	}
	return json.Marshal(aux)
}

// AutoScaling is the node pool's autoscaler range. Type (cpu, gpu,
// gpushare, spot) is fixed at creation.
type AutoScaling struct {
	Enable                *bool  `json:"enable,omitempty"`
	MinInstances          *int64 `json:"min_instances,omitempty"`
	MaxInstances          *int64 `json:"max_instances,omitempty"`
	Type                  string `json:"type,omitempty"`
	IsBondEIP             *bool  `json:"is_bond_eip,omitempty"`
	EIPInternetChargeType string `json:"eip_internet_charge_type,omitempty"`
	EIPBandwidth          int64  `json:"eip_bandwidth,omitempty"`
}

// Management is the managed node pool feature. Its flags default to true
// once Enable is true, so they are three-state.
type Management struct {
	Enable            *bool              `json:"enable,omitempty"`
	AutoRepair        *bool              `json:"auto_repair,omitempty"`
	AutoRepairPolicy  *AutoRepairPolicy  `json:"auto_repair_policy,omitempty"`
	AutoUpgrade       *bool              `json:"auto_upgrade,omitempty"`
	AutoUpgradePolicy *AutoUpgradePolicy `json:"auto_upgrade_policy,omitempty"`
	AutoVulFix        *bool              `json:"auto_vul_fix,omitempty"`
	AutoVulFixPolicy  *AutoVulFixPolicy  `json:"auto_vul_fix_policy,omitempty"`
	UpgradeConfig     *UpgradeConfig     `json:"upgrade_config,omitempty"`
}

// AutoRepairPolicy says how nodes are repaired.
type AutoRepairPolicy struct {
	RestartNode        *bool  `json:"restart_node,omitempty"`
	ApprovalRequired   *bool  `json:"approval_required,omitempty"`
	AutoRepairPolicyID string `json:"auto_repair_policy_id,omitempty"`
}

// AutoUpgradePolicy says which node components are upgraded automatically.
type AutoUpgradePolicy struct {
	AutoUpgradeKubelet *bool `json:"auto_upgrade_kubelet,omitempty"`
	AutoUpgradeOS      *bool `json:"auto_upgrade_os,omitempty"`
	AutoUpgradeRuntime *bool `json:"auto_upgrade_runtime,omitempty"`
}

// AutoVulFixPolicy says which CVEs are fixed automatically. VulLevel is a
// comma-separated list of asap, later and nntf.
type AutoVulFixPolicy struct {
	RestartNode     *bool  `json:"restart_node,omitempty"`
	VulLevel        string `json:"vul_level,omitempty"`
	ExcludePackages string `json:"exclude_packages,omitempty"`
}

// UpgradeConfig bounds a rolling node upgrade.
type UpgradeConfig struct {
	AutoUpgrade     *bool  `json:"auto_upgrade,omitempty"`
	Surge           *int64 `json:"surge,omitempty"`
	SurgePercentage *int64 `json:"surge_percentage,omitempty"`
	MaxUnavailable  *int64 `json:"max_unavailable,omitempty"`
}

// NodeConfig holds the kubelet and OS configuration of the nodes.
type NodeConfig struct {
	KubeletConfiguration *KubeletConfig `json:"kubelet_configuration,omitempty"`
	NodeOSConfig         *NodeOSConfig  `json:"node_os_config,omitempty"`
}

// NodeOSConfig is OS-level node configuration. Hugepage is kept as raw
// JSON.
type NodeOSConfig struct {
	Hugepage json.RawMessage `json:"hugepage,omitempty"`
}

// KubeletConfig is the kubelet configuration of a node pool. Its keys are
// camelCase on the wire, as in Kubernetes' KubeletConfiguration. MaxPods
// is the node pool's maximum pods per node.
type KubeletConfig struct {
	MaxPods                     int64                   `json:"maxPods,omitempty"`
	CPUManagerPolicy            string                  `json:"cpuManagerPolicy,omitempty"`
	MemoryManagerPolicy         string                  `json:"memoryManagerPolicy,omitempty"`
	TopologyManagerPolicy       string                  `json:"topologyManagerPolicy,omitempty"`
	EvictionHard                map[string]string       `json:"evictionHard,omitempty"`
	EvictionSoft                map[string]string       `json:"evictionSoft,omitempty"`
	EvictionSoftGracePeriod     map[string]string       `json:"evictionSoftGracePeriod,omitempty"`
	KubeReserved                map[string]string       `json:"kubeReserved,omitempty"`
	SystemReserved              map[string]string       `json:"systemReserved,omitempty"`
	FeatureGates                map[string]bool         `json:"featureGates,omitempty"`
	AllowedUnsafeSysctls        []string                `json:"allowedUnsafeSysctls,omitempty"`
	ClusterDNS                  []string                `json:"clusterDNS,omitempty"`
	ContainerLogMaxFiles        int64                   `json:"containerLogMaxFiles,omitempty"`
	ContainerLogMaxSize         string                  `json:"containerLogMaxSize,omitempty"`
	CPUCFSQuota                 *bool                   `json:"cpuCFSQuota,omitempty"`
	CPUCFSQuotaPeriod           string                  `json:"cpuCFSQuotaPeriod,omitempty"`
	EventBurst                  int64                   `json:"eventBurst,omitempty"`
	EventRecordQPS              int64                   `json:"eventRecordQPS,omitempty"`
	ImageGCHighThresholdPercent int64                   `json:"imageGCHighThresholdPercent,omitempty"`
	ImageGCLowThresholdPercent  int64                   `json:"imageGCLowThresholdPercent,omitempty"`
	KubeAPIBurst                int64                   `json:"kubeAPIBurst,omitempty"`
	KubeAPIQPS                  int64                   `json:"kubeAPIQPS,omitempty"`
	PodPidsLimit                int64                   `json:"podPidsLimit,omitempty"`
	ReadOnlyPort                *int64                  `json:"readOnlyPort,omitempty"`
	RegistryBurst               int64                   `json:"registryBurst,omitempty"`
	RegistryPullQPS             int64                   `json:"registryPullQPS,omitempty"`
	SerializeImagePulls         *bool                   `json:"serializeImagePulls,omitempty"`
	ReservedMemory              []KubeletReservedMemory `json:"reservedMemory,omitempty"`
	Tracing                     *KubeletTracing         `json:"tracing,omitempty"`
}

// KubeletReservedMemory reserves memory on one NUMA node.
type KubeletReservedMemory struct {
	NumaNode int64             `json:"numaNode"`
	Limits   map[string]string `json:"limits,omitempty"`
}

// KubeletTracing sends kubelet traces to an OpenTelemetry endpoint.
type KubeletTracing struct {
	Endpoint               string `json:"endpoint,omitempty"`
	SamplingRatePerMillion int64  `json:"samplingRatePerMillion,omitempty"`
}

// TeeConfig turns on confidential computing for the node pool.
type TeeConfig struct {
	TeeEnable *bool `json:"tee_enable,omitempty"`
}

// NodeComponent pins a node component (for example kubelet) to a version
// with custom configuration.
type NodeComponent struct {
	Name    string               `json:"name"`
	Version string               `json:"version,omitempty"`
	Config  *NodeComponentConfig `json:"config,omitempty"`
}

// NodeComponentConfig is a node component's custom configuration.
type NodeComponentConfig struct {
	CustomConfig map[string]string `json:"custom_config,omitempty"`
}

// InterconnectConfig is the network of an enhanced edge node pool.
type InterconnectConfig struct {
	Bandwidth      int64  `json:"bandwidth,omitempty"`
	CCNID          string `json:"ccn_id,omitempty"`
	CCNRegionID    string `json:"ccn_region_id,omitempty"`
	CENID          string `json:"cen_id,omitempty"`
	ImprovedPeriod string `json:"improved_period,omitempty"`
}

// EfloNodeGroup binds a Lingjun node pool to an EFLO node group.
type EfloNodeGroup struct {
	ClusterID string `json:"cluster_id,omitempty"`
	GroupID   string `json:"group_id,omitempty"`
}
