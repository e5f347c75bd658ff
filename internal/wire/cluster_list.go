package wire

import "net/url"

// DescribeClustersV1Query is the query of DescribeClustersV1. Every field
// filters; PageNumber starts at 1.
type DescribeClustersV1Query struct {
	Name        string
	ClusterType string
	ClusterSpec string
	Profile     string
	RegionID    string
	ClusterID   string
	PageNumber  int64
	PageSize    int64
}

// Query encodes the query.
func (r DescribeClustersV1Query) Query() url.Values {
	q := url.Values{}
	setString(q, "name", r.Name)
	setString(q, "cluster_type", r.ClusterType)
	setString(q, "cluster_spec", r.ClusterSpec)
	setString(q, "profile", r.Profile)
	setString(q, "region_id", r.RegionID)
	setString(q, "cluster_id", r.ClusterID)
	setInt(q, "page_number", r.PageNumber)
	setInt(q, "page_size", r.PageSize)
	return q
}

// ParseDescribeClustersV1Query reads the query of DescribeClustersV1.
func ParseDescribeClustersV1Query(q url.Values) (DescribeClustersV1Query, error) {
	r := DescribeClustersV1Query{
		Name:        q.Get("name"),
		ClusterType: q.Get("cluster_type"),
		ClusterSpec: q.Get("cluster_spec"),
		Profile:     q.Get("profile"),
		RegionID:    q.Get("region_id"),
		ClusterID:   q.Get("cluster_id"),
	}
	var e1, e2 error
	r.PageNumber, e1 = getInt(q, "page_number")
	r.PageSize, e2 = getInt(q, "page_size")
	if err := firstErr(e1, e2); err != nil {
		return DescribeClustersV1Query{}, err
	}
	return r, nil
}

// DescribeClustersQuery is the query of the legacy DescribeClusters
// (GET /clusters), whose answer is a bare array of clusters (see
// DecodeClusterList). Note clusterType in camelCase.
type DescribeClustersQuery struct {
	Name            string
	ClusterType     string
	ResourceGroupID string
}

// Query encodes the query.
func (r DescribeClustersQuery) Query() url.Values {
	q := url.Values{}
	setString(q, "name", r.Name)
	setString(q, "clusterType", r.ClusterType)
	setString(q, "resource_group_id", r.ResourceGroupID)
	return q
}

// ParseDescribeClustersQuery reads the query of DescribeClusters.
func ParseDescribeClustersQuery(q url.Values) (DescribeClustersQuery, error) {
	return DescribeClustersQuery{
		Name:            q.Get("name"),
		ClusterType:     q.Get("clusterType"),
		ResourceGroupID: q.Get("resource_group_id"),
	}, nil
}
