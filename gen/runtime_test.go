package main

import (
	"go/ast"
	"testing"

	"github.com/errtable/errtable/spec"
)

// TestReservedCoversRuntime keeps spec's reserved names in step with what
// the runtime declares: a code named like a runtime identifier would not
// compile.
func TestReservedCoversRuntime(t *testing.T) {
	for _, id := range runtimeExports(t) {
		if !spec.Reserved(id) {
			t.Errorf("the runtime declares %s, which spec does not reserve", id)
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
