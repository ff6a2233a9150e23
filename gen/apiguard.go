package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/exp/apidiff"
)

// The API guard: before a run replaces a package that others import, it
// compares the exported API of the package on disk with the one the run
// would leave, with go/types and golang.org/x/exp/apidiff. A regeneration
// may add identifiers, never remove or change one, unless -allow-breaking
// says so. Renames and codes the docs drop are kept as deprecated
// identifiers precisely so that docs changes pass this guard.

// apiBreaks returns the incompatible changes, one line each, between the
// packages in outDir (the package and its errcodestest) as they are on disk
// and as o would leave them. A package that is not on disk yet has nothing
// to break.
func apiBreaks(o *output, outDir string) ([]string, error) {
	var out []string
	for _, sub := range []string{"", testPkg} {
		breaks, err := apiBreaksIn(o, outDir, sub)
		if err != nil {
			return nil, err
		}
		out = append(out, breaks...)
	}
	return out, nil
}

// apiBreaksIn does apiBreaks for the package in sub of outDir.
func apiBreaksIn(o *output, outDir, sub string) ([]string, error) {
	dir := filepath.Join(outDir, sub)
	before, err := packageFiles(dir)
	if err != nil || len(before) == 0 {
		return nil, err
	}
	after := map[string][]byte{}
	for name, data := range before {
		if !generatedByUs(data) {
			after[name] = data // hand-written files of the package stay
		}
	}
	for name, data := range o.files {
		if path.Dir(name) == path.Clean("./"+sub) && !strings.HasSuffix(name, "_test.go") {
			after[path.Base(name)] = data
		}
	}
	if sameFiles(before, after) {
		return nil, nil
	}
	fset := token.NewFileSet()
	oldFiles, err := parseAll(fset, dir, before)
	if err != nil {
		return nil, fmt.Errorf("compare the API of %s: %w; fix the package on disk or pass -allow-breaking", dir, err)
	}
	newFiles, err := parseAll(fset, dir, after)
	if err != nil {
		return nil, err
	}
	if onlyAdds(exportedDecls(fset, oldFiles), exportedDecls(fset, newFiles)) {
		// Most docs changes touch only comments, string literals in
		// function bodies and new declarations: no type-checking needed.
		return nil, nil
	}
	imp, err := newStdImporter(fset, append(oldFiles, newFiles...))
	if err != nil {
		return nil, fmt.Errorf("compare the API of %s: %w; pass -allow-breaking to write without the API check", dir, err)
	}
	pkgPath := "errtable.invalid/" + filepath.ToSlash(filepath.Clean(dir))
	oldPkg, err := typeCheck(fset, pkgPath, oldFiles, imp)
	if err != nil {
		return nil, fmt.Errorf("compare the API of %s: the package on disk does not type-check: %w; fix it or pass -allow-breaking", dir, err)
	}
	newPkg, err := typeCheck(fset, pkgPath, newFiles, imp)
	if err != nil {
		return nil, fmt.Errorf("compare the API of %s: the new package does not type-check: %w", dir, err)
	}
	var out []string
	for _, c := range apidiff.Changes(oldPkg, newPkg).Changes {
		if !c.Compatible {
			out = append(out, filepath.ToSlash(dir)+": "+c.Message)
		}
	}
	slices.Sort(out)
	return out, nil
}

// exportedDecls returns the package-level declarations of files that
// declare an exported name, printed without comments or function bodies,
// by name ("Code", "Code.String", "ErrNotFound").
func exportedDecls(fset *token.FileSet, files []*ast.File) map[string]string {
	out := map[string]string{}
	show := func(n ast.Node) string {
		var b bytes.Buffer
		if err := printer.Fprint(&b, fset, n); err != nil {
			return "\x00unprintable"
		}
		return b.String()
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				name := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					name = recvName(d.Recv.List[0].Type) + "." + name
				}
				if !d.Name.IsExported() {
					continue
				}
				out[name] = show(&ast.FuncDecl{Recv: d.Recv, Name: d.Name, Type: d.Type})
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							out[s.Name.Name] = d.Tok.String() + " " + show(s)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								// Every name of the spec shares its type and values.
								out[n.Name] = d.Tok.String() + " " + show(s)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// recvName returns the type name of a method's receiver.
func recvName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return "?"
		}
	}
}

// onlyAdds reports whether every declaration of before is in after, printed
// the same.
func onlyAdds(before, after map[string]string) bool {
	for name, text := range before {
		if after[name] != text {
			return false
		}
	}
	return true
}

// packageFiles reads the non-test Go files of the package in dir that the
// default build context would compile, by base name.
func packageFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the package directory %s: %w", dir, err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		data, err := readBounded(filepath.Join(dir, name), maxGoFileSize)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, name), err)
		}
		files[name] = data
	}
	return files, nil
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

// parseAll parses files in name order.
func parseAll(fset *token.FileSet, dir string, files map[string][]byte) ([]*ast.File, error) {
	var out []*ast.File
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// typeCheck type-checks one package and returns the first error.
func typeCheck(fset *token.FileSet, pkgPath string, files []*ast.File, imp types.Importer) (*types.Package, error) {
	conf := types.Config{Importer: imp}
	return conf.Check(pkgPath, fset, files, nil)
}

// newStdImporter returns an importer for the packages files import. It asks
// the go command once for the export data of all of them and their
// dependencies (go list -export, which the build cache makes fast), rather
// than once per package as go/importer's default does; without a go command
// it falls back to type-checking the imports from source, which is slower.
func newStdImporter(fset *token.FileSet, files []*ast.File) (types.Importer, error) {
	var imports []string
	for _, f := range files {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil && !slices.Contains(imports, p) {
				imports = append(imports, p)
			}
		}
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return importer.ForCompiler(fset, "source", nil), nil
	}
	if len(imports) == 0 {
		return importer.ForCompiler(fset, "source", nil), nil
	}
	cmd := exec.Command(goTool, append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", "--"}, imports...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	exports := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if p, file, ok := strings.Cut(sc.Text(), "\t"); ok && file != "" {
			exports[p] = file
		}
	}
	lookup := func(p string) (io.ReadCloser, error) {
		file, ok := exports[p]
		if !ok {
			return nil, fmt.Errorf("no export data for %s", p)
		}
		return os.Open(file)
	}
	return importer.ForCompiler(fset, "gc", lookup), nil
}
