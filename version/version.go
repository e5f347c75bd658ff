package version

import (
	"cmp"
	"fmt"
	"strconv"
)

// The suffixes of ACK's version strings: -aliyun.n for ACK's clusters,
// -aliyunedge.n for ACK Edge's.
const (
	suffixStandard = "aliyun"
	suffixEdge     = "aliyunedge"
)

// Version is one Kubernetes version as ACK names it, x.y.z-aliyun.n: the
// upstream version x.y.z and ACK's patch counter n. Parse reads one; the
// zero Version is "0.0.0" and means "none". Versions are comparable with
// == and ordered by Compare.
type Version struct {
	// Major, Minor and Patch are the upstream version, 1.31.1 in
	// 1.31.1-aliyun.1.
	Major, Minor, Patch int
	// ACKPatch is ACK's patch counter, the n of -aliyun.n; 0 when the
	// string has no suffix (as in 1.14.8, the form of 2019–2021).
	ACKPatch int
	// Edge marks ACK Edge's suffix, -aliyunedge.n instead of -aliyun.n. It
	// is only meaningful with an ACKPatch.
	Edge bool
}

// MinorVersion returns the minor release v belongs to: 1.31 for
// 1.31.1-aliyun.1.
func (v Version) MinorVersion() Minor { return Minor{Major: v.Major, Minor: v.Minor} }

// MinorString returns v's minor release as text, "1.31" for
// 1.31.1-aliyun.1.
func (v Version) MinorString() string { return v.MinorVersion().String() }

// IsZero reports whether v is the zero Version, "no version".
func (v Version) IsZero() bool { return v == Version{} }

// Compare returns -1, 0 or +1 as v is older than, the same as or newer
// than w. Major, minor, patch and the ACK patch counter are compared in
// turn as numbers, so 1.14.8 < 1.14.8-aliyun.1 < 1.14.8-aliyun.2 <
// 1.14.9. Between an ACK and an ACK Edge string with the same numbers the
// ACK one sorts first, so the order is total.
func (v Version) Compare(w Version) int {
	if c := cmp.Compare(v.Major, w.Major); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Minor, w.Minor); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Patch, w.Patch); c != 0 {
		return c
	}
	if c := cmp.Compare(v.ACKPatch, w.ACKPatch); c != 0 {
		return c
	}
	switch {
	case v.Edge == w.Edge:
		return 0
	case w.Edge:
		return -1
	default:
		return +1
	}
}

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

// String formats v as ACK does: "1.31.1-aliyun.1", or "1.14.8" without an
// ACK patch counter.
func (v Version) String() string { return string(v.appendTo(make([]byte, 0, 24))) }

func (v Version) appendTo(b []byte) []byte {
	b = strconv.AppendInt(b, int64(v.Major), 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(v.Minor), 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(v.Patch), 10)
	if v.ACKPatch != 0 {
		b = append(b, '-')
		if v.Edge {
			b = append(b, suffixEdge...)
		} else {
			b = append(b, suffixStandard...)
		}
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(v.ACKPatch), 10)
	}
	return b
}

// MarshalText formats v as String does, so that v is a JSON string. A v
// that String cannot write in a form Parse reads back (a negative number,
// Edge without an ACK patch counter) is an error.
func (v Version) MarshalText() ([]byte, error) {
	if v.Major < 0 || v.Minor < 0 || v.Patch < 0 || v.ACKPatch < 0 || (v.Edge && v.ACKPatch == 0) {
		return nil, fmt.Errorf("version: cannot write %+v: numbers must not be negative and Edge needs an ACK patch counter", v)
	}
	return v.appendTo(nil), nil
}

// UnmarshalText parses text with Parse.
func (v *Version) UnmarshalText(text []byte) error {
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}
