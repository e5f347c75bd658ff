package wire

import (
	"encoding/json"
	"fmt"
)

// ParseMetaAddons decodes the Addons list of a meta_data string, for a
// reader that needs nothing else of it: what MetaData's "Addons" entry
// holds, as objects with at least a name, without building a map of the
// whole object. Keys match as encoding/json matches struct fields (the
// case of "Addons", "name", ... is not significant). A list of another
// shape (an item that is not an object, a name that is not a string, ...)
// is read the lenient way MetaData is: such items, and fields of an
// unexpected type, are left out. An empty string gives nil; a string that
// is not a JSON object is an error.
func ParseMetaAddons(s string) ([]Addon, error) {
	if s == "" {
		return nil, nil
	}
	var v struct {
		Addons []Addon `json:"Addons"`
	}
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		out := v.Addons[:0]
		for _, a := range v.Addons {
			if a.Name != "" {
				out = append(out, a)
			}
		}
		if len(out) == 0 {
			return nil, nil
		}
		return out, nil
	}
	md, err := ParseMetaData(s)
	if err != nil {
		return nil, err
	}
	return md.Addons(), nil
}

// Addons reads the Addons list of meta_data: objects with at least a
// name; fields of another type than expected read as empty.
func (m MetaData) Addons() []Addon {
	list, _ := m["Addons"].([]any)
	var out []Addon
	for _, item := range list {
		o, ok := item.(map[string]any)
		if !ok {
			continue
		}
		a := Addon{}
		a.Name, _ = o["name"].(string)
		a.Config, _ = o["config"].(string)
		a.Version, _ = o["version"].(string)
		a.Disabled, _ = o["disabled"].(bool)
		if a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}

// DecodeMetaAddons decodes the Addons list of the cluster's meta_data
// (ParseMetaAddons).
func (d *ClusterDetail) DecodeMetaAddons() ([]Addon, error) {
	a, err := ParseMetaAddons(d.MetaData)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", d.ClusterID, err)
	}
	return a, nil
}
