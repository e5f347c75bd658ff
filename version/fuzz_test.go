package version

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse checks that Parse never panics, that every error is a
// *ParseError naming the input, and that an accepted string round-trips:
// String gives the input without its "v", which parses to the same
// Version, through MarshalText and UnmarshalText too.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"1.31.1-aliyun.1", "v1.14.8", "1.20.11-aliyunedge.1", "1.3x", "1.31.0-rc.1",
		"1.31.1-aliyun.0", "", "v", "1..1", "01.2.3", "1.2.3-aliyun.99999999999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != s || pe.Minor {
				t.Fatalf("Parse(%q) error %v is not a *ParseError for the input", s, err)
			}
			return
		}
		str := v.String()
		if str != strings.TrimPrefix(s, "v") {
			t.Fatalf("Parse(%q).String() = %q, want the input without its v", s, str)
		}
		again, err := Parse(str)
		if err != nil || again != v {
			t.Fatalf("Parse(%q) = %v, %v; want %+v", str, again, err, v)
		}
		text, err := v.MarshalText()
		if err != nil || string(text) != str {
			t.Fatalf("MarshalText = %q, %v; want %q", text, err, str)
		}
		var back Version
		if err := back.UnmarshalText(text); err != nil || back != v {
			t.Fatalf("UnmarshalText(%q) = %+v, %v; want %+v", text, back, err, v)
		}
		if v.Compare(again) != 0 || v.MinorVersion() != (Minor{Major: v.Major, Minor: v.Minor}) {
			t.Fatalf("Compare or MinorVersion disagree for %+v", v)
		}
	})
}

// FuzzParseMinor checks ParseMinor as FuzzParse checks Parse.
func FuzzParseMinor(f *testing.F) {
	for _, s := range []string{"1.31", "v1.14", "1.3x", "1.31.1", "", "v", "01.1", "1.99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMinor(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != s || !pe.Minor {
				t.Fatalf("ParseMinor(%q) error %v is not a *ParseError for the input", s, err)
			}
			return
		}
		str := m.String()
		if str != strings.TrimPrefix(s, "v") {
			t.Fatalf("ParseMinor(%q).String() = %q, want the input without its v", s, str)
		}
		again, err := ParseMinor(str)
		if err != nil || again != m {
			t.Fatalf("ParseMinor(%q) = %v, %v; want %+v", str, again, err, m)
		}
		var back Minor
		text, _ := m.MarshalText()
		if err := back.UnmarshalText(text); err != nil || back != m {
			t.Fatalf("UnmarshalText(%q) = %+v, %v; want %+v", text, back, err, m)
		}
	})
}

// FuzzParseCalendar checks that ParseCalendar never panics and that a
// calendar it accepts survives a JSON round trip unchanged.
func FuzzParseCalendar(f *testing.F) {
	f.Add(`[{"minor":"1.31","upstream_ga":"2024-08-13","released":"2024-09","end_of_support":"2025-09-30","latest":"1.31.1-aliyun.1"}]`)
	f.Add(`[{"minor":"1.11","released":"2018-10-01"},{"minor":"1.12","released":"2019-03"}]`)
	f.Add(`[{"minor":"1.20","released":"2021-04","upgrade_path_available":"2021-07","end_of_support":"2023-04"}]`)
	f.Add(`[{"minor":"1.3x"}]`)
	f.Add(`{}`)
	f.Add(`[{"minor":"1.28","released":"2023-10-01","end_of_support":"2023-01-31"}]`)
	f.Fuzz(func(t *testing.T, data string) {
		c, err := ParseCalendar([]byte(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "version: ") {
				t.Fatalf("error %q does not start with version:", err)
			}
			return
		}
		b, err := json.Marshal(c.Entries())
		if err != nil {
			t.Fatalf("Marshal of an accepted calendar: %v", err)
		}
		again, err := ParseCalendar(b)
		if err != nil {
			t.Fatalf("ParseCalendar(%s) of a marshalled calendar: %v", b, err)
		}
		if diff := cmp.Diff(c.Entries(), again.Entries()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
