package fake

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ackgo/ack"
)

// Error codes the fake answers with, from the SDK's one list of codes.
// Each has one HTTP status (StatusOf).
// Codes marked "ACK" are ACK's or the API gateway's own; codes marked
// "fake" are the fake's choice where ACK's code is not known, kept in ACK's
// style so that the SDK's predicates (ack.IsNotFound, ack.IsConflict, ...)
// classify them the way they classify ACK's.
const (
	// ErrorClusterNotFound (ACK, 404): the cluster does not exist or was
	// deleted.
	ErrorClusterNotFound = ack.CodeClusterNotFound
	// ErrorTaskNotFound (fake, 404): the task does not exist.
	ErrorTaskNotFound = ack.CodeTaskNotFound
	// ErrorNodePoolNotFound (ACK, 404): the node pool does not exist in
	// the cluster, or was deleted.
	ErrorNodePoolNotFound = ack.CodeNodePoolNotFound
	// ErrorNodePoolState (ACK's spelling, 400): the node pool's state does
	// not allow the operation now: another operation runs on it, or a
	// delete without force finds nodes in it.
	ErrorNodePoolState = ack.CodeNodePoolState
	// ErrorClusterState (ACK, 400): the cluster's state does not allow the
	// operation now, for example a delete while it is being created.
	ErrorClusterState = ack.CodeClusterState
	// ErrorDeletionProtection (fake, 400): DeleteCluster refused because
	// the cluster has deletion protection on.
	ErrorDeletionProtection = ack.CodeDeletionProtection
	// InvalidParameter (ACK, 400): the request breaks a rule. When the rule
	// is one of the domain packages' rules, the message lists each broken
	// rule as "field: message [rule.id]" (see the package documentation).
	InvalidParameter = ack.CodeInvalidParameter
	// InvalidParameterFormat (ACK, 400): a body, a query value or a nested
	// JSON string is not well-formed.
	InvalidParameterFormat = ack.CodeInvalidParameterFormat
	// InvalidVpcIDNotFound (VPC API's code, 400): the VPC is unknown and the
	// network is strict.
	InvalidVpcIDNotFound = ack.CodeInvalidVpcIDNotFound
	// InvalidVSwitchIDNotFound (VPC API's code, 400): the vSwitch is unknown
	// and the network is strict.
	InvalidVSwitchIDNotFound = ack.CodeInvalidVSwitchIDNotFound
	// ThrottlingUser (gateway, 400): per-account flow control.
	ThrottlingUser = ack.CodeThrottlingUser
	// Throttling (gateway, 400): flow control.
	Throttling = ack.CodeThrottling
	// ServiceUnavailable (gateway, 503): a transient refusal; nothing was
	// applied.
	ServiceUnavailable = ack.CodeServiceUnavailable
	// InternalError (ACK, 500): a server error; the request may or may not
	// have been applied.
	InternalError = ack.CodeInternalError
	// NotImplemented (fake, 501): an ACK API the fake does not simulate.
	// The message names the action.
	NotImplemented = ack.CodeNotImplemented
	// InvalidActionNotFound (gateway, 404): no ACK API has this method and
	// path.
	InvalidActionNotFound = ack.CodeInvalidActionNotFound
	// ErrorCheckAcl (ACK, 403): the caller may not perform the action, for
	// example a write with a read-only key.
	ErrorCheckAcl = ack.CodeCheckACL
	// MissingAuthorization (gateway, 400): credentials are configured and
	// the request is not signed.
	MissingAuthorization = ack.CodeMissingAuthorization
	// IncompleteSignature (gateway, 400): the signature headers are
	// malformed or incomplete.
	IncompleteSignature = ack.CodeIncompleteSignature
	// InvalidAccessKeyIDNotFound (gateway, 404): the access key ID is not
	// one of the configured credentials.
	InvalidAccessKeyIDNotFound = ack.CodeInvalidAccessKeyIDNotFound
	// SignatureDoesNotMatch (gateway, 400): the signature does not match
	// the request and the key's secret.
	SignatureDoesNotMatch = ack.CodeSignatureDoesNotMatch
	// InvalidTimeStampExpired (gateway, 400): the request's date is more
	// than 15 minutes from the wall clock.
	InvalidTimeStampExpired = ack.CodeInvalidTimeStampExpired
	// SignatureNonceUsed (gateway, 400): an ACS3-signed request reuses the
	// x-acs-signature-nonce of an earlier request of the same access key
	// within the signature's freshness window: a replay.
	SignatureNonceUsed = ack.CodeSignatureNonceUsed
)

