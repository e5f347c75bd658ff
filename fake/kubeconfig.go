package fake

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// DefaultKubeconfigValidity is how long a kubeconfig is valid when
// TemporaryDurationMinutes is not given: three years, as ACK's. A
// temporary one lasts cluster.MinKubeconfigDuration to
// cluster.MaxKubeconfigDuration (rule cluster.RuleKubeconfigDuration).
const DefaultKubeconfigValidity = 3 * 365 * 24 * time.Hour

// kubeconfigYAML writes a kubeconfig for a cluster's API server endpoint.
// It is written by hand in the layout kubectl writes; every string is a
// double-quoted scalar (a JSON string is a valid one). The certificate
// and key data are placeholders: the fake runs no Kubernetes API server.
func kubeconfigYAML(clusterID, server, user string) string {
	q := func(s string) string {
		b, _ := json.Marshal(s) // a string: cannot fail
		return string(b)
	}
	placeholder := func(kind string) string {
		pem := "-----BEGIN " + kind + "-----\n" +
			base64.StdEncoding.EncodeToString([]byte("ackgo fake "+strings.ToLower(kind)+" for "+clusterID)) +
			"\n-----END " + kind + "-----\n"
		return base64.StdEncoding.EncodeToString([]byte(pem))
	}
	ctx := user + "-" + clusterID
	var b strings.Builder
	w := func(lines ...string) {
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	w(
		"apiVersion: v1",
		"kind: Config",
		"clusters:",
		"- name: "+q("kubernetes"),
		"  cluster:",
		"    server: "+q(server),
		"    certificate-authority-data: "+q(placeholder("CERTIFICATE")),
		"contexts:",
		"- name: "+q(ctx),
		"  context:",
		"    cluster: "+q("kubernetes"),
		"    user: "+q(user),
		"current-context: "+q(ctx),
		"preferences: {}",
		"users:",
		"- name: "+q(user),
		"  user:",
		"    client-certificate-data: "+q(placeholder("CERTIFICATE")),
		"    client-key-data: "+q(placeholder("RSA PRIVATE KEY")),
	)
	return b.String()
}

// kubeconfigUser names the kubeconfig's user after the caller, keeping
// letters, digits, '-' and '_'.
func kubeconfigUser(caller string) string {
	var b strings.Builder
	for _, r := range caller {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "kubernetes-admin"
	}
	return b.String()
}
