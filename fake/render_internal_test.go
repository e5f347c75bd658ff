package fake

import "testing"

// TestInstanceFamily checks that node answers name an instance type's
// family as the nodepool package reads it.
func TestInstanceFamily(t *testing.T) {
	tests := []struct{ typ, want string }{
		{"ecs.g7.large", "ecs.g7"},
		{"ecs.g7.2xlarge", "ecs.g7"},
		{"ecs.c8y.xlarge", "ecs.c8y"},
		{"ecs.ebmg6.26xlarge", "ecs.ebmg6"},
		// A qualifier is not part of the family.
		{"ecs.gn6i-c4g1.xlarge", "ecs.gn6i"},
		{"ecs.t6-c1m2.large", "ecs.t6"},
		// Well formed but of a family nothing is known about.
		{"ecs.zz9.large", "ecs.zz9"},
		// Malformed: no family rather than a guess.
		{"g7.large", ""},
		{"ecs.g7", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := instanceFamily(tt.typ); got != tt.want {
			t.Errorf("instanceFamily(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}
