package wire

import "bytes"

// ArraySpans returns the elements of the array that the member key of the
// JSON object body holds, each the element's bytes as body has them (sub-
// slices of body), so that a page decoded once into its types can still
// give each item's JSON as it was sent. It does not validate body (a
// decode of it does): it reports false, for the caller to fall back on a
// plain decode, unless body is an object with exactly one member whose
// name is key in any case (as encoding/json matches names) and whose
// value is an array, and no member name holds an escape.
func ArraySpans(body []byte, key string) (spans [][]byte, ok bool) {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return nil, false
	}
	i++
	found := false
	for {
		i = skipSpace(body, i)
		if i >= len(body) {
			return nil, false
		}
		if body[i] == '}' {
			break
		}
		if body[i] == ',' {
			i = skipSpace(body, i+1)
		}
		if i >= len(body) || body[i] != '"' {
			return nil, false
		}
		end, escaped := skipString(body, i)
		if end < 0 || escaped {
			return nil, false
		}
		name := body[i+1 : end-1]
		i = skipSpace(body, end)
		if i >= len(body) || body[i] != ':' {
			return nil, false
		}
		i = skipSpace(body, i+1)
		if !bytes.EqualFold(name, []byte(key)) {
			if i = skipValue(body, i); i < 0 {
				return nil, false
			}
			continue
		}
		if found || i >= len(body) || body[i] != '[' {
			return nil, false
		}
		found = true
		if spans, i = arrayItems(body, i); i < 0 {
			return nil, false
		}
	}
	return spans, found
}

// arrayItems reads the array at body[i] ('['), returning its elements
// and the index after it, or -1.
func arrayItems(body []byte, i int) ([][]byte, int) {
	spans := [][]byte{}
	i = skipSpace(body, i+1)
	if i < len(body) && body[i] == ']' {
		return spans, i + 1
	}
	for i < len(body) {
		start := i
		end := skipValue(body, i)
		if end < 0 {
			return nil, -1
		}
		spans = append(spans, body[start:end])
		i = skipSpace(body, end)
		if i >= len(body) {
			return nil, -1
		}
		switch body[i] {
		case ',':
			i = skipSpace(body, i+1)
		case ']':
			return spans, i + 1
		default:
			return nil, -1
		}
	}
	return nil, -1
}

// skipSpace returns the index of the first byte at or after i that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at b[i] ('"')
// and whether it holds an escape; -1 when it does not end.
func skipString(b []byte, i int) (end int, escaped bool) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			return j + 1, escaped
		}
	}
	return -1, escaped
}

// skipValue returns the index after the value starting at b[i], or -1:
// a string, an object or array (brackets counted outside strings), or a
// literal or number (up to the next delimiter).
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		end, _ := skipString(b, i)
		return end
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end, _ := skipString(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	case ',', '}', ']', ':':
		return -1
	}
	j := i
	for j < len(b) {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
		j++
	}
	return j
}
