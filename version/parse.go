package version

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseError reports a version or minor string that does not parse. It
// names the input and the rule it breaks:
//
//	version: "1.3x.1": minor "3x" is not a number
//	version: minor "1.31.1": want major.minor, such as 1.31
//
// Use errors.As to reach it.
type ParseError struct {
	// Input is the string as given.
	Input string
	// Minor is true when the string was parsed as a minor (ParseMinor),
	// false for a full version (Parse).
	Minor bool
	// Rule says what is wrong with Input.
	Rule string
}

// Error returns `version: "<input>": <rule>`, or `version: minor
// "<input>": <rule>` for ParseMinor.
func (e *ParseError) Error() string {
	if e.Minor {
		return fmt.Sprintf("version: minor %q: %s", e.Input, e.Rule)
	}
	return fmt.Sprintf("version: %q: %s", e.Input, e.Rule)
}

// Parse reads an ACK version string: major.minor.patch, optionally led by
// "v" and optionally followed by ACK's suffix -aliyun.n (or -aliyunedge.n,
// the form ACK Edge clusters report), where n, the ACK patch counter, is 1
// or more. Numbers are decimal without leading zeros. Examples:
//
//	1.31.1-aliyun.1       Version{Major: 1, Minor: 31, Patch: 1, ACKPatch: 1}
//	v1.14.8               Version{Major: 1, Minor: 14, Patch: 8}
//	1.20.11-aliyunedge.1  Version{Major: 1, Minor: 20, Patch: 11, ACKPatch: 1, Edge: true}
//
// Anything else, upstream pre-releases such as 1.31.0-rc.1 included, is a
// *ParseError. Parse(s).String() is s without its "v".
func Parse(s string) (Version, error) {
	fail := func(format string, args ...any) (Version, error) {
		return Version{}, &ParseError{Input: s, Rule: fmt.Sprintf(format, args...)}
	}
	rest := strings.TrimPrefix(s, "v")
	core, suffix, hasSuffix := strings.Cut(rest, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		if len(parts) == 2 {
			return fail("want major.minor.patch, such as 1.31.1-aliyun.1 (for a minor use ParseMinor)")
		}
		return fail("want major.minor.patch, such as 1.31.1-aliyun.1")
	}
	var v Version
	var rule string
	if v.Major, rule = number("major", parts[0]); rule != "" {
		return fail("%s", rule)
	}
	if v.Minor, rule = number("minor", parts[1]); rule != "" {
		return fail("%s", rule)
	}
	if v.Patch, rule = number("patch", parts[2]); rule != "" {
		return fail("%s", rule)
	}
	if !hasSuffix {
		return v, nil
	}
	flavour, counter, ok := strings.Cut(suffix, ".")
	if !ok || (flavour != suffixStandard && flavour != suffixEdge) {
		return fail("suffix %q: want -%s.n or -%s.n", "-"+suffix, suffixStandard, suffixEdge)
	}
	if v.ACKPatch, rule = number("ACK patch counter", counter); rule != "" {
		return fail("%s", rule)
	}
	if v.ACKPatch == 0 {
		return fail("ACK patch counter is 0: it starts at 1")
	}
	v.Edge = flavour == suffixEdge
	return v, nil
}

// MustParse is Parse for strings known to be valid, such as literals in
// tables and tests; it panics on an error.
func MustParse(s string) Version {
	v, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

// ParseMinor reads a minor release: major.minor, optionally led by "v",
// such as "1.31" or "v1.14". Numbers are decimal without leading zeros.
// ParseMinor(s).String() is s without its "v".
func ParseMinor(s string) (Minor, error) {
	fail := func(format string, args ...any) (Minor, error) {
		return Minor{}, &ParseError{Input: s, Minor: true, Rule: fmt.Sprintf(format, args...)}
	}
	parts := strings.Split(strings.TrimPrefix(s, "v"), ".")
	if len(parts) != 2 {
		return fail("want major.minor, such as 1.31")
	}
	var m Minor
	var rule string
	if m.Major, rule = number("major", parts[0]); rule != "" {
		return fail("%s", rule)
	}
	if m.Minor, rule = number("minor", parts[1]); rule != "" {
		return fail("%s", rule)
	}
	return m, nil
}

// number reads one decimal field of a version. It returns the value, or
// the rule s breaks, naming the field.
func number(field, s string) (int, string) {
	if s == "" {
		return 0, field + " is empty"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Sprintf("%s %q is not a number", field, s)
		}
	}
	if len(s) > 1 && s[0] == '0' {
		return 0, fmt.Sprintf("%s %q has a leading zero", field, s)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Sprintf("%s %q is too large", field, s)
	}
	return n, ""
}
