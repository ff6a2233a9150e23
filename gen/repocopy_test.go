package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// inRepoCopy is set in the environment of the go test that
// TestDocsChangesInRepoCopy runs in a copy of the repository, so that the
// copy does not copy itself again.
const inRepoCopy = "ERRTABLE_IN_REPO_COPY"

// eachEdit, set to 1, makes TestDocsChangesInRepoCopy run the repository's
// tests after each docs edit on its own, instead of once after all the
// edits together, which costs one run instead of seven: CI runs go test
// ./... (all the edits together), then the test again with eachEdit.
const eachEdit = "ERRTABLE_EACH_EDIT"

// TestDocsChangesInRepoCopy proves that this repository's tests that depend
// on the snapshot survive a docs change: it copies the repository, applies
// docs edits to the committed docs snapshot, regenerates as go run ./gen
// does, and runs in the copy the tests of snapshotTests and all the tests
// of the nested modules that import errcodes (snapshotModules; those of
// errcodes and gen/harness through TestLivePackage). Tests that
// pinned one snapshot's constants, or read the live docs instead of their
// own fixtures, would fail there. The other tests cannot see the edit, and
// go test ./... runs them on the repository itself; TestSnapshotTestsListed
// keeps the two lists complete.
func TestDocsChangesInRepoCopy(t *testing.T) {
	if os.Getenv(inRepoCopy) != "" {
		t.Skip("already in a copy of the repository")
	}
	goCmd := goTool(t)
	type step struct {
		edit  func(string) string
		flags []string
	}
	runs := map[string][]step{}
	var all []step
	for _, e := range docsEdits {
		if e.status == exitOK {
			all = append(all, step{e.edit, e.flags})
		}
		if os.Getenv(eachEdit) == "1" {
			runs[e.name] = []step{{e.edit, e.flags}}
		}
	}
	if len(runs) == 0 {
		runs["all edits together"] = all
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// go run ./gen, built once for all the copies (the edits change the
	// docs, not gen): go run would turn gen's exit status 2 into its own 1.
	genBin := filepath.Join(t.TempDir(), "gen")
	build := exec.Command(goCmd, "build", "-o", genBin, "./gen")
	build.Dir, build.Env = root, offline()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./gen: %v\n%s", err, out)
	}
	// One go test in the root module, for the union of the listed tests
	// (a same-named test of another listed package runs too, which only
	// costs time), then each nested module's. -trimpath leaves the copy's
	// directory out of the build, so the copies share the compiled root
	// packages, which no edit changes; -count=1 runs the tests whatever
	// the cache holds.
	var pkgs, names []string
	for _, dir := range sortedKeys(snapshotTests) {
		pkgs = append(pkgs, "./"+dir)
		names = append(names, snapshotTests[dir]...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	// The root module's requirements are in the module cache, since this
	// test was built with them; the nested modules' may not be
	// (go-retryablehttp), so their go test may use the module proxy.
	type goTest struct {
		dir  string // module directory, relative to the copy
		args []string
		env  func() []string
	}
	tests := []goTest{{".", slices.Concat([]string{"test", "-count=1", "-trimpath", "-run", "^(" + strings.Join(names, "|") + ")$"}, pkgs), offline}}
	for _, dir := range snapshotModules {
		if by := modulesTestedBy[dir]; slices.Contains(names, by) {
			continue // that test runs the module's tests on the copy's files
		}
		tests = append(tests, goTest{dir, []string{"test", "-count=1", "./..."}, withProxy})
	}
	// Edit and regenerate every copy first: edits that leave the same
	// files (a refused -prune, then the run without it, is the removal of
	// the same line) need their tests run once, since the tests see
	// nothing but the files.
	copies := map[string][]string{} // edits by the copy that holds them
	var order []string
	for name, steps := range runs {
		dir := t.TempDir()
		copyRepo(t, root, dir)
		docsPath := filepath.Join(dir, "spec", "musicgpt-error-codes.txt")
		for _, s := range steps {
			data, err := os.ReadFile(docsPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(docsPath, []byte(s.edit(string(data))), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := runBin(genBin, dir, append([]string{"-q"}, s.flags...)...); err != nil {
				if !strings.Contains(err.Error(), "exit status 2") {
					t.Fatalf("%s: %v", name, err)
				}
				// Refused, as the edit expects: regenerate as a
				// maintainer then does, without the refused flags.
				if err := runBin(genBin, dir, "-q"); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
		same := ""
		for _, other := range order {
			if sameTree(t, dir, other) {
				same = other
				break
			}
		}
		if same == "" {
			same = dir
			order = append(order, dir)
		}
		copies[same] = append(copies[same], name)
	}
	for _, dir := range order {
		names := copies[dir]
		slices.Sort(names)
		t.Run(strings.Join(names, " = "), func(t *testing.T) {
			t.Parallel() // each copy is its own directory
			for _, gt := range tests {
				cmd := exec.Command(goCmd, gt.args...)
				cmd.Dir = filepath.Join(dir, filepath.FromSlash(gt.dir))
				cmd.Env = append(gt.env(), inRepoCopy+"=1")
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("go %s in %s of the edited copy: %v\n%s", strings.Join(gt.args, " "), gt.dir, err, out)
				}
			}
		})
	}
}

// sameTree reports whether the directories a and b hold the same files
// with the same contents.
func sameTree(t *testing.T, a, b string) bool {
	t.Helper()
	fa, fb := treeFiles(t, a), treeFiles(t, b)
	return maps.Equal(fa, fb)
}

// treeFiles returns the contents of the regular files under dir, by path
// relative to it.
func treeFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// runBin runs a command in dir, offline, and returns an error holding its
// output if it fails.
func runBin(bin, dir string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, offline()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", filepath.Base(bin), strings.Join(args, " "), err, out)
	}
	return nil
}

// offline is the environment of the go command in a copy: no network, the
// local toolchain, no workspace.
func offline() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off")
}

// withProxy is offline's environment but for the module proxy, which
// stays the environment's.
func withProxy() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
}

// copyRepo copies the repository at root into dir, without .git and other
// hidden directories.
func copyRepo(t *testing.T, root, dir string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if d.IsDir() && rel != "." && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		to := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
