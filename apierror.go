package ack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors for errors.Is. An *APIError matches the sentinel of its
// code's category; a *ValidationError matches ErrInvalid.
var (
	// ErrNotFound: the resource does not exist (ACK codes such as
	// ErrorClusterNotFound and ErrorNodePoolNotFound; never a 404 alone).
	ErrNotFound = errors.New("not found")
	// ErrThrottled: the request was refused by flow control.
	ErrThrottled = errors.New("throttled")
	// ErrQuotaExceeded: a quota or an account prerequisite refused the request.
	ErrQuotaExceeded = errors.New("quota exceeded")
	// ErrConflict: the resource's state does not allow the operation now, or
	// the resource already exists.
	ErrConflict = errors.New("conflict")
	// ErrInvalid: the request is invalid, as the server or client-side
	// validation found.
	ErrInvalid = errors.New("invalid request")
	// ErrAuth: the credentials are unknown, the signature is wrong or the
	// caller lacks permission.
	ErrAuth = errors.New("authentication or authorization failed")
)

// APIError is an error answer of the ACK OpenAPI, decoded from its body
// (keys code/message/requestId, lower-case or capitalised).
type APIError struct {
	// Action is the API that answered, for example "DescribeClusterDetail".
	Action string
	// HTTPStatus is the HTTP status of the answer.
	HTTPStatus int
	// Code is ACK's error code, for example "ErrorClusterNotFound".
	Code string
	// Message is ACK's message.
	Message string
	// RequestID identifies the request for Alibaba Cloud support.
	RequestID string
	// RetryAfter is the delay the server asked for (Retry-After, or the
	// TimeLeft of the x-ratelimit headers), zero when it asked none.
	RetryAfter time.Duration
}

// Error describes the answer.
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Action != "" {
		b.WriteString(e.Action)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "HTTP %d", e.HTTPStatus)
	if e.Code != "" {
		b.WriteString(" ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request id ")
		b.WriteString(e.RequestID)
		b.WriteString(")")
	}
	return b.String()
}

// Is makes errors.Is match the sentinel of the code's category.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return isNotFoundCode(e.Code)
	case ErrThrottled:
		return isThrottleCode(e.Code) || isThrottleCode(e.Message)
	case ErrQuotaExceeded:
		return isQuotaCode(e.Code)
	case ErrConflict:
		return isConflictCode(e.Code) || (e.HTTPStatus == http.StatusConflict && !isNotFoundCode(e.Code))
	case ErrInvalid:
		return isInvalidCode(e.Code)
	case ErrAuth:
		return isAuthCode(e.Code) || ((e.HTTPStatus == http.StatusUnauthorized || e.HTTPStatus == http.StatusForbidden) && !isThrottleCode(e.Code))
	}
	return false
}

// isNotFoundCode reports whether an ACK error code says that a resource does
// not exist: ACK's Error<Thing>NotFound and AddonNotFound codes. Codes such
// as InvalidAccessKeyId.NotFound are authentication errors, not this.
func isNotFoundCode(code string) bool {
	if code == CodeAddonNotFound {
		return true
	}
	return strings.HasPrefix(code, "Error") && strings.HasSuffix(code, "NotFound")
}

// isThrottleCode reports whether a code (or message) is one of flow control:
// Throttling, Throttling.*, Rejected.Throttling, QPS Limit Exceeded.
func isThrottleCode(code string) bool {
	return code == CodeThrottling || strings.HasPrefix(code, prefixThrottling) ||
		code == CodeRejectedThrottling || strings.Contains(code, "QPS Limit Exceeded")
}

// isQuotaCode reports whether a code is a quota or account-prerequisite
// refusal: QuotaExceeded*, InsufficientBalance, and the fake's
// Account.* prerequisite codes.
func isQuotaCode(code string) bool {
	return strings.HasPrefix(code, prefixQuotaExceeded) || code == CodeInsufficientBalance ||
		strings.HasPrefix(code, prefixAccount)
}

// isConflictCode reports whether a code says the resource's state forbids the
// operation now or the resource already exists.
func isConflictCode(code string) bool {
	switch code {
	case CodeClusterState, CodeNodePoolState, CodeClusterNameAlreadyExist,
		CodeErrorClusterNameAlreadyExist, CodeDeletionProtection:
		return true
	}
	return strings.HasPrefix(code, "DependencyViolation") || strings.HasSuffix(code, "AlreadyExist")
}

// isInvalidCode reports whether a code says the request is invalid.
func isInvalidCode(code string) bool {
	return strings.HasPrefix(code, "InvalidParameter") || strings.HasPrefix(code, "MissingParameter") ||
		strings.HasPrefix(code, "InvalidInput") || code == CodeErrorInvalidParameter ||
		strings.HasPrefix(code, "Immutable.") || strings.HasPrefix(code, "Invalid.") || code == CodeNotImplemented ||
		code == "400"
}

// isAuthCode reports whether a code is an authentication or authorization
// refusal.
func isAuthCode(code string) bool {
	return code == CodeCheckACL || strings.HasPrefix(code, "Forbidden") ||
		strings.HasPrefix(code, "InvalidAccessKeyId") || code == CodeSignatureDoesNotMatch ||
		strings.HasPrefix(code, "InvalidTimeStamp") || code == CodeIncompleteSignature ||
		strings.HasPrefix(code, "InvalidSecurityToken") || code == CodeMissingAuthorization ||
		strings.HasPrefix(code, "EntityNotExist.Role") || code == CodeNoPermission
}

