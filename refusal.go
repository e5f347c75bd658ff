package ack

import (
	"errors"
	"regexp"
	"strings"
)

// A server that judges a request with the domain packages' rules (the fake
// does, with the very code their Validate functions run) refuses it with InvalidParameter and a
// message that is the *ValidationError's text: the resource, then each
// violation as "field: message [rule.id]", joined by "; ". The client reads
// such a message back into an *ValidationError, so that errors.As finds
// the same type, with the same rule IDs, whether the client or the server
// refused.

// refusalHeader matches the head of a ValidationError's text: the resource
// and ": " (absent when the error names no resource), then "invalid: " or
// "invalid (N rules broken): ".
var refusalHeader = regexp.MustCompile(`^(?:(.*?): )?invalid(?: \(\d+ rules broken\))?: `)

// ruleRef matches the rule ID that ends a violation: white space (a
// Violation always writes one before its rule), a bracketed dotted name,
// then "; " or the end of the message.
var ruleRef = regexp.MustCompile(`\s+\[([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)\](?:; |$)`)

// fieldPath matches a violation's field path: no spaces, as the rules
// write them ("masters.instance_types[1]", "vswitch_ids[0]").
var fieldPath = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.\[\]-]*$`)

// ParseValidationError reads a refusal message back into a ValidationError. ok is
// false when the message does not have the shape of one.
func ParseValidationError(msg string) (ve *ValidationError, ok bool) {
	head := refusalHeader.FindStringSubmatchIndex(msg)
	if head == nil {
		return nil, false
	}
	ve = &ValidationError{}
	if head[2] >= 0 {
		ve.Resource = msg[head[2]:head[3]]
	}
	body := msg[head[1]:]
	prev := 0
	for _, m := range ruleRef.FindAllStringSubmatchIndex(body, -1) {
		text, rule := body[prev:m[0]], body[m[2]:m[3]]
		prev = m[1]
		v := Violation{Rule: rule, Message: text}
		if field, rest, found := strings.Cut(text, ": "); found && fieldPath.MatchString(field) {
			v.Field, v.Message = field, rest
		}
		ve.Violations = append(ve.Violations, v)
	}
	if len(ve.Violations) == 0 || prev != len(body) {
		return nil, false
	}
	return ve, true
}

// RefusalError is a request that ACK (or the fake) refused by the domain
// packages' rules: errors.As finds both the *ValidationError read back
// from the answer, with the rule IDs a client-side validation reports, and
// the *APIError with its request ID. It matches ErrInvalid.
type RefusalError struct {
	// Validation lists the broken rules.
	Validation *ValidationError
	// Err is the call's error, which wraps the *APIError.
	Err error
}

// Error is the validation's text and the request that was refused.
func (e *RefusalError) Error() string {
	s := e.Validation.Error()
	var api *APIError
	if errors.As(e.Err, &api) {
		s += " (refused by " + api.Action
		if api.RequestID != "" {
			s += ", request id " + api.RequestID
		}
		s += ")"
	}
	return s
}

// Unwrap returns the validation error and the call's error.
func (e *RefusalError) Unwrap() []error { return []error{e.Validation, e.Err} }

// asRefusal turns a call's error whose answer is a rule refusal into a
// *RefusalError; any other error comes back unchanged.
func asRefusal(err error) error {
	var api *APIError
	if !errors.As(err, &api) || !errors.Is(api, ErrInvalid) {
		return err
	}
	ve, ok := ParseValidationError(api.Message)
	if !ok {
		return err
	}
	return &RefusalError{Validation: ve, Err: err}
}
