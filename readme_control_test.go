package ack_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack/internal/bridge"
)

// readmeControlHeading is the heading of the README's table of the fake's
// control endpoints; the table is the first one after it.
const readmeControlHeading = "### The fake's control endpoints"

// controlRow is one row of that table.
type controlRow struct {
	line    int
	name    string // the path below /_fake/, as the fake names the route
	methods []string
}

// readControlTable parses the table: its rows, each naming an endpoint in
// backquotes ("`/_fake/clock`") and the methods it takes ("GET, POST").
func readControlTable(text string) ([]controlRow, error) {
	table, err := readTable(text, readmeControlHeading, "| endpoint | methods |")
	if err != nil {
		return nil, err
	}
	rows := make([]controlRow, 0, len(table))
	for _, t := range table {
		if len(t.cells) < 2 {
			return nil, fmt.Errorf("README.md:%d: a row of %d cells; want the endpoint and its methods", t.line, len(t.cells))
		}
		path := strings.Trim(t.cells[0], "`")
		name, ok := strings.CutPrefix(path, "/_fake/")
		if !ok {
			return nil, fmt.Errorf("README.md:%d: endpoint %q does not start with /_fake/", t.line, path)
		}
		row := controlRow{line: t.line, name: name}
		for m := range strings.SplitSeq(t.cells[1], ",") {
			row.methods = append(row.methods, strings.TrimSpace(m))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// compareControlTable reports every difference between the table's rows
// and the fake's control routes: a route without a row, a row of no
// route, a repeated row, and a row whose methods differ from the route's.
func compareControlTable(rows []controlRow, routes []bridge.ControlRoute) []string {
	var problems []string
	byName := map[string]controlRow{}
	for _, r := range rows {
		if prev, ok := byName[r.name]; ok {
			problems = append(problems, fmt.Sprintf("README.md:%d: /_fake/%s has a second row (the first is on line %d)", r.line, r.name, prev.line))
			continue
		}
		byName[r.name] = r
	}
	known := map[string]bool{}
	for _, route := range routes {
		known[route.Name] = true
		methods := strings.Join(route.Methods, ", ")
		row, ok := byName[route.Name]
		if !ok {
			problems = append(problems, fmt.Sprintf("control endpoint /_fake/%s has no row in README.md's table %q; add one: | `/_fake/%s` | %s | what it does |",
				route.Name, readmeControlHeading, route.Name, methods))
			continue
		}
		if !sameMethods(row.methods, route.Methods) {
			problems = append(problems, fmt.Sprintf("README.md:%d: /_fake/%s: the row says %s; the endpoint takes %s", row.line, route.Name, strings.Join(row.methods, ", "), methods))
		}
	}
	for _, r := range rows {
		if !known[r.name] {
			problems = append(problems, fmt.Sprintf("README.md:%d: /_fake/%s is not a control endpoint of the fake", r.line, r.name))
		}
	}
	return problems
}

// sameMethods reports whether a and b hold the same methods, in any order.
func sameMethods(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestReadmeControlTable keeps the README's table of the fake's control
// endpoints true: one row per endpoint the fake dispatches, each with the
// methods it takes.
func TestReadmeControlTable(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readControlTable(string(text))
	if err != nil {
		t.Fatal(err)
	}
	routes := bridge.Get[bridge.FakeControl]().Routes()
	if len(routes) == 0 {
		t.Fatal("the fake lists no control endpoint")
	}
	for _, p := range compareControlTable(rows, routes) {
		t.Error(p)
	}
}

// TestReadmeControlTableCatches checks that the comparison fails, naming
// the endpoint, on each kind of drift. Its rows are made from the fake's
// routes, so that it tests the comparison alone.
func TestReadmeControlTableCatches(t *testing.T) {
	routes := bridge.Get[bridge.FakeControl]().Routes()
	rows := make([]controlRow, len(routes))
	for i, r := range routes {
		rows[i] = controlRow{line: i + 1, name: r.Name, methods: r.Methods}
	}
	if p := compareControlTable(rows, routes); len(p) != 0 {
		t.Fatalf("rows made from the routes differ from them: %q", p)
	}
	first := routes[0]
	tests := []struct {
		name   string
		rows   []controlRow
		routes []bridge.ControlRoute
		want   string
	}{
		{
			"an endpoint added without a row",
			rows,
			append(slices.Clone(routes), bridge.ControlRoute{Name: "weather", Methods: []string{"GET"}}),
			"control endpoint /_fake/weather has no row",
		},
		{"a row of no endpoint", rows, routes[1:], "/_fake/" + first.Name + " is not a control endpoint"},
		{"a repeated row", append(slices.Clone(rows), rows[0]), routes, "/_fake/" + first.Name + " has a second row"},
		{
			"methods that differ",
			append([]controlRow{{line: 1, name: first.Name, methods: []string{"PATCH"}}}, rows[1:]...),
			routes,
			"/_fake/" + first.Name + ": the row says PATCH",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := compareControlTable(tt.rows, tt.routes)
			if len(problems) != 1 || !strings.Contains(problems[0], tt.want) {
				t.Errorf("problems %q; want one containing %q", problems, tt.want)
			}
		})
	}
}

// TestReadControlTable checks the parser of the table on small READMEs.
func TestReadControlTable(t *testing.T) {
	const head = "intro\n\n" + readmeControlHeading + "\n\nThe endpoints.\n\n| endpoint | methods | what it does |\n|---|---|---|\n"
	tests := []struct {
		name    string
		text    string
		want    []controlRow
		wantErr string
	}{
		{
			"two rows, then prose",
			head + "| `/_fake/clock` | GET | the clock |\n| `/_fake/faults/{id}` | GET, DELETE | |\n\nMore.\n| `/_fake/x` | GET | |\n",
			[]controlRow{{line: 9, name: "clock", methods: []string{"GET"}}, {line: 10, name: "faults/{id}", methods: []string{"GET", "DELETE"}}},
			"",
		},
		{"no heading", "| endpoint | methods |\n", nil, "no heading"},
		{"another header", readmeControlHeading + "\n| path | verbs |\n|---|---|\n", nil, "the table's header"},
		{"not under /_fake/", head + "| `/clock` | GET | |\n", nil, `endpoint "/clock" does not start with /_fake/`},
		{"too few cells", head + "| `/_fake/clock` |\n", nil, "a row of 1 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readControlTable(tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("readControlTable: %v; want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(controlRow{})); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}
