package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

// TestReservedCoversRuntime keeps spec's reserved names in step with what
// the runtime declares: a code named like a runtime identifier would not
// compile.
func TestReservedCoversRuntime(t *testing.T) {
	for _, name := range runtimeFiles {
		if strings.Contains(name, "/") {
			continue // another package: no clash possible
		}
		src, err := runtimeSrc.ReadFile("runtime/" + name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			for _, id := range declaredNames(decl) {
				if !ast.IsExported(id) {
					continue
				}
				if !spec.Reserved(id) && !strings.HasPrefix(id, "Err") {
					t.Errorf("runtime %s declares %s, which spec does not reserve", name, id)
				}
			}
		}
	}
}

// declaredNames lists the package-level names a declaration introduces.
func declaredNames(decl ast.Decl) []string {
	var out []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}
