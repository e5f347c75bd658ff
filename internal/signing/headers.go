package signing

import (
	"net/http"
	"sort"
	"strings"
)

// The helpers below match header names case-insensitively. A server's
// http.Header always holds canonical names, but clients (the official Go SDK
// among them) may store names such as "x-acs-action" verbatim, which
// Header.Get would miss.

// headerKeys returns the keys of h that name the header name in any case,
// sorted so that the order of their values is deterministic.
func headerKeys(h http.Header, name string) []string {
	var keys []string
	for k := range h {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// headerValues returns every value of the header name, trimmed of the
// surrounding white space that HTTP does not carry.
func headerValues(h http.Header, name string) []string {
	var vals []string
	for _, k := range headerKeys(h, name) {
		for _, v := range h[k] {
			vals = append(vals, strings.TrimSpace(v))
		}
	}
	return vals
}

// headerValue returns the values of the header name joined by commas, and
// whether the header is present at all.
func headerValue(h http.Header, name string) (string, bool) {
	vals := headerValues(h, name)
	if len(vals) == 0 {
		return "", false
	}
	return strings.Join(vals, ","), true
}

// hasHeader reports whether the header name is present with a non-empty value.
func hasHeader(h http.Header, name string) bool {
	v, ok := headerValue(h, name)
	return ok && v != ""
}

// setHeader replaces every spelling of the header name with one value.
func setHeader(h http.Header, name, value string) {
	deleteHeader(h, name)
	h.Set(name, value)
}

// setDefaultHeader sets the header name unless it is already present.
func setDefaultHeader(h http.Header, name, value string) {
	if !hasHeader(h, name) {
		setHeader(h, name, value)
	}
}

// deleteHeader removes every spelling of the header name.
func deleteHeader(h http.Header, name string) {
	for _, k := range headerKeys(h, name) {
		delete(h, k)
	}
}

// acsHeaderNames returns the lower-cased names of every x-acs-* header in h,
// sorted and without duplicates.
func acsHeaderNames(h http.Header) []string {
	seen := map[string]bool{}
	var names []string
	for k := range h {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, acsHeaderPrefix) && !seen[lk] {
			seen[lk] = true
			names = append(names, lk)
		}
	}
	sort.Strings(names)
	return names
}

// acsHeaderPrefix starts the name of every header the gateway reserves.
const acsHeaderPrefix = "x-acs-"

// requestHost returns the host a request is (or was) sent to: the Host
// header on a server, req.Host or the URL's host on a client.
func requestHost(req *http.Request) string {
	if req.Host != "" {
		return req.Host
	}
	if req.URL != nil {
		return req.URL.Host
	}
	return ""
}
