package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The errtable module never imports errcodes: errcodes/ is a module of its
// own, so that its importers inherit none of the generator's requirements.
// The tests here check generated packages the way an importer uses them: in
// a module of their own, with the go command, offline. The checks
// themselves are the tests of the harness module (harness/, a module too,
// requiring errcodes by a replace directive to ../../errcodes), copied
// beside the package they check. The copies keep that layout,
//
//	TMP/errcodes/         the package checked, with its go.mod
//	TMP/gen/harness/      the harness module
//	TMP/spec/errors.json  the spec it is checked against
//
// so the harness's replace directive needs no rewriting.

// goTool returns the go command, skipping the test under -short or when
// there is none, and lets the test run in parallel with the others that
// call it.
func goTool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel() // the go command is most of the time, and each test has its own directory
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	return goCmd
}

// runGo runs the go command in dir, offline (the packages checked import
// the standard library only) and with the local toolchain whatever the
// go.mod files say, with extra variables added to the environment.
func runGo(t *testing.T, goCmd, dir string, extra []string, args ...string) {
	t.Helper()
	cmd := exec.Command(goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off")
	cmd.Env = append(cmd.Env, extra...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), filepath.Base(dir), err, out)
	}
}

// copyHarness copies the harness module to dir/gen/harness and returns that
// directory.
func copyHarness(t *testing.T, dir string) string {
	t.Helper()
	to := filepath.Join(dir, "gen", "harness")
	if err := os.CopyFS(to, os.DirFS("harness")); err != nil {
		t.Fatal(err)
	}
	return to
}

// copySpec copies the spec file at from to dir/spec/errors.json, which it
// returns. Reading the spec here, not only in the go command run on the
// copies, makes go test's cache see it: a changed spec reruns the test.
func copySpec(t *testing.T, from, dir string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, "spec", "errors.json")
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestLivePackage checks a copy of the committed errcodes module against
// spec/errors.json with the harness tests, which derive every expectation
// from the spec, and vets and tests the copy at its own go line.
func TestLivePackage(t *testing.T) {
	goCmd := goTool(t)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "errcodes")
	if err := os.CopyFS(pkg, os.DirFS(filepath.Join("..", "errcodes"))); err != nil {
		t.Fatal(err)
	}
	harness := copyHarness(t, dir)
	env := []string{"ERRTABLE_SPEC=" + copySpec(t, filepath.Join("..", "spec", "errors.json"), dir), "ERRTABLE_PKG=" + pkg}
	for _, step := range []struct {
		dir  string
		args []string
	}{
		{pkg, []string{"vet", "./..."}},
		{pkg, []string{"test", "./..."}},
		{harness, []string{"vet", "./..."}},
		{harness, []string{"test", "-count=1", "./..."}},
	} {
		runGo(t, goCmd, step.dir, env, step.args...)
	}
}

// seedDir holds the golden files of the package generated from the seed
// docs, spec/musicgpt-error-codes.txt as first committed.
var seedDir = filepath.Join("testdata", "golden", "musicgpt-seed")

// TestSeedBehaviour assembles the seed package from its golden files and
// the generator's runtime files, in a go 1.22 module, and runs there the
// harness tests with the errtable_seed tag: the spec checks against the
// seed spec, and the seed pins, which name the seed's constants.
func TestSeedBehaviour(t *testing.T) {
	goCmd := goTool(t)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "errcodes")
	files, err := seedFiles()
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = []byte("module github.com/errtable/errtable/errcodes\n\ngo 1.22\n")
	for name, data := range files {
		p := filepath.Join(pkg, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	harness := copyHarness(t, dir)
	env := []string{"ERRTABLE_SPEC=" + copySpec(t, filepath.Join(seedDir, "errors.json"), dir), "ERRTABLE_PKG=" + pkg}
	for _, step := range []struct {
		dir  string
		args []string
	}{
		{pkg, []string{"vet", "./..."}},
		{pkg, []string{"test", "./..."}},
		{harness, []string{"vet", "-tags", "errtable_seed", "./..."}},
		{harness, []string{"test", "-count=1", "-tags", "errtable_seed", "./..."}},
	} {
		runGo(t, goCmd, step.dir, env, step.args...)
	}
}

// seedFiles returns the seed package's files by slash-separated path: the
// golden files without their .golden suffix, and the runtime files as the
// generator writes them.
func seedFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	root := os.DirFS(seedDir)
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".go.golden") {
			return err
		}
		data, err := fs.ReadFile(root, name)
		files[strings.TrimSuffix(name, ".golden")] = data
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, name := range runtimeFiles {
		pkg := "errcodes"
		if path.Dir(name) == testPkg {
			pkg = testPkg
		}
		data, err := emitRuntime(name, pkg)
		if err != nil {
			return nil, err
		}
		files[name] = data
	}
	return files, nil
}

// TestSeedFiles checks that the seed package assembled by TestSeedBehaviour
// has every file a run of the generator on the seed docs writes.
func TestSeedFiles(t *testing.T) {
	files, err := seedFiles()
	if err != nil {
		t.Fatal(err)
	}
	_, o := generateFrom(t, goldenCases["musicgpt-seed"])
	var got []string
	for name := range files {
		got = append(got, name)
	}
	slices.Sort(got)
	if want := o.fileNames(); !slices.Equal(got, want) {
		t.Errorf("assembled seed package has %v, the generator writes %v", got, want)
	}
}

// TestCopiedPackageBuilds copies errcodes/ into a client module, as a
// project vendoring it by copy would, and builds, vets and tests it there.
// The copy leaves errcodes/go.mod behind, since a go.mod in the folder would
// make it a module of its own, outside the client's packages, and the
// examples, which import the package by its path in this repository.
func TestCopiedPackageBuilds(t *testing.T) {
	goCmd := goTool(t)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "apierrs")
	if err := os.CopyFS(pkg, os.DirFS(filepath.Join("..", "errcodes"))); err != nil {
		t.Fatal(err)
	}
	// The examples import the package by its path here, as pkg.go.dev
	// shows them: a copy leaves them behind with go.mod.
	for _, name := range []string{"go.mod", "example_test.go", testPkg + "/example_test.go"} {
		if err := os.Remove(filepath.Join(pkg, name)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(pkg, "LICENSE")); err != nil {
		t.Errorf("the copied folder has no LICENSE: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.test/client\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "./..."}} {
		runGo(t, goCmd, dir, nil, args...)
	}
}
