package fake_test

import (
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// TestKubeconfigIsValidYAML parses the kubeconfig the fake hands out as
// YAML (block mappings and sequences, as kubectl writes them) and follows
// it the way kubectl does: current-context names a context, whose cluster
// and user exist; the cluster's server is the fake endpoint the cluster's
// master_url reports; the certificate data are base64 PEM blocks; and the
// answer's expiration is the virtual now plus the validity.
func TestKubeconfigIsValidYAML(t *testing.T) {
	c := fake.New(fake.WithProgressions(fake.Immediately()), fake.WithStart(time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)))
	pub := managedRequest("pub")
	pub.EndpointPublicAccess = wire.Bool(true)
	priv := managedRequest("priv")
	priv.VPCID, priv.VSwitchIDs = "vpc-priv", []string{"vsw-priv"}
	ids := map[string]string{}
	for name, req := range map[string]*wire.CreateClusterRequest{"pub": pub, "priv": priv} {
		ids[name] = decode[wire.CreateClusterResponse](t, call(t, c, wire.ActionCreateCluster, nil, nil, req)).ClusterID
	}
	endpoints := func(id string) wire.MasterURL {
		d := decode[wire.ClusterDetail](t, call(t, c, wire.ActionDescribeClusterDetail, []string{id}, nil, nil))
		mu, err := d.DecodeMasterURL()
		if err != nil {
			t.Fatal(err)
		}
		return mu
	}
	tests := []struct {
		name     string
		cluster  string
		query    url.Values
		server   func(wire.MasterURL) string
		validity time.Duration
	}{
		{"public endpoint", "pub", nil, func(m wire.MasterURL) string { return m.APIServerEndpoint }, fake.DefaultKubeconfigValidity},
		{"private endpoint asked for", "pub", url.Values{"PrivateIpAddress": {"true"}}, func(m wire.MasterURL) string { return m.IntranetAPIServerEndpoint }, fake.DefaultKubeconfigValidity},
		{"no public endpoint", "priv", url.Values{"TemporaryDurationMinutes": {"15"}}, func(m wire.MasterURL) string { return m.IntranetAPIServerEndpoint }, 15 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := ids[tt.cluster]
			wantServer := tt.server(endpoints(id))
			if !strings.HasPrefix(wantServer, "https://") {
				t.Fatalf("master_url of %s has no such endpoint: %q", id, wantServer)
			}
			kc := decode[wire.KubeconfigResponse](t, call(t, c, wire.ActionDescribeClusterUserKubeconfig, []string{id}, tt.query, nil))
			doc, err := parseYAML(kc.Config)
			if err != nil {
				t.Fatalf("kubeconfig is not valid YAML: %v\n%s", err, kc.Config)
			}
			got := followKubeconfig(t, doc)
			if got.apiVersion != "v1" || got.kind != "Config" || got.server != wantServer {
				t.Fatalf("apiVersion %q kind %q server %q; want v1 Config %q", got.apiVersion, got.kind, got.server, wantServer)
			}
			exp, err := time.Parse(time.RFC3339, kc.Expiration)
			if err != nil || !exp.Equal(c.Now().Add(tt.validity)) || !strings.HasSuffix(kc.Expiration, "Z") {
				t.Fatalf("expiration %q, want the virtual now + %s in UTC", kc.Expiration, tt.validity)
			}
		})
	}
}

// kubeconfigView is what kubectl reads of a kubeconfig.
type kubeconfigView struct {
	apiVersion, kind, server string
}

// followKubeconfig resolves the current context of a parsed kubeconfig,
// failing the test on any dangling name or malformed certificate.
func followKubeconfig(t *testing.T, doc map[string]any) kubeconfigView {
	t.Helper()
	named := func(list, name, field string) map[string]any {
		items, _ := doc[list].([]any)
		for _, it := range items {
			m, _ := it.(map[string]any)
			if m["name"] == name {
				inner, ok := m[field].(map[string]any)
				if !ok {
					t.Fatalf("%s %q has no %s mapping", list, name, field)
				}
				return inner
			}
		}
		t.Fatalf("no %s named %q in %v", list, name, doc[list])
		return nil
	}
	current, _ := doc["current-context"].(string)
	ctx := named("contexts", current, "context")
	cl := named("clusters", fmt.Sprint(ctx["cluster"]), "cluster")
	user := named("users", fmt.Sprint(ctx["user"]), "user")
	for _, data := range []any{cl["certificate-authority-data"], user["client-certificate-data"], user["client-key-data"]} {
		raw, err := base64.StdEncoding.DecodeString(fmt.Sprint(data))
		if block, _ := pem.Decode(raw); err != nil || block == nil {
			t.Fatalf("certificate data %q is not a base64 PEM block", data)
		}
	}
	server, _ := cl["server"].(string)
	apiVersion, _ := doc["apiVersion"].(string)
	kind, _ := doc["kind"].(string)
	return kubeconfigView{apiVersion: apiVersion, kind: kind, server: server}
}

