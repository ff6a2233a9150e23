package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errtable/errtable/spec"
)

// TestCodesPackage generates the package for testdata/codes.json (statuses
// and string codes) into a go 1.22 module of its own, vets and tests it
// there (its examples, ExampleReasonOf and ExampleFailFirstReason among
// them, must print what they say), and runs the harness tests against it
// and the spec, as TestSeedBehaviour does for the seed: the harness's checks
// of string codes run on a package that has some.
func TestCodesPackage(t *testing.T) {
	goCmd := goTool(t)
	f, err := spec.Read("testdata/codes.json")
	if err != nil {
		t.Fatal(err)
	}
	o, err := generate(f, testPkgSpec)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pkg := filepath.Join(dir, "errcodes")
	files := map[string][]byte{"go.mod": []byte("module " + testPkgSpec.importPath + "\n\ngo 1.22\n")}
	for name, data := range o.files {
		files[name] = data
	}
	for name, data := range files {
		path := filepath.Join(pkg, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	harness := copyHarness(t, dir)
	env := []string{"ERRTABLE_SPEC=" + copySpec(t, "testdata/codes.json", dir), "ERRTABLE_PKG=" + pkg}
	for _, step := range []struct {
		dir  string
		args []string
	}{
		{pkg, []string{"vet", "./..."}},
		{pkg, []string{"test", "-count=1", "./..."}},
		{harness, []string{"vet", "./..."}},
		{harness, []string{"test", "-count=1", "./..."}},
	} {
		runGo(t, goCmd, step.dir, env, step.args...)
	}
}
