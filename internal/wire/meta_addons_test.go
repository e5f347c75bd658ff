package wire

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseMetaAddonsAgreesWithMetaData(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"empty", ``},
		{"no addons", `{"KubernetesVersion":"1.33.1"}`},
		{"addons", `{"Addons":[{"config":"","name":"flannel"},{"name":"cms","disabled":true,"version":"1.2"}],"MultiAZ":false}`},
		{"nameless and null items", `{"Addons":[{"config":"x"},null,{"name":"terway-eniip"}]}`},
		{"items of other types", `{"Addons":[1,"s",["a"],{"name":"flannel"}]}`},
		{"fields of other types", `{"Addons":[{"name":"flannel","config":{"a":1},"disabled":"yes","version":3}]}`},
		{"a name of another type", `{"Addons":[{"name":7},{"name":"cms"}]}`},
		{"addons not a list", `{"Addons":"flannel"}`},
		{"null addons", `{"Addons":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMetaAddons(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			md, err := ParseMetaData(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(md.Addons(), got); diff != "" {
				t.Errorf("ParseMetaAddons(%s) differs from MetaData.Addons (-map +lean):\n%s", tt.in, diff)
			}
		})
	}
	for _, bad := range []string{`[]`, `"s"`, `{`} {
		if _, err := ParseMetaAddons(bad); err == nil {
			t.Errorf("ParseMetaAddons(%s): no error", bad)
		}
	}
}
