package version

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Version
		str  string
	}{
		{"1.31.1-aliyun.1", Version{Major: 1, Minor: 31, Patch: 1, ACKPatch: 1}, "1.31.1-aliyun.1"},
		{"v1.14.8", Version{Major: 1, Minor: 14, Patch: 8}, "1.14.8"},
		{"1.14.8", Version{Major: 1, Minor: 14, Patch: 8}, "1.14.8"},
		{"v1.33.3-aliyun.1", Version{Major: 1, Minor: 33, Patch: 3, ACKPatch: 1}, "1.33.3-aliyun.1"},
		{"1.30.7-aliyun.12", Version{Major: 1, Minor: 30, Patch: 7, ACKPatch: 12}, "1.30.7-aliyun.12"},
		{"1.20.11-aliyunedge.1", Version{Major: 1, Minor: 20, Patch: 11, ACKPatch: 1, Edge: true}, "1.20.11-aliyunedge.1"},
		{"1.10.0", Version{Major: 1, Minor: 10}, "1.10.0"},
		{"0.0.0", Version{}, "0.0.0"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
			if s := got.String(); s != tt.str {
				t.Errorf("String() = %q, want %q", s, tt.str)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1.3x.1", `version: "1.3x.1": minor "3x" is not a number`},
		{"1.3x", `version: "1.3x": want major.minor.patch, such as 1.31.1-aliyun.1 (for a minor use ParseMinor)`},
		{"1.31", `version: "1.31": want major.minor.patch, such as 1.31.1-aliyun.1 (for a minor use ParseMinor)`},
		{"", `version: "": want major.minor.patch, such as 1.31.1-aliyun.1`},
		{"1.2.3.4", `version: "1.2.3.4": want major.minor.patch, such as 1.31.1-aliyun.1`},
		{"V1.14.8", `version: "V1.14.8": major "V1" is not a number`},
		{"1..8", `version: "1..8": minor is empty`},
		{"1.014.8", `version: "1.014.8": minor "014" has a leading zero`},
		{"1.+14.8", `version: "1.+14.8": minor "+14" is not a number`},
		{"1.14.8 ", `version: "1.14.8 ": patch "8 " is not a number`},
		{"1.31.0-rc.1", `version: "1.31.0-rc.1": suffix "-rc.1": want -aliyun.n or -aliyunedge.n`},
		{"1.31.1-aliyun", `version: "1.31.1-aliyun": suffix "-aliyun": want -aliyun.n or -aliyunedge.n`},
		{"1.31.1-aliyun.", `version: "1.31.1-aliyun.": ACK patch counter is empty`},
		{"1.31.1-aliyun.0", `version: "1.31.1-aliyun.0": ACK patch counter is 0: it starts at 1`},
		{"1.31.1-aliyun.1-x", `version: "1.31.1-aliyun.1-x": ACK patch counter "1-x" is not a number`},
		{"1.99999999999999999999.1", `version: "1.99999999999999999999.1": minor "99999999999999999999" is too large`},
		{"vv1.2.3", `version: "vv1.2.3": major "v1" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want %s", tt.in, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse(%q) error:\n got %s\nwant %s", tt.in, err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != tt.in || pe.Minor {
				t.Errorf("errors.As(*ParseError) = %+v, want Input %q, Minor false", pe, tt.in)
			}
		})
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"x\") did not panic")
		}
	}()
	MustParse("x")
}

func TestCompare(t *testing.T) {
	// In order, oldest first; each compares below every later one.
	ordered := []string{
		"1.9.0", "1.14.8", "1.14.8-aliyun.1", "1.14.8-aliyunedge.1", "1.14.8-aliyun.2",
		"1.14.9", "1.14.10", "1.16.9", "1.31.1-aliyun.1", "1.31.10-aliyun.1", "2.0.0",
	}
	for i, a := range ordered {
		for j, b := range ordered {
			va, vb := MustParse(a), MustParse(b)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = +1
			}
			if got := va.Compare(vb); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
			if got := va.Less(vb); got != (want < 0) {
				t.Errorf("%s.Less(%s) = %v, want %v", a, b, got, want < 0)
			}
		}
	}
	shuffled := []Version{MustParse("1.31.1-aliyun.1"), MustParse("1.14.10"), MustParse("1.14.9")}
	slices.SortFunc(shuffled, Version.Compare)
	if got := shuffled[0].String() + " " + shuffled[2].String(); got != "1.14.9 1.31.1-aliyun.1" {
		t.Errorf("sorted = %s", got)
	}
}

func TestVersionMinor(t *testing.T) {
	v := MustParse("1.31.1-aliyun.1")
	if got, want := v.MinorVersion(), (Minor{Major: 1, Minor: 31}); got != want {
		t.Errorf("MinorVersion() = %v, want %v", got, want)
	}
	if got := v.MinorString(); got != "1.31" {
		t.Errorf("MinorString() = %q, want 1.31", got)
	}
	if v.IsZero() || !(Version{}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestVersionJSON(t *testing.T) {
	type doc struct {
		V  Version   `json:"v"`
		M  Minor     `json:"m"`
		VS []Version `json:"vs"`
	}
	in := doc{V: MustParse("1.31.1-aliyun.1"), M: Minor{Major: 1, Minor: 30}, VS: []Version{MustParse("v1.14.8")}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"v":"1.31.1-aliyun.1","m":"1.30","vs":["1.14.8"]}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var out doc
	if err := json.Unmarshal([]byte(`{"v":"v1.31.1-aliyun.1","m":"v1.30","vs":["1.14.8"]}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("Unmarshal (-want +got):\n%s", diff)
	}

	err = json.Unmarshal([]byte(`{"v":"1.3x.1"}`), &out)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Input != "1.3x.1" {
		t.Errorf("Unmarshal of a bad version: %v, want a *ParseError for 1.3x.1", err)
	}
	for _, bad := range []Version{{Major: -1}, {Major: 1, Minor: 2, Edge: true}} {
		if _, err := json.Marshal(bad); err == nil {
			t.Errorf("Marshal(%+v) = nil error, want one", bad)
		}
	}
	if _, err := json.Marshal(Minor{Minor: -1}); err == nil {
		t.Error("Marshal(Minor{-1}) = nil error, want one")
	}
}
