package cluster_test

import (
	"errors"
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
)

func TestFormWireRoundTrip(t *testing.T) {
	tests := []struct {
		form                        cluster.Form
		clusterType, profile, cspec string
		name                        string
		managed, hasNodes           bool
	}{
		{cluster.Dedicated, "Kubernetes", "", "", "Dedicated", false, true},
		{cluster.ManagedBasic, "ManagedKubernetes", "", "ack.standard", "ManagedBasic", true, true},
		{cluster.ManagedPro, "ManagedKubernetes", "", "ack.pro.small", "ManagedPro", true, true},
		{cluster.Serverless, "ManagedKubernetes", "Serverless", "", "Serverless", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, p, cs := tt.form.Wire()
			if ct != tt.clusterType || p != tt.profile || cs != tt.cspec {
				t.Errorf("Wire() = %q, %q, %q; want %q, %q, %q", ct, p, cs, tt.clusterType, tt.profile, tt.cspec)
			}
			got, err := cluster.FormOf(ct, p, cs)
			if err != nil || got != tt.form {
				t.Errorf("FormOf(Wire()) = %v, %v; want %v", got, err, tt.form)
			}
			if tt.form.String() != tt.name {
				t.Errorf("String() = %q, want %q", tt.form.String(), tt.name)
			}
			if tt.form.Managed() != tt.managed || tt.form.HasNodes() != tt.hasNodes || !tt.form.Known() {
				t.Errorf("Managed/HasNodes/Known = %v/%v/%v", tt.form.Managed(), tt.form.HasNodes(), tt.form.Known())
			}
		})
	}
}

func TestFormOf(t *testing.T) {
	tests := []struct {
		clusterType, profile, cspec string
		want                        cluster.Form
		wantErr                     bool
	}{
		{"Kubernetes", "", "", cluster.Dedicated, false},
		{"Kubernetes", "Default", "", cluster.Dedicated, false},
		{"ManagedKubernetes", "", "", cluster.ManagedBasic, false},
		{"ManagedKubernetes", "Default", "ack.standard", cluster.ManagedBasic, false},
		{"ManagedKubernetes", "Default", "ack.pro.small", cluster.ManagedPro, false},
		{"ManagedKubernetes", "Serverless", "ack.pro.small", cluster.Serverless, false},
		{"ManagedKubernetes", "Serverless", "ack.standard", cluster.Serverless, false},
		{"Ask", "", "", cluster.Serverless, false},
		{"Ask", "ask.v2", "", cluster.Serverless, false},
		{"", "", "", 0, true},
		{"ExternalKubernetes", "", "", 0, true},
		{"ManagedKubernetes", "Edge", "ack.pro.small", 0, true},
		{"ManagedKubernetes", "Lingjun", "ack.pro.small", 0, true},
		{"ManagedKubernetes", "", "ack.pro.large", 0, true},
		{"ManagedKubernetes", "Serverless", "ack.pro.large", 0, true},
		{"Kubernetes", "Serverless", "", 0, true},
		{"kubernetes", "", "", 0, true},
	}
	for _, tt := range tests {
		got, err := cluster.FormOf(tt.clusterType, tt.profile, tt.cspec)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("FormOf(%q, %q, %q) = %v, %v; want %v, error %v", tt.clusterType, tt.profile, tt.cspec, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !errors.Is(err, ack.ErrInvalid) {
			t.Errorf("FormOf(%q, %q, %q) error %v does not match ack.ErrInvalid", tt.clusterType, tt.profile, tt.cspec, err)
		}
	}
}

func TestUnknownForm(t *testing.T) {
	for _, f := range []cluster.Form{0, 5, -1} {
		if f.Known() || f.Managed() || f.HasNodes() {
			t.Errorf("%v: Known/Managed/HasNodes should be false", f)
		}
		if ct, p, cs := f.Wire(); ct != "" || p != "" || cs != "" {
			t.Errorf("%v.Wire() = %q, %q, %q; want empty", f, ct, p, cs)
		}
	}
	if got := cluster.Form(7).String(); got != "Form(7)" {
		t.Errorf("String() = %q", got)
	}
}
