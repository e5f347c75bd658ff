package sdktransport

import (
	"strings"
	"testing"

	"github.com/ackgo/ack/internal/signing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		want    string // base URL
		wantErr string
	}{
		{"region", Options{Region: "cn-hangzhou"}, "https://cs.cn-hangzhou.aliyuncs.com", ""},
		{"central region", Options{Region: "cn-wuhan"}, "https://cs.aliyuncs.com", ""},
		{"vpc region", Options{Region: "cn-shanghai-finance-1"}, "https://cs-vpc.cn-shanghai-finance-1.aliyuncs.com", ""},
		{"endpoint wins", Options{Region: "cn-hangzhou", Endpoint: "cs.example.internal"}, "https://cs.example.internal", ""},
		{"endpoint with port and scheme", Options{Endpoint: "127.0.0.1:8080", Scheme: "http"}, "http://127.0.0.1:8080", ""},
		{"endpoint as URL", Options{Endpoint: "http://127.0.0.1:8080/", Scheme: "https"}, "http://127.0.0.1:8080", ""},
		{"ipv6 endpoint", Options{Endpoint: "[::1]:9000", Scheme: "http"}, "http://[::1]:9000", ""},
		{"acs3", Options{Region: "ap-southeast-1", Signing: signing.ACS3}, "https://cs.ap-southeast-1.aliyuncs.com", ""},
		{"nothing", Options{}, "", "region and endpoint are both empty"},
		{"bad region", Options{Region: "CN Hangzhou"}, "", `region "CN Hangzhou"`},
		{"region with a dot", Options{Region: "evil.com/x"}, "", `region "evil.com/x"`},
		{"bad scheme", Options{Region: "cn-hangzhou", Scheme: "ftp"}, "", `scheme "ftp"`},
		{"endpoint with a path", Options{Endpoint: "cs.example.com/api"}, "", `endpoint "cs.example.com/api"`},
		{"endpoint with user info", Options{Endpoint: "user:pw@cs.example.com"}, "", "endpoint holds user information"},
		{"unknown signing scheme", Options{Region: "cn-hangzhou", Signing: signing.Scheme(7)}, "", "signing scheme Scheme(7)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Credentials = staticTestCredentials()
			tr, err := New(tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("New: %v, want an error saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			t.Cleanup(tr.CloseIdleConnections)
			if got := tr.base.String(); got != tt.want {
				t.Errorf("endpoint = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		name string
		q    map[string][]string
		want string
	}{
		{"none", nil, ""},
		{"sorted", map[string][]string{"b": {"2"}, "a": {"1"}}, "a=1&b=2"},
		{"space is %20", map[string][]string{"name": {"a b"}}, "name=a%20b"},
		{"plus and star escaped", map[string][]string{"q": {"a+b*c~d"}}, "q=a%2Bb%2Ac~d"},
		{"json array", map[string][]string{"instance_ids": {`["i-1"]`}}, "instance_ids=%5B%22i-1%22%5D"},
		{"empty value", map[string][]string{"force": {""}}, "force="},
		{"values keep their order", map[string][]string{"k": {"2", "1"}}, "k=2&k=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := encodeQuery(tt.q); got != tt.want {
				t.Errorf("encodeQuery = %q, want %q", got, tt.want)
			}
		})
	}
}
