package signing

import (
	"fmt"
	"strings"
	"testing"
)

// TestCredentialsFormatting prints credentials with every common verb and
// expects the key ID but never the secret or the token.
func TestCredentialsFormatting(t *testing.T) {
	cred := Credentials{AccessKeyID: testSTSKeyID, AccessKeySecret: testSTSSecret, SecurityToken: testSTSToken}
	type holder struct{ Cred Credentials }
	tests := []struct {
		name   string
		format string
		arg    any
	}{
		{"v", "%v", cred},
		{"plus v", "%+v", cred},
		{"sharp v", "%#v", cred},
		{"s", "%s", cred},
		{"q", "%q", cred},
		{"x", "%x", cred},
		{"d", "%d", cred},
		{"pointer v", "%v", &cred},
		{"pointer plus v", "%+v", &cred},
		{"pointer sharp v", "%#v", &cred},
		{"in a struct v", "%v", holder{cred}},
		{"in a struct plus v", "%+v", holder{cred}},
		{"in a struct sharp v", "%#v", holder{cred}},
		{"in a slice", "%v", []Credentials{cred}},
		{"String", "%s", cred.String()},
		{"GoString", "%s", cred.GoString()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := fmt.Sprintf(tc.format, tc.arg)
			assertNoSecrets(t, out)
			if !strings.Contains(out, redacted) && tc.format != "%x" {
				t.Errorf("%s = %q, want the secret shown as %q", tc.format, out, redacted)
			}
			if tc.format != "%x" && !strings.Contains(out, testSTSKeyID) {
				t.Errorf("%s = %q, want the key ID %q", tc.format, out, testSTSKeyID)
			}
		})
	}
}

// TestCredentialsFormattingShowsEmptyFields checks that an unset secret and
// token print as empty, so that a reader can tell them from set ones.
func TestCredentialsFormattingShowsEmptyFields(t *testing.T) {
	tests := []struct {
		cred Credentials
		want string
	}{
		{Credentials{AccessKeyID: "AK"}, "{AccessKeyID:AK AccessKeySecret: SecurityToken:}"},
		{Credentials{AccessKeyID: "AK", AccessKeySecret: "s"}, "{AccessKeyID:AK AccessKeySecret:[redacted] SecurityToken:}"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(tc.cred); got != tc.want {
			t.Errorf("Sprint = %q, want %q", got, tc.want)
		}
	}
	want := `signing.Credentials{AccessKeyID:"AK", AccessKeySecret:"[redacted]", SecurityToken:""}`
	if got := fmt.Sprintf("%#v", Credentials{AccessKeyID: "AK", AccessKeySecret: "s"}); got != want {
		t.Errorf("%%#v = %q, want %q", got, want)
	}
}
