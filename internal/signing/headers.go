package signing

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
)

// headerWork counts the header entries the helpers below visit and the
// comparisons the verifier makes against the signed header list. It costs
// one atomic add per scan; a test reads it to check that signing and
// verifying do work linear in the number of headers, whatever a request
// sends.
var headerWork atomic.Int64

// The helpers below match header names case-insensitively. A server's
// http.Header always holds canonical names, but clients (the official Go SDK
// among them) may store names such as "x-acs-action" verbatim, which
// Header.Get would miss.

// headerKeys returns the keys of h that name the header name in any case,
// sorted so that the order of their values is deterministic.
func headerKeys(h http.Header, name string) []string {
	var keys []string
	headerWork.Add(int64(len(h)))
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

// headerIndex holds a request's headers by lower-cased name: the values
// of every spelling of a name, trimmed, in the order headerValues gives
// them (spellings sorted, then values in order). A name present without
// values maps to an empty list. Canonicalisation builds it once per
// request, so that its work is linear in the number of headers (plus a
// sort), however many a request sends or a signature lists.
type headerIndex map[string][]string

// indexHeaders builds the index of h.
func indexHeaders(h http.Header) headerIndex {
	headerWork.Add(int64(len(h)))
	var small [16]string // a request's keys, on the stack when they are few
	keys := small[:0]
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	idx := make(headerIndex, len(keys))
	for _, k := range keys {
		lk := lowerName(k)
		vals, seen := idx[lk]
		if !seen && trimmed(h[k]) {
			// The header's own values, clipped so that a later spelling
			// of the same name appends to a copy, never to them.
			idx[lk] = clip(h[k])
			continue
		}
		for _, v := range h[k] {
			vals = append(vals, strings.TrimSpace(v))
		}
		if vals == nil {
			vals = []string{}
		}
		idx[lk] = vals
	}
	return idx
}

// clip returns s with its capacity cut to its length; a nil s stays
// an empty, non-nil list, as a header present without values indexes.
func clip(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s[:len(s):len(s)]
}

// value returns the values of the lower-case name joined by commas, and
// whether the header has any value.
func (x headerIndex) value(name string) (string, bool) {
	vals := x[name]
	if len(vals) == 0 {
		return "", false
	}
	return strings.Join(vals, ","), true
}

// acsNames returns the lower-cased names of every x-acs-* header, sorted.
func (x headerIndex) acsNames() []string {
	// Room for the two names acs3SignedHeaders adds.
	names := make([]string, 0, len(x)+2)
	for name := range x {
		if strings.HasPrefix(name, acsHeaderPrefix) {
			names = append(names, name)
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
