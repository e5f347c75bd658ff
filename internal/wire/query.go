package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Query values follow the Tea SDK: booleans and integers as strings
// ("true", "50"), arrays as one JSON-encoded value (["a","b"]). The parsers
// are lenient where clients differ: a list may also be comma-separated.

func setString(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}

func setInt(q url.Values, key string, v int64) {
	if v != 0 {
		q.Set(key, strconv.FormatInt(v, 10))
	}
}

func setTrue(q url.Values, key string, v bool) {
	if v {
		q.Set(key, "true")
	}
}

func setBool(q url.Values, key string, v *bool) {
	if v != nil {
		q.Set(key, strconv.FormatBool(*v))
	}
}

// setJSON sets key to the JSON encoding of v; v holds only strings, so the
// encoding cannot fail.
func setJSON[T any](q url.Values, key string, v []T) {
	if len(v) == 0 {
		return
	}
	b, _ := json.Marshal(v)
	q.Set(key, string(b))
}

func getInt(q url.Values, key string) (int64, error) {
	s := q.Get(key)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("query %s: %q is not an integer: %w", key, s, err)
	}
	return n, nil
}

func getBool(q url.Values, key string) (*bool, error) {
	s := q.Get(key)
	if s == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return nil, fmt.Errorf("query %s: %q is not a boolean: %w", key, s, err)
	}
	return &b, nil
}

func getTrue(q url.Values, key string) (bool, error) {
	b, err := getBool(q, key)
	return BoolValue(b, false), err
}

var errNotUTF8 = errors.New("not valid UTF-8")

// getList reads a list sent as a JSON array (the Tea SDK's form) or as
// comma-separated values.
func getList(q url.Values, key string) ([]string, error) {
	s := q.Get(key)
	if s == "" {
		return nil, nil
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("query %s: %w", key, errNotUTF8)
	}
	if strings.HasPrefix(strings.TrimSpace(s), "[") {
		var l []string
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			return nil, fmt.Errorf("query %s: not a JSON array of strings: %w", key, err)
		}
		return l, nil
	}
	return strings.Split(s, ","), nil
}

// getJSON reads a JSON array of objects.
func getJSON[T any](q url.Values, key string) ([]T, error) {
	s := q.Get(key)
	if s == "" {
		return nil, nil
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("query %s: %w", key, errNotUTF8)
	}
	var l []T
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return nil, fmt.Errorf("query %s: not a JSON array: %w", key, err)
	}
	return l, nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
