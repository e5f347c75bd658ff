package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRunTable(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"20 pods of 1 vCPU and 2 GiB, 8h0m0s a day for 30 days in cn-hangzhou",
		"7 × ecs.g6.xlarge",
		"Dedicated", "7365.60 CNY", "ManagedBasic", "5205.60 CNY", "ManagedPro", "5666.40 CNY",
		"management fee", "460.80 CNY",
		// 20 pods × 30 days × 8 h × 0.22 a settled pod-hour.
		"Serverless", "1056.00 CNY",
		"cheapest: Serverless",
		"ManagedPro is never cheaper than Serverless",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// decodeJSON reads -json's output.
func decodeJSON(t *testing.T, r io.Reader) outputJSON {
	t.Helper()
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var o outputJSON
	if err := dec.Decode(&o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestRunJSON(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-json", "-preset", "Product", "-pods", "6", "-pod-cpu", "1.75", "-pod-mem", "7", "-hours-per-day", "2"}, &out); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out.String())
	}
	o := decodeJSON(t, &out)
	var forms []string
	for _, f := range o.Forms {
		forms = append(forms, f.Form)
		if f.Currency != "CNY" || f.Total == "" || len(f.Lines) == 0 {
			t.Errorf("form %+v", f)
		}
		for _, l := range f.Lines {
			if l.Item == "" || l.Amount == "" || l.Item == "ack.pro" {
				t.Errorf("%s: line %+v", f.Form, l)
			}
		}
	}
	if diff := cmp.Diff([]string{"Dedicated", "ManagedBasic", "ManagedPro", "Serverless"}, forms); diff != "" {
		t.Errorf("forms (-want +got):\n%s", diff)
	}
	// 3 nodes × 720 h + NAT 165.60; no fee under Product, so Pro = Basic.
	want := map[string]string{"Dedicated": "4485.60", "ManagedBasic": "2325.60", "ManagedPro": "2325.60", "Serverless": "165.60"}
	got := map[string]string{}
	for _, f := range o.Forms {
		got[f.Form] = f.Total
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if o.Cheapest != "Serverless" || o.Nodes != 3 {
		t.Errorf("cheapest %s, %d nodes", o.Cheapest, o.Nodes)
	}
}

// A book of one's own: cheap nodes make the node-based forms win past a
// daily running time, which the chart marks.
func TestRunBookAndSVG(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.json")
	if err := os.WriteFile(book, []byte(`{"name":"contract","date":"2026-12-01","currency":"CNY","prices":[
		{"item":"ecs.g6.xlarge","region":"cn-hangzhou","price":"0.20"},{"item":"nat","region":"*","price":"0.23"},
		{"item":"clb.internal","region":"*","price":"0"},{"item":"ack.pro","region":"*","price":"0.64"},
		{"item":"eci.vcpu","region":"*","price":"0.000049"},{"item":"eci.memory","region":"*","price":"0.00000613"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	svg := filepath.Join(dir, "cost.svg")
	var out bytes.Buffer
	args := []string{"-book", book, "-svg", svg, "-pods", "6", "-pod-cpu", "1.75", "-pod-mem", "7", "-hours-per-day", "2"}
	if err := run(args, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "ManagedBasic is cheaper than Serverless from 7h") {
		t.Errorf("no break-even in:\n%s", out.String())
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	series, marks := svgElements(t, data)
	if diff := cmp.Diff([]string{"Dedicated", "ManagedBasic", "ManagedPro", "Serverless"}, series); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}
	if len(marks) == 0 {
		t.Error("no break-even point marked")
	}
}

// svgElements parses an SVG as XML and returns the forms of its series and
// of its break-even marks.
func svgElements(t *testing.T, data []byte) (series, marks []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if se.Name.Local != "svg" || se.Name.Space != "http://www.w3.org/2000/svg" {
				t.Fatalf("root element %v", se.Name)
			}
			root = true
		}
		attr := map[string]string{}
		for _, a := range se.Attr {
			attr[a.Name.Local] = a.Value
		}
		switch attr["class"] {
		case "series":
			series = append(series, attr["data-form"])
		case "break-even":
			marks = append(marks, attr["data-form"])
		}
	}
	return series, marks
}

func TestRunRefuses(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-pod-cpu", "1e3"}, "-pod-cpu"},
		{[]string{"-pod-cpu", "0.0001"}, "too fine"},
		{[]string{"-hours-per-day", "25"}, "from 0 to 24"},
		{[]string{"-region", "eu-central-1"}, "eu-central-1"},
		{[]string{"-preset", "Cheap"}, "Current or Product"},
		{[]string{"-book", "/no/such/book.json"}, "no such file"},
		{[]string{"extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		err := run(tt.args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%q) = %v; want an error containing %q", tt.args, err, tt.want)
		}
	}
}
