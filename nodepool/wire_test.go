package nodepool

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// roundTripSpecs are Specs whose wire form must read back unchanged.
func roundTripSpecs() map[string]Spec {
	minimal := Spec{Name: "p", VSwitchIDs: []string{"vsw-1"}, InstanceTypes: []string{"ecs.g6.large"}, ChargeType: PostPaid, KeyPair: "k"}
	disabledButTyped := minimal
	disabledButTyped.AutoScaling = AutoScaling{Type: ScaleSpot}
	managedOff := minimal
	managedOff.Management = Management{Enabled: true}
	invalid := validSpec()
	invalid.MaxPods = -3
	invalid.Management = Management{AutoUpgrade: true}
	invalid.DesiredSize = -1
	return map[string]Spec{
		"every field":         validSpec(),
		"autoscaled":          autoScaled(2, 50),
		"minimal":             minimal,
		"typed but disabled":  disabledButTyped,
		"management, no auto": managedOff,
		"invalid values":      invalid,
		"defaults written":    validSpec().WithDefaults(),
	}
}

func TestCreateRequestRoundTrip(t *testing.T) {
	for name, s := range roundTripSpecs() {
		t.Run(name, func(t *testing.T) {
			req := s.createRequest()
			// Through JSON, as the fake receives it.
			body, err := json.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			var decoded wire.Nodepool
			if err := json.Unmarshal(body, &decoded); err != nil {
				t.Fatal(err)
			}
			got, err := specFromCreateRequest(&decoded)
			if err != nil {
				t.Fatalf("specFromCreateRequest: %v", err)
			}
			if diff := cmp.Diff(s, got, specOpts); diff != "" {
				t.Errorf("Spec → wire → Spec (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCreateRequestSendsTheRequiredChargeType(t *testing.T) {
	s := validSpec()
	s.ChargeType = ""
	s.Subscription = Subscription{}
	req := s.createRequest()
	if got := req.ScalingGroup.InstanceChargeType; got != string(DefaultChargeType) {
		t.Errorf("instance_charge_type = %q, want %q", got, DefaultChargeType)
	}
	back, err := specFromCreateRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	if back.ChargeType != PostPaid {
		t.Errorf("read back charge type %q, want PostPaid", back.ChargeType)
	}
}

func TestCreateRequestGolden(t *testing.T) {
	for file, s := range map[string]Spec{
		"create_request_prepaid.json":    validSpec(),
		"create_request_autoscaled.json": autoScaled(1, 10),
	} {
		t.Run(file, func(t *testing.T) {
			got, err := json.MarshalIndent(s.createRequest(), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("CreateRequest JSON (-golden +got):\n%s", diff)
			}
		})
	}
}

func TestSpecFromRawCreateRequest(t *testing.T) {
	var req wire.Nodepool
	readJSON(t, "create_request_raw.json", &req)
	got, err := specFromCreateRequest(&req)
	if err != nil {
		t.Fatalf("specFromCreateRequest: %v", err)
	}
	want := Spec{
		Name:          "batch",
		VSwitchIDs:    []string{"vsw-bp1mdigyhmilu2h4vq3xz"},
		InstanceTypes: []string{"ecs.c7.2xlarge"},
		ChargeType:    PostPaid,
		DesiredSize:   4, // the deprecated count
		SystemDisk:    Disk{Category: DiskAuto, SizeGiB: 80},
		KeyPair:       "batch-key",
		Runtime:       Containerd,
		// auto_repair is absent, so ACK turns it on with management.
		Management: Management{Enabled: true, AutoRepair: true},
	}
	if diff := cmp.Diff(want, got, specOpts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := validateCreateRequest(&req); err != nil {
		t.Errorf("validateCreateRequest: %v", err)
	}
}

func TestDesiredSizeWinsOverCount(t *testing.T) {
	req := validSpec().createRequest()
	req.Count = 9
	got, err := specFromCreateRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	if got.DesiredSize != 3 {
		t.Errorf("DesiredSize = %d, want desired_size's 3 rather than count's 9", got.DesiredSize)
	}
}

func TestSpecFromCreateRequestReportsDecodeRules(t *testing.T) {
	req := validSpec().createRequest()
	req.NodepoolInfo.Type = "edge"
	s, err := specFromCreateRequest(req)
	if diff := cmp.Diff([]ruleField{{"nodepool.type.supported", "nodepool_info.type"}}, ruleFields(err)); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	if s.Name != "workers" {
		t.Errorf("the Spec is not returned with the error: %+v", s)
	}
}

func TestPoolFromDetail(t *testing.T) {
	var d wire.NodePoolDetail
	readJSON(t, "node_pool_detail.json", &d)
	got, err := poolFromDetail(&d)
	if err != nil {
		t.Fatal(err)
	}
	cst := time.FixedZone("", 8*3600)
	want := Pool{
		ID:   "np1f6779297c4444a3a1cdd29be8e5****",
		Type: "ess",
		Spec: Spec{
			Name:          "web",
			VSwitchIDs:    []string{"vsw-bp1mdigyhmilu2h4v****", "vsw-bp1fx8h9qs1qmvlw2****"},
			InstanceTypes: []string{"ecs.g7.xlarge", "ecs.g6.xlarge"},
			ChargeType:    PostPaid,
			SystemDisk:    Disk{Category: DiskESSD, SizeGiB: 120, PerformanceLevel: "PL0"},
			DataDisks:     []Disk{{Category: DiskESSD, SizeGiB: 100, PerformanceLevel: "PL1"}},
			ImageType:     ImageAliyunLinux3,
			KeyPair:       "web-key",
			Labels:        []Label{{Key: "tier", Value: "web"}},
			Taints:        []Taint{{Key: "dedicated", Value: "web", Effect: NoSchedule}},
			Runtime:       Containerd,
			// ACK reports the runtime version it chose.
			RuntimeVersion: "1.6.28",
			CPUPolicy:      CPUPolicyNone,
			MaxPods:        128,
			AutoScaling:    AutoScaling{Enabled: true, Min: 1, Max: 20, Type: ScaleCPU},
			Management:     Management{Enabled: true, AutoRepair: true},
		},
		State:          StateScaling,
		Nodes:          NodeCounts{Total: 5, Serving: 3, Healthy: 3, Initial: 2},
		ScalingGroupID: "asg-bp1b2ib8p1pm7wk6****",
		Created:        time.Date(2024, 5, 13, 10, 2, 11, 483920113, cst),
		Updated:        time.Date(2024, 5, 13, 10, 9, 47, 0, cst),
	}
	if diff := cmp.Diff(want, got, specOpts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	spec, err := specFromDetail(&d)
	if err != nil || spec.Name != "web" {
		t.Errorf("specFromDetail = %+v, %v", spec, err)
	}
}

func TestPoolFromDetailIsLenient(t *testing.T) {
	d := &wire.NodePoolDetail{Nodepool: wire.Nodepool{NodepoolInfo: &wire.NodepoolInfo{NodepoolID: "np-edge", Type: "edge"}}}
	p, err := poolFromDetail(d)
	if err != nil {
		t.Fatalf("an edge pool is read without error, got %v", err)
	}
	if p.Type != "edge" || p.ID != "np-edge" {
		t.Errorf("Pool = %+v", p)
	}
	d.NodepoolInfo.Created = "yesterday"
	if _, err := poolFromDetail(d); err == nil {
		t.Error("a malformed created time is not an error")
	}
	if _, err := poolFromDetail(nil); err == nil {
		t.Error("poolFromDetail(nil) is not an error")
	}
}

func TestNodeFromWire(t *testing.T) {
	w := wire.Node{
		InstanceID:   "i-bp1cc4q6u2ilt0pb7a1n",
		NodeName:     "cn-hangzhou.192.168.0.36",
		InstanceType: "ecs.g7.xlarge",
		State:        "running",
		Source:       SourceESSAttach,
		CreationTime: "2024-05-13T10:05:00+08:00",
	}
	got, err := nodeFromWire(w)
	if err != nil {
		t.Fatal(err)
	}
	want := Node{
		InstanceID:   "i-bp1cc4q6u2ilt0pb7a1n",
		Name:         "cn-hangzhou.192.168.0.36",
		InstanceType: "ecs.g7.xlarge",
		Origin:       OriginUnknown, // the wire does not tell it
		Created:      time.Date(2024, 5, 13, 2, 5, 0, 0, time.UTC),
		State:        "running",
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	w.CreationTime = "13/05/2024"
	if _, err := nodeFromWire(w); err == nil {
		t.Error("a malformed creation_time is not an error")
	}
}

// TestOriginFromSource: no source tells an origin, neither ACK's
// documented one nor the values the fake reported before (nor any
// origin's own name).
func TestOriginFromSource(t *testing.T) {
	sources := []string{"", SourceESSAttach, "ROS", "scale_out", "initial", "attached", "scale-out"}
	for _, o := range Origins() {
		sources = append(sources, string(o))
	}
	for _, src := range sources {
		if got := OriginFromSource(src); got != OriginUnknown {
			t.Errorf("OriginFromSource(%q) = %q, want OriginUnknown", src, got)
		}
	}
}

func FuzzValidateCreateRequest(f *testing.F) {
	for _, s := range roundTripSpecs() {
		body, err := json.Marshal(s.createRequest())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "create_request_raw.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"nodepool_info":{"type":"edge"},"auto_scaling":{"enable":true,"min_instances":-1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var req wire.Nodepool
		if json.Unmarshal(body, &req) != nil {
			return
		}
		err := validateCreateRequest(&req)
		// The one reading the fake makes gives the same verdict and the
		// Spec specFromCreateRequest reads.
		checked, checkErr := checkCreateRequest(&req)
		if fmt.Sprint(checkErr) != fmt.Sprint(err) {
			t.Fatalf("checkCreateRequest: %v; validateCreateRequest: %v", checkErr, err)
		}
		if decoded, _ := specFromCreateRequest(&req); !cmp.Equal(decoded, checked, specOpts) {
			t.Fatalf("checkCreateRequest's Spec differs from specFromCreateRequest's: %s", cmp.Diff(decoded, checked, specOpts))
		}
		if err == nil {
			// A valid request reads into a valid Spec whose own request is
			// valid and reads back the same.
			s, err := specFromCreateRequest(&req)
			if err != nil {
				t.Fatalf("valid request, but specFromCreateRequest: %v", err)
			}
			if err := Validate(s); err != nil {
				t.Fatalf("valid request, but its Spec: %v", err)
			}
			again, err := specFromCreateRequest(s.createRequest())
			if err != nil {
				t.Fatal(err)
			}
			if s.ChargeType == "" { // sent as the default, since ACK requires it
				s.ChargeType = DefaultChargeType
			}
			if diff := cmp.Diff(s, again, specOpts); diff != "" {
				t.Fatalf("Spec → wire → Spec (-want +got):\n%s", diff)
			}
			return
		}
		var ve *ack.ValidationError
		if !asValidation(err, &ve) || len(ve.Violations) == 0 {
			t.Fatalf("error %v is not a *ack.ValidationError with violations", err)
		}
		if pw := req.ScalingGroup; pw != nil && len(pw.LoginPassword) >= 4 && bytes.Contains([]byte(err.Error()), []byte(pw.LoginPassword)) {
			t.Fatalf("error shows the password: %v", err)
		}
	})
}

// asValidation is errors.As for *ack.ValidationError.
func asValidation(err error, target **ack.ValidationError) bool {
	ve, ok := err.(*ack.ValidationError)
	*target = ve
	return ok
}

// readJSON decodes a file of testdata into v.
func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
