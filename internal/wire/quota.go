package wire

// UserQuota is the answer of DescribeUserQuota (GET /quota). When Quotas
// holds an item for a limit, that item takes precedence over the flat
// fields.
type UserQuota struct {
	ClusterQuota              int64                      `json:"cluster_quota"`
	NodeQuota                 int64                      `json:"node_quota"`
	ClusterNodepoolQuota      int64                      `json:"cluster_nodepool_quota"`
	AMKClusterQuota           int64                      `json:"amk_cluster_quota"`
	ASKClusterQuota           int64                      `json:"ask_cluster_quota"`
	EdgeImprovedNodepoolQuota *EdgeImprovedNodepoolQuota `json:"edge_improved_nodepool_quota,omitempty"`
	Quotas                    map[string]QuotaItem       `json:"quotas,omitempty"`
}

// EdgeImprovedNodepoolQuota is the discontinued enhanced edge node pool
// quota.
type EdgeImprovedNodepoolQuota struct {
	Bandwidth int64 `json:"bandwidth"`
	Count     int64 `json:"count"`
	Period    int64 `json:"period"`
}

// QuotaItem is one new-style quota. Quota is a decimal string ("50");
// OperationCode names it in the quota center (for example
// "q_Kubernetes_Cluster"); Unit is for example "Cluster".
type QuotaItem struct {
	Quota         string `json:"quota"`
	OperationCode string `json:"operation_code"`
	Adjustable    bool   `json:"adjustable"`
	Unit          string `json:"unit"`
}