// Violation is one broken rule found by validation.
type Violation struct {
	// Rule is the rule's stable ID, for example "cluster.name.format".
	Rule string
	// Field is the path of the offending field, for example
	// "masters.instance_types[1]".
	Field string
	// Message says what is wrong and what is allowed.
	Message string
}

// String formats the violation as "field: message [rule]".
func (v Violation) String() string {
	if v.Field == "" {
		return fmt.Sprintf("%s [%s]", v.Message, v.Rule)
	}
	return fmt.Sprintf("%s: %s [%s]", v.Field, v.Message, v.Rule)
}

// ValidationError lists every rule a value breaks. It is returned before any
// call is made, and matches ErrInvalid.
type ValidationError struct {
	// Resource names what was validated, for example `cluster "prod"`.
	Resource string
	// Violations lists every broken rule, in a stable order.
	Violations []Violation
}

// Error lists the violations.
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Resource != "" {
		b.WriteString(e.Resource)
		b.WriteString(": ")
	}
	if len(e.Violations) == 1 {
		b.WriteString("invalid: ")
	} else {
		fmt.Fprintf(&b, "invalid (%d rules broken): ", len(e.Violations))
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is matches ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// HasRule reports whether the error lists the rule.
func (e *ValidationError) HasRule(rule string) bool {
	for _, v := range e.Violations {
		if v.Rule == rule {
			return true
		}
	}
	return false
}

// TaskFailedError ends a wait whose task or resource failed.
type TaskFailedError struct {
	// Kind is the kind of resource, for example "cluster" or "nodepool".
	Kind string
	// ResourceID identifies the resource.
	ResourceID string
	// TaskID identifies the task, when known.
	TaskID string
	// Code is the task's error code, for example "400".
	Code string
	// Message is the task's error message.
	Message string
	// State is the resource's last state.
	State string
}

// Error describes the failure.
func (e *TaskFailedError) Error() string {
	s := fmt.Sprintf("%s %s: ", e.Kind, e.ResourceID)
	if e.TaskID != "" {
		s += fmt.Sprintf("task %s ", e.TaskID)
	}
	s += "failed"
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.State != "" {
		s += fmt.Sprintf(" (state %s)", e.State)
	}
	return s
}

// WaitTimeoutError ends a wait that ran past its MaxWait (on the Config's
// clock) or its context's deadline. Its message names what ended the wait
// and the object last seen, for example
//
//	cluster c-1: MaxWait 10m0s passed on the clock after 14 polls: task T-1 is "running", waiting for "success"
//	cluster c-1: context deadline exceeded after 35s and 4 polls: cluster c-1 is "initial", waiting for "running"
type WaitTimeoutError struct {
	// Kind is the kind of resource, for example "cluster".
	Kind string
	// ResourceID identifies the resource.
	ResourceID string
	// Phase is the phase the wait was in: PhaseTask while it waited for
	// the task, else the resource's phase ("cluster", "nodepool").
	Phase string
	// TaskID identifies the task, when known.
	TaskID string
	// Target is the state waited for: the task's in the task phase, the
	// resource's after it.
	Target string
	// LastState is the last state seen in that phase, empty when no read
	// of the phase succeeded.
	LastState string
	// Polls is how many times the resource or task was read.
	Polls int
	// Waited is how long the wait lasted on the clock.
	Waited time.Duration
	// MaxWait is the bound that ended the wait, when it was MaxWait.
	MaxWait time.Duration
	// Err is the context's error when the context ended the wait.
	Err error
}

// Error describes the timeout: what ended the wait, and which object is in
// which state.
func (e *WaitTimeoutError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", e.Kind, e.ResourceID)
	switch {
	case errors.Is(e.Err, context.DeadlineExceeded):
		fmt.Fprintf(&b, "context deadline exceeded after %s and %s", e.Waited, polls(e.Polls))
	case e.Err != nil:
		fmt.Fprintf(&b, "%v after %s and %s", e.Err, e.Waited, polls(e.Polls))
	case e.MaxWait > 0:
		fmt.Fprintf(&b, "MaxWait %s passed on the clock after %s", e.MaxWait, polls(e.Polls))
	default:
		fmt.Fprintf(&b, "MaxWait passed on the clock after %s and %s", e.Waited, polls(e.Polls))
	}
	b.WriteString(": ")
	if e.LastState == "" {
		fmt.Fprintf(&b, "no state of %s read yet", e.object())
	} else {
		fmt.Fprintf(&b, "%s is %q", e.object(), e.LastState)
	}
	fmt.Fprintf(&b, ", waiting for %q", e.Target)
	return b.String()
}

// object names what the phase of the wait reads: "task T-1", "cluster
// c-1", "node pool np-1".
func (e *WaitTimeoutError) object() string {
	if e.Phase == PhaseTask {
		if e.TaskID == "" {
			return "the task"
		}
		return "task " + e.TaskID
	}
	noun := e.Kind
	if noun == "nodepool" {
		noun = "node pool"
	}
	if s := strings.TrimSpace(noun + " " + e.ResourceID); s != "" {
		return s
	}
	return "the resource"
}

// polls counts polls in words: "1 poll", "3 polls".
func polls(n int) string {
	if n == 1 {
		return "1 poll"
	}
	return fmt.Sprintf("%d polls", n)
}

// Unwrap returns the context's error, if any.
func (e *WaitTimeoutError) Unwrap() error { return e.Err }
