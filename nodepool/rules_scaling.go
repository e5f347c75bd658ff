package nodepool

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rules about the pool's name and its scaling group: where nodes go, which
// instance types they use, how they are billed and how many there are.

func checkName(s Spec, r report) {
	switch n := utf8.RuneCountInString(s.Name); {
	case n == 0:
		r(fieldName, "is empty; a node pool needs a name")
	case n > MaxNameLength:
		r(fieldName, "has %d characters; at most %d are allowed", n, MaxNameLength)
	}
}

func checkVSwitchCount(s Spec, r report) {
	if n := len(s.VSwitchIDs); n < 1 || n > MaxVSwitches {
		r(fieldVSwitches, "names %d vSwitches; a node pool names 1 to %d", n, MaxVSwitches)
	}
}

func checkVSwitchFormat(s Spec, r report) {
	for i, id := range s.VSwitchIDs {
		if !ValidVSwitchID(id) {
			r(at(fieldVSwitches, i), "is %q, not a vSwitch ID (vsw-...)", id)
		}
	}
}

func checkVSwitchUnique(s Spec, r report) {
	checkUnique(s.VSwitchIDs, fieldVSwitches, "vSwitch", r)
}

func checkInstanceTypeCount(s Spec, r report) {
	if n := len(s.InstanceTypes); n < 1 || n > MaxInstanceTypes {
		r(fieldInstanceTypes, "names %d instance types; a node pool names 1 to %d", n, MaxInstanceTypes)
	}
}

func checkInstanceTypeFormat(s Spec, r report) {
	for i, t := range s.InstanceTypes {
		if _, err := ParseInstanceType(t); err != nil {
			r(at(fieldInstanceTypes, i), "is %q, not an instance type (ecs.<family>.<size>)", t)
		}
	}
}

func checkInstanceTypeUnique(s Spec, r report) {
	checkUnique(s.InstanceTypes, fieldInstanceTypes, "instance type", r)
}

// checkUnique reports every element of list that repeats an earlier one.
func checkUnique(list []string, field, what string, r report) {
	for i, v := range list {
		if j := slices.Index(list[:i], v); j >= 0 {
			r(at(field, i), "repeats %s %q of %s", what, v, at(field, j))
		}
	}
}

func checkChargeType(s Spec, r report) {
	switch s.ChargeType {
	case "", PostPaid, PrePaid:
	default:
		r(fieldChargeType, "is %q; a node pool is PostPaid or PrePaid", s.ChargeType)
	}
}

// prePaid reports whether the pool is billed by subscription.
func (s Spec) prePaid() bool { return s.ChargeType == PrePaid }

func checkPrePaidOnly(s Spec, r report) {
	if s.prePaid() {
		return
	}
	sub := s.Subscription
	charge := s.ChargeType
	if charge == "" {
		charge = DefaultChargeType
	}
	if sub.Period != 0 {
		r(fieldPeriod, "is set on a %s pool; only PrePaid pools have a period", charge)
	}
	if sub.Unit != "" {
		r(fieldPeriodUnit, "is set on a %s pool; only PrePaid pools have a period unit", charge)
	}
	if sub.AutoRenew {
		r(fieldAutoRenew, "is set on a %s pool; only PrePaid pools renew", charge)
	}
	if sub.AutoRenewPeriod != 0 {
		r(fieldAutoRenewPeriod, "is set on a %s pool; only PrePaid pools renew", charge)
	}
}

func checkPeriodUnit(s Spec, r report) {
	if ValidPeriods(s.Subscription.Unit) == nil {
		r(fieldPeriodUnit, "is %q; the unit is Month or Week", s.Subscription.Unit)
	}
}

func checkPeriod(s Spec, r report) {
	valid := ValidPeriods(s.Subscription.Unit)
	if !s.prePaid() || valid == nil {
		return
	}
	if !slices.Contains(valid, s.Subscription.Period) {
		r(fieldPeriod, "is %d; a PrePaid pool buys %s %s", s.Subscription.Period, listInts(valid), unitName(s.Subscription.Unit))
	}
}

func checkAutoRenewPeriod(s Spec, r report) {
	sub := s.Subscription
	valid := ValidAutoRenewPeriods(sub.Unit)
	if !s.prePaid() || valid == nil {
		return
	}
	switch {
	case sub.AutoRenew && !slices.Contains(valid, sub.AutoRenewPeriod):
		r(fieldAutoRenewPeriod, "is %d; auto renewal is for %s %s", sub.AutoRenewPeriod, listInts(valid), unitName(sub.Unit))
	case !sub.AutoRenew && sub.AutoRenewPeriod != 0:
		r(fieldAutoRenewPeriod, "is %d without auto_renew; set auto_renew or leave it zero", sub.AutoRenewPeriod)
	}
}

// unitName names a period unit in messages, in the plural.
func unitName(u PeriodUnit) string {
	if u == Week {
		return "weeks"
	}
	return "months"
}

// listInts writes "1, 2 or 3".
func listInts(v []int) string {
	var b strings.Builder
	for i, n := range v {
		switch {
		case i == 0:
		case i == len(v)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

func checkDesiredSize(s Spec, r report) {
	if s.DesiredSize < 0 {
		r(fieldDesiredSize, "is %d; it cannot be negative", s.DesiredSize)
	}
}

func checkDesiredSizeAutoScaling(s Spec, r report) {
	if s.AutoScaling.Enabled && s.DesiredSize != 0 {
		r(fieldDesiredSize, "is %d with auto scaling on; the autoscaler sizes the pool between its minimum and maximum", s.DesiredSize)
	}
}
