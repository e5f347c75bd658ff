package quota

// MaxPodsPerNode is the hard limit on pods per worker node: it is set when a
// cluster or node pool is created and cannot be raised by any ticket
// (product description, quotas and limits).
const MaxPodsPerNode = 256
