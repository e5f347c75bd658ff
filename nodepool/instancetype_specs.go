package nodepool

import (
	"strconv"
	"strings"
)

// How an instance type's numbers follow from its name. Only ECS's naming
// rules and published data are used; anything else stays unknown (zero).
//
//   - vCPUs from the size: large 2, xlarge 4, Nxlarge 4N, for families of
//     generation 5 and later and for families whose qualifier gives a
//     cXmY ratio. Older families and the nano/micro/small/medium sizes
//     break the rule, so their vCPUs stay unknown. N above
//     maxDerivedMultiple is beyond any published size and stays unknown.
//   - Memory from a cXmY qualifier (c1m2: 2 GiB per vCPU), or from the
//     enterprise ratios of generation 6 and later: g 1:4, c 1:2, r 1:8
//     (also as ebm* bare metal and hf* high clock), with the feature
//     letters a, e, i, y or r. Generation 6's 13xlarge and 26xlarge sizes
//     run on 104-vCPU hosts and get 12/13 of the ratio (g6.26xlarge: 104
//     vCPUs, 384 GiB).
//   - GPUs from a cXgY qualifier: X vCPUs per Y GPUs (gn6i-c4g1.xlarge:
//     4 vCPUs, 1 GPU).
//   - publishedTypes for types whose memory follows no rule (GPU types).

// maxDerivedMultiple is the largest N of an Nxlarge size whose vCPUs are
// derived (256 vCPUs).
const maxDerivedMultiple = 64

// publishedSpec is the published shape of one instance type.
type publishedSpec struct {
	vcpus, memoryGiB, gpus int
}

// publishedTypes are types whose memory no rule gives, from ECS's
// instance type data.
var publishedTypes = map[string]publishedSpec{
	"ecs.gn6i-c4g1.xlarge":  {vcpus: 4, memoryGiB: 15, gpus: 1}, // NVIDIA T4
	"ecs.gn7i-c8g1.2xlarge": {vcpus: 8, memoryGiB: 30, gpus: 1}, // NVIDIA A10
}

// enterpriseRatio is GiB per vCPU of the enterprise families.
var enterpriseRatio = map[string]int{"g": 4, "c": 2, "r": 8}

// ratioFeatures are the feature letters with which a g, c or r family of
// generation 6 or later keeps its ratio.
var ratioFeatures = map[string]bool{"": true, "a": true, "e": true, "i": true, "y": true, "r": true}

// gpuBodies are the GPU family bodies, without a bare-metal prefix.
var gpuBodies = map[string]bool{"gn": true, "vgn": true, "sgn": true}

// derive fills the kind and the numbers of a parsed type.
func (t *InstanceType) derive() {
	base := t.Body
	scc := false
	switch {
	case strings.HasPrefix(base, "ebm"):
		t.BareMetal, base = true, base[len("ebm"):]
	case strings.HasPrefix(base, "scc"):
		t.BareMetal, scc, base = true, true, base[len("scc"):]
	}
	t.GPU = gpuBodies[base]

	if p, ok := publishedTypes[t.String()]; ok {
		t.VCPUs, t.MemoryMiB, t.GPUs = p.vcpus, p.memoryGiB*1024, p.gpus
		t.Known = true
		return
	}

	cpuPerMem, memPerCPU, hasMemRatio := ratioQualifier(t.Qualifier, 'm')
	if n := sizeVCPUs(t.Size); n > 0 && (t.Generation >= 5 || hasMemRatio) {
		t.VCPUs = n
	}
	if t.VCPUs == 0 {
		return
	}
	switch {
	case hasMemRatio:
		if mib := t.VCPUs * memPerCPU * 1024; mib%cpuPerMem == 0 {
			t.MemoryMiB = mib / cpuPerMem
		}
	case t.Qualifier == "" && !scc:
		t.MemoryMiB = enterpriseMemoryMiB(strings.TrimPrefix(base, "hf"), t.Generation, t.Features, t.Size, t.VCPUs)
	}
	if cpus, gpus, ok := ratioQualifier(t.Qualifier, 'g'); ok && t.GPU {
		if n := t.VCPUs * gpus; n%cpus == 0 {
			t.GPUs = n / cpus
		}
	}
	t.Known = t.VCPUs > 0 && t.MemoryMiB > 0
}

// sizeVCPUs returns the vCPUs of a size by ECS's rule, or zero.
func sizeVCPUs(size string) int {
	switch size {
	case "large":
		return 2
	case "xlarge":
		return 4
	}
	if n, ok := xlargeMultiple(size); ok && n <= maxDerivedMultiple {
		return 4 * n
	}
	return 0
}

// enterpriseMemoryMiB returns the memory of a g, c or r family by its
// ratio, or zero when the family has none.
func enterpriseMemoryMiB(base string, gen int, features, size string, vcpus int) int {
	ratio, ok := enterpriseRatio[base]
	if !ok || gen < 6 || !ratioFeatures[features] {
		return 0
	}
	gib := ratio * vcpus
	if n, _ := xlargeMultiple(size); gen == 6 && (n == 13 || n == 26) {
		gib = gib * 12 / 13
	}
	return gib * 1024
}

// ratioQualifier reads the first part of a qualifier written c<X><kind><Y>
// (kind 'm' for GiB, 'g' for GPUs) with X and Y positive.
func ratioQualifier(q string, kind byte) (x, y int, ok bool) {
	part, _, _ := strings.Cut(q, "-")
	rest, found := strings.CutPrefix(part, "c")
	if !found {
		return 0, 0, false
	}
	xs, ys, found := strings.Cut(rest, string(kind))
	if !found {
		return 0, 0, false
	}
	x, errX := positive(xs)
	y, errY := positive(ys)
	if errX != nil || errY != nil {
		return 0, 0, false
	}
	return x, y, true
}

// positive reads a small positive decimal without a leading zero.
func positive(s string) (int, error) {
	if s == "" || s[0] == '0' || len(s) > 3 {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(s)
}
