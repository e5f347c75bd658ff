package ack_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// listedPackage is what `go list -export -deps -json` says of a package.
type listedPackage struct {
	ImportPath string
	Name       string
	Export     string
	Module     *struct{ Path string }
	DepOnly    bool
}

// modulePackages lists the module's packages and every dependency's export
// data, built by the go command.
func modulePackages(t *testing.T) (public []listedPackage, exports map[string]string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Name,Export,Module,DepOnly", "./...").Output()
	if err != nil {
		t.Skipf("go list failed (%v); the API surface cannot be read here", err)
	}
	exports = make(map[string]string)
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.DepOnly || p.Module == nil || p.Module.Path != "github.com/ackgo/ack" || p.Name == "main" || isInternal(p.ImportPath) {
			continue
		}
		public = append(public, p)
	}
	return public, exports
}

func isInternal(path string) bool {
	return strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

// internalIn returns the first type declared in an internal package that t
// names, or nil. Named types of public packages are not entered (each is
// checked where it is declared), but their type arguments are.
func internalIn(t types.Type, seen map[types.Type]bool) *types.TypeName {
	if t == nil || seen[t] {
		return nil
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		if obj := t.Obj(); obj.Pkg() != nil && isInternal(obj.Pkg().Path()) {
			return obj
		}
		return internalIn(t.Rhs(), seen)
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil && isInternal(obj.Pkg().Path()) {
			return obj
		}
		for i := range t.TypeArgs().Len() {
			if n := internalIn(t.TypeArgs().At(i), seen); n != nil {
				return n
			}
		}
	case *types.Pointer:
		return internalIn(t.Elem(), seen)
	case *types.Slice:
		return internalIn(t.Elem(), seen)
	case *types.Array:
		return internalIn(t.Elem(), seen)
	case *types.Chan:
		return internalIn(t.Elem(), seen)
	case *types.Map:
		if n := internalIn(t.Key(), seen); n != nil {
			return n
		}
		return internalIn(t.Elem(), seen)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if n := internalIn(tup.At(i).Type(), seen); n != nil {
					return n
				}
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if f := t.Field(i); f.Exported() {
				if n := internalIn(f.Type(), seen); n != nil {
					return n
				}
			}
		}
	case *types.Interface:
		for i := range t.NumMethods() {
			if m := t.Method(i); m.Exported() {
				if n := internalIn(m.Type(), seen); n != nil {
					return n
				}
			}
		}
	case *types.TypeParam:
		return internalIn(t.Constraint(), seen)
	}
	return nil
}

// surfaceProblems lists every exported identifier of pkg whose declaration
// names a type of an internal package: functions, methods, fields, types,
// aliases, variables and constants.
func surfaceProblems(pkg *types.Package) []string {
	var out []string
	report := func(what string, t types.Type) {
		if n := internalIn(t, map[types.Type]bool{}); n != nil {
			out = append(out, fmt.Sprintf("%s names %s.%s", what, n.Pkg().Path(), n.Name()))
		}
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		what := pkg.Name() + "." + name
		tn, ok := obj.(*types.TypeName)
		if !ok {
			report(what, obj.Type())
			continue
		}
		if alias, ok := obj.Type().(*types.Alias); ok {
			report(what+" (alias)", alias)
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		report(what, named.Underlying())
		for i := range named.NumMethods() {
			if m := named.Method(i); m.Exported() {
				report(what+"."+m.Name(), m.Type())
			}
		}
	}
	return out
}

// TestPublicAPINamesNoInternalType loads every public package of the module
// with go/types and fails when an exported function, method, field, type,
// alias, variable or constant names a type of an internal package: a user
// could not name or build such a value.
func TestPublicAPINamesNoInternalType(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole module's export data")
	}
	public, exports := modulePackages(t)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok || file == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(file)
	})
	if len(public) < 6 {
		t.Fatalf("found only %d public packages", len(public))
	}
	for _, p := range public {
		pkg, err := imp.Import(p.ImportPath)
		if err != nil {
			t.Fatalf("load %s: %v", p.ImportPath, err)
		}
		for _, problem := range surfaceProblems(pkg) {
			t.Errorf("%s: %s", p.ImportPath, problem)
		}
	}
}

// TestGoDocMentionsNoInternalPackage reads `go doc -all` of every public
// package, constants' values included, and fails on a reference to an
// internal package's identifier.
func TestGoDocMentionsNoInternalPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go doc for every package")
	}
	public, exports := modulePackages(t)
	var names []string
	for path := range exports {
		if strings.HasPrefix(path, "github.com/ackgo/ack/") && isInternal(path) {
			names = append(names, regexp.QuoteMeta(path[strings.LastIndex(path, "/")+1:]))
		}
	}
	slices.Sort(names)
	ref := regexp.MustCompile(`(^|[^A-Za-z0-9_.])(` + strings.Join(names, "|") + `)\.[A-Z]`)
	for _, p := range public {
		out, err := exec.Command("go", "doc", "-all", p.ImportPath).CombinedOutput()
		if err != nil {
			t.Fatalf("go doc %s: %v\n%s", p.ImportPath, err, out)
		}
		for i, line := range strings.Split(string(out), "\n") {
			if ref.MatchString(line) {
				t.Errorf("go doc -all %s, line %d names an internal package: %s", p.ImportPath, i+1, strings.TrimSpace(line))
			}
		}
	}
}
