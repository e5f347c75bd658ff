package ack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseValidationError checks the parser of refusal messages: it never
// panics, what it accepts has at least one violation with a rule, and the
// text of what it accepts parses back to the same value.
func FuzzParseValidationError(f *testing.F) {
	for _, s := range []string{
		`cluster "prod": invalid: name: is empty [cluster.name.format]`,
		`nodepool np-1: invalid (2 rules broken): scaling_group.max_size: below min_size [nodepool.size.range]; no region [cluster.region.required]`,
		`x: invalid: a [b.c]; d`,
		`: invalid:  [a.b]`,
		`not a refusal`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		ve, ok := ParseValidationError(msg)
		if !ok {
			if ve != nil {
				t.Fatalf("not ok but returned %+v", ve)
			}
			return
		}
		if len(ve.Violations) == 0 {
			t.Fatalf("ok without violations for %q", msg)
		}
		for _, v := range ve.Violations {
			if v.Rule == "" {
				t.Fatalf("a violation without a rule for %q: %+v", msg, ve)
			}
		}
		again, ok := ParseValidationError(ve.Error())
		if !ok {
			t.Fatalf("own text %q of %q does not parse", ve.Error(), msg)
		}
		if diff := cmp.Diff(ve, again); diff != "" {
			t.Fatalf("round trip of %q (-first +second):\n%s", msg, diff)
		}
	})
}
