package nodepool_test

import (
	"testing"

	"github.com/ackgo/ack/nodepool"
)

// FuzzUpgradeOptionsFromRequest: any body either fails to decode or gives
// options that Validate judges without panicking, and whose version
// CheckUpgrade judges the same way against any control plane.
func FuzzUpgradeOptionsFromRequest(f *testing.F) {
	f.Add([]byte(`{"kubernetes_version":"1.34.1-aliyun.1","rolling_policy":{"max_parallelism":1,"batch_interval":10,"pause_policy":"NotPause"}}`))
	f.Add([]byte(`{"image_id":"aliyun_3_x64","runtime_type":"containerd","runtime_version":"2.1.1","use_replace":true}`))
	f.Add([]byte(`{"rolling_policy":{"batch_interval":-3}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		o, err := nodepool.UpgradeOptionsFromRequest(body)
		if err != nil {
			return
		}
		verr := o.Validate("np-1")
		if cerr := nodepool.CheckUpgrade("np-1", "", "", o.KubernetesVersion); cerr != nil && verr == nil {
			t.Fatalf("CheckUpgrade refuses %q but Validate does not", o.KubernetesVersion)
		}
	})
}
