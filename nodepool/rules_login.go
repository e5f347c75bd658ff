package nodepool

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ackgo/ack"
)

// Rules about the image and how to log in to the nodes. No message ever
// holds the password or any part of it.

func checkImageType(s Spec, r report) {
	if t := s.ImageType; t != "" && !slices.Contains(ImageTypes(), t) {
		r(fieldImageType, "is %q; the image type is one of %v", t, ImageTypes())
	}
}

func checkLoginRequired(s Spec, r report) {
	if s.KeyPair == "" && s.Password.IsZero() {
		r(fieldKeyPair, "is empty and so is the password; the nodes need one of them")
	}
}

func checkLoginExclusive(s Spec, r report) {
	if s.KeyPair != "" && !s.Password.IsZero() {
		r(fieldPassword, "is set with key pair %q; set one of them", s.KeyPair)
	}
}

func checkContainerOSLogin(s Spec, r report) {
	if s.ImageType == ImageContainerOS && s.KeyPair == "" && !s.Password.IsZero() {
		r(fieldKeyPair, "is empty; ContainerOS nodes log in with a key pair, not a password")
	}
}

// ECS password limits.
const (
	minPasswordLen = 8
	maxPasswordLen = 30
	// passwordSpecials are the special characters an ECS password may use.
	passwordSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
)

func checkPassword(s Spec, r report) {
	if s.Password.IsZero() {
		return
	}
	if msg := passwordProblem(s.Password); msg != "" {
		r(fieldPassword, "%s", msg)
		return
	}
	if s.ImageType.windows() && strings.HasPrefix(s.Password.Reveal(), "/") {
		r(fieldPassword, "starts with '/', which Windows nodes do not allow")
	}
}

// PasswordPolicy is ECS's password policy as the rules state it; the
// cluster package's rule on the password of a cluster's nodes states it
// with the same words.
const PasswordPolicy = "the password has 8 to 30 characters of at least three kinds: upper case, lower case, digits, special characters"

// ValidatePassword checks an ECS login password against ECS's policy: 8
// to 30 characters, each a letter, a digit or one of
// ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/, of at least three of the kinds upper
// case, lower case, digits and special characters. It returns nil when
// ECS accepts the password, else a *ack.ValidationError (matching
// ack.ErrInvalid) of rule "nodepool.login.password" whose message says
// what is wrong. The error never holds the password or any part of it, so
// it can go into logs.
func ValidatePassword(pw ack.Secret) error {
	msg := passwordProblem(pw)
	if msg == "" {
		return nil
	}
	return &ack.ValidationError{Resource: "ECS login password", Violations: []ack.Violation{
		{Rule: "nodepool.login.password", Field: fieldPassword, Message: msg},
	}}
}

// PasswordProblem says what is wrong with an ECS login password, or
// returns "" when ECS accepts it.
//
// Deprecated: use ValidatePassword, which returns an error; PasswordProblem
// will be removed in the next release.
func PasswordProblem(pw ack.Secret) string { return passwordProblem(pw) }

// passwordProblem says what is wrong with a password (see
// ValidatePassword), or "".
func passwordProblem(pw ack.Secret) string {
	var upper, lower, digit, special, other bool
	n := 0
	for _, c := range pw.Reveal() {
		n++
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case strings.ContainsRune(passwordSpecials, c):
			special = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{upper, lower, digit, special} {
		if k {
			kinds++
		}
	}
	switch {
	case n < minPasswordLen || n > maxPasswordLen:
		return fmt.Sprintf("must have %d to %d characters", minPasswordLen, maxPasswordLen)
	case other:
		return "contains a character that is not a letter, a digit or one of " + passwordSpecials
	case kinds < 3:
		return "must use at least 3 kinds of characters: upper case, lower case, digits, special characters"
	}
	return ""
}
