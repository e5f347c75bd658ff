package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ackgo/ack/fake"
	"go.uber.org/goleak"
)

// startRun runs the command with args on a free port and returns its URL
// and a stop that ends it and returns what it wrote to stderr; the
// command stops at the test's end if the test does not stop it first.
func startRun(t *testing.T, args ...string) (url string, stop func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	var stderr strings.Builder
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), w, &stderr)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	m := firstLine.FindStringSubmatch(line)
	if err != nil || m == nil {
		cancel()
		t.Fatalf("first line %q: %v (run: %v)", line, err, <-done)
	}
	var once sync.Once
	stop = func() string {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("run: %v", err)
			}
		})
		return stderr.String()
	}
	t.Cleanup(func() {
		stop()
		goleak.VerifyNone(t)
	})
	return m[1], stop
}

// send sends one request and returns its status and body.
func send(t *testing.T, method, url, body string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// managedWithoutNAT is a CreateCluster body of a managed cluster without a
// NAT gateway: the product description requires one, ACK today does not.
const managedWithoutNAT = `{"name":"no-nat","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes","cluster_spec":"ack.pro.small",
	"vpcid":"vpc-flags","vswitch_ids":["vsw-flags"],"container_cidr":"172.20.0.0/16","service_cidr":"172.21.0.0/20",
	"snat_entry":false,"addons":[{"name":"flannel"}]}`

// managedWithNAT is the same cluster with its NAT gateway.
var managedWithNAT = strings.Replace(managedWithoutNAT, `"snat_entry":false`, `"snat_entry":true`, 1)

type limitsAnswer struct {
	Clusters struct {
		Max int `json:"max"`
	} `json:"clusters"`
	NodesPerCluster struct {
		Max int `json:"max"`
	} `json:"nodes_per_cluster"`
	ServerlessClusters struct {
		Max int `json:"max"`
	} `json:"serverless_clusters"`
}

func getLimits(t *testing.T, url string) limitsAnswer {
	t.Helper()
	status, body := send(t, "GET", url+"/_fake/limits", "")
	var l limitsAnswer
	if err := json.Unmarshal([]byte(body), &l); status != http.StatusOK || err != nil {
		t.Fatalf("GET /_fake/limits: HTTP %d %s", status, body)
	}
	return l
}

// TestPresetFlag: -preset product and -preset current answer differently:
// a managed cluster without a NAT gateway is refused by the product
// description's rule and created by today's ACK, the quotas are each
// preset's, and so is the bill of a Pro cluster (no management fee under
// product).
func TestPresetFlag(t *testing.T) {
	tests := []struct {
		preset    string
		noNAT     int
		clusters  int
		billItems string
	}{
		{"product", http.StatusBadRequest, 10, ""},
		{"current", http.StatusOK, 50, "management"},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			url, _ := startRun(t, "-preset", tt.preset, "-speed", "1000")
			status, body := send(t, "POST", url+"/clusters", managedWithoutNAT)
			if status != tt.noNAT || (status != http.StatusOK && !strings.Contains(body, "cluster.nat.required")) {
				t.Fatalf("create without NAT: HTTP %d %s, want %d", status, body, tt.noNAT)
			}
			if got := getLimits(t, url).Clusters.Max; got != tt.clusters {
				t.Fatalf("clusters quota %d, want %d", got, tt.clusters)
			}
			body = strings.Replace(managedWithNAT, `"no-nat"`, `"pro"`, 1)
			body = strings.Replace(body, "172.20.0.0/16", "172.22.0.0/16", 1)
			body = strings.Replace(body, "172.21.0.0/20", "172.23.0.0/20", 1)
			if status, b := send(t, "POST", url+"/clusters", body); status != http.StatusOK {
				t.Fatalf("create with NAT: HTTP %d %s", status, b)
			}
			if status, b := send(t, "POST", url+"/_fake/advance", `{"duration":"3h"}`); status != http.StatusOK {
				t.Fatalf("advance: HTTP %d %s", status, b)
			}
			_, bill := send(t, "GET", url+"/_fake/bill", "")
			if got := strings.Contains(bill, `"item":"ack.pro"`); got != (tt.billItems != "") {
				t.Fatalf("bill %s: management fee charged %v, want %v", bill, got, tt.billItems != "")
			}
		})
	}
}

// TestBillingPresetFlagOverridesPreset: -billing-preset Current charges the
// fee under -preset product.
func TestBillingPresetFlagOverridesPreset(t *testing.T) {
	url, _ := startRun(t, "-preset", "product", "-billing-preset", "Current", "-speed", "1000")
	if status, b := send(t, "POST", url+"/clusters", managedWithNAT); status != http.StatusOK {
		t.Fatalf("create: HTTP %d %s", status, b)
	}
	send(t, "POST", url+"/_fake/advance", `{"duration":"3h"}`)
	if _, bill := send(t, "GET", url+"/_fake/bill", ""); !strings.Contains(bill, `"item":"ack.pro"`) {
		t.Fatalf("bill %s, want the management fee", bill)
	}
}

