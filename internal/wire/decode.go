package wire

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Decode unmarshals a JSON body into a T, with an error that names the
// type, for example Decode[ClusterDetail](resp.Body).
func Decode[T any](body []byte) (T, error) {
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		var zero T
		name := strings.ReplaceAll(reflect.TypeFor[T]().String(), "wire.", "")
		return zero, fmt.Errorf("decode %s: %w", name, err)
	}
	return v, nil
}

// DecodeClusterDetail decodes the answer of DescribeClusterDetail.
func DecodeClusterDetail(body []byte) (ClusterDetail, error) {
	return Decode[ClusterDetail](body)
}

// DecodeClusterList decodes the answer of the legacy DescribeClusters, a
// bare JSON array of clusters.
func DecodeClusterList(body []byte) ([]ClusterDetail, error) {
	return Decode[[]ClusterDetail](body)
}

// DecodeTaskInfo decodes the answer of DescribeTaskInfo.
func DecodeTaskInfo(body []byte) (TaskInfo, error) {
	return Decode[TaskInfo](body)
}

// DecodeTaskSummary decodes the part of DescribeTaskInfo's answer that a
// wait reads. The other fields (target, parameters, outputs, stages,
// events, task_result) are skipped without being decoded: a poll costs
// less, and a change in the shape of a field the caller never reads does
// not fail it.
func DecodeTaskSummary(body []byte) (TaskSummary, error) {
	return Decode[TaskSummary](body)
}

// DecodeNodePoolDetail decodes the answer of DescribeClusterNodePoolDetail.
func DecodeNodePoolDetail(body []byte) (NodePoolDetail, error) {
	return Decode[NodePoolDetail](body)
}

// DecodeUserQuota decodes the answer of DescribeUserQuota.
func DecodeUserQuota(body []byte) (UserQuota, error) {
	return Decode[UserQuota](body)
}

// DecodeVersionMetadata decodes the answer of
// DescribeKubernetesVersionMetadata, a bare JSON array.
func DecodeVersionMetadata(body []byte) ([]VersionMetadata, error) {
	return Decode[[]VersionMetadata](body)
}
