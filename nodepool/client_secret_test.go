package nodepool

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/vclock"
	"github.com/ackgo/ack/internal/wire"
)

// TestClientNeverShowsThePassword creates and modifies pools with a
// password, through retries and a refusal, with debug logging on, and
// looks for the password everywhere the client writes or returns text.
func TestClientNeverShowsThePassword(t *testing.T) {
	ctx := context.Background()
	a := newTestACK()
	a.loseAnswer(wire.ActionCreateClusterNodePool, 1)
	a.failBefore(wire.ActionModifyClusterNodePool, 1, 2, 3, 4, 5)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := NewClient(ack.NewConfig(ack.WithTransport(a), ack.WithClock(vclock.NewAuto()), ack.WithLogger(logger)))

	s := validSpec()
	op, err := c.Create(ctx, testCluster, s)
	if err != nil {
		t.Fatal(err)
	}
	d, err := op.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, modErr := c.Modify(ctx, testCluster, d.ID, func(s *Spec) { s.Password = ack.NewSecret(testPassword + "-2") })
	if modErr == nil {
		t.Fatal("Modify succeeded through five 502s")
	}
	token, err := op.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"logs":             logs.String(),
		"Modify's error":   fmt.Sprintf("%+v", modErr),
		"%+v of Pool":      fmt.Sprintf("%+v", d),
		"%#v of Pool":      fmt.Sprintf("%#v", d),
		"raw detail":       string(d.Raw),
		"%+v of the op":    fmt.Sprintf("%+v", op),
		"the resume token": token,
	}
	for name, out := range outputs {
		if strings.Contains(out, testPassword) {
			t.Errorf("%s shows the password: %s", name, out)
		}
	}
	if !strings.Contains(logs.String(), wire.ActionModifyClusterNodePool) {
		t.Errorf("the logs do not mention the retried call; the check saw nothing:\n%s", logs.String())
	}
}
