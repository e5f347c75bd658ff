package ack_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// readmeFakeHeading is the heading of the README's table of what the fake
// simulates; the table is the first one after it.
const readmeFakeHeading = "### What the fake simulates"

// fakeRow is one row of that table.
type fakeRow struct {
	line      int
	action    string
	request   string // "METHOD /pattern"
	simulated bool
}

// tableRow is one row of a README table: its line and its cells, trimmed.
type tableRow struct {
	line  int
	cells []string
}

// readTable reads the first table after the line heading, whose header
// row must start with header, and returns its rows without the header and
// the separator. The table ends at the first line that is not a row.
func readTable(text, heading, header string) ([]tableRow, error) {
	sc := bufio.NewScanner(strings.NewReader(text))
	n, inSection, inTable := 0, false, false
	var rows []tableRow
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case !inSection:
			inSection = line == heading
			continue
		case !inTable && !strings.HasPrefix(line, "|"):
			if strings.HasPrefix(line, "#") {
				return nil, fmt.Errorf("README.md:%d: the section %q ends before its table", n, heading)
			}
			continue
		case inTable && !strings.HasPrefix(line, "|"):
			return rows, nil
		}
		if !inTable {
			inTable = true
			if !strings.HasPrefix(line, header) {
				return nil, fmt.Errorf("README.md:%d: the table's header is %q; want it to start with %q", n, line, header)
			}
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) > 0 && strings.Trim(cells[0], "-: ") == "" {
			continue // the separator row
		}
		rows = append(rows, tableRow{line: n, cells: cells})
	}
	if !inSection {
		return nil, fmt.Errorf("README.md has no heading %q", heading)
	}
	return rows, sc.Err()
}

