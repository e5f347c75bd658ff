package ack

import (
	"errors"
	"fmt"
	"testing"
)

// TestAsRefusal checks which call errors become a *RefusalError.
func TestAsRefusal(t *testing.T) {
	refusal := `cluster "x": invalid: name: bad [cluster.name.format]`
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"rule refusal", &APIError{Code: "InvalidParameter", HTTPStatus: 400, Message: refusal}, true},
		{"wrapped", fmt.Errorf("call: %w", &APIError{Code: "InvalidParameter", HTTPStatus: 400, Message: refusal}), true},
		{"invalid without rules", &APIError{Code: "InvalidParameter", HTTPStatus: 400, Message: "bad"}, false},
		{"not invalid", &APIError{Code: "ErrorClusterState", HTTPStatus: 400, Message: refusal}, false},
		{"not an API error", errors.New(refusal), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := asRefusal(tt.err)
			var r *RefusalError
			if errors.As(got, &r) != tt.want {
				t.Fatalf("asRefusal(%v) = %v; refusal %t, want %t", tt.err, got, !tt.want, tt.want)
			}
			if !tt.want {
				return
			}
			var ve *ValidationError
			var api *APIError
			if !errors.As(got, &ve) || !errors.As(got, &api) || !errors.Is(got, ErrInvalid) || !ve.HasRule("cluster.name.format") {
				t.Errorf("asRefusal(%v) = %v; want a ValidationError with the rule and the APIError", tt.err, got)
			}
		})
	}
}
