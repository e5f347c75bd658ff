package fake

import (
	"encoding/json"
	"testing"

	"github.com/ackgo/ack/internal/wire"
)

func TestMetaDataIsEncodingJSON(t *testing.T) {
	tests := []struct {
		name      string
		version   string
		multiZone bool
		cr        wire.CreateClusterRequest
	}{
		{"no addons", "1.33.1-aliyun.1", false, wire.CreateClusterRequest{}},
		{"addons", "1.33.1-aliyun.1", true, wire.CreateClusterRequest{Addons: []wire.Addon{
			{Name: "flannel"}, {Name: "csi", Config: `{"a":"<b>"}`, Disabled: true, Version: "v1"}}}},
		{"cloud monitor only", "1.32", false, wire.CreateClusterRequest{CloudMonitorFlags: wire.Bool(true)}},
		{"addons and cloud monitor", "1.32", false, wire.CreateClusterRequest{Addons: []wire.Addon{{Name: "terway-eniip"}}, CloudMonitorFlags: wire.Bool(true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaJSON{Addons: []metaAddon{}, KubernetesVersion: tt.version, MultiAZ: tt.multiZone, SubClass: "default"}
			for _, a := range tt.cr.Addons {
				m.Addons = append(m.Addons, metaAddon{Name: a.Name, Config: a.Config, Disabled: a.Disabled, Version: a.Version})
			}
			if wire.BoolValue(tt.cr.CloudMonitorFlags, false) {
				m.Addons = append(m.Addons, metaAddon{Name: "cloud-monitor"})
			}
			want, _ := json.Marshal(m)
			if got := metaData(tt.version, tt.multiZone, &tt.cr); got != string(want) {
				t.Errorf("metaData = %s\nencoding/json writes %s", got, want)
			}
		})
	}
}
