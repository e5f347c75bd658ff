package nodepool

import "github.com/ackgo/ack"

// Spec is what a user decides when creating a node pool (the body of
// CreateClusterNodePool). The zero value of a field means "not set, ACK's
// default applies"; see the defaults table in the package documentation
// and WithDefaults.
//
// A Spec also describes an existing pool (specFromDetail), so that a
// modification can be written as the desired Spec and judged by
// CheckChange.
type Spec struct {
	// Name is the pool's name, 1 to 63 characters.
	Name string
	// VSwitchIDs are the vSwitches the pool's nodes are placed in, 1 to 8
	// (wire scaling_group.vswitch_ids).
	VSwitchIDs []string
	// InstanceTypes are the ECS instance types to choose from, in order of
	// preference, 1 to 10, for example "ecs.g7.xlarge".
	InstanceTypes []string
	// ChargeType is how the nodes are billed: PostPaid (pay-as-you-go, the
	// default) or PrePaid (subscription, with Subscription).
	ChargeType ChargeType
	// Subscription is the term of PrePaid nodes; it must stay zero for
	// PostPaid ones.
	Subscription Subscription
	// DesiredSize is the number of nodes ACK keeps in the pool when auto
	// scaling is off. With auto scaling on it stays zero: the autoscaler
	// sizes the pool between AutoScaling.Min and AutoScaling.Max.
	DesiredSize int
	// SystemDisk is each node's system disk; zero fields take ACK's
	// defaults.
	SystemDisk Disk
	// DataDisks are each node's data disks.
	DataDisks []Disk
	// ImageType is the operating system image family; empty lets ACK
	// choose.
	ImageType ImageType
	// KeyPair is the name of an ECS key pair for logging in to the nodes.
	// Exactly one of KeyPair and Password is set.
	KeyPair string
	// Password is the nodes' root password: 8 to 30 characters of at least
	// three kinds (upper case, lower case, digits, special characters). It
	// prints as "[redacted]" and appears in plain text only in the request
	// body.
	Password ack.Secret
	// Labels are the Kubernetes labels put on the nodes.
	Labels []Label
	// Taints are the Kubernetes taints put on the nodes.
	Taints []Taint
	// Runtime is the container runtime; empty means containerd.
	Runtime Runtime
	// RuntimeVersion is the runtime's version; empty lets ACK choose.
	RuntimeVersion string
	// CPUPolicy is the kubelet's CPU manager policy; empty means none.
	CPUPolicy CPUPolicy
	// MaxPods is the most pods a node runs, at most quota.MaxPodsPerNode
	// (wire node_config.kubelet_configuration.maxPods). Zero lets ACK
	// derive it from the cluster's network. It is fixed at creation.
	MaxPods int
	// AutoScaling lets an autoscaler size the pool.
	AutoScaling AutoScaling
	// Management is the managed node pool feature: automatic repair and
	// upgrade of nodes.
	Management Management
}

// ChargeType is how ECS nodes are billed.
type ChargeType string

// The charge types.
const (
	// PostPaid is pay-as-you-go, ACK's default.
	PostPaid ChargeType = "PostPaid"
	// PrePaid is subscription: paid in advance for a Subscription term.
	PrePaid ChargeType = "PrePaid"
)

// PeriodUnit is the unit of a subscription term.
type PeriodUnit string

// The period units.
const (
	// Month terms last 1 to 9, 12, 24, 36, 48 or 60 months. It is the
	// default unit.
	Month PeriodUnit = "Month"
	// Week terms last 1 to 4 weeks.
	Week PeriodUnit = "Week"
)

// Subscription is the term of PrePaid nodes.
type Subscription struct {
	// Period is the length of the term in Units; see ValidPeriods.
	Period int
	// Unit is Month (the default) or Week.
	Unit PeriodUnit
	// AutoRenew renews the term automatically when it ends.
	AutoRenew bool
	// AutoRenewPeriod is the length of each renewal in Units; with
	// AutoRenew it is required (see ValidAutoRenewPeriods).
	AutoRenewPeriod int
}

// IsZero reports whether no subscription field is set.
func (s Subscription) IsZero() bool { return s == Subscription{} }

// DiskCategory is an ECS disk category.
type DiskCategory string

// The disk categories ACK accepts for node pools.
const (
	// DiskCloud is a basic disk.
	DiskCloud DiskCategory = "cloud"
	// DiskEfficiency is an ultra disk, the default system disk.
	DiskEfficiency DiskCategory = "cloud_efficiency"
	// DiskSSD is a standard SSD.
	DiskSSD DiskCategory = "cloud_ssd"
	// DiskESSD is an enhanced SSD; it takes a performance level.
	DiskESSD DiskCategory = "cloud_essd"
	// DiskAuto is an ESSD AutoPL disk.
	DiskAuto DiskCategory = "cloud_auto"
	// DiskESSDEntry is an ESSD Entry disk.
	DiskESSDEntry DiskCategory = "cloud_essd_entry"
)

// DiskCategories returns every category ACK accepts, in the order of the
// API reference.
func DiskCategories() []DiskCategory {
	return []DiskCategory{DiskCloud, DiskEfficiency, DiskSSD, DiskESSD, DiskAuto, DiskESSDEntry}
}

// Disk is an ECS disk of each node.
type Disk struct {
	// Category is the disk category; empty means cloud_efficiency.
	Category DiskCategory
	// SizeGiB is the size in GiB. A system disk of size zero takes ACK's
	// default size; a data disk needs one.
	SizeGiB int
	// PerformanceLevel is the performance level of an ESSD: PL0 to PL3;
	// empty lets ACK choose.
	PerformanceLevel string
}

