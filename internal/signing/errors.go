package signing

// Codes of VerifyError, named as the Alibaba Cloud gateway names them.
// The package uses only the standard library, so it spells them here; a
// test of the root package keeps them equal to ack's Code constants.
const (
	// CodeMissingAuthorization: the request has no Authorization header.
	CodeMissingAuthorization = "MissingAuthorization"
	// CodeIncompleteSignature: the Authorization header is malformed, or a
	// header the scheme requires (or that the signature lists) is missing.
	CodeIncompleteSignature = "IncompleteSignature"
	// CodeInvalidAccessKeyID: the lookup does not know the access key ID.
	CodeInvalidAccessKeyID = "InvalidAccessKeyId.NotFound"
	// CodeSignatureMismatch: the recomputed signature differs from the one
	// sent, or the body differs from its signed digest.
	CodeSignatureMismatch = "SignatureDoesNotMatch"
	// CodeTimestampExpired: the request's date is more than MaxSkew away
	// from the verifier's clock.
	CodeTimestampExpired = "InvalidTimeStamp.Expired"
)

// VerifyError is every refusal of Verify. Code is one of the Code constants;
// Message explains the rule that failed. Neither ever holds a secret, a
// security token or a signature (sent or expected).
type VerifyError struct {
	// Code is one of the Code constants above.
	Code string
	// Message is a lower-case explanation naming the header and the rule.
	Message string
}

// Error returns "verify request signature: <code>: <message>".
func (e *VerifyError) Error() string {
	return "verify request signature: " + e.Code + ": " + e.Message
}

func refuse(code, message string) *VerifyError {
	return &VerifyError{Code: code, Message: message}
}
