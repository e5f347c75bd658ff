package fake

import "encoding/json"

// cloneJSON returns a deep copy of a value made of JSON-encodable data
// (wire structs, maps of JSON values). Values the fake stores are always
// encodable; a value that is not comes back as the zero value.
func cloneJSON[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err != nil {
		return out
	}
	_ = json.Unmarshal(b, &out)
	return out
}

// jsonRoundTrip converts in to out through its JSON encoding.
func jsonRoundTrip(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// jsonParams returns task parameters as JSON values (objects
// map[string]any, arrays []any, numbers float64), as decoding their JSON
// would make them: the common kinds (strings, integers, booleans, string
// lists, nested objects) are converted directly, the rest through JSON.
func jsonParams(params map[string]any) map[string]any {
	if j, ok := jsonValue(params); ok {
		m, _ := j.(map[string]any) // nil for nil params
		return m
	}
	return cloneJSON(params)
}

// jsonValue converts v to its JSON value, or reports false for a kind it
// does not convert directly.
func jsonValue(v any) (any, bool) {
	switch x := v.(type) {
	case nil, string, bool, float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case []string:
		if x == nil {
			return nil, true
		}
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, true
	case []any:
		if x == nil {
			return nil, true
		}
		out := make([]any, len(x))
		for i, e := range x {
			j, ok := jsonValue(e)
			if !ok {
				return nil, false
			}
			out[i] = j
		}
		return out, true
	case map[string]any:
		if x == nil {
			return nil, true
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			j, ok := jsonValue(e)
			if !ok {
				return nil, false
			}
			out[k] = j
		}
		return out, true
	}
	return nil, false
}
