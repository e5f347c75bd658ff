// Package rulecheck gathers the violations that the typed clients'
// validation rules report.
package rulecheck

import (
	"fmt"

	"github.com/ackgo/ack"
)

// Report records a violation of the rule being checked at a field path.
type Report = func(field, format string, args ...any)

// Collector gathers the violations of rules checked one after the other,
// each under the rule being checked, through one Report: a run makes one
// closure, not one a rule.
type Collector struct {
	rule string
	out  []ack.Violation
	fn   Report
}

// NewCollector returns a Collector with no violations.
func NewCollector() *Collector {
	c := &Collector{}
	c.fn = func(field, format string, args ...any) {
		c.out = append(c.out, ack.Violation{Rule: c.rule, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	return c
}

// Of returns the Report of rule's violations; it reports under rule until
// the next call of Of.
func (c *Collector) Of(rule string) Report {
	c.rule = rule
	return c.fn
}

// Violations returns the violations reported so far.
func (c *Collector) Violations() []ack.Violation { return c.out }

// Reporter returns a Report that appends violations of rule to out.
func Reporter(rule string, out *[]ack.Violation) Report {
	return func(field, format string, args ...any) {
		*out = append(*out, ack.Violation{Rule: rule, Field: field, Message: fmt.Sprintf(format, args...)})
	}
}
