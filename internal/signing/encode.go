package signing

import (
	"net/url"
	"sort"
	"strings"
)

// percentEncode encodes s as RFC 3986 requires for the ACS3 canonical
// request: the unreserved characters A-Z a-z 0-9 - _ . ~ stay, every other
// byte becomes %XX with upper-case hex digits.
func percentEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&0x0f])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// canonicalURI returns the ACS3 CanonicalURI of u: its path as it travels
// on the wire, each "/"-separated segment decoded and re-encoded with
// percentEncode, so that a client and a server that escape differently (%2a
// or %2A, "(" or "%28") agree. An empty path is "/".
func canonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	if plainPath(p) {
		return p
	}
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if dec, err := url.PathUnescape(seg); err == nil {
			seg = dec
		}
		segs[i] = percentEncode(seg)
	}
	return strings.Join(segs, "/")
}

// queryPair is one decoded key and value of a query string.
type queryPair struct{ key, value string }

// parseQuery decodes a raw query string into pairs in the order they
// appear. It refuses what url.ParseQuery refuses (bad escapes, ";").
func parseQuery(raw string) ([]queryPair, error) {
	// url.ParseQuery loses the order of keys but keeps the order of the
	// values of each key, which is all that canonicalisation needs.
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs []queryPair
	for _, k := range keys {
		for _, v := range vals[k] {
			pairs = append(pairs, queryPair{k, v})
		}
	}
	return pairs, nil
}

// canonicalQueryACS3 returns the ACS3 CanonicalQueryString: every key and
// value percent-encoded, "key=value" (an empty value gives "key="), sorted
// by encoded key and then encoded value, joined by "&".
func canonicalQueryACS3(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	pairs, err := parseQuery(raw)
	if err != nil {
		return "", err
	}
	enc := make([]queryPair, len(pairs))
	for i, p := range pairs {
		enc[i] = queryPair{percentEncode(p.key), percentEncode(p.value)}
	}
	sort.Slice(enc, func(i, j int) bool {
		if enc[i].key != enc[j].key {
			return enc[i].key < enc[j].key
		}
		return enc[i].value < enc[j].value
	})
	parts := make([]string, len(enc))
	for i, p := range enc {
		parts[i] = p.key + "=" + p.value
	}
	return strings.Join(parts, "&"), nil
}

// resourceROA returns the ROA v1 canonical resource: the unencoded path,
// then "?" and the decoded query sorted by key (values of one key in the
// order sent), "key=value" joined by "&", a key with an empty value written
// bare. The path is "/" when empty.
func resourceROA(u *url.URL) (string, error) {
	pairs, err := parseQuery(u.RawQuery)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if u.Path == "" {
		b.WriteString("/")
	} else {
		b.WriteString(u.Path)
	}
	for i, p := range pairs {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(p.key)
		if p.value != "" {
			b.WriteByte('=')
			b.WriteString(p.value)
		}
	}
	return b.String(), nil
}
