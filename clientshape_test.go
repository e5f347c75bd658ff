package ack_test

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"strings"
	"testing"
)

// The client template (doc.go, "Every client has the same shape") as a
// test: the clients' method sets, read with go/types from the export data
// the go command builds.

const modulePath = "github.com/ackgo/ack"

// shapedClient is one typed client and the resource type its reads
// return; resource is empty for a client that reads no resource of its
// own by ID (quota, whose reads are account-wide).
type shapedClient struct {
	pkg, resource string
}

var shapedClients = []shapedClient{
	{"cluster", "Cluster"},
	{"nodepool", "Pool"},
	{"quota", ""},
}

// mutations are the verbs that ACK runs as tasks: each returns the
// package's *Operation.
var mutations = []string{"Create", "Modify", "Delete", "Scale", "ScaleOut", "RemoveNodes", "Upgrade"}

// loadPublic imports the module's public packages by path.
func loadPublic(t *testing.T) map[string]*types.Package {
	t.Helper()
	public, exports := modulePackages(t)
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok || file == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(file)
	})
	out := map[string]*types.Package{}
	for _, p := range public {
		pkg, err := imp.Import(p.ImportPath)
		if err != nil {
			t.Fatalf("load %s: %v", p.ImportPath, err)
		}
		out[strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, modulePath), "/")] = pkg
	}
	return out
}

// named returns the named type name of pkg, or fails.
func named(t *testing.T, pkg *types.Package, name string) *types.Named {
	t.Helper()
	obj, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		t.Fatalf("%s has no type %s", pkg.Path(), name)
	}
	n, ok := types.Unalias(obj.Type()).(*types.Named)
	if !ok {
		t.Fatalf("%s.%s is not a named type", pkg.Name(), name)
	}
	return n
}

// methods returns the exported methods of *T by name.
func methods(n *types.Named) map[string]*types.Signature {
	out := map[string]*types.Signature{}
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := range ms.Len() {
		if f := ms.At(i).Obj(); f.Exported() {
			out[f.Name()] = f.Type().(*types.Signature)
		}
	}
	return out
}

// isNamed reports whether t is the named type pkg.name (through aliases).
func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// isPtrTo reports whether t is *pkg.name.
func isPtrTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}

// seqOf returns T of iter.Seq2[T, error], or nil.
func seqOf(t types.Type) types.Type {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "iter" || n.Obj().Name() != "Seq2" || n.TypeArgs().Len() != 2 {
		return nil
	}
	if !isNamed(n.TypeArgs().At(1), "", "error") && n.TypeArgs().At(1).String() != "error" {
		return nil
	}
	return n.TypeArgs().At(0)
}

// results returns a signature's results as types.
func results(s *types.Signature) []types.Type {
	var out []types.Type
	for i := range s.Results().Len() {
		out = append(out, s.Results().At(i).Type())
	}
	return out
}

// returnsPtrErr reports whether s returns (*pkg.name, error).
func returnsPtrErr(s *types.Signature, pkg, name string) bool {
	r := results(s)
	return len(r) == 2 && isPtrTo(r[0], pkg, name) && r[1].String() == "error"
}

