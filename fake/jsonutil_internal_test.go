package fake

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJSONParamsAgreeWithJSON checks the direct conversion of task
// parameters against decoding their JSON, which it stands in for.
func TestJSONParamsAgreeWithJSON(t *testing.T) {
	type custom struct {
		A int `json:"a"`
	}
	tests := []struct {
		name   string
		params map[string]any
	}{
		{"nil", nil},
		{"empty", map[string]any{}},
		{"scalars", map[string]any{"s": "x", "b": true, "i": 3, "i64": int64(-7), "f": 1.5, "null": nil}},
		{"lists", map[string]any{"ids": []string{"i-1", "i-2"}, "none": []string(nil), "empty": []string{}}},
		{"nested", map[string]any{"o": map[string]any{"n": 2, "deep": map[string]any{"k": "v"}}}},
		{"fallback", map[string]any{"c": custom{A: 1}, "n": 4}},
		{"nested fallback", map[string]any{"o": map[string]any{"c": []int{1, 2}}}},
		{"JSON values", map[string]any{"a": []any{"x", 1.0, nil, map[string]any{"k": []any{true}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(cloneJSON(tt.params), jsonParams(tt.params)); diff != "" {
				t.Errorf("jsonParams (-JSON +direct):\n%s", diff)
			}
		})
	}
}
