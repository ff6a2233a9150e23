package main

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

// hostile is text a doc could carry to break out of a string literal or a
// comment, or to hide code from a reviewer (Trojan Source, CVE-2021-42574).
var hostile = []string{
	`Remedy.` + "\n" + `*/ func init() { panic("owned") } /*`,
	`"); func init() { panic("owned") }; var _ = ("`,
	"`; func init() {}; var _ = `",
	`back\slash \" \\" \n \x00`,
	"//go:generate rm -rf /",
	"line one\r\nline two\u2028line three\u2029",
	"bidi \u202Eevil\u202C \u2066isolate\u2069 \u200Ezero\u200Fwidth\u200B\u200C\u200D\u2060\uFEFF",
	"nul \x00 bell \a escape \x1b[31m",
	"Deprecated: use something else",
	strings.Repeat("very long cell ", 2000),
	"/* open comment",
	"emoji 🚨 and ümlauts",
}

// TestHostileSpec generates a package from a spec full of hostile text and
// checks that none of it escaped: the output parses, type-checks, holds no
// control, bidi or zero-width characters outside escapes, and exports
// exactly the identifiers the spec and the runtime name.
func TestHostileSpec(t *testing.T) {
	f := &spec.File{
		Prefix: "acme",
		Source: spec.Source{Path: hostile[0]},
	}
	for i, h := range hostile {
		f.Errors = append(f.Errors, spec.Entry{
			Code:          400 + i,
			Name:          "Code" + string(rune('A'+i)),
			Description:   h,
			Remedy:        h,
			Tips:          []string{h, "tip " + h},
			Retryable:     spec.DefaultRetryable(400 + i),
			RetryableFrom: spec.FromRule,
			Line:          i + 1,
		})
	}
	// Validate refuses such a spec, naming each hidden character...
	err := f.Validate()
	for _, want := range []string{"holds U+202E, a bidirectional control", "holds U+0000", "holds U+000D", "30000 bytes"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate does not say %q: %v", want, err)
		}
	}
	// ...and the emitter, which only ever gets validated specs, stays safe
	// without that check: defence in depth.
	checkGenerated(t, f)
}

// TestHostileDocs does the same through the Markdown reader.
func TestHostileDocs(t *testing.T) {
	var b strings.Builder
	b.WriteString("| Code | Description | What to Do |\n|---|---|---|\n")
	for i, h := range hostile {
		h = strings.NewReplacer("\n", " ", "\r", " ", "|", `\|`, "\x00", "").Replace(h)
		h = h[:min(len(h), 400)] // within the caps of a description and a remedy
		b.WriteString("| " + itoa3(400+i) + " | Name " + string(rune('A'+i)) + " " + h + " | " + h + " |\n")
	}
	b.WriteString("\n- A tip for 400: */ func init() {} /* \u202E\n")
	f, _, err := buildString(b.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, f)
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

func checkGenerated(t testing.TB, f *spec.File) {
	t.Helper()
	o, err := generate(f, testPkgSpec)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{} // directory -> parsed files
	for _, name := range o.fileNames() {
		src := o.files[name]
		checkRunes(t, name, src)
		file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		if !ast.IsGenerated(file) {
			t.Errorf("%s lacks the generated-code header", name)
		}
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Name.Name == "init" {
				t.Errorf("%s declares an init function", name)
			}
		}
		pkgs[path.Dir(name)] = append(pkgs[path.Dir(name)], file)
	}
	// The package first, then errcodestest, then the external test
	// packages (the examples), which import both by path.
	checked := map[string]*types.Package{}
	conf := types.Config{Importer: importerFunc(func(p string) (*types.Package, error) {
		if pkg, ok := checked[p]; ok {
			return pkg, nil
		}
		return stdImporter.Import(p)
	})}
	dirs := slices.Sorted(maps.Keys(pkgs)) // "." sorts first
	external := map[string][]*ast.File{}
	for _, dir := range dirs {
		var prod, internal []*ast.File
		for _, file := range pkgs[dir] {
			switch {
			case strings.HasSuffix(file.Name.Name, "_test"):
				external[dir] = append(external[dir], file)
			case strings.HasSuffix(fset.File(file.Pos()).Name(), "_test.go"):
				internal = append(internal, file)
			default:
				prod = append(prod, file)
			}
		}
		pkg, err := conf.Check(dir, fset, prod, nil)
		if err != nil {
			t.Fatalf("package %s does not type-check: %v", dir, err)
		}
		checked[path.Join(testPkgSpec.importPath, dir)] = pkg
		if len(internal) > 0 {
			if _, err := conf.Check(dir, fset, append(prod, internal...), nil); err != nil {
				t.Fatalf("package %s with its tests does not type-check: %v", dir, err)
			}
		}
		if len(external[dir]) == 0 {
			t.Errorf("package %s has no examples", dir)
		}
		if dir != "." {
			continue
		}
		var exported []string
		for _, name := range pkg.Scope().Names() {
			if ast.IsExported(name) {
				exported = append(exported, name)
			}
		}
		want := append(runtimeExports(t), "Codes", "Reasons") // emitted with the codes
		for _, e := range f.Errors {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				want = append(want, n, "Err"+n)
			}
		}
		for _, c := range f.Codes {
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				want = append(want, n, "Err"+n)
			}
		}
		sort.Strings(want)
		if !slices.Equal(exported, want) {
			for _, n := range exported {
				if !slices.Contains(want, n) {
					t.Errorf("package exports %.80s, which it should not", n)
				}
			}
			for _, n := range want {
				if !slices.Contains(exported, n) {
					t.Errorf("package does not export %.80s", n)
				}
			}
		}
	}
	for _, dir := range dirs {
		if _, err := conf.Check(dir+"_test", fset, external[dir], nil); err != nil {
			t.Fatalf("the examples of package %s do not type-check: %v", dir, err)
		}
	}
}

// importerFunc is a types.Importer made of a function.
type importerFunc func(path string) (*types.Package, error)

// Import imports path.
func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// stdImporter imports the standard library for type checks; made once, as
// it caches what it loads.
var stdImporter = importer.Default()

// runtimeExports lists the exported names the runtime declares.
func runtimeExports(t testing.TB) []string {
	var out []string
	for _, name := range runtimeFiles {
		if strings.Contains(name, "/") {
			continue
		}
		src, _ := runtimeSrc.ReadFile("runtime/" + name)
		file, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			for _, id := range declaredNames(decl) {
				if ast.IsExported(id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// checkRunes fails on any rune in src that could hide or change code for a
// reader: control characters but newline and tab, format characters (bidi
// and zero-width controls), line and paragraph separators, invalid UTF-8.
func checkRunes(t testing.TB, name string, src []byte) {
	t.Helper()
	if !utf8.Valid(src) {
		t.Errorf("%s is not valid UTF-8", name)
	}
	for i, r := range string(src) {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.In(r, unicode.Zl, unicode.Zp) || r == utf8.RuneError {
			t.Errorf("%s: rune %U at byte %d", name, r, i)
			return
		}
	}
}
