package wire

import (
	"encoding/json"
	"testing"
)

func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", "https://192.168.0.2:6443", `q"uote`, `back\slash`, "<b>&amp;", "tab\there", "nl\n", "\x00\x1f\x7f",
		"ünïcødé", "\u2028\u2029", "bad \xff utf-8", "~!@#$%^*()_+-=[]{}|;':,./?"} {
		want, _ := json.Marshal(s)
		if got := AppendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("AppendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	}
}

func TestMasterURLEncodeIsEncodingJSON(t *testing.T) {
	for _, m := range []MasterURL{{}, {APIServerEndpoint: "https://c1.cn-hangzhou.cs.fake.invalid:6443", IntranetAPIServerEndpoint: "https://192.168.0.2:6443"},
		{APIServerEndpoint: `<x&y"z>`}} {
		want, _ := json.Marshal(m)
		if got := m.Encode(); got != string(want) {
			t.Errorf("%+v.Encode() = %s, encoding/json writes %s", m, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("plain")
	f.Add("<\"\\\n\xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("AppendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}
