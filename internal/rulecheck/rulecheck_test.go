package rulecheck

import (
	"testing"

	"github.com/ackgo/ack"
	"github.com/google/go-cmp/cmp"
)

func TestCollector(t *testing.T) {
	c := NewCollector()
	c.Of("a")("x", "is %d", 1)
	r := c.Of("b")
	r("y", "is %s", "two")
	r("z", "plain")
	want := []ack.Violation{{Rule: "a", Field: "x", Message: "is 1"}, {Rule: "b", Field: "y", Message: "is two"}, {Rule: "b", Field: "z", Message: "plain"}}
	if diff := cmp.Diff(want, c.Violations()); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
}

func TestReporter(t *testing.T) {
	var out []ack.Violation
	Reporter("r", &out)("f", "is %v", true)
	if want := []ack.Violation{{Rule: "r", Field: "f", Message: "is true"}}; !cmp.Equal(want, out) {
		t.Errorf("violations = %v; want %v", out, want)
	}
}
