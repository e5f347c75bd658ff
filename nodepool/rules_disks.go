package nodepool

import (
	"fmt"
	"slices"
)

// Rules about the nodes' disks.

// performanceLevels are the ESSD performance levels.
var performanceLevels = []string{"PL0", "PL1", "PL2", "PL3"}

// knownCategory reports whether c is empty (the default) or a category ACK
// accepts.
func knownCategory(c DiskCategory) bool {
	return c == "" || slices.Contains(DiskCategories(), c)
}

func checkSystemDiskCategory(s Spec, r report) {
	if c := s.SystemDisk.Category; !knownCategory(c) {
		r(fieldSystemDiskCategory, "is %q; %s", c, categoryHint())
	}
}

func checkSystemDiskSize(s Spec, r report) {
	if n := s.SystemDisk.SizeGiB; n != 0 && (n < MinSystemDiskGiB || n > MaxSystemDiskGiB) {
		r(fieldSystemDiskSize, "is %d GiB; a system disk has %d to %d GiB", n, MinSystemDiskGiB, MaxSystemDiskGiB)
	}
}

func checkSystemDiskPL(s Spec, r report) {
	d := s.SystemDisk
	if d.Category == "" {
		d.Category = DefaultSystemDiskCategory
	}
	if msg := performanceLevelProblem(d); msg != "" {
		r(fieldSystemDiskPL, "%s", msg)
	}
}

func checkDataDiskCategory(s Spec, r report) {
	for i, d := range s.DataDisks {
		if !knownCategory(d.Category) {
			r(at(fieldDataDisks, i)+".category", "is %q; %s", d.Category, categoryHint())
		}
	}
}

func checkDataDiskSize(s Spec, r report) {
	for i, d := range s.DataDisks {
		if d.SizeGiB < MinDataDiskGiB || d.SizeGiB > MaxDataDiskGiB {
			r(at(fieldDataDisks, i)+".size", "is %d GiB; a data disk has %d to %d GiB", d.SizeGiB, MinDataDiskGiB, MaxDataDiskGiB)
		}
	}
}

func checkDataDiskPL(s Spec, r report) {
	for i, d := range s.DataDisks {
		if d.Category == "" {
			d.Category = DefaultDataDiskCategory
		}
		if msg := performanceLevelProblem(d); msg != "" {
			r(at(fieldDataDisks, i)+".performance_level", "%s", msg)
		}
	}
}

// performanceLevelProblem says what is wrong with a disk's performance
// level, or returns "". A disk of an unknown category is left to the
// category rule.
func performanceLevelProblem(d Disk) string {
	switch {
	case d.PerformanceLevel == "":
		return ""
	case !slices.Contains(performanceLevels, d.PerformanceLevel):
		return fmt.Sprintf("is %q; a performance level is PL0, PL1, PL2 or PL3", d.PerformanceLevel)
	case d.Category != DiskESSD && knownCategory(d.Category):
		return fmt.Sprintf("is %s on a %s disk; only cloud_essd disks have a performance level", d.PerformanceLevel, d.Category)
	}
	return ""
}

// categoryHint lists the categories in messages.
func categoryHint() string {
	return fmt.Sprintf("a disk category is one of %v", DiskCategories())
}
