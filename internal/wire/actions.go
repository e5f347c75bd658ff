package wire

import "net/http"

// Placeholder names used by the route table. ACK's own documents spell
// them inconsistently (ClusterId, clusterId, task_id); the table uses one
// spelling each so that a server reads params the same way for every route.
const (
	// ParamClusterID names the cluster ID placeholder.
	ParamClusterID = "ClusterId"
	// ParamNodepoolID names the node pool ID placeholder.
	ParamNodepoolID = "NodepoolId"
	// ParamTaskID names the task ID placeholder.
	ParamTaskID = "TaskId"
)

// Action names, as sent in the x-acs-action header.
const (
	// Clusters.
	ActionCreateCluster                   = "CreateCluster"
	ActionDescribeClusters                = "DescribeClusters"
	ActionDescribeClusterDetail           = "DescribeClusterDetail"
	ActionDescribeClustersV1              = "DescribeClustersV1"
	ActionDeleteCluster                   = "DeleteCluster"
	ActionModifyCluster                   = "ModifyCluster"
	ActionScaleOutCluster                 = "ScaleOutCluster"
	ActionMigrateCluster                  = "MigrateCluster"
	ActionModifyClusterTags               = "ModifyClusterTags"
	ActionDescribeClusterResources        = "DescribeClusterResources"
	ActionDescribeClusterNodes            = "DescribeClusterNodes"
	ActionDeleteClusterNodes              = "DeleteClusterNodes"
	ActionRemoveClusterNodes              = "RemoveClusterNodes"
	ActionDescribeClusterUserKubeconfig   = "DescribeClusterUserKubeconfig"
	ActionDescribeClusterV2UserKubeconfig = "DescribeClusterV2UserKubeconfig"

	// Node pools.
	ActionCreateClusterNodePool         = "CreateClusterNodePool"
	ActionDescribeClusterNodePools      = "DescribeClusterNodePools"
	ActionDescribeClusterNodePoolDetail = "DescribeClusterNodePoolDetail"
	ActionModifyClusterNodePool         = "ModifyClusterNodePool"
	ActionScaleClusterNodePool          = "ScaleClusterNodePool"
	ActionDeleteClusterNodepool         = "DeleteClusterNodepool"
	ActionRemoveNodePoolNodes           = "RemoveNodePoolNodes"
	ActionUpgradeClusterNodepool        = "UpgradeClusterNodepool"
	ActionAttachInstancesToNodePool     = "AttachInstancesToNodePool"
	ActionRepairClusterNodePool         = "RepairClusterNodePool"
	ActionModifyNodePoolNodeConfig      = "ModifyNodePoolNodeConfig"
	ActionSyncClusterNodePool           = "SyncClusterNodePool"

	// Quota and versions.
	ActionDescribeUserQuota                 = "DescribeUserQuota"
	ActionDescribeKubernetesVersionMetadata = "DescribeKubernetesVersionMetadata"

	// Cluster upgrades.
	ActionUpgradeCluster       = "UpgradeCluster"
	ActionGetUpgradeStatus     = "GetUpgradeStatus"
	ActionPauseClusterUpgrade  = "PauseClusterUpgrade"
	ActionResumeUpgradeCluster = "ResumeUpgradeCluster"
	ActionCancelClusterUpgrade = "CancelClusterUpgrade"

	// Tasks.
	ActionDescribeTaskInfo     = "DescribeTaskInfo"
	ActionDescribeClusterTasks = "DescribeClusterTasks"
	ActionCancelTask           = "CancelTask"
	ActionPauseTask            = "PauseTask"
	ActionResumeTask           = "ResumeTask"
)

const (
	pCluster  = "/clusters/{" + ParamClusterID + "}"
	pV2       = "/api/v2/clusters/{" + ParamClusterID + "}"
	pNodepool = pCluster + "/nodepools/{" + ParamNodepoolID + "}"
	pTask     = "/tasks/{" + ParamTaskID + "}"
)

