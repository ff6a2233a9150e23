package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
	chdirModule(t)
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
		if got != exitInput || !strings.Contains(stderr.String(), "(injected rename failure); nothing was changed") {
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

// TestRenameFailureOnFreshDisk fails a rename when the run creates every
// file and directory: the roll-back removes the files already moved into
// place and the directories, and leaves no journal or temporary file.
func TestRenameFailureOnFreshDisk(t *testing.T) {
	for _, failAt := range []int{1, 2, 6} {
		t.Run(strconv.Itoa(failAt), func(t *testing.T) {
			chdirModule(t)
			os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
			before := tree(t)
			calls := 0
			rename = func(from, to string) error {
				if calls++; calls == failAt {
					return errors.New("injected rename failure")
				}
				return os.Rename(from, to)
			}
			defer func() { rename = os.Rename }()
			var stderr strings.Builder
			got := run([]string{"-docs", "docs.md", "-spec", "s/errors.json", "-out", "a/pkg", "-report", "r/report.md"}, &stderr, &stderr)
			if got != exitInput || !strings.Contains(stderr.String(), "(injected rename failure); nothing was changed") {
				t.Fatalf("exit %d, stderr %q", got, stderr.String())
			}
			if after := tree(t); !slices.Equal(before, after) {
				t.Errorf("the failed run changed the tree:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// TestRollBackFailureLeavesJournal fails a rename and then the writing of
// the old contents back: the run says so, keeps its journal, and the next
// run finishes replacing the files, so the set is whole again.
func TestRollBackFailureLeavesJournal(t *testing.T) {
	args := setupRun(t)
	calls := 0
	rename = func(from, to string) error {
		if calls++; calls == 3 {
			return errors.New("injected rename failure")
		}
		return os.Rename(from, to)
	}
	createTemp = func(dir, pattern string) (*os.File, error) {
		if calls >= 3 {
			return nil, errors.New("injected write failure")
		}
		return os.CreateTemp(dir, pattern)
	}
	var stderr strings.Builder
	got := run(args, &stderr, &stderr)
	rename, createTemp = os.Rename, os.CreateTemp
	want := "could not put back the files already replaced (injected rename failure\ninjected write failure); fix the cause and run gen again: it finishes replacing them from the journal"
	if got != exitInput || !strings.Contains(stderr.String(), want) {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	if _, err := os.Stat(journalPath("spec/errors.json")); err != nil {
		t.Fatal("no journal:", err)
	}
	stderr.Reset()
	if got := run(args, &stderr, &stderr); got != exitOK || !strings.Contains(stderr.String(), "finished it from its journal") {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	stderr.Reset()
	if got := run(append(args, "-check"), &stderr, &stderr); got != exitOK {
		t.Fatalf("-check: exit %d, stderr %q", got, stderr.String())
	}
	for p := range snapshot(t, ".") {
		if isTempName(filepath.Base(p)) || strings.HasSuffix(p, journalSuffix) {
			t.Errorf("%s is left", p)
		}
	}
}
