package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(good, []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
	os.WriteFile(bad, []byte("no table here\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.test/m\n"), 0o644)
	outside := t.TempDir() // no go.mod: the package would be in no module
	out := func(name string) []string {
		return []string{"-spec", filepath.Join(dir, name, "errors.json"), "-out", filepath.Join(dir, name, "errcodes")}
	}
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"success", append([]string{"-docs", good}, out("a")...), exitOK, ""},
		{"check after success", append([]string{"-check", "-docs", good}, out("a")...), exitOK, ""},
		{"check when stale", append([]string{"-check", "-docs", good}, out("b")...), exitInput, "is out of date"},
		{"bad docs", append([]string{"-docs", bad}, out("c")...), exitInput, "bad.md:1: no table found"},
		{"missing docs", append([]string{"-docs", filepath.Join(dir, "nope.md")}, out("c")...), exitInput, "docs page " + filepath.Join(dir, "nope.md") + ": no such file"},
		{"outside a module", []string{"-docs", good, "-spec", filepath.Join(outside, "errors.json"), "-out", filepath.Join(outside, "errcodes")}, exitInput, "no go.mod in " + filepath.Join(outside, "errcodes") + " or any folder above it"},
		{"unknown flag", []string{"-bogus"}, exitUsage, "flag provided but not defined"},
		{"argument", []string{"x"}, exitUsage, "unexpected argument"},
		{"bad package name", []string{"-pkg", "a-b"}, exitUsage, "cannot name the generated package"},
		{"bad prefix", []string{"-prefix", "Acme Corp"}, exitUsage, "not a lower-case word"},
		{"help", []string{"-h"}, exitOK, "usage: gen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != tt.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", got, tt.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout is not empty: %q", stdout.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "c")); !os.IsNotExist(err) {
		t.Errorf("a failed run wrote files: %v", err)
	}
}
