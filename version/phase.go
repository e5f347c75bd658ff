package version

import "strconv"

// Phase is where a minor stands in its lifecycle at a given time.
//
//	Unknown     the timeline does not hold the minor (never shipped under
//	            the policy, or outside the calendar)
//	Unreleased  not yet released by ACK
//	Online      released: new clusters can be created on it, and it is
//	            supported
//	Offline     no new clusters, but still supported: existing clusters run
//	            and can upgrade from it
//	Retired     no support; its upgrade channel is closed
type Phase int

// The phases, in lifecycle order. The zero Phase is Unknown.
const (
	Unknown Phase = iota
	Unreleased
	Online
	Offline
	Retired
)

var phaseNames = [...]string{"unknown", "unreleased", "online", "offline", "retired"}

// String returns the phase's name in lower case: "online".
func (p Phase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return "Phase(" + strconv.Itoa(int(p)) + ")"
	}
	return phaseNames[p]
}

// Supported reports whether a minor in phase p is supported: Online or
// Offline.
func (p Phase) Supported() bool { return p == Online || p == Offline }

// Creatable reports whether new clusters can be created on a minor in
// phase p: Online only.
func (p Phase) Creatable() bool { return p == Online }
