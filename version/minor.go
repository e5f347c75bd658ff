package version

import (
	"cmp"
	"fmt"
	"strconv"
)

// Minor is a minor release, such as 1.31: the unit of ACK's support
// policy. Every 1.31.z-aliyun.n belongs to Minor{Major: 1, Minor: 31}.
// ParseMinor reads one; minors are comparable with ==.
type Minor struct {
	// Major is the major version, 1 for every Kubernetes release so far.
	Major int
	// Minor is the minor number, 31 in 1.31.
	Minor int
}

// Next returns the minor after m: 1.32 for 1.31. Whether ACK ships it is
// the policy's business (see Policy.Ships).
func (m Minor) Next() Minor { return Minor{Major: m.Major, Minor: m.Minor + 1} }

// Prev returns the minor before m: 1.30 for 1.31. A major's first minor,
// x.0, has no predecessor that can be named without knowing the previous
// major's last minor; Prev returns x.0 itself.
func (m Minor) Prev() Minor {
	if m.Minor == 0 {
		return m
	}
	return Minor{Major: m.Major, Minor: m.Minor - 1}
}

// Compare returns -1, 0 or +1 as m is older than, the same as or newer
// than n.
func (m Minor) Compare(n Minor) int {
	if c := cmp.Compare(m.Major, n.Major); c != 0 {
		return c
	}
	return cmp.Compare(m.Minor, n.Minor)
}

// Less reports whether m is older than n.
func (m Minor) Less(n Minor) bool { return m.Compare(n) < 0 }

// IsZero reports whether m is the zero Minor, 0.0, "no minor".
func (m Minor) IsZero() bool { return m == Minor{} }

// String formats m as "1.31".
func (m Minor) String() string { return string(m.appendTo(make([]byte, 0, 8))) }

func (m Minor) appendTo(b []byte) []byte {
	b = strconv.AppendInt(b, int64(m.Major), 10)
	b = append(b, '.')
	return strconv.AppendInt(b, int64(m.Minor), 10)
}

// MarshalText formats m as String does, so that m is a JSON string. A
// negative number is an error.
func (m Minor) MarshalText() ([]byte, error) {
	if m.Major < 0 || m.Minor < 0 {
		return nil, fmt.Errorf("version: cannot write minor %+v: numbers must not be negative", m)
	}
	return m.appendTo(nil), nil
}

// UnmarshalText parses text with ParseMinor.
func (m *Minor) UnmarshalText(text []byte) error {
	p, err := ParseMinor(string(text))
	if err != nil {
		return err
	}
	*m = p
	return nil
}
