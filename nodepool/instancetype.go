package nodepool

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrMalformedInstanceType is matched (errors.Is) by the errors of
// ParseInstanceType for names that are not written ecs.<family>.<size>.
var ErrMalformedInstanceType = errors.New("malformed instance type")

// InstanceType is an ECS instance type read from its name, for example
// ecs.g7.2xlarge or ecs.gn6i-c4g1.xlarge.
//
// A name is ecs.<family>[-<qualifier>].<size>. The family is a body of
// letters ("g", "gn", "ebmg", "hfc"), an optional generation ("7") and
// feature letters ("a" AMD, "i" Intel, "y" Yitian Arm, "e" enhanced, ...).
// The qualifier, when there is one, encodes a ratio: cXmY is X vCPUs to Y
// GiB (t6-c1m2), cXgY is X vCPUs to Y GPUs (gn6i-c4g1).
//
// The numbers are read from the name by ECS's naming rules, never guessed:
// a field this package cannot derive for certain is zero, and Known is
// false unless both VCPUs and MemoryMiB are known.
type InstanceType struct {
	// Family is the instance family without "ecs.", for example "g7",
	// "gn6i" or "ebmg6".
	Family string
	// Body is the family's leading letters, for example "g", "gn", "ebmg".
	Body string
	// Generation is the family's generation, for example 7; zero when the
	// name has none (ecs.e-c1m1.large).
	Generation int
	// Features are the letters after the generation, for example "a",
	// "e", "ne"; empty when there are none.
	Features string
	// Qualifier is what follows the family after a hyphen, for example
	// "c4g1" or "c1m2"; empty when there is none.
	Qualifier string
	// Size is the size word, for example "large" or "2xlarge".
	Size string
	// VCPUs is the number of vCPUs; zero when unknown.
	VCPUs int
	// MemoryMiB is the memory in MiB; zero when unknown.
	MemoryMiB int
	// GPUs is the number of GPUs of a GPU type; zero when there are none
	// or the number is unknown (vGPU slices, bare-metal GPU types).
	GPUs int
	// GPU reports a GPU family: gn (NVIDIA GPU compute), vgn and sgn
	// (GRID vGPU), also as bare metal (ebmgn, sccgn).
	GPU bool
	// BareMetal reports an ECS Bare Metal (X-Dragon) family, ebm*, or a
	// Super Computing Cluster family, scc* (bare metal with RDMA).
	BareMetal bool
	// Known reports that VCPUs and MemoryMiB are both known.
	Known bool
}

// String returns the instance type's name, ecs.<family>[-<qualifier>].<size>.
func (t InstanceType) String() string {
	var b strings.Builder
	b.WriteString("ecs.")
	b.WriteString(t.Family)
	if t.Qualifier != "" {
		b.WriteByte('-')
		b.WriteString(t.Qualifier)
	}
	b.WriteByte('.')
	b.WriteString(t.Size)
	return b.String()
}

// FamilyName returns the family as ACK reports it (wire
// instance_type_family), for example "ecs.g7".
func (t InstanceType) FamilyName() string { return "ecs." + t.Family }

// MemoryGiB returns the memory in GiB; zero when unknown.
func (t InstanceType) MemoryGiB() float64 { return float64(t.MemoryMiB) / 1024 }

// ParseInstanceType reads an ECS instance type name. A name that is not
// written ecs.<family>[-<qualifier>].<size> is an error matching
// ErrMalformedInstanceType. A well-formed name of a family or size whose
// numbers this package cannot derive is not an error: it comes back with
// Known false and the unknown numbers zero.
func ParseInstanceType(s string) (InstanceType, error) {
	t, reason := parseName(s)
	if reason != "" {
		return InstanceType{}, fmt.Errorf("instance type %q: %s: %w", s, reason, ErrMalformedInstanceType)
	}
	t.derive()
	return t, nil
}

// parseName splits a name into its parts, or says why it cannot.
func parseName(s string) (InstanceType, string) {
	rest, ok := strings.CutPrefix(s, "ecs.")
	if !ok {
		return InstanceType{}, `does not start with "ecs."`
	}
	family, size, ok := strings.Cut(rest, ".")
	if !ok || family == "" || size == "" {
		return InstanceType{}, "is not ecs.<family>.<size>"
	}
	if !validSize(size) {
		return InstanceType{}, fmt.Sprintf("has size %q, which is not a known size word", size)
	}
	t := InstanceType{Size: size}
	var hasQualifier bool
	t.Family, t.Qualifier, hasQualifier = strings.Cut(family, "-")
	if hasQualifier && !validQualifier(t.Qualifier) {
		return InstanceType{}, fmt.Sprintf("has qualifier %q, which is not lower-case letters and digits in hyphen-separated parts", t.Qualifier)
	}
	var reason string
	t.Body, t.Generation, t.Features, reason = splitFamily(t.Family)
	if reason != "" {
		return InstanceType{}, reason
	}
	return t, ""
}

// splitFamily reads a family as letters, an optional generation without a
// leading zero and feature letters.
func splitFamily(f string) (body string, gen int, features, reason string) {
	i := 0
	for i < len(f) && isLower(f[i]) {
		i++
	}
	body = f[:i]
	j := i
	for j < len(f) && isDigit(f[j]) {
		j++
	}
	digits := f[i:j]
	features = f[j:]
	switch {
	case body == "":
		return "", 0, "", fmt.Sprintf("has family %q, which does not start with a letter", f)
	case strings.HasPrefix(digits, "0"):
		return "", 0, "", fmt.Sprintf("has family %q, whose generation starts with 0", f)
	case strings.IndexFunc(features, func(r rune) bool { return r > 0x7f || !isLower(byte(r)) }) >= 0:
		return "", 0, "", fmt.Sprintf("has family %q, which is not letters, a generation and letters", f)
	case digits == "" && features != "":
		return "", 0, "", fmt.Sprintf("has family %q, which is not letters, a generation and letters", f)
	}
	if digits != "" {
		n, err := strconv.Atoi(digits)
		if err != nil || n > maxGeneration {
			return "", 0, "", fmt.Sprintf("has family %q, whose generation is out of range", f)
		}
		gen = n
	}
	return body, gen, features, ""
}

// maxGeneration bounds the generation digits a name may carry.
const maxGeneration = 99

// sizeWords are the size words other than Nxlarge.
var sizeWords = []string{"nano", "micro", "tiny", "xsmall", "small", "medium", "large", "xlarge"}

// validSize reports whether s is a size word or Nxlarge with N from 2 to
// maxSizeMultiple, written without a leading zero.
func validSize(s string) bool {
	for _, w := range sizeWords {
		if s == w {
			return true
		}
	}
	_, ok := xlargeMultiple(s)
	return ok
}

// maxSizeMultiple is the largest N of an Nxlarge size.
const maxSizeMultiple = 999

// xlargeMultiple returns N of an Nxlarge size.
func xlargeMultiple(s string) (int, bool) {
	digits, ok := strings.CutSuffix(s, "xlarge")
	if !ok || digits == "" || digits[0] == '0' || len(digits) > 3 {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if !isDigit(digits[i]) {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(digits)
	return n, n >= 2 && n <= maxSizeMultiple
}

// validQualifier reports whether q is hyphen-separated non-empty parts of
// lower-case letters and digits.
func validQualifier(q string) bool {
	for _, part := range strings.Split(q, "-") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isLower(part[i]) && !isDigit(part[i]) {
				return false
			}
		}
	}
	return true
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