// TestAccountFlags: -unverified and -balance set the account that
// GET /_fake/account shows and that creates are checked against.
func TestAccountFlags(t *testing.T) {
	tests := []struct {
		args    []string
		account string // part of GET /_fake/account
		code    string // of the refused create
		log     string // part of the startup line
	}{
		{[]string{"-unverified"}, `"real_name_verified":false`, "Account.RealNameRequired", "account unverified"},
		{[]string{"-balance", "5.00 CNY"}, `"balance":"5.00 CNY"`, "InsufficientBalance", "balance 5.00 CNY"},
		{[]string{"-balance", "12.5"}, `"balance":"12.50 CNY"`, "InsufficientBalance", "balance 12.50 CNY"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			url, stop := startRun(t, tt.args...)
			if _, body := send(t, "GET", url+"/_fake/account", ""); !strings.Contains(body, tt.account) {
				t.Fatalf("GET /_fake/account: %s, want %s", body, tt.account)
			}
			status, body := send(t, "POST", url+"/clusters", managedWithNAT)
			if status != http.StatusBadRequest || !strings.Contains(body, `"code":"`+tt.code+`"`) {
				t.Fatalf("create: HTTP %d %s, want %s", status, body, tt.code)
			}
			if s := stop(); !strings.Contains(s, tt.log) {
				t.Fatalf("stderr %q, want it to say %s", s, tt.log)
			}
		})
	}
}

// TestLimitsFlags: -limits reads a file over the preset's quotas, and the
// single limits' flags go over both.
func TestLimitsFlags(t *testing.T) {
	file := filepath.Join(t.TempDir(), "limits.json")
	if err := os.WriteFile(file, []byte(`{"clusters":{"max":1},"nodes_per_cluster":{"max":7}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	url, _ := startRun(t, "-preset", "current", "-limits", file, "-max-nodes-per-cluster", "9", "-max-serverless-clusters", "0")
	l := getLimits(t, url)
	if l.Clusters.Max != 1 || l.NodesPerCluster.Max != 9 || l.ServerlessClusters.Max != 0 {
		t.Fatalf("limits %+v, want 1 cluster from the file, 9 nodes and 0 serverless from the flags", l)
	}
	if status, b := send(t, "POST", url+"/clusters", managedWithNAT); status != http.StatusOK {
		t.Fatalf("first create: HTTP %d %s", status, b)
	}
	second := strings.Replace(strings.Replace(managedWithNAT, "172.20.0.0/16", "172.22.0.0/16", 1), "172.21.0.0/20", "172.23.0.0/20", 1)
	if status, b := send(t, "POST", url+"/clusters", second); status != http.StatusBadRequest || !strings.Contains(b, "QuotaExceeded.Cluster") {
		t.Fatalf("second create: HTTP %d %s, want QuotaExceeded.Cluster", status, b)
	}
}

// TestControlTokenFlag: with -control-token (or its environment
// variable) loopback tools still need no token, a wrong token is refused,
// the right one admitted, and the token shows nowhere in the log.
func TestControlTokenFlag(t *testing.T) {
	const token = "flag-t0ken"
	for _, viaEnv := range []bool{false, true} {
		name := "flag"
		args := []string{"-control-token", token}
		if viaEnv {
			name, args = "environment", nil
			t.Setenv(controlTokenEnv, token)
		}
		t.Run(name, func(t *testing.T) {
			url, stop := startRun(t, args...)
			if status, b := send(t, "GET", url+"/_fake/clock", ""); status != http.StatusOK {
				t.Fatalf("loopback without a token: HTTP %d %s", status, b)
			}
			if status, b := send(t, "GET", url+"/_fake/clock", "", fake.ControlTokenHeader, "wrong"); status != http.StatusForbidden {
				t.Fatalf("wrong token: HTTP %d %s, want 403", status, b)
			}
			if status, b := send(t, "GET", url+"/_fake/clock", "", "Authorization", "Bearer "+token, "Host", "ackfake:9180"); status != http.StatusOK {
				t.Fatalf("right token: HTTP %d %s", status, b)
			}
			if s := stop(); strings.Contains(s, token) || !strings.Contains(s, "control token set") {
				t.Fatalf("stderr %q: want it to say a token is set, without the token", s)
			}
		})
	}
}

// TestAccountFlagsRefuseBadValues: a bad value of a flag of this file is
// refused with a message naming the flag.
func TestAccountFlagsRefuseBadValues(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"-preset", "cheap"}, []string{"-preset", "product or current"}},
		{[]string{"-balance", "lots"}, []string{"-balance", "100.00 CNY"}},
		{[]string{"-balance", "5 XX"}, []string{"-balance"}},
		{[]string{"-max-clusters", "-1"}, []string{"-max-clusters", "negative"}},
		{[]string{"-max-nodes-per-cluster", "many"}, []string{"-max-nodes-per-cluster", "whole number"}},
		{[]string{"-limits", "/no/such/limits.json"}, []string{"-limits"}},
		{[]string{"-limits", write("neg.json", `{"clusters":{"max":-2}}`)}, []string{"-limits", "clusters.max", "quota.limits.non_negative"}},
		{[]string{"-limits", write("unknown.json", `{"vpcs":{"max":2}}`)}, []string{"-limits", "vpcs"}},
		{[]string{"-limits", write("text.txt", `clusters=2`)}, []string{"-limits", "invalid character"}},
		{[]string{"-preset", "product", "-billing-preset", "Cheap"}, []string{"-billing-preset"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr strings.Builder
			err := run(context.Background(), append([]string{"-addr", "127.0.0.1:0"}, tt.args...), io.Discard, &stderr)
			if err == nil {
				t.Fatalf("run(%q) started, want a refusal", tt.args)
			}
			for _, w := range tt.want {
				if msg := err.Error() + stderr.String(); !strings.Contains(msg, w) {
					t.Errorf("run(%q) = %v (stderr %q), want it to say %s", tt.args, err, stderr.String(), w)
				}
			}
		})
	}
}
