package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// setupRun writes a docs page and a first generation into a temp dir and
// returns the run arguments, from inside that dir.
func setupRun(t *testing.T) []string {
	t.Helper()
	t.Chdir(t.TempDir())
	os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
	args := []string{"-docs", "docs.md", "-spec", "spec/errors.json", "-out", "pkg"}
	var stderr strings.Builder
	if run(args, &stderr, &stderr) != exitOK {
		t.Fatal(stderr.String())
	}
	// Change the docs, so the next run would rewrite every file.
	os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look again. |\n| 429 | Slow Down | Wait. |\n"), 0o644)
	return args
}

func TestEmitFailureWritesNothing(t *testing.T) {
	args := setupRun(t)
	before := snapshot(t, ".")
	testHookEmit = func(path string) error {
		if path == "errcodestest/codes.go" {
			return errors.New("injected emit failure")
		}
		return nil
	}
	defer func() { testHookEmit = nil }()
	var stderr strings.Builder
	if got := run(args, &stderr, &stderr); got != exitInput || !strings.Contains(stderr.String(), "injected emit failure") {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	sameSnapshot(t, before, snapshot(t, "."))
}

func TestRenameFailureRollsBack(t *testing.T) {
	for _, failAt := range []int{1, 2, 5, 9} {
		args := setupRun(t)
		before := snapshot(t, ".")
		calls := 0
		rename = func(from, to string) error {
			if calls++; calls == failAt {
				return errors.New("injected rename failure")
			}
			return os.Rename(from, to)
		}
		var stderr strings.Builder
		got := run(args, &stderr, &stderr)
		rename = os.Rename
		if got != exitInput || !strings.Contains(stderr.String(), "injected rename failure; nothing was changed") {
			t.Fatalf("rename %d: exit %d, stderr %q", failAt, got, stderr.String())
		}
		sameSnapshot(t, before, snapshot(t, "."))
	}
}

func TestUnwritableOutputWritesNothing(t *testing.T) {
	args := setupRun(t)
	// A file where a package directory must go: nothing can be written
	// there, as root or not.
	os.RemoveAll("pkg/errcodestest")
	os.WriteFile("pkg/errcodestest", []byte("in the way"), 0o644)
	before := snapshot(t, ".")
	var stderr strings.Builder
	if got := run(args, &stderr, &stderr); got != exitInput {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	sameSnapshot(t, before, snapshot(t, "."))
}

func TestReadOnlyOutputWritesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories; TestUnwritableOutputWritesNothing covers this case for root")
	}
	args := setupRun(t)
	os.Chmod("pkg", 0o555)
	defer os.Chmod("pkg", 0o755)
	before := snapshot(t, ".")
	var stderr strings.Builder
	if got := run(args, &stderr, &stderr); got != exitInput {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	sameSnapshot(t, before, snapshot(t, "."))
}