// readFakeTable parses the table of what the fake simulates: its rows,
// each naming an API in backquotes, its request ("`METHOD /pattern`") and
// whether the fake simulates it ("simulated" or "not simulated").
func readFakeTable(text string) ([]fakeRow, error) {
	table, err := readTable(text, readmeFakeHeading, "| API | request | fake |")
	if err != nil {
		return nil, err
	}
	rows := make([]fakeRow, 0, len(table))
	for _, t := range table {
		cells := t.cells
		if len(cells) < 3 {
			return nil, fmt.Errorf("README.md:%d: a row of %d cells; want the API, its request and whether the fake simulates it", t.line, len(cells))
		}
		row := fakeRow{line: t.line, action: strings.Trim(cells[0], "`"), request: strings.Trim(cells[1], "`")}
		switch cells[2] {
		case "simulated":
			row.simulated = true
		case "not simulated":
		default:
			return nil, fmt.Errorf("README.md:%d: %s: the fake column says %q; want \"simulated\" or \"not simulated\"", t.line, row.action, cells[2])
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// compareFakeTable reports every difference between the table's rows and
// the route table: a route without a row, a row of no route, a row whose
// request differs from its route's, a repeated row, and a row whose
// simulated claim differs from what simulated says of the route.
func compareFakeTable(rows []fakeRow, routes []wire.Route, simulated func(wire.Route) bool) []string {
	var problems []string
	byAction := map[string]fakeRow{}
	for _, r := range rows {
		if prev, ok := byAction[r.action]; ok {
			problems = append(problems, fmt.Sprintf("README.md:%d: %s has a second row (the first is on line %d)", r.line, r.action, prev.line))
			continue
		}
		byAction[r.action] = r
	}
	known := map[string]bool{}
	for _, route := range routes {
		known[route.Action] = true
		request := route.Method + " " + route.Pattern
		row, ok := byAction[route.Action]
		if !ok {
			problems = append(problems, fmt.Sprintf("route %s (%s) has no row in README.md's table %q; add one: | `%s` | `%s` | %s | what the fake does |",
				route.Action, request, readmeFakeHeading, route.Action, request, claim(simulated(route))))
			continue
		}
		if row.request != request {
			problems = append(problems, fmt.Sprintf("README.md:%d: %s: the row says %q; the route table says %q", row.line, route.Action, row.request, request))
		}
		if got := simulated(route); got != row.simulated {
			problems = append(problems, fmt.Sprintf("README.md:%d: %s: the row says %s, but the fake %s; correct the row", row.line, route.Action, claim(row.simulated), answers(got)))
		}
	}
	for _, r := range rows {
		if !known[r.action] {
			problems = append(problems, fmt.Sprintf("README.md:%d: %s is not a route of internal/wire's table", r.line, r.action))
		}
	}
	return problems
}

func claim(simulated bool) string {
	if simulated {
		return "simulated"
	}
	return "not simulated"
}

func answers(simulated bool) string {
	if simulated {
		return "serves it"
	}
	return "answers NotImplemented"
}

// fakeSimulates reports whether the fake serves a route: it sends the
// route a request (its placeholders filled with IDs of nothing, an empty
// body of the route's kind) and looks for the NotImplemented answer (HTTP
// 501) that the fake gives every API it does not simulate.
func fakeSimulates(t *testing.T, cloud *fake.Cloud) func(wire.Route) bool {
	return func(route wire.Route) bool {
		params := make([]string, len(route.Placeholders()))
		for i := range params {
			params[i] = "x-readme-" + strings.ToLower(route.Placeholders()[i])
		}
		req := &ack.Request{Action: route.Action, Method: route.Method, Path: route.UnescapedPath(params...)}
		switch route.BodyKind {
		case wire.BodyObject:
			req.Body = []byte(`{}`)
		case wire.BodyArray:
			req.Body = []byte(`[]`)
		}
		resp, err := cloud.Transport().RoundTrip(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", route.Action, err)
		}
		var body struct {
			Code string `json:"code"`
		}
		_ = json.Unmarshal(resp.Body, &body)
		return !(resp.StatusCode == http.StatusNotImplemented && body.Code == fake.NotImplemented)
	}
}

// TestReadmeFakeTable keeps the README's table of what the fake simulates
// true: one row per route of the route table, each with the route's
// request and what the fake does with it.
func TestReadmeFakeTable(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readFakeTable(string(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range compareFakeTable(rows, wire.Routes(), fakeSimulates(t, fake.New())) {
		t.Error(p)
	}
}

// TestReadmeFakeTableCatches checks that the comparison fails, naming the
// route, on each kind of drift from the route table. Its rows are made
// from the route table, so that it tests the comparison alone.
func TestReadmeFakeTableCatches(t *testing.T) {
	routes := wire.Routes()
	simulated := fakeSimulates(t, fake.New())
	rows := make([]fakeRow, len(routes))
	for i, r := range routes {
		rows[i] = fakeRow{line: i + 1, action: r.Action, request: r.Method + " " + r.Pattern, simulated: simulated(r)}
	}
	if p := compareFakeTable(rows, routes, simulated); len(p) != 0 {
		t.Fatalf("rows made from the route table differ from it: %q", p)
	}
	first := routes[0]
	tests := []struct {
		name      string
		rows      []fakeRow
		routes    []wire.Route
		simulated func(wire.Route) bool
		want      string
	}{
		{
			"a route added without a row",
			rows,
			append(slices.Clone(routes), wire.Route{Action: "DescribeClusterAddons", Method: "GET", Pattern: "/clusters/{ClusterId}/addons"}),
			simulated,
			"route DescribeClusterAddons (GET /clusters/{ClusterId}/addons) has no row",
		},
		{"a row of no route", rows, routes[1:], simulated, first.Action + " is not a route"},
		{"a repeated row", append(slices.Clone(rows), rows[0]), routes, simulated, first.Action + " has a second row"},
		{
			"a request that differs",
			append([]fakeRow{{line: 1, action: first.Action, request: "GET /elsewhere", simulated: rows[0].simulated}}, rows[1:]...),
			routes, simulated,
			`the route table says "` + first.Method + " " + first.Pattern + `"`,
		},
		{
			"a wrong claim",
			rows, routes,
			func(r wire.Route) bool { return simulated(r) != (r.Action == first.Action) },
			first.Action + ": the row says",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := compareFakeTable(tt.rows, tt.routes, tt.simulated)
			if len(problems) != 1 || !strings.Contains(problems[0], tt.want) {
				t.Errorf("problems %q; want one containing %q", problems, tt.want)
			}
		})
	}

	t.Run("a table that is not there", func(t *testing.T) {
		text := "# README\n\n### Something else\n\n| API | request | fake |\n|---|---|---|\n"
		if _, err := readFakeTable(text); err == nil || !strings.Contains(err.Error(), "no heading") {
			t.Errorf("readFakeTable without the heading: %v; want an error naming it", err)
		}
	})
}

// TestReadFakeTable checks the parser of the table on small READMEs.
func TestReadFakeTable(t *testing.T) {
	const head = "intro\n\n" + readmeFakeHeading + "\n\nOne row per API.\n\n| API | request | fake | what it does |\n|---|---|---|---|\n"
	tests := []struct {
		name    string
		text    string
		want    []fakeRow
		wantErr string
	}{
		{
			"two rows, then prose",
			head + "| `A` | `GET /a` | simulated | reads |\n| `B` | `POST /b/{Id}` | not simulated | |\n\nMore prose.\n| `C` | `GET /c` | simulated | |\n",
			[]fakeRow{{line: 9, action: "A", request: "GET /a", simulated: true}, {line: 10, action: "B", request: "POST /b/{Id}"}},
			"",
		},
		{"no heading", "| API | request | fake |\n", nil, "no heading"},
		{"no table", "intro\n\n" + readmeFakeHeading + "\n\nprose\n\n## Next\n", nil, "ends before its table"},
		{"another header", readmeFakeHeading + "\n| API | fake |\n|---|---|\n", nil, "the table's header"},
		{"a claim of neither kind", head + "| `A` | `GET /a` | partly | |\n", nil, `A: the fake column says "partly"`},
		{"too few cells", head + "| `A` | `GET /a` |\n", nil, "a row of 2 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readFakeTable(tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("readFakeTable: %v; want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(fakeRow{})); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}
