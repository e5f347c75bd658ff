package wire

import "github.com/ackgo/ack"

// Bool returns a pointer to v, for the three-state booleans of the wire
// types (nil means "not sent, let ACK apply its default").
func Bool(v bool) *bool { return &v }

// Int returns a pointer to v, for the integers whose zero is a real value
// (a desired size of 0, a minimum of 0 instances).
func Int(v int64) *int64 { return &v }

// BoolValue returns *p, or def when p is nil.
func BoolValue(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// IntValue returns *p, or def when p is nil.
func IntValue(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// Tag is a key/value pair: a cluster tag, an ECS tag of a node pool, or a
// node label.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Taint is a Kubernetes taint on nodes. Effect is NoSchedule (ACK's
// default), NoExecute or PreferNoSchedule.
type Taint struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Effect string `json:"effect,omitempty"`
}

// Runtime names a container runtime, for example containerd 1.6.28.
type Runtime struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// Addon is a cluster component installed at creation. Config is itself a
// JSON document encoded as a string; it is always sent, empty when the
// component takes its defaults (as in {"name":"flannel","config":""}).
type Addon struct {
	Name     string `json:"name"`
	Config   string `json:"config"`
	Disabled bool   `json:"disabled,omitempty"`
	Version  string `json:"version,omitempty"`
}

// MaintenanceWindow is when ACK may run automatic maintenance. Enable is
// three-state so that a modify call can switch the window off.
type MaintenanceWindow struct {
	Enable          *bool  `json:"enable,omitempty"`
	MaintenanceTime string `json:"maintenance_time,omitempty"`
	Duration        string `json:"duration,omitempty"`
	WeeklyPeriod    string `json:"weekly_period,omitempty"`
	Recurrence      string `json:"recurrence,omitempty"`
}

// OperationPolicy holds the cluster's automatic operation settings.
type OperationPolicy struct {
	ClusterAutoUpgrade *ClusterAutoUpgrade `json:"cluster_auto_upgrade,omitempty"`
}

// ClusterAutoUpgrade is automatic control-plane upgrade on a channel:
// patch, stable or rapid.
type ClusterAutoUpgrade struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Channel string `json:"channel,omitempty"`
}

// RRSAConfig is RAM Roles for Service Accounts. A create request sends
// only Enabled; a cluster detail reports the rest.
type RRSAConfig struct {
	Enabled                 *bool  `json:"enabled,omitempty"`
	Issuer                  string `json:"issuer,omitempty"`
	Audience                string `json:"audience,omitempty"`
	JWKSURL                 string `json:"jwks_url,omitempty"`
	OIDCArn                 string `json:"oidc_arn,omitempty"`
	OIDCName                string `json:"oidc_name,omitempty"`
	OpenAPIConfigurationURL string `json:"open_api_configuration_url,omitempty"`
	MaxOIDCTokenExpiration  int64  `json:"max_oidc_token_expiration,omitempty"`
}

// AuditLogConfig turns on API-server audit logs into an SLS project.
type AuditLogConfig struct {
	Enabled        *bool  `json:"enabled,omitempty"`
	SLSProjectName string `json:"sls_project_name,omitempty"`
}

// ControlPlaneEndpointsConfig holds the API server's endpoint settings.
type ControlPlaneEndpointsConfig struct {
	InternalDNSConfig *InternalDNSConfig `json:"internal_dns_config,omitempty"`
}

// InternalDNSConfig resolves the API server's internal name in the listed
// VPCs.
type InternalDNSConfig struct {
	Enabled  *bool    `json:"enabled,omitempty"`
	BindVPCs []string `json:"bind_vpcs,omitempty"`
}

// AutoMode is ACK's "intelligent managed" mode, for clusters and node
// pools.
type AutoMode struct {
	Enable *bool `json:"enable,omitempty"`
}

// PageInfo is the paging block of list responses (page_info in
// DescribeClustersV1 and DescribeClusterTasks, page in
// DescribeClusterNodes). ACK always sends every field.
type PageInfo struct {
	PageNumber int64 `json:"page_number"`
	PageSize   int64 `json:"page_size"`
	TotalCount int64 `json:"total_count"`
}

// MaxPageSize is the largest page the paged list calls serve
// (DescribeClusterNodes' pageSize, DescribeClustersV1's page_size).
const MaxPageSize = ack.MaxPageSize

// PageBounds returns the bounds [lo, hi) of page number (from 1) of size
// items a page (at least 1) in a list of n items. A page past the end of
// the list, however far, is empty (lo == hi == n): the bounds are computed
// without overflow for any number and size.
func PageBounds(number, size int64, n int) (lo, hi int) {
	if number < 1 || size < 1 || n <= 0 {
		return 0, 0
	}
	total := int64(n)
	if number-1 >= pages(total, size) {
		return n, n
	}
	start := (number - 1) * size // < total: no overflow
	return int(start), int(start + min(size, total-start))
}

// LastPage reports whether page number (from 1) of size items a page,
// holding got items of the total the server reported (zero when it
// reported none), is the last page of a list: it is short, or the pages
// so far reach the total. It does not overflow for any number and size.
func LastPage(number, size int64, got int, total int64) bool {
	if int64(got) < size {
		return true
	}
	return total > 0 && size > 0 && number >= pages(total, size)
}

// pages returns how many pages of size items (at least 1) hold total
// items (at least 0), without overflow.
func pages(total, size int64) int64 {
	p := total / size
	if total%size != 0 {
		p++
	}
	return p
}