func TestParseYAML(t *testing.T) {
	good := "a: \"x\\ty\"\nb:\n  c: plain-1.2\n  d: {}\ne:\n- f: \"1\"\n  g:\n    h: i\n- j: k\n"
	want := map[string]any{
		"a": "x\ty",
		"b": map[string]any{"c": "plain-1.2", "d": map[string]any{}},
		"e": []any{map[string]any{"f": "1", "g": map[string]any{"h": "i"}}, map[string]any{"j": "k"}},
	}
	got, err := parseYAML(good)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("parse (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		"a: b: c\n", "a:\n\tb: c\n", "a: \"open\n", "a: 1\na: 2\n", "a:\n  b: c\n d: e\n", "- a\n", "a: #x\n", "a: [1]\n", "a: x\n  b: y\n",
	} {
		if _, err := parseYAML(bad); err == nil {
			t.Errorf("parseYAML(%q) accepted it", bad)
		}
	}
}

// parseYAML parses the subset of YAML a kubeconfig needs: block mappings
// of simple keys, block sequences of mappings (also at their key's
// indent, as kubectl writes them), double-quoted scalars (JSON strings),
// plain scalars of letters, digits and "._/-", and the empty flow mapping
// {}. Everything it accepts is valid YAML with the meaning it gives it;
// anything else is an error.
func parseYAML(s string) (map[string]any, error) {
	p := &yamlParser{}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		content := strings.TrimLeft(line, " ")
		if strings.ContainsRune(line, '\t') || content == "" {
			return nil, fmt.Errorf("line %d: tab or blank line", i+1)
		}
		p.lines = append(p.lines, yamlLine{indent: len(line) - len(content), text: content, no: i + 1})
	}
	if len(p.lines) == 0 {
		return nil, fmt.Errorf("empty document")
	}
	m, err := p.mapping(0)
	if err == nil && p.pos < len(p.lines) {
		err = fmt.Errorf("line %d: unexpected indentation", p.lines[p.pos].no)
	}
	return m, err
}

type yamlLine struct {
	indent int
	text   string
	no     int
}

type yamlParser struct {
	lines []yamlLine
	pos   int
}

var (
	yamlKey   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	yamlPlain = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)
)

// mapping parses the block mapping whose keys sit at indent.
func (p *yamlParser) mapping(indent int) (map[string]any, error) {
	out := map[string]any{}
	for p.pos < len(p.lines) && p.lines[p.pos].indent == indent && !strings.HasPrefix(p.lines[p.pos].text, "- ") {
		l := p.lines[p.pos]
		key, rest, found := strings.Cut(l.text, ":")
		if !found || !yamlKey.MatchString(key) || (rest != "" && rest[0] != ' ') {
			return nil, fmt.Errorf("line %d: not a \"key: value\" pair: %q", l.no, l.text)
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("line %d: key %q repeated", l.no, key)
		}
		p.pos++
		if rest = strings.TrimPrefix(rest, " "); rest != "" {
			v, err := yamlScalar(rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", l.no, err)
			}
			out[key] = v
			continue
		}
		if p.pos >= len(p.lines) {
			return nil, fmt.Errorf("line %d: key %q has no value", l.no, key)
		}
		next := p.lines[p.pos]
		var v any
		var err error
		switch {
		case next.indent >= indent && strings.HasPrefix(next.text, "- "):
			v, err = p.sequence(next.indent)
		case next.indent > indent:
			v, err = p.mapping(next.indent)
		default:
			err = fmt.Errorf("line %d: key %q has no value", l.no, key)
		}
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, nil
}

// sequence parses the block sequence whose dashes sit at indent; each item
// is a mapping starting on the dash's line.
func (p *yamlParser) sequence(indent int) ([]any, error) {
	var out []any
	for p.pos < len(p.lines) && p.lines[p.pos].indent == indent && strings.HasPrefix(p.lines[p.pos].text, "- ") {
		l := &p.lines[p.pos]
		l.indent, l.text = indent+2, strings.TrimPrefix(l.text, "- ")
		m, err := p.mapping(indent + 2)
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("line %d: sequence item is not a mapping", l.no)
		}
		out = append(out, m)
	}
	return out, nil
}

// yamlScalar reads a value on a key's line.
func yamlScalar(s string) (any, error) {
	switch {
	case s == "{}":
		return map[string]any{}, nil
	case strings.HasPrefix(s, `"`):
		var v string
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return nil, fmt.Errorf("double-quoted scalar %s: %w", s, err)
		}
		return v, nil
	case yamlPlain.MatchString(s):
		return s, nil
	}
	return nil, fmt.Errorf("unsupported scalar %q", s)
}
