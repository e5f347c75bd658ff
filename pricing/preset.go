package pricing

import "fmt"

// Preset chooses which fees apply. Prices always come from the book; the
// preset decides whether the management fee is charged at all.
type Preset int

const (
	// Current bills as ACK does today (FACTS B2): managed Pro clusters pay
	// the management fee per cluster-hour (0.64 CNY in the default book).
	// It is the zero value, and the default of the cost example and the
	// fake: a cost tool shows today's bill.
	Current Preset = iota
	// Product bills as the product description does: no management fee
	// for any form (it says dedicated and managed clusters are free; the
	// user pays for the resources).
	Product
)

// String returns "Current" or "Product".
func (p Preset) String() string {
	switch p {
	case Current:
		return "Current"
	case Product:
		return "Product"
	}
	return fmt.Sprintf("Preset(%d)", int(p))
}

// ChargesManagementFee reports whether the preset charges the Pro
// management fee.
func (p Preset) ChargesManagementFee() bool { return p == Current }

// ParsePreset reads "Current" or "Product" (as String writes them).
func ParsePreset(s string) (Preset, error) {
	switch s {
	case "Current", "current":
		return Current, nil
	case "Product", "product":
		return Product, nil
	}
	return 0, fmt.Errorf("pricing: preset %q: want Current or Product", s)
}
