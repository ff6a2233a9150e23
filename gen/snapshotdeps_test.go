package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// snapshotPaths are what a docs change and its regeneration rewrite,
// relative to the repository root: the docs snapshot, the spec and the
// generated package.
var snapshotPaths = []string{"spec/musicgpt-error-codes.txt", "spec/errors.json", "errcodes"}

// errcodesImportPath is the import path of the generated package.
const errcodesImportPath = "github.com/errtable/errtable/errcodes"

// snapshotModules are the nested modules whose packages import the
// generated package (go list -deps -test finds errcodes among their
// dependencies): TestDocsChangesInRepoCopy runs all of their tests in the
// edited copy. Directories are relative to the repository root.
var snapshotModules = []string{"errcodes", "examples/retryablehttp", "gen/harness"}

// modulesTestedBy names, for a nested module of snapshotModules, the test of
// snapshotTests that runs go vet and go test on it with the spec of the
// repository it is in: when that test runs in the edited copy, the copy
// does not run the module's tests a second time.
var modulesTestedBy = map[string]string{
	"errcodes":    "TestLivePackage",
	"gen/harness": "TestLivePackage",
}

// snapshotTests are the tests of the errtable module (the root) that read
// the snapshot, by package directory relative to the repository root:
// TestDocsChangesInRepoCopy runs these, and only these, in the edited copy.
// The errtable module does not import errcodes (TestModuleLayout), so its
// packages depend on the snapshot only through files their tests read.
// TestSnapshotTestsListed derives this list from the source and fails when
// it is out of date. A few spec tests are here only because they name a
// spec file "errors.json" while parsing data of their own; they take
// milliseconds, and the derivation errs on the side of running a test.
var snapshotTests = map[string][]string{
	".":    {"TestConsumer", "TestModuleLayout"},
	"gen":  {"TestCommittedUpToDate", "TestCopiedPackageBuilds", "TestLivePackage"},
	"spec": {"FuzzParse", "TestCommittedSpec", "TestParseLegacy", "TestRemovedOverrideRoundTrips", "TestSchemaAcceptsCaps", "TestSpecWithIsValid", "TestValidateNamesSpecLines"},
}

// snapshotDrivers are the tests that name the snapshot's paths without
// depending on its content: TestDocsChangesInRepoCopy copies the
// repository, TestSnapshotTestsListed lists its packages and
// TestSnapshotFuncs holds such paths as test data.
var snapshotDrivers = []string{"TestDocsChangesInRepoCopy", "TestSnapshotFuncs", "TestSnapshotTestsListed"}

