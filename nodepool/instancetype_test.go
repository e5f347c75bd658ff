package nodepool

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gib is n GiB in MiB.
func gib(n int) int { return n * 1024 }

func TestParseInstanceType(t *testing.T) {
	cases := []struct {
		name string
		want InstanceType
	}{
		// Enterprise families: the size rule and the g/c/r ratios.
		{"ecs.g6.large", InstanceType{Family: "g6", Body: "g", Generation: 6, Size: "large", VCPUs: 2, MemoryMiB: gib(8), Known: true}},
		{"ecs.c6.large", InstanceType{Family: "c6", Body: "c", Generation: 6, Size: "large", VCPUs: 2, MemoryMiB: gib(4), Known: true}},
		{"ecs.r6.large", InstanceType{Family: "r6", Body: "r", Generation: 6, Size: "large", VCPUs: 2, MemoryMiB: gib(16), Known: true}},
		{"ecs.g7.xlarge", InstanceType{Family: "g7", Body: "g", Generation: 7, Size: "xlarge", VCPUs: 4, MemoryMiB: gib(16), Known: true}},
		{"ecs.g7.2xlarge", InstanceType{Family: "g7", Body: "g", Generation: 7, Size: "2xlarge", VCPUs: 8, MemoryMiB: gib(32), Known: true}},
		{"ecs.c7.3xlarge", InstanceType{Family: "c7", Body: "c", Generation: 7, Size: "3xlarge", VCPUs: 12, MemoryMiB: gib(24), Known: true}},
		{"ecs.r7.32xlarge", InstanceType{Family: "r7", Body: "r", Generation: 7, Size: "32xlarge", VCPUs: 128, MemoryMiB: gib(1024), Known: true}},
		{"ecs.g7a.8xlarge", InstanceType{Family: "g7a", Body: "g", Generation: 7, Features: "a", Size: "8xlarge", VCPUs: 32, MemoryMiB: gib(128), Known: true}},
		{"ecs.c8i.xlarge", InstanceType{Family: "c8i", Body: "c", Generation: 8, Features: "i", Size: "xlarge", VCPUs: 4, MemoryMiB: gib(8), Known: true}},
		{"ecs.g8y.16xlarge", InstanceType{Family: "g8y", Body: "g", Generation: 8, Features: "y", Size: "16xlarge", VCPUs: 64, MemoryMiB: gib(256), Known: true}},
		{"ecs.g6e.4xlarge", InstanceType{Family: "g6e", Body: "g", Generation: 6, Features: "e", Size: "4xlarge", VCPUs: 16, MemoryMiB: gib(64), Known: true}},
		{"ecs.g6r.large", InstanceType{Family: "g6r", Body: "g", Generation: 6, Features: "r", Size: "large", VCPUs: 2, MemoryMiB: gib(8), Known: true}},
		{"ecs.hfg7.4xlarge", InstanceType{Family: "hfg7", Body: "hfg", Generation: 7, Size: "4xlarge", VCPUs: 16, MemoryMiB: gib(64), Known: true}},
		{"ecs.hfc6.large", InstanceType{Family: "hfc6", Body: "hfc", Generation: 6, Size: "large", VCPUs: 2, MemoryMiB: gib(4), Known: true}},
		// Generation 6's 104-vCPU hosts.
		{"ecs.g6.26xlarge", InstanceType{Family: "g6", Body: "g", Generation: 6, Size: "26xlarge", VCPUs: 104, MemoryMiB: gib(384), Known: true}},
		{"ecs.g6.13xlarge", InstanceType{Family: "g6", Body: "g", Generation: 6, Size: "13xlarge", VCPUs: 52, MemoryMiB: gib(192), Known: true}},
		{"ecs.c6.26xlarge", InstanceType{Family: "c6", Body: "c", Generation: 6, Size: "26xlarge", VCPUs: 104, MemoryMiB: gib(192), Known: true}},
		{"ecs.r6.13xlarge", InstanceType{Family: "r6", Body: "r", Generation: 6, Size: "13xlarge", VCPUs: 52, MemoryMiB: gib(384), Known: true}},
		// Bare metal (X-Dragon) and SCC.
		{"ecs.ebmg6.26xlarge", InstanceType{Family: "ebmg6", Body: "ebmg", Generation: 6, Size: "26xlarge", VCPUs: 104, MemoryMiB: gib(384), BareMetal: true, Known: true}},
		{"ecs.ebmc7.32xlarge", InstanceType{Family: "ebmc7", Body: "ebmc", Generation: 7, Size: "32xlarge", VCPUs: 128, MemoryMiB: gib(256), BareMetal: true, Known: true}},
		{"ecs.ebmhfg7.48xlarge", InstanceType{Family: "ebmhfg7", Body: "ebmhfg", Generation: 7, Size: "48xlarge", VCPUs: 192, MemoryMiB: gib(768), BareMetal: true, Known: true}},
		{"ecs.scch5.16xlarge", InstanceType{Family: "scch5", Body: "scch", Generation: 5, Size: "16xlarge", VCPUs: 64, BareMetal: true}},
		{"ecs.sccg7.32xlarge", InstanceType{Family: "sccg7", Body: "sccg", Generation: 7, Size: "32xlarge", VCPUs: 128, BareMetal: true}},
		// Ratios in the name.
		{"ecs.t6-c1m2.large", InstanceType{Family: "t6", Body: "t", Generation: 6, Qualifier: "c1m2", Size: "large", VCPUs: 2, MemoryMiB: gib(4), Known: true}},
		{"ecs.t6-c4m1.large", InstanceType{Family: "t6", Body: "t", Generation: 6, Qualifier: "c4m1", Size: "large", VCPUs: 2, MemoryMiB: 512, Known: true}},
		{"ecs.u1-c1m2.large", InstanceType{Family: "u1", Body: "u", Generation: 1, Qualifier: "c1m2", Size: "large", VCPUs: 2, MemoryMiB: gib(4), Known: true}},
		{"ecs.e-c1m1.large", InstanceType{Family: "e", Body: "e", Qualifier: "c1m1", Size: "large", VCPUs: 2, MemoryMiB: gib(2), Known: true}},
		// GPU types: published ones known, the others vCPUs and GPUs only.
		{"ecs.gn6i-c4g1.xlarge", InstanceType{Family: "gn6i", Body: "gn", Generation: 6, Features: "i", Qualifier: "c4g1", Size: "xlarge", VCPUs: 4, MemoryMiB: gib(15), GPUs: 1, GPU: true, Known: true}},
		{"ecs.gn7i-c8g1.2xlarge", InstanceType{Family: "gn7i", Body: "gn", Generation: 7, Features: "i", Qualifier: "c8g1", Size: "2xlarge", VCPUs: 8, MemoryMiB: gib(30), GPUs: 1, GPU: true, Known: true}},
		{"ecs.gn6v-c8g1.16xlarge", InstanceType{Family: "gn6v", Body: "gn", Generation: 6, Features: "v", Qualifier: "c8g1", Size: "16xlarge", VCPUs: 64, GPUs: 8, GPU: true}},
		{"ecs.gn7i-c32g1.8xlarge", InstanceType{Family: "gn7i", Body: "gn", Generation: 7, Features: "i", Qualifier: "c32g1", Size: "8xlarge", VCPUs: 32, GPUs: 1, GPU: true}},
		{"ecs.vgn6i-m4.xlarge", InstanceType{Family: "vgn6i", Body: "vgn", Generation: 6, Features: "i", Qualifier: "m4", Size: "xlarge", VCPUs: 4, GPU: true}},
		{"ecs.sgn7i-vws-m2s.xlarge", InstanceType{Family: "sgn7i", Body: "sgn", Generation: 7, Features: "i", Qualifier: "vws-m2s", Size: "xlarge", VCPUs: 4, GPU: true}},
		{"ecs.ebmgn7e.32xlarge", InstanceType{Family: "ebmgn7e", Body: "ebmgn", Generation: 7, Features: "e", Size: "32xlarge", VCPUs: 128, GPU: true, BareMetal: true}},
		{"ecs.sccgn6.24xlarge", InstanceType{Family: "sccgn6", Body: "sccgn", Generation: 6, Size: "24xlarge", VCPUs: 96, GPU: true, BareMetal: true}},
		// Well-formed but not derivable: unknown, not guessed.
		{"ecs.g5.large", InstanceType{Family: "g5", Body: "g", Generation: 5, Size: "large", VCPUs: 2}},
		{"ecs.g7t.large", InstanceType{Family: "g7t", Body: "g", Generation: 7, Features: "t", Size: "large", VCPUs: 2}},
		{"ecs.sn2ne.large", InstanceType{Family: "sn2ne", Body: "sn", Generation: 2, Features: "ne", Size: "large"}},
		{"ecs.n1.tiny", InstanceType{Family: "n1", Body: "n", Generation: 1, Size: "tiny"}},
		{"ecs.t5-lc1m2.small", InstanceType{Family: "t5", Body: "t", Generation: 5, Qualifier: "lc1m2", Size: "small"}},
		{"ecs.t1.xsmall", InstanceType{Family: "t1", Body: "t", Generation: 1, Size: "xsmall"}},
		{"ecs.g6.128xlarge", InstanceType{Family: "g6", Body: "g", Generation: 6, Size: "128xlarge"}},
		{"ecs.f3-c16f1.4xlarge", InstanceType{Family: "f3", Body: "f", Generation: 3, Qualifier: "c16f1", Size: "4xlarge"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseInstanceType(c.name)
			if err != nil {
				t.Fatalf("ParseInstanceType: %v", err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if s := got.String(); s != c.name {
				t.Errorf("String() = %q", s)
			}
		})
	}
}

func TestParseInstanceTypeMalformed(t *testing.T) {
	for _, s := range []string{
		"", "g6.large", "ecs.g6", "ecs..large", "ecs.g6.", "ecs.g6.large.x", "ecs.G6.large",
		"ECS.g6.large", " ecs.g6.large", "ecs.g06.large", "ecs.6g.large", "ecs.g6.1xlarge",
		"ecs.g6.0xlarge", "ecs.g6.02xlarge", "ecs.g6.1000xlarge", "ecs.g6.huge", "ecs.g6.xxlarge",
		"ecs.g6-.large", "ecs.g6--c1.large", "ecs.g6-C1M2.large", "ecs.g6e1.large", "ecs.gé6.large",
		"ecs.g100.large", "ecs.-c1m1.large",
	} {
		t.Run(s, func(t *testing.T) {
			got, err := ParseInstanceType(s)
			if !errors.Is(err, ErrMalformedInstanceType) {
				t.Fatalf("ParseInstanceType(%q) = %+v, %v; want ErrMalformedInstanceType", s, got, err)
			}
			if !strings.Contains(err.Error(), strconv.Quote(s)) {
				t.Errorf("error %q does not name the instance type", err)
			}
		})
	}
}

func TestInstanceTypeHelpers(t *testing.T) {
	it, err := ParseInstanceType("ecs.gn6i-c4g1.xlarge")
	if err != nil {
		t.Fatal(err)
	}
	if got := it.FamilyName(); got != "ecs.gn6i" {
		t.Errorf("FamilyName() = %q, want ecs.gn6i", got)
	}
	if got := it.MemoryGiB(); got != 15 {
		t.Errorf("MemoryGiB() = %v, want 15", got)
	}
}

func FuzzParseInstanceType(f *testing.F) {
	for _, s := range []string{
		"ecs.g7.large", "ecs.gn6i-c4g1.xlarge", "ecs.ebmg6.26xlarge", "ecs.t6-c1m2.large",
		"ecs.sgn7i-vws-m2s.xlarge", "ecs.e-c1m1.large", "ecs.g6.1xlarge", "ecs.g6", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		it, err := ParseInstanceType(s)
		if err != nil {
			if !errors.Is(err, ErrMalformedInstanceType) {
				t.Fatalf("ParseInstanceType(%q): error %v does not match ErrMalformedInstanceType", s, err)
			}
			return
		}
		if got := it.String(); got != s {
			t.Fatalf("ParseInstanceType(%q).String() = %q", s, got)
		}
		gen := ""
		if it.Generation > 0 {
			gen = strconv.Itoa(it.Generation)
		}
		if want := it.Body + gen + it.Features; it.Family != want {
			t.Fatalf("%q: Family %q is not Body+Generation+Features %q", s, it.Family, want)
		}
		if it.Known != (it.VCPUs > 0 && it.MemoryMiB > 0) {
			t.Fatalf("%q: Known %v with %d vCPUs and %d MiB", s, it.Known, it.VCPUs, it.MemoryMiB)
		}
		if it.VCPUs < 0 || it.MemoryMiB < 0 || it.GPUs < 0 || it.GPUs > 0 && !it.GPU {
			t.Fatalf("%q: impossible numbers %+v", s, it)
		}
		bare := strings.HasPrefix(it.Body, "ebm") || strings.HasPrefix(it.Body, "scc")
		if it.BareMetal != bare {
			t.Fatalf("%q: BareMetal %v for body %q", s, it.BareMetal, it.Body)
		}
		again, err := ParseInstanceType(it.String())
		if err != nil || again != it {
			t.Fatalf("%q: reparsing gives %+v, %v", s, again, err)
		}
	})
}
