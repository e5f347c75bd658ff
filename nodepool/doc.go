// Package nodepool will model ACK node pools: the Spec people create a pool
// with, ECS instance types (vCPUs, memory, GPUs, bare metal), auto scaling
// and the scale-in rule that removes only nodes a scale-out added, newest
// first; and a typed client over the node pool calls of the ACK OpenAPI.
//
// It is empty today: the node pools and quotas work fills it.
package nodepool
