// Package version will model Kubernetes versions on ACK: version strings
// (x.y.z-aliyun.n), the support policy's timelines (online, offline,
// retired), the one-minor-at-a-time upgrade paths, the version catalog and a
// typed client over DescribeKubernetesVersionMetadata and the upgrade calls.
//
// It is empty today: the versions and upgrades work fills it.
package version
