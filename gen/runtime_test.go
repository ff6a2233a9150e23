package main

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
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

// TestEmitRuntimeIsFormatted proves emitRuntime's line replacement the same
// as the rendering it replaces: each runtime file parsed by go/parser, its
// package renamed in the tree and printed by go/format, after the header.
func TestEmitRuntimeIsFormatted(t *testing.T) {
	for _, name := range runtimeFiles {
		for _, pkg := range []string{"errcodes", testPkg, "x", "acmeerrors", "a_very_long_package_name_for_errors"} {
			got, err := emitRuntime(name, pkg)
			if err != nil {
				t.Fatal(err)
			}
			want, err := renderRuntimeReference(name, pkg)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s as package %s differs from go/format's rendering:\ngot:\n%s\nwant:\n%s", name, pkg, got, want)
			}
		}
	}
}

// renderRuntimeReference is what emitRuntime did before: it parses a
// runtime file, renames its package and prints it with the generated-code
// header. It is the reference emitRuntime's fast path is tested against.
func renderRuntimeReference(name, pkg string) ([]byte, error) {
	src, err := runtimeSrc.ReadFile("runtime/" + name)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	file.Name.Name = pkg
	var buf bytes.Buffer
	buf.WriteString(generatedHeader + "\n\n")
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// TestEmitRuntimeMissing: a name that is no runtime file is an error, not
// an empty file.
func TestEmitRuntimeMissing(t *testing.T) {
	if _, err := emitRuntime("missing.go", "x"); err == nil {
		t.Error("a missing runtime file gave no error")
	}
}