// TestSnapshotTestsListed fails when snapshotModules or snapshotTests miss
// a module or test that depends on the snapshot, or list one that no longer
// does (or no longer exists). TestDocsChangesInRepoCopy runs only those, so
// without this check a new test pinning one snapshot's constants would go
// unnoticed until the docs changed.
//
// Modules are found by their go.mod files, and the nested ones that import
// errcodes by go list -deps -test. In the root module, a package depends on
// the snapshot if it embeds a snapshot file (go list), and a test of it does
// if its code, or the code of a package-level function, variable or
// constant it uses (transitively, by name), holds a string literal or
// filepath.Join of literals that leads into the snapshot from the
// package's directory: "../errcodes", "errors.json" in spec/, or a parent
// of the snapshot such as "..", as in t.Chdir("..").
func TestSnapshotTestsListed(t *testing.T) {
	goCmd := goTool(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mods, tests, err := deriveSnapshotDependents(goCmd, root)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(mods, snapshotModules) {
		t.Errorf("nested modules importing errcodes: %q; snapshotModules lists %q: update it, so that TestDocsChangesInRepoCopy runs their tests after a docs change", mods, snapshotModules)
	}
	for _, dir := range sortedKeys(tests, snapshotTests) {
		if got, want := tests[dir], snapshotTests[dir]; !slices.Equal(got, want) {
			t.Errorf("tests of %s that read the snapshot: %q; snapshotTests lists %q: update it, so that TestDocsChangesInRepoCopy runs them after a docs change", dir, got, want)
		}
	}
}

// sortedKeys returns the keys of the maps, sorted, once each.
func sortedKeys(ms ...map[string][]string) []string {
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// deriveSnapshotDependents returns the nested modules of the repository at
// root that import errcodes, and the tests of the root module's packages
// that read the snapshot, as snapshotModules and snapshotTests list them.
func deriveSnapshotDependents(goCmd, root string) ([]string, map[string][]string, error) {
	var nested []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.Name() == "go.mod" && filepath.Dir(p) != root {
			rel, err := filepath.Rel(root, filepath.Dir(p))
			nested = append(nested, filepath.ToSlash(rel))
			return err
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var mods []string
	for _, dir := range nested {
		out, err := goList(goCmd, filepath.Join(root, dir), "-deps", "-test", "-f", "{{.ImportPath}}", "./...")
		if err != nil {
			return nil, nil, err
		}
		for line := range strings.Lines(string(out)) {
			// Test variants are listed as "path [path.test]".
			if p, _, _ := strings.Cut(strings.TrimSpace(line), " "); p == errcodesImportPath {
				mods = append(mods, dir)
				break
			}
		}
	}
	slices.Sort(mods)

	out, err := goList(goCmd, root, "-json", "./...")
	if err != nil {
		return nil, nil, err
	}
	tests := map[string][]string{}
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var pkg struct {
			Dir                                         string
			GoFiles, TestGoFiles, XTestGoFiles          []string
			EmbedFiles, TestEmbedFiles, XTestEmbedFiles []string
		}
		if err := dec.Decode(&pkg); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("go list -json: %w", err)
		}
		rel, err := filepath.Rel(root, pkg.Dir)
		if err != nil {
			return nil, nil, err
		}
		rel = filepath.ToSlash(rel)
		var toSnapshot []string // the snapshot's paths from the package
		for _, s := range snapshotPaths {
			p, err := filepath.Rel(pkg.Dir, filepath.Join(root, filepath.FromSlash(s)))
			if err != nil {
				return nil, nil, err
			}
			toSnapshot = append(toSnapshot, filepath.ToSlash(p))
		}
		embedsSnapshot := false
		for _, f := range slices.Concat(pkg.EmbedFiles, pkg.TestEmbedFiles, pkg.XTestEmbedFiles) {
			embedsSnapshot = embedsSnapshot || leadsInto(f, toSnapshot)
		}
		names, err := snapshotFuncs(pkg.Dir, slices.Concat(pkg.GoFiles, pkg.TestGoFiles, pkg.XTestGoFiles), toSnapshot, embedsSnapshot)
		if err != nil {
			return nil, nil, err
		}
		names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(snapshotDrivers, n) })
		if len(names) > 0 {
			tests[rel] = names
		}
	}
	return mods, tests, nil
}

// goList runs go list with args in dir and returns its output.
func goList(goCmd, dir string, args ...string) ([]byte, error) {
	cmd := exec.Command(goCmd, append([]string{"list"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s in %s: %w\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return out, nil
}

// leadsInto reports whether the slash-separated path p, relative to a
// package's directory, is one of the snapshot's paths in toSnapshot, lies
// inside one, or is a directory holding one (such as "..").
func leadsInto(p string, toSnapshot []string) bool {
	p = path.Clean(p)
	if p == "." {
		return false // too common a literal to mean the directory
	}
	for _, s := range toSnapshot {
		if p == s || strings.HasPrefix(s, p+"/") || strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}

// snapshotFuncs returns the sorted names of the test, fuzz and example
// functions of the package in dir, made of files, that lead into the
// snapshot: all of them if all is set or TestMain does, else those whose
// code, or the code of the package-level declarations they use by name,
// holds a path literal that leadsInto the snapshot. Matching by name over
// all files, test and not, errs on the side of more tests.
func snapshotFuncs(dir string, files, toSnapshot []string, all bool) ([]string, error) {
	type decl struct {
		uses    map[string]bool
		reads   bool // holds a path into the snapshot
		isTest  bool
		tainted bool
	}
	decls := map[string]*decl{}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("snapshot dependents: %w", err)
		}
		testFile := strings.HasSuffix(name, "_test.go")
		for _, d := range f.Decls {
			var names []string
			isTest := false
			switch d := d.(type) {
			case *ast.FuncDecl:
				names = []string{d.Name.Name}
				isTest = testFile && d.Recv == nil && (strings.HasPrefix(d.Name.Name, "Test") ||
					strings.HasPrefix(d.Name.Name, "Fuzz") || strings.HasPrefix(d.Name.Name, "Example"))
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					}
				}
			}
			uses, reads := scanDecl(d, toSnapshot)
			for _, n := range names {
				if n == "_" {
					continue
				}
				if decls[n] == nil {
					decls[n] = &decl{uses: map[string]bool{}}
				}
				for u := range uses {
					decls[n].uses[u] = true
				}
				decls[n].reads = decls[n].reads || reads
				decls[n].isTest = decls[n].isTest || isTest
			}
		}
	}
	// Spread the taint from the declarations that read the snapshot to
	// those that use them, until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if d.tainted {
				continue
			}
			d.tainted = d.reads
			for u := range d.uses {
				if decls[u] != nil && decls[u].tainted {
					d.tainted = true
				}
			}
			changed = changed || d.tainted
		}
	}
	if m := decls["TestMain"]; m != nil && m.tainted {
		all = true
	}
	var names []string
	for n, d := range decls {
		if d.isTest && (all || d.tainted) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names, nil
}

