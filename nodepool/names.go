package nodepool

import (
	"strconv"
	"strings"
)

// Kubernetes' syntax for label keys, label values and taint keys, which
// ACK passes to the kubelet unchanged.

const (
	// maxQualifiedNameLen is the longest name part of a label key and the
	// longest label value.
	maxQualifiedNameLen = 63
	// maxPrefixLen is the longest DNS subdomain prefix of a label key.
	maxPrefixLen = 253
)

// qualifiedNameProblem says what is wrong with a label or taint key, or
// returns "" when the key is valid: an optional DNS subdomain prefix and a
// slash, then a name of 1 to 63 letters, digits, '-', '_' and '.', starting
// and ending with a letter or digit.
func qualifiedNameProblem(key string) string {
	name := key
	if i := strings.IndexByte(key, '/'); i >= 0 {
		prefix := key[:i]
		name = key[i+1:]
		if p := dnsSubdomainProblem(prefix); p != "" {
			return "has prefix " + strconv.Quote(prefix) + ", which " + p
		}
	}
	if name == "" {
		return "has an empty name"
	}
	if len(name) > maxQualifiedNameLen {
		return "has a name longer than 63 characters"
	}
	if !nameSyntax(name) {
		return "has a name that is not letters, digits, '-', '_' and '.' starting and ending with a letter or digit"
	}
	return ""
}

// labelValueProblem says what is wrong with a label or taint value, or
// returns "" when it is valid: empty, or up to 63 characters with the
// syntax of a key's name part.
func labelValueProblem(v string) string {
	if v == "" {
		return ""
	}
	if len(v) > maxQualifiedNameLen {
		return "is longer than 63 characters"
	}
	if !nameSyntax(v) {
		return "is not letters, digits, '-', '_' and '.' starting and ending with a letter or digit"
	}
	return ""
}

// nameSyntax reports whether s is alphanumerics with '-', '_' and '.'
// inside.
func nameSyntax(s string) bool {
	if s == "" || !alnum(s[0]) || !alnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// dnsSubdomainProblem says what is wrong with a DNS subdomain (RFC 1123:
// lower-case alphanumerics, '-' and '.', at most 253 characters, each label
// starting and ending with an alphanumeric), or returns "".
func dnsSubdomainProblem(s string) string {
	if s == "" {
		return "is empty"
	}
	if len(s) > maxPrefixLen {
		return "is longer than 253 characters"
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || !lowerAlnum(label[0]) || !lowerAlnum(label[len(label)-1]) {
			return "is not a lower-case DNS subdomain"
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !lowerAlnum(c) && c != '-' {
				return "is not a lower-case DNS subdomain"
			}
		}
	}
	return ""
}

func alnum(c byte) bool { return lowerAlnum(c) || c >= 'A' && c <= 'Z' }

func lowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
