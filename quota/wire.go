package quota

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/ackgo/ack/internal/wire"
)

// OperationCodeClusters is the quota-center code of the dedicated and
// managed cluster quota in DescribeUserQuota's quotas map. It is the only
// code known; the other limits come from the flat fields.
const OperationCodeClusters = "q_Kubernetes_Cluster"

// quotaItems maps the quotas map's operation codes onto Limits.
var quotaItems = []struct {
	code  string
	unit  string
	count func(*Limits) *Count
}{
	{OperationCodeClusters, "Cluster", func(l *Limits) *Count { return &l.Clusters }},
}

// limitsFromWire overlays a DescribeUserQuota answer on base (ProductDefaults
// or CurrentDefaults) and returns the result.
//
// A flat field (cluster_quota, amk_cluster_quota, ask_cluster_quota,
// node_quota, cluster_nodepool_quota) replaces its limit's Max when it is
// above zero; zero means not reported. An item of the quotas map takes
// precedence over the flat field of its limit and also sets Adjustable; it
// is matched by its operation_code (by its key when that is empty), and
// ignored when its quota is not a whole number of at least zero. When
// several items name one limit, the one with the first key in sorted order
// wins. What the API does not report (pods per node, container instances,
// the account prerequisites) stays as in base. A nil q returns base.
func limitsFromWire(q *wire.UserQuota, base Limits) Limits {
	l := base
	if q == nil {
		return l
	}
	flat := []struct {
		v int64
		c *Count
	}{
		{q.ClusterQuota, &l.Clusters},
		{q.AMKClusterQuota, &l.ManagedClusters},
		{q.ASKClusterQuota, &l.ServerlessClusters},
		{q.NodeQuota, &l.NodesPerCluster},
		{q.ClusterNodepoolQuota, &l.NodePoolsPerCluster},
	}
	for _, f := range flat {
		if f.v > 0 {
			f.c.Max = clampInt(f.v)
		}
	}

	keys := make([]string, 0, len(q.Quotas))
	for k := range q.Quotas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, qi := range quotaItems {
		for _, k := range keys {
			item := q.Quotas[k]
			code := item.OperationCode
			if code == "" {
				code = k
			}
			if code != qi.code {
				continue
			}
			v, ok := parseQuotaValue(item.Quota)
			if !ok {
				continue
			}
			*qi.count(&l) = Count{Max: clampInt(v), Adjustable: item.Adjustable}
			break
		}
	}
	return l
}

// Wire returns the DescribeUserQuota answer that reports l, as the fake
// serves it: the flat fields, and the quotas map with the items whose
// operation codes are known (see OperationCodeClusters). For limits of at
// least zero, limitsFromWire of the result over l returns l.
func (l Limits) toWire() *wire.UserQuota {
	q := &wire.UserQuota{
		ClusterQuota:         int64(l.Clusters.Max),
		AMKClusterQuota:      int64(l.ManagedClusters.Max),
		ASKClusterQuota:      int64(l.ServerlessClusters.Max),
		NodeQuota:            int64(l.NodesPerCluster.Max),
		ClusterNodepoolQuota: int64(l.NodePoolsPerCluster.Max),
		Quotas:               map[string]wire.QuotaItem{},
	}
	for _, qi := range quotaItems {
		c := *qi.count(&l)
		q.Quotas[qi.code] = wire.QuotaItem{
			Quota:         strconv.Itoa(max(c.Max, 0)),
			OperationCode: qi.code,
			Adjustable:    c.Adjustable,
			Unit:          qi.unit,
		}
	}
	return q
}

// parseQuotaValue parses the quota string of a quotas map item: a whole
// number of at least zero in decimal, with optional surrounding spaces and
// an optional fraction of zeros ("50", " 50 ", "50.0"). It reports false for
// anything else, including numbers past int64.
func parseQuotaValue(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if whole, frac, found := strings.Cut(s, "."); found {
		if frac == "" || strings.Trim(frac, "0") != "" {
			return 0, false
		}
		s = whole
	}
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// clampInt converts v to int, saturating where int is narrower than int64.
func clampInt(v int64) int {
	switch {
	case v > math.MaxInt:
		return math.MaxInt
	case v < math.MinInt:
		return math.MinInt
	}
	return int(v)
}
