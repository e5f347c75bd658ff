package fake_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The fake is split into its world and its handlers, by file name:
//
//   - world_*.go hold the store, its lock, its rules and its changes;
//   - handler.go and handler_*.go hold the API's handlers, which decode a
//     request, call one operation of the world and render what it returns;
//   - render*.go turn the world's copies into wire answers.
//
// The tests below keep it so: they read the package's source.

// maxHandlerLines is the most lines a function of a handler file may span,
// from its func keyword to its closing brace.
const maxHandlerLines = 50

// maxHandlerDepth is the deepest a handler function may nest blocks (a
// function literal's body counts as one).
const maxHandlerDepth = 3

// sourceFile is one non-test Go file of the package, parsed.
type sourceFile struct {
	name string
	file *ast.File
}

func (f sourceFile) isWorld() bool { return strings.HasPrefix(f.name, "world_") }

func (f sourceFile) isHandler() bool {
	return f.name == "handler.go" || strings.HasPrefix(f.name, "handler_")
}

func (f sourceFile) isRender() bool { return strings.HasPrefix(f.name, "render") }

func parseSources(t *testing.T) (*token.FileSet, []sourceFile) {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []sourceFile
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sourceFile{name: p, file: f})
	}
	var world, handlers int
	for _, f := range out {
		if f.isWorld() {
			world++
		}
		if f.isHandler() {
			handlers++
		}
	}
	if world == 0 || handlers == 0 {
		t.Fatalf("found %d world and %d handler files among %d; the split is by file name", world, handlers, len(out))
	}
	return fset, out
}

// funcName names a function declaration as "Recv.Name" or "Name".
func funcName(fd *ast.FuncDecl) string {
	if r := receiverType(fd); r != "" {
		return r + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// receiverType returns the type name of a method's receiver, "" for a
// function.
func receiverType(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// depth returns how deep blocks nest in body, body itself not counted.
func depth(body *ast.BlockStmt) int {
	deepest := 0
	var walk func(n ast.Node, d int)
	walk = func(n ast.Node, d int) {
		ast.Inspect(n, func(m ast.Node) bool {
			if b, ok := m.(*ast.BlockStmt); ok && m != n {
				deepest = max(deepest, d+1)
				walk(b, d+1)
				return false
			}
			return true
		})
	}
	walk(body, 0)
	return deepest
}

// TestHandlersAreShort keeps every function of the handler files within
// maxHandlerLines lines and maxHandlerDepth nested blocks; with -v it lists
// the ten longest.
func TestHandlersAreShort(t *testing.T) {
	fset, files := parseSources(t)
	type size struct {
		name         string
		lines, depth int
	}
	var sizes []size
	defer func() {
		slices.SortStableFunc(sizes, func(a, b size) int { return b.lines - a.lines })
		for _, s := range sizes[:min(10, len(sizes))] {
			t.Logf("%3d lines, depth %d: %s", s.lines, s.depth, s.name)
		}
	}()
	for _, f := range files {
		if !f.isHandler() {
			continue
		}
		for _, d := range f.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			lines := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			sizes = append(sizes, size{f.name + ": " + funcName(fd), lines, depth(fd.Body)})
			if lines > maxHandlerLines {
				t.Errorf("%s: %s spans %d lines; a handler decodes, calls the world and renders in at most %d", f.name, funcName(fd), lines, maxHandlerLines)
			}
			if n := depth(fd.Body); n > maxHandlerDepth {
				t.Errorf("%s: %s nests %d blocks deep; a handler nests at most %d", f.name, funcName(fd), n, maxHandlerDepth)
			}
		}
	}
}

// lockCalls are the methods that take or release a lock.
var lockCalls = []string{"Lock", "Unlock", "RLock", "RUnlock", "TryLock"}

// worldPrimitives are the world's functions that run code with the store
// locked (world_store.go).
var worldPrimitives = []string{"update", "read"}

// TestHandlersNeverLock checks that handler and render files take no lock
// and reach the store only by calling its operations: no mutex, no
// Lock or Unlock, no function that runs with the store locked (update,
// read, any ...Locked), and no field of the store read or written.
func TestHandlersNeverLock(t *testing.T) {
	fset, files := parseSources(t)
	for _, f := range files {
		if !f.isHandler() && !f.isRender() {
			continue
		}
		at := func(n ast.Node) string { return f.name + ":" + strconv.Itoa(fset.Position(n.Pos()).Line) }
		calledFuns := map[ast.Expr]bool{}
		ast.Inspect(f.file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				calledFuns[call.Fun] = true
				if name := calleeName(call); slices.Contains(lockCalls, name) || slices.Contains(worldPrimitives, name) || strings.HasSuffix(name, "Locked") {
					t.Errorf("%s: calls %s; only the world's files run code with the store locked", at(call), name)
				}
			}
			return true
		})
		// parents maps each node to the node it stands in.
		parents := map[ast.Node]ast.Node{}
		var stack []ast.Node
		ast.Inspect(f.file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				parents[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			return true
		})
		ast.Inspect(f.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if sel.Sel.Name == "mu" {
				t.Errorf("%s: refers to a mutex (.mu); only the world's files hold the store's lock", at(sel))
			}
			if sel.Sel.Name != "st" {
				return true
			}
			// The store is reached only as c.st.op(...).
			use, ok := parents[sel].(*ast.SelectorExpr)
			if !ok || !calledFuns[use] {
				t.Errorf("%s: uses the store other than by calling one of its operations", at(sel))
			}
			return true
		})
	}
}

// TestWorldHoldsTheLock checks that the store is the world's: its methods,
// and every function that expects its lock held (...Locked) or takes it
// (update, read), are declared in world files, and no other file refers to
// the store's mutex.
func TestWorldHoldsTheLock(t *testing.T) {
	fset, files := parseSources(t)
	for _, f := range files {
		if f.isWorld() {
			continue
		}
		for _, d := range f.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := funcName(fd)
			if receiverType(fd) == "store" || strings.HasSuffix(fd.Name.Name, "Locked") || (fd.Recv == nil && slices.Contains(worldPrimitives, fd.Name.Name)) {
				t.Errorf("%s: declares %s; the store's methods and what runs under its lock belong in world_*.go", f.name, name)
			}
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "mu" {
				return true
			}
			if storeExpr(sel.X) {
				t.Errorf("%s:%d: refers to the store's mutex outside the world's files", f.name, fset.Position(sel.Pos()).Line)
			}
			return true
		})
		ast.Inspect(f.file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if name := calleeName(call); strings.HasSuffix(name, "Locked") || slices.Contains(worldPrimitives, name) {
					t.Errorf("%s:%d: calls %s outside the world's files", f.name, fset.Position(call.Pos()).Line, name)
				}
			}
			return true
		})
	}
}

// storeExpr reports whether x names the store: c.st, or a variable st.
func storeExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name == "st"
	case *ast.SelectorExpr:
		return x.Sel.Name == "st"
	}
	return false
}

// calleeName is the name of the function or method a call calls (a
// generic function's name without its type arguments).
func calleeName(call *ast.CallExpr) string {
	fun := call.Fun
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}