// optionsStyle checks the one options style on a variadic last parameter:
// ...func(*T) with T an exported struct named "...Options".
func optionsStyle(s *types.Signature) error {
	if !s.Variadic() {
		return nil
	}
	last := s.Params().At(s.Params().Len() - 1)
	elem := types.Unalias(last.Type()).(*types.Slice).Elem()
	fn, ok := types.Unalias(elem).(*types.Signature)
	if !ok {
		return nil // a variadic of values (kinds ...OperationKind), not options
	}
	if fn.Params().Len() != 1 || fn.Results().Len() != 0 {
		return fmt.Errorf("option %s is not func(*T)", elem)
	}
	p, ok := types.Unalias(fn.Params().At(0).Type()).(*types.Pointer)
	if !ok {
		return fmt.Errorf("option %s is not func(*T)", elem)
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || !n.Obj().Exported() || !strings.HasSuffix(n.Obj().Name(), "Options") {
		return fmt.Errorf("option %s does not change an exported ...Options struct", elem)
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return fmt.Errorf("%s is not a struct", n)
	}
	return nil
}

// TestClientsHaveOneShape checks every typed client against the template:
// NewClient(cfg, ...func(*ClientOptions)); ctx first; Get returns a
// pointer to the resource type, List an iter.Seq2 of the same pointer,
// every mutation the package's *Operation, whose Wait and Poll return the
// resource; one options style; and one node type for both clients' Nodes.
func TestClientsHaveOneShape(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole module's export data")
	}
	pkgs := loadPublic(t)
	for _, sc := range shapedClients {
		t.Run(sc.pkg, func(t *testing.T) {
			pkg := pkgs[sc.pkg]
			if pkg == nil {
				t.Fatalf("no package %s", sc.pkg)
			}
			path := pkg.Path()
			newClient, ok := pkg.Scope().Lookup("NewClient").(*types.Func)
			if !ok {
				t.Fatal("no NewClient")
			}
			ns := newClient.Type().(*types.Signature)
			if ns.Params().Len() != 2 || !isPtrTo(ns.Params().At(0).Type(), modulePath, "Config") ||
				!isPtrTo(ns.Results().At(0).Type(), path, "Client") || optionsStyle(ns) != nil ||
				!strings.HasSuffix(ns.Params().At(1).Type().String(), path+".ClientOptions)") {
				t.Errorf("NewClient is %s; want func(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client", ns)
			}
			ms := methods(named(t, pkg, "Client"))
			for name, s := range ms {
				if err := optionsStyle(s); err != nil {
					t.Errorf("Client.%s: %v", name, err)
				}
				if name == "Config" || name == "ResumeOperation" || name == "Base" || name == "Account" {
					continue // accessors and a token's rebuild make no call
				}
				if s.Params().Len() == 0 || s.Params().At(0).Type().String() != "context.Context" {
					t.Errorf("Client.%s does not take a context.Context first: %s", name, s)
				}
				if r := results(s); len(r) == 0 || (r[len(r)-1].String() != "error" && seqOf(r[0]) == nil) {
					t.Errorf("Client.%s returns no error: %s", name, s)
				}
			}
			if sc.resource == "" {
				for _, verb := range append([]string{"Get", "List"}, mutations...) {
					if _, ok := ms[verb]; ok {
						t.Errorf("Client.%s exists but the template names no resource type for %s", verb, sc.pkg)
					}
				}
				return
			}
			if s, ok := ms["Get"]; !ok || !returnsPtrErr(s, path, sc.resource) {
				t.Errorf("Client.Get is %v; want it to return (*%s, error)", s, sc.resource)
			}
			if s, ok := ms["List"]; !ok || len(results(s)) != 1 || !isPtrTo(seqOf(results(s)[0]), path, sc.resource) {
				t.Errorf("Client.List is %v; want it to return iter.Seq2[*%s, error]", s, sc.resource)
			}
			found := 0
			for _, verb := range mutations {
				s, ok := ms[verb]
				if !ok {
					continue
				}
				found++
				if !returnsPtrErr(s, path, "Operation") {
					t.Errorf("Client.%s is %s; want it to return (*Operation, error)", verb, s)
				}
			}
			if found < 3 {
				t.Errorf("only %d mutations found", found)
			}
			op := methods(named(t, pkg, "Operation"))
			for _, m := range []string{"Wait", "Poll"} {
				if s, ok := op[m]; !ok || !returnsPtrErr(s, path, sc.resource) {
					t.Errorf("Operation.%s is %v; want it to return (*%s, error)", m, s, sc.resource)
				}
			}
			for m, want := range map[string]string{"Done": "func() bool", "ResumeToken": "func() (string, error)", "TaskID": "func() string", "RequestID": "func() string", "ClusterID": "func() string"} {
				if s, ok := op[m]; !ok || types.TypeString(s, nil) != want {
					t.Errorf("Operation.%s is %v; want %s", m, s, want)
				}
			}
			res := named(t, pkg, sc.resource).Underlying().(*types.Struct)
			fields := map[string]string{}
			for i := range res.NumFields() {
				fields[res.Field(i).Name()] = res.Field(i).Type().String()
			}
			for f, want := range map[string]string{"ID": "string", "RequestID": "string", "Raw": "encoding/json.RawMessage"} {
				if fields[f] != want {
					t.Errorf("%s.%s is %q; want %s", sc.resource, f, fields[f], want)
				}
			}
			state := methods(named(t, pkg, "State"))
			for _, m := range []string{"Known", "Stable", "InProgress", "Failed"} {
				if s, ok := state[m]; !ok || types.TypeString(s, nil) != "func() bool" {
					t.Errorf("State.%s is %v; want func() bool", m, s)
				}
			}
		})
	}

	// One node type serves both clients.
	var nodeTypes []types.Type
	for _, p := range []string{"cluster", "nodepool"} {
		s := methods(named(t, pkgs[p], "Client"))["Nodes"]
		if s == nil {
			t.Fatalf("%s.Client has no Nodes", p)
		}
		nodeTypes = append(nodeTypes, seqOf(results(s)[0]))
	}
	if !isPtrTo(nodeTypes[0], modulePath+"/nodepool", "Node") || !types.Identical(nodeTypes[0], nodeTypes[1]) {
		t.Errorf("Nodes yields %v in cluster and %v in nodepool; want one *nodepool.Node", nodeTypes[0], nodeTypes[1])
	}
	// And one filter type, so the same names filter both.
	co := named(t, pkgs["cluster"], "NodesOptions")
	no := named(t, pkgs["nodepool"], "NodesOptions")
	if !types.Identical(co, no) {
		t.Errorf("cluster.NodesOptions is %v, nodepool's %v; want one type", co, no)
	}
}
