package ack_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPackageDocsPutTheClientFirst checks the package documentation of the
// typed clients: the client comes before the domain rules (the first
// heading is "# Client"), and the text names every Example of the package
// so that a reader finds them.
func TestPackageDocsPutTheClientFirst(t *testing.T) {
	for _, dir := range []string{"cluster", "nodepool", "quota"} {
		t.Run(dir, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "doc.go"))
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				t.Fatal(err)
			}
			text := f.Doc.Text()
			var headings []string
			for line := range strings.Lines(text) {
				if h, ok := strings.CutPrefix(line, "# "); ok {
					headings = append(headings, strings.TrimSpace(h))
				}
			}
			if len(headings) == 0 || headings[0] != "Client" {
				t.Errorf("headings %q; want \"Client\" first", headings)
			}
			for _, name := range examples(t, dir) {
				if !slices.Contains(strings.FieldsFunc(text, notIdent), name) {
					t.Errorf("the package doc does not name %s", name)
				}
			}
		})
	}
}

// examples returns the names of the Example functions in dir's tests.
func examples(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Example") {
				names = append(names, fn.Name.Name)
			}
		}
	}
	return names
}

func notIdent(r rune) bool {
	return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}