// table is the one route table of the SDK. Typed clients build requests
// from it and the fake routes requests with it.
var table = []Route{
	{ActionCreateCluster, http.MethodPost, "/clusters", BodyObject, BodyObject},
	{ActionDescribeClusters, http.MethodGet, "/clusters", BodyNone, BodyArray},
	{ActionDescribeClusterDetail, http.MethodGet, pCluster, BodyNone, BodyObject},
	{ActionDescribeClustersV1, http.MethodGet, "/api/v1/clusters", BodyNone, BodyObject},
	// DeleteCluster takes its options in the query; older clients send
	// retain_all_resources and keep_slb in a JSON body instead
	// (ParseDeleteClusterRequest reads both).
	{ActionDeleteCluster, http.MethodDelete, pCluster, BodyNone, BodyObject},
	{ActionModifyCluster, http.MethodPut, pV2, BodyObject, BodyObject},
	{ActionScaleOutCluster, http.MethodPost, pV2, BodyObject, BodyObject},
	{ActionMigrateCluster, http.MethodPost, pCluster + "/migrate", BodyObject, BodyObject},
	{ActionModifyClusterTags, http.MethodPost, pCluster + "/tags", BodyArray, BodyNone},
	{ActionDescribeClusterResources, http.MethodGet, pCluster + "/resources", BodyNone, BodyArray},
	{ActionDescribeClusterNodes, http.MethodGet, pCluster + "/nodes", BodyNone, BodyObject},
	{ActionDeleteClusterNodes, http.MethodPost, pCluster + "/nodes", BodyObject, BodyObject},
	{ActionRemoveClusterNodes, http.MethodPost, pV2 + "/nodes/remove", BodyObject, BodyNone},
	{ActionDescribeClusterUserKubeconfig, http.MethodGet, "/k8s/{" + ParamClusterID + "}/user_config", BodyNone, BodyObject},
	{ActionDescribeClusterV2UserKubeconfig, http.MethodGet, "/api/v2/k8s/{" + ParamClusterID + "}/user_config", BodyNone, BodyObject},

	{ActionCreateClusterNodePool, http.MethodPost, pCluster + "/nodepools", BodyObject, BodyObject},
	{ActionDescribeClusterNodePools, http.MethodGet, pCluster + "/nodepools", BodyNone, BodyObject},
	{ActionDescribeClusterNodePoolDetail, http.MethodGet, pNodepool, BodyNone, BodyObject},
	{ActionModifyClusterNodePool, http.MethodPut, pNodepool, BodyObject, BodyObject},
	{ActionScaleClusterNodePool, http.MethodPost, pNodepool, BodyObject, BodyObject},
	{ActionDeleteClusterNodepool, http.MethodDelete, pNodepool, BodyNone, BodyObject},
	{ActionRemoveNodePoolNodes, http.MethodDelete, pNodepool + "/nodes", BodyNone, BodyObject},
	{ActionUpgradeClusterNodepool, http.MethodPost, pNodepool + "/upgrade", BodyObject, BodyObject},
	{ActionAttachInstancesToNodePool, http.MethodPost, pNodepool + "/attach", BodyObject, BodyObject},
	{ActionRepairClusterNodePool, http.MethodPost, pNodepool + "/repair", BodyObject, BodyObject},
	{ActionModifyNodePoolNodeConfig, http.MethodPut, pNodepool + "/node_config", BodyObject, BodyObject},
	{ActionSyncClusterNodePool, http.MethodPost, pCluster + "/sync_nodepools", BodyNone, BodyObject},

	{ActionDescribeUserQuota, http.MethodGet, "/quota", BodyNone, BodyObject},
	{ActionDescribeKubernetesVersionMetadata, http.MethodGet, "/api/v1/metadata/versions", BodyNone, BodyArray},

	{ActionUpgradeCluster, http.MethodPost, pV2 + "/upgrade", BodyObject, BodyObject},
	{ActionGetUpgradeStatus, http.MethodGet, pV2 + "/upgrade/status", BodyNone, BodyObject},
	{ActionPauseClusterUpgrade, http.MethodPost, pV2 + "/upgrade/pause", BodyNone, BodyNone},
	{ActionResumeUpgradeCluster, http.MethodPost, pV2 + "/upgrade/resume", BodyNone, BodyNone},
	{ActionCancelClusterUpgrade, http.MethodPost, pV2 + "/upgrade/cancel", BodyNone, BodyNone},

	{ActionDescribeTaskInfo, http.MethodGet, pTask, BodyNone, BodyObject},
	{ActionDescribeClusterTasks, http.MethodGet, pCluster + "/tasks", BodyNone, BodyObject},
	{ActionCancelTask, http.MethodPost, pTask + "/cancel", BodyNone, BodyNone},
	{ActionPauseTask, http.MethodPost, pTask + "/pause", BodyNone, BodyNone},
	{ActionResumeTask, http.MethodPost, pTask + "/resume", BodyNone, BodyNone},
}

var defaultRouter = newRouter(table)