// statuses maps every code above to its HTTP status.
var statuses = map[string]int{
	ErrorClusterNotFound:       http.StatusNotFound,
	ErrorTaskNotFound:          http.StatusNotFound,
	ErrorNodePoolNotFound:      http.StatusNotFound,
	ErrorNodePoolState:         http.StatusBadRequest,
	ErrorClusterState:          http.StatusBadRequest,
	ErrorDeletionProtection:    http.StatusBadRequest,
	InvalidParameter:           http.StatusBadRequest,
	InvalidParameterFormat:     http.StatusBadRequest,
	InvalidVpcIDNotFound:       http.StatusBadRequest,
	InvalidVSwitchIDNotFound:   http.StatusBadRequest,
	ThrottlingUser:             http.StatusBadRequest,
	Throttling:                 http.StatusBadRequest,
	ServiceUnavailable:         http.StatusServiceUnavailable,
	InternalError:              http.StatusInternalServerError,
	NotImplemented:             http.StatusNotImplemented,
	InvalidActionNotFound:      http.StatusNotFound,
	ErrorCheckAcl:              http.StatusForbidden,
	MissingAuthorization:       http.StatusBadRequest,
	IncompleteSignature:        http.StatusBadRequest,
	InvalidAccessKeyIDNotFound: http.StatusNotFound,
	SignatureDoesNotMatch:      http.StatusBadRequest,
	InvalidTimeStampExpired:    http.StatusBadRequest,
	SignatureNonceUsed:         http.StatusBadRequest,
}

// StatusOf returns the HTTP status the fake answers code with: the table
// above for its own codes, 400 for any other.
func StatusOf(code string) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return http.StatusBadRequest
}

// Error is an error answer of the fake: an ACK error code, the HTTP status
// and a message. Reactors return it to refuse a call; the handler writes it
// as ACK's error body {"code","message","requestId"}.
type Error struct {
	// Code is the ACK error code, for example ErrorClusterNotFound.
	Code string
	// Status is the HTTP status; zero means StatusOf(Code).
	Status int
	// Message is the human-readable message.
	Message string
	// RetryAfter, when positive, is sent as the TimeLeft (milliseconds) of
	// the x-ratelimit-user-api header, as ACK's gateway does when it
	// throttles.
	RetryAfter time.Duration
}

// NewError returns an Error of code with the code's status and a message
// built from format and args.
func NewError(code, format string, args ...any) *Error {
	return &Error{Code: code, Status: StatusOf(code), Message: fmt.Sprintf(format, args...)}
}

// Error returns "<code> (HTTP <status>): <message>".
func (e *Error) Error() string {
	return fmt.Sprintf("%s (HTTP %d): %s", e.Code, e.status(), e.Message)
}

// status returns Status, or the code's status when Status is zero.
func (e *Error) status() int {
	if e.Status != 0 {
		return e.Status
	}
	return StatusOf(e.Code)
}

// clone returns a copy of e, nil for nil.
func (e *Error) clone() *Error {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

// refusal turns an error of a domain package's rules into an answer: a
// *ack.ValidationError becomes InvalidParameter with its text (every
// violation as "field: message [rule.id]"), anything else
// InvalidParameter.Format.
func refusal(err error) *Error {
	var ve *ack.ValidationError
	if errors.As(err, &ve) {
		return NewError(InvalidParameter, "%s", ve.Error())
	}
	return NewError(InvalidParameterFormat, "%v", err)
}
