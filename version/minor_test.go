package version

import (
	"errors"
	"testing"
)

func TestParseMinor(t *testing.T) {
	tests := []struct {
		in      string
		want    Minor
		wantErr string
	}{
		{in: "1.31", want: Minor{Major: 1, Minor: 31}},
		{in: "v1.14", want: Minor{Major: 1, Minor: 14}},
		{in: "1.0", want: Minor{Major: 1}},
		{in: "1.3x", wantErr: `version: minor "1.3x": minor "3x" is not a number`},
		{in: "1.31.1", wantErr: `version: minor "1.31.1": want major.minor, such as 1.31`},
		{in: "1", wantErr: `version: minor "1": want major.minor, such as 1.31`},
		{in: "01.31", wantErr: `version: minor "01.31": major "01" has a leading zero`},
		{in: ".31", wantErr: `version: minor ".31": major is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMinor(tt.in)
			if tt.wantErr != "" {
				var pe *ParseError
				if err == nil || err.Error() != tt.wantErr || !errors.As(err, &pe) || !pe.Minor || pe.Input != tt.in {
					t.Fatalf("ParseMinor(%q) error = %v, want %s as a *ParseError with Minor set", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseMinor(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestMinorArithmetic(t *testing.T) {
	m := Minor{Major: 1, Minor: 31}
	tests := []struct {
		name string
		got  Minor
		want string
	}{
		{"next", m.Next(), "1.32"},
		{"prev", m.Prev(), "1.30"},
		{"prev of x.0", Minor{Major: 2}.Prev(), "2.0"},
		{"next of next", m.Next().Next(), "1.33"},
	}
	for _, tt := range tests {
		if s := tt.got.String(); s != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, s, tt.want)
		}
	}
	order := []Minor{{1, 9}, {1, 10}, {1, 31}, {2, 0}}
	for i := range order {
		for j := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := order[i].Compare(order[j]); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", order[i], order[j], got, want)
			}
			if got := order[i].Less(order[j]); got != (want < 0) {
				t.Errorf("%v.Less(%v) = %v", order[i], order[j], got)
			}
		}
	}
	if !(Minor{}).IsZero() || m.IsZero() {
		t.Error("IsZero is wrong")
	}
}