// ImageType is the operating system image family of the nodes.
type ImageType string

// The image types of the API reference.
const (
	// ImageAliyunLinux is Alibaba Cloud Linux 2.
	ImageAliyunLinux ImageType = "AliyunLinux"
	// ImageAliyunLinuxSecurity is Alibaba Cloud Linux 2, hardened (UEFI).
	ImageAliyunLinuxSecurity ImageType = "AliyunLinuxSecurity"
	// ImageAliyunLinux3 is Alibaba Cloud Linux 3.
	ImageAliyunLinux3 ImageType = "AliyunLinux3"
	// ImageAliyunLinux3Arm64 is Alibaba Cloud Linux 3 for Arm.
	ImageAliyunLinux3Arm64 ImageType = "AliyunLinux3Arm64"
	// ImageAliyunLinux3Security is Alibaba Cloud Linux 3, hardened (UEFI).
	ImageAliyunLinux3Security ImageType = "AliyunLinux3Security"
	// ImageCentOS is CentOS.
	ImageCentOS ImageType = "CentOS"
	// ImageWindows is Windows Server.
	ImageWindows ImageType = "Windows"
	// ImageWindowsCore is Windows Server Core.
	ImageWindowsCore ImageType = "WindowsCore"
	// ImageContainerOS is ContainerOS; its nodes log in by key pair only.
	ImageContainerOS ImageType = "ContainerOS"
	// ImageAliyunLinux3ContainerOptimized is Alibaba Cloud Linux 3,
	// container-optimized.
	ImageAliyunLinux3ContainerOptimized ImageType = "AliyunLinux3ContainerOptimized"
)

// ImageTypes returns every image type ACK accepts, in the order of the API
// reference.
func ImageTypes() []ImageType {
	return []ImageType{
		ImageAliyunLinux, ImageAliyunLinuxSecurity, ImageAliyunLinux3, ImageAliyunLinux3Arm64,
		ImageAliyunLinux3Security, ImageCentOS, ImageWindows, ImageWindowsCore, ImageContainerOS,
		ImageAliyunLinux3ContainerOptimized,
	}
}

// windows reports whether the image runs Windows.
func (t ImageType) windows() bool { return t == ImageWindows || t == ImageWindowsCore }

// Label is a Kubernetes label put on the pool's nodes.
type Label struct {
	// Key is the label's key, a qualified name such as
	// "example.com/team".
	Key string
	// Value is the label's value, at most 63 characters.
	Value string
}

// Taint is a Kubernetes taint put on the pool's nodes.
type Taint struct {
	// Key is the taint's key, a qualified name.
	Key string
	// Value is the taint's value, at most 63 characters.
	Value string
	// Effect is NoSchedule (the default when empty), NoExecute or
	// PreferNoSchedule.
	Effect TaintEffect
}

// TaintEffect is what a taint does to pods that do not tolerate it.
type TaintEffect string

// The taint effects.
const (
	// NoSchedule keeps new pods off the node. It is ACK's default.
	NoSchedule TaintEffect = "NoSchedule"
	// NoExecute also evicts running pods.
	NoExecute TaintEffect = "NoExecute"
	// PreferNoSchedule avoids the node when another fits.
	PreferNoSchedule TaintEffect = "PreferNoSchedule"
)

// effective returns the effect ACK applies: NoSchedule when empty.
func (e TaintEffect) effective() TaintEffect {
	if e == "" {
		return NoSchedule
	}
	return e
}

// Runtime is a container runtime.
type Runtime string

// The container runtimes.
const (
	// Containerd is ACK's default runtime.
	Containerd Runtime = "containerd"
	// Docker is accepted for Kubernetes 1.22 and older.
	Docker Runtime = "docker"
	// SandboxedContainer (runV) is accepted for Kubernetes 1.24 and older.
	SandboxedContainer Runtime = "Sandboxed-Container.runv"
)

// CPUPolicy is the kubelet's CPU manager policy.
type CPUPolicy string

// The CPU manager policies.
const (
	// CPUPolicyNone shares CPUs among pods; it is the default.
	CPUPolicyNone CPUPolicy = "none"
	// CPUPolicyStatic gives Guaranteed pods with whole CPUs exclusive
	// cores.
	CPUPolicyStatic CPUPolicy = "static"
)

// AutoScaling lets an autoscaler size the pool between Min and Max.
type AutoScaling struct {
	// Enabled turns the autoscaler on. When it is off the other fields are
	// ignored by ACK and not checked.
	Enabled bool
	// Min is the fewest nodes, 0 to Max.
	Min int
	// Max is the most nodes, Min to MaxAutoScalingInstances.
	Max int
	// Type is the kind of instances the autoscaler adds; empty means cpu.
	// It is fixed at creation.
	Type AutoScalingType
}

// AutoScalingType is the kind of instances an autoscaler adds.
type AutoScalingType string

// The auto scaling types.
const (
	// ScaleCPU adds ordinary instances; it is the default.
	ScaleCPU AutoScalingType = "cpu"
	// ScaleGPU adds GPU instances.
	ScaleGPU AutoScalingType = "gpu"
	// ScaleGPUShare adds GPU instances shared among pods.
	ScaleGPUShare AutoScalingType = "gpushare"
	// ScaleSpot adds spot (preemptible) instances.
	ScaleSpot AutoScalingType = "spot"
)

// Management is the managed node pool feature.
type Management struct {
	// Enabled turns the feature on. AutoRepair and AutoUpgrade need it.
	Enabled bool
	// AutoRepair repairs failed nodes automatically.
	AutoRepair bool
	// AutoUpgrade upgrades the kubelet of the nodes automatically.
	AutoUpgrade bool
}
