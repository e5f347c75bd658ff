package cluster

import (
	"fmt"
	"slices"
)

// Preset chooses whose rules apply: the product description's (the
// default) or today's ACK's. The two differ where ACK changed after the
// product description was written: today's ACK does not require a NAT
// gateway, and lets a user expose the API server to the internet after
// creation. Validate and CheckChange take one through WithPreset;
// each Rule lists the presets it belongs to.
type Preset int

// The presets.
const (
	// PresetProduct follows the product description: every validation rule
	// and every immutability rule of this package. It is the default.
	PresetProduct Preset = iota
	// PresetCurrent follows ACK as it is today: the NAT gateway is
	// optional (rule "cluster.nat.required" is off) and the API server may
	// get a public endpoint later (rule "cluster.immutable.public_endpoint"
	// is off).
	PresetCurrent
)

// String returns the preset's name.
func (p Preset) String() string {
	switch p {
	case PresetProduct:
		return "product"
	case PresetCurrent:
		return "current"
	}
	return fmt.Sprintf("Preset(%d)", int(p))
}

// Rule describes one rule of this package: validation rules (Rules) and
// immutability rules (ChangeRules) alike. Violations carry its ID.
type Rule struct {
	// ID is the rule's stable ID, for example "cluster.name.format".
	ID string
	// Field is the Spec field path the rule is about, for example
	// "network.node_cidr_mask"; a violation may name a more precise path
	// ("masters.instance_types[1]"). It is empty for a rule about many
	// fields ("cluster.immutable.field"), whose violations name each one.
	Field string
	// Description says what the rule requires.
	Description string
	// Presets lists the presets the rule belongs to.
	Presets []Preset
}

// In reports whether the rule belongs to preset p.
func (r Rule) In(p Preset) bool { return slices.Contains(r.Presets, p) }

// clone returns a copy of r that shares no slice with it.
func (r Rule) clone() Rule {
	r.Presets = slices.Clone(r.Presets)
	return r
}

// Preset sets used by the registries.
var (
	allPresets  = []Preset{PresetProduct, PresetCurrent}
	productOnly = []Preset{PresetProduct}
)
