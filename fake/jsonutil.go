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
