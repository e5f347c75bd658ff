package nodepool

// The formats of VPC and vSwitch IDs. Node pools name vSwitches; clusters
// name a VPC and vSwitches; the fake registers both. All of them read the
// formats here, so that a client and the fake accept the same IDs.

// maxNetworkIDSuffix is the most characters a VPC or vSwitch ID has after
// its "vpc-" or "vsw-" prefix.
const maxNetworkIDSuffix = 64

// ValidVSwitchID reports whether id is shaped like a vSwitch ID: "vsw-",
// then 1 to 64 lower-case letters, digits and hyphens, the
// first a letter or digit (for example "vsw-bp1a2b3c" or "vsw-demo").
func ValidVSwitchID(id string) bool { return validNetworkID("vsw-", id) }

// ValidVPCID reports whether id is shaped like a VPC ID: "vpc-", then 1 to
// MaxNetworkIDSuffix lower-case letters, digits and hyphens, the first a
// letter or digit (for example "vpc-bp1a2b3c" or "vpc-demo").
func ValidVPCID(id string) bool { return validNetworkID("vpc-", id) }

// validNetworkID reports whether id is prefix followed by a valid suffix.
func validNetworkID(prefix, id string) bool {
	if len(id) <= len(prefix) || id[:len(prefix)] != prefix {
		return false
	}
	rest := id[len(prefix):]
	if len(rest) > maxNetworkIDSuffix || !lowerAlnum(rest[0]) {
		return false
	}
	for i := 1; i < len(rest); i++ {
		if c := rest[i]; !lowerAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}