// scanDecl returns the identifiers that the declaration d uses and whether
// it holds a string literal, or a filepath.Join or path.Join of leading
// string literals, that leadsInto the snapshot. A path built at run time
// from other values escapes it: the list of a test that does so must be
// kept by hand.
func scanDecl(d ast.Decl, toSnapshot []string) (map[string]bool, bool) {
	uses := map[string]bool{}
	reads := false
	// joined are the literals of a Join, checked as the path they join
	// (".." in filepath.Join("..", "testdata") stays in the module's
	// files), and those passed to the strings and bytes packages.
	joined := map[*ast.BasicLit]bool{}
	ast.Inspect(d, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			uses[n.Name] = true
		case *ast.BasicLit:
			if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && !joined[n] {
				reads = reads || leadsInto(s, toSnapshot)
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				break
			}
			if x, ok := sel.X.(*ast.Ident); ok && (x.Name == "strings" || x.Name == "bytes") {
				// Text, not a path: strings.Contains(s, "..").
				for _, a := range n.Args {
					if lit, ok := a.(*ast.BasicLit); ok {
						joined[lit] = true
					}
				}
			} else if sel.Sel.Name == "Join" {
				var parts []string
				for _, a := range n.Args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						break
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						break
					}
					parts = append(parts, s)
					joined[lit] = true
				}
				reads = reads || (len(parts) > 0 && leadsInto(path.Join(parts...), toSnapshot))
			}
		}
		return true
	})
	return uses, reads
}

// TestSnapshotFuncs checks the derivation of TestSnapshotTestsListed on
// small packages: which literals lead into the snapshot from a package's
// directory, and how the use of a helper that reads it spreads.
func TestSnapshotFuncs(t *testing.T) {
	for _, c := range []struct {
		name       string
		toSnapshot []string // from the package's directory
		src        string
		want       []string
	}{
		{"join into the package", []string{"../errcodes"}, `
func TestA(t *testing.T) { os.ReadFile(filepath.Join("..", "errcodes", "codes.go")) }
func TestB(t *testing.T) { os.ReadFile(filepath.Join("..", "testdata", "x")) }`, []string{"TestA"}},
		{"parent directory", []string{"../spec/errors.json"}, `
func TestA(t *testing.T) { t.Chdir("..") }
func TestB(t *testing.T) { t.Chdir("testdata") }`, []string{"TestA"}},
		{"text, not a path", []string{"../errcodes"}, `
func TestA(t *testing.T) { _ = strings.Contains(s, "..") }`, nil},
		{"in the snapshot's directory", []string{"errors.json"}, `
func TestA(t *testing.T) { os.ReadFile("errors.json") }
func FuzzB(f *testing.F) { os.ReadFile("testdata/other.json") }`, []string{"TestA"}},
		{"through helpers and constants", []string{"../errcodes"}, `
const pkgDir = "../errcodes"
func load() string { return pkgDir }
func helper(t *testing.T) { load() }
func TestA(t *testing.T) { helper(t) }
func TestB(t *testing.T) {}
func ExampleC() { load() }`, []string{"ExampleC", "TestA"}},
		{"TestMain reads it: all tests", []string{"../errcodes"}, `
func TestMain(m *testing.M) { os.Chdir("..") }
func TestA(t *testing.T) {}`, []string{"TestA", "TestMain"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\n"+c.src+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := snapshotFuncs(dir, []string{"x_test.go"}, c.toSnapshot, false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
