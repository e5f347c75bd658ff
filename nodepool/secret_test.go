package nodepool

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestPasswordNeverPrinted(t *testing.T) {
	s := validSpec()
	pool := Pool{ID: "np-1", Spec: s}
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	logger.Info("creating", "spec", s, "pool", pool)
	logger.Info("sending", "request", s.createRequest())
	jsonSpec, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v of Spec":            fmt.Sprintf("%v", s),
		"%+v of Spec":           fmt.Sprintf("%+v", s),
		"%#v of Spec":           fmt.Sprintf("%#v", s),
		"%v of *Spec":           fmt.Sprintf("%v", &s),
		"%+v of Pool":           fmt.Sprintf("%+v", pool),
		"%#v of Pool":           fmt.Sprintf("%#v", pool),
		"%+v of the request":    fmt.Sprintf("%+v", s.createRequest()),
		"%#v of the request":    fmt.Sprintf("%#v", *s.createRequest()),
		"JSON of Spec":          string(jsonSpec),
		"slog JSON":             logs.String(),
		"%v of CheckChange err": fmt.Sprintf("%v", CheckChange(s, autoScaled(1, 2))),
	}
	for name, out := range outputs {
		if strings.Contains(out, testPassword) {
			t.Errorf("%s shows the password: %s", name, out)
		}
		if !strings.Contains(out, "[redacted]") && strings.Contains(name, "Spec") {
			t.Errorf("%s does not say the password is redacted: %s", name, out)
		}
	}
	// The request body itself must carry it: ACK needs the password.
	body, err := json.Marshal(s.createRequest())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte(testPassword)) {
		t.Errorf("the request body lacks the password: %s", body)
	}
}
