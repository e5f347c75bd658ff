package envelope

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func FuzzDecodeError(f *testing.F) {
	f.Add(readGoldenF(f, "error_body.json"))
	f.Add([]byte(`{"Code":"Throttling","Message":"m","RequestId":"r"}`))
	f.Add([]byte(`{"code":400,"request_id":"r"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, ok := DecodeError(body)
		if !ok {
			if e != (ErrorBody{}) {
				t.Fatalf("not an error body but got %+v", e)
			}
			return
		}
		if e.Code == "" {
			t.Fatal("ok with an empty code")
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		again, ok := DecodeError(b)
		if !ok || again != e {
			t.Fatalf("own encoding %s decoded as %+v, %v", b, again, ok)
		}
	})
}

func readGoldenF(f *testing.F, name string) []byte {
	f.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}
