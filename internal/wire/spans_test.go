package wire

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// rawItems decodes the member "clusters" as encoding/json does, each
// element's bytes as sent.
func rawItems(body []byte) ([]json.RawMessage, error) {
	var v struct {
		Clusters []json.RawMessage `json:"clusters"`
	}
	err := json.Unmarshal(body, &v)
	return v.Clusters, err
}

func TestArraySpans(t *testing.T) {
	tests := []struct {
		name string
		body string
		ok   bool
	}{
		{"page", `{"clusters":[{"a":1},{"b":"x]}"}],"page_info":{"page_number":1}}`, true},
		{"spaces and nesting", " {\n \"page_info\" : {\"x\":[1,2,{\"y\":\"}\"}]} ,\"clusters\" : [ {\"a\":[[]]} , null , \"s\\\"]\" , 12.5e3 , true ] } ", true},
		{"empty array", `{"clusters":[]}`, true},
		{"other case", `{"Clusters":[{"a":1}]}`, true},
		{"no such member", `{"items":[1]}`, false},
		{"not an array", `{"clusters":{"a":1}}`, false},
		{"null", `{"clusters":null}`, false},
		{"twice", `{"clusters":[1],"CLUSTERS":[2]}`, false},
		{"escaped name", `{"cl\u0075sters":[1]}`, false},
		{"not an object", `[{"clusters":[1]}]`, false},
		{"cut short", `{"clusters":[{"a":1}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, ok := ArraySpans([]byte(tt.body), "clusters")
			if ok != tt.ok {
				t.Fatalf("ArraySpans ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			want, err := rawItems([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			got := make([]json.RawMessage, len(spans))
			for i, s := range spans {
				got[i] = s
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("spans (-encoding/json +ArraySpans):\n%s", diff)
			}
		})
	}
}

// FuzzArraySpans checks that whatever ArraySpans reports for a body that
// encoding/json decodes is what encoding/json finds: the same elements,
// byte for byte.
func FuzzArraySpans(f *testing.F) {
	for _, s := range []string{`{"clusters":[{"a":1},{"b":"x]}"}],"page_info":{}}`, `{"clusters":[]}`, `{"Clusters":[1,"2",[3]]}`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		spans, ok := ArraySpans(body, "clusters")
		want, err := rawItems(body)
		if !ok || err != nil {
			return
		}
		if len(spans) != len(want) {
			t.Fatalf("%d spans, encoding/json finds %d elements in %q", len(spans), len(want), body)
		}
		for i := range spans {
			if string(spans[i]) != string(want[i]) {
				t.Fatalf("element %d: %q, encoding/json %q (body %q)", i, spans[i], want[i], body)
			}
		}
	})
}
