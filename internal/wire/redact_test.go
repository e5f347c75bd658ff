package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ackgo/ack"
)

const password = "Hello1234!"

// holder nests secret-bearing values the way callers might.
type holder struct {
	Pool   *ScalingGroup
	Detail ClusterDetail
	Pools  []NodePoolDetail
}

func TestSecretsNeverPrinted(t *testing.T) {
	kubeconfig := "client-key-data: LS0tLS1CRUdJTi"
	values := []struct {
		name   string
		v      any
		secret string
		// foreign is set for a value of a type outside this package: slog's
		// JSON handler encodes it with encoding/json, which must carry the
		// password (it is the request body), so only fmt and the text
		// handler are checked.
		foreign bool
	}{
		{"create cluster", CreateClusterRequest{Name: "a", LoginPassword: password}, password, false},
		{"create cluster control plane", CreateClusterRequest{ControlPlaneConfig: &ControlPlaneConfig{LoginPassword: password}}, password, false},
		{"create cluster pools", CreateClusterRequest{Nodepools: []Nodepool{{ScalingGroup: &ScalingGroup{LoginPassword: password}}}}, password, false},
		{"pointer to create cluster", &CreateClusterRequest{LoginPassword: password}, password, false},
		{"control plane", ControlPlaneConfig{LoginPassword: password}, password, false},
		{"scale out", ScaleOutClusterRequest{Count: 1, LoginPassword: password}, password, false},
		{"modify cluster", ModifyClusterRequest{ControlPlaneConfig: &ControlPlaneConfig{LoginPassword: password}}, password, false},
		{"node pool", Nodepool{ScalingGroup: &ScalingGroup{LoginPassword: password}}, password, false},
		{"scaling group", ScalingGroup{LoginPassword: password}, password, false},
		{"node pool detail", NodePoolDetail{Nodepool: Nodepool{ScalingGroup: &ScalingGroup{LoginPassword: password}}}, password, false},
		{"modify node pool", ModifyNodePoolRequest{ScalingGroup: &ScalingGroup{LoginPassword: password}}, password, false},
		{"attach", AttachInstancesRequest{Instances: []string{"i-1"}, Password: password}, password, false},
		{"kubeconfig", KubeconfigResponse{Config: kubeconfig, Expiration: "2024-03-10T09:56:17Z"}, kubeconfig, false},
		{"nested", holder{
			Pool:   &ScalingGroup{LoginPassword: password},
			Detail: ClusterDetail{ControlPlaneConfig: &ControlPlaneConfig{LoginPassword: password}},
			Pools:  []NodePoolDetail{{Nodepool: Nodepool{ScalingGroup: &ScalingGroup{LoginPassword: password}}}},
		}, password, true},
	}
	for _, tc := range values {
		t.Run(tc.name, func(t *testing.T) {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
				out := fmt.Sprintf(verb, tc.v)
				if strings.Contains(out, tc.secret) {
					t.Errorf("%s printed the secret: %s", verb, out)
				}
			}
			var buf bytes.Buffer
			handlers := []slog.Handler{slog.NewTextHandler(&buf, nil)}
			if !tc.foreign {
				handlers = append(handlers, slog.NewJSONHandler(&buf, nil))
			}
			for _, h := range handlers {
				slog.New(h).Info("call", "value", tc.v)
			}
			if strings.Contains(buf.String(), tc.secret) {
				t.Errorf("slog printed the secret: %s", buf.String())
			}
		})
	}
}

func TestRedactedStringShowsTheRest(t *testing.T) {
	r := CreateClusterRequest{Name: "prod", LoginPassword: password, Nodepools: []Nodepool{{ScalingGroup: &ScalingGroup{LoginPassword: password}}}}
	s := r.String()
	for _, want := range []string{`CreateClusterRequest{`, `"name":"prod"`, `"login_password":"` + ack.Redacted + `"`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %s", s, want)
		}
	}
	// Printing must not change the value, and the body still carries the
	// password to ACK.
	if r.LoginPassword != password || r.Nodepools[0].ScalingGroup.LoginPassword != password {
		t.Fatal("String modified the request")
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), password) != 2 {
		t.Errorf("body lost the passwords: %s", b)
	}
	// An empty password prints as empty, not as a redaction marker.
	if s := (ScaleOutClusterRequest{Count: 1}).String(); strings.Contains(s, ack.Redacted) {
		t.Errorf("empty password redacted: %s", s)
	}
}
