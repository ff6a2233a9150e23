package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestPathErrors runs gen on paths it cannot use. Each error names the
// path's role and the path, says what is wrong and what to do, never
// advises deleting what is not gen's, and the run creates nothing.
func TestPathErrors(t *testing.T) {
	long := filepath.Join(slices.Repeat([]string{strings.Repeat("d", 250)}, 20)...) // over PATH_MAX
	tests := []struct {
		name  string
		setup func()
		args  []string
		want  string
	}{
		{"package directory is a file", func() { os.WriteFile("pkgfile", nil, 0o644) },
			[]string{"-out", "pkgfile"},
			"gen: package directory pkgfile: a file is in the way (mkdir pkgfile: not a directory); remove it or choose another -out"},
		{"a file above the package directory", func() { os.WriteFile("pkgfile", nil, 0o644) },
			[]string{"-out", "pkgfile/errcodes"},
			"gen: package directory pkgfile/errcodes: pkgfile: a file is in the way (mkdir pkgfile/errcodes: not a directory); remove it or choose another -out"},
		{"errcodestest is a file", func() { os.Mkdir("pkg", 0o755); os.WriteFile("pkg/errcodestest", nil, 0o644) },
			[]string{"-out", "pkg"},
			"gen: package directory pkg: pkg/errcodestest: a file is in the way (mkdir pkg/errcodestest: not a directory); remove it or choose another -out"},
		{"over-long package directory", nil,
			[]string{"-out", long},
			": the path is too long ("},
		{"docs page is a directory", func() { os.Mkdir("dd", 0o755) },
			[]string{"-docs", "dd"},
			"gen: docs page dd: it is a directory, not a file (not a regular file); point -docs at the Markdown page"},
		{"docs page is missing", nil,
			[]string{"-docs", "nope.md"},
			"gen: docs page nope.md: no such file (stat nope.md: "},
		{"spec is a device", nil,
			[]string{"-spec", os.DevNull},
			"gen: spec " + os.DevNull + ": it is a device, not a file gen can replace (not a regular file); point -spec at a file, or at a path where none exists yet"},
		{"spec is a directory", func() { os.Mkdir("sd", 0o755) },
			[]string{"-spec", "sd"},
			"gen: spec sd: it is a directory, not a file gen can replace"},
		{"spec directory is a file", func() { os.WriteFile("sf", nil, 0o644) },
			[]string{"-spec", "sf/errors.json"},
			"gen: spec sf/errors.json: sf: a file is in the way (mkdir sf: not a directory); remove it or choose another -spec"},
		{"spec is the docs page", nil,
			[]string{"-spec", "docs.md"},
			"gen: spec docs.md: it is the docs page this run reads (-docs docs.md), and gen would overwrite it (the same file as the docs page); give -spec a path of its own"},
		{"spec is the docs page by another name", nil,
			[]string{"-spec", "./x/../docs.md"},
			"it is the docs page this run reads"},
		{"report is the docs page", nil,
			[]string{"-report", "docs.md"},
			"gen: report docs.md: it is the docs page this run reads (-docs docs.md), and gen would overwrite it"},
		{"report directory is a file", func() { os.WriteFile("rf", nil, 0o644) },
			[]string{"-report", "rf/report.md"},
			"gen: report rf/report.md: rf: a file is in the way (mkdir rf: not a directory); remove it or choose another -report"},
		{"report is a directory", func() { os.Mkdir("rd", 0o755) },
			[]string{"-report", "rd"},
			"gen: report rd: it is a directory, not a file gen can replace"},
		{"package file is a directory", func() { os.MkdirAll("pkg/codes.go", 0o755) },
			[]string{"-out", "pkg"},
			"gen: package directory pkg: pkg/codes.go is a directory, not a file gen can replace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chdirModule(t)
			os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
			if tt.setup != nil {
				tt.setup()
			}
			before := tree(t)
			args := map[string]string{"-docs": "docs.md", "-spec": "spec/errors.json", "-out": "pkg", "-pkg": "pkg"}
			for i := 0; i < len(tt.args); i += 2 {
				args[tt.args[i]] = tt.args[i+1]
			}
			var argv []string
			for k, v := range args {
				argv = append(argv, k, v)
			}
			var stderr strings.Builder
			if got := run(argv, &stderr, &stderr); got != exitInput {
				t.Fatalf("exit %d, stderr %q", got, stderr.String())
			}
			msg := filepath.ToSlash(stderr.String())
			if !strings.Contains(msg, tt.want) {
				t.Errorf("stderr %q\nwant %q", msg, tt.want)
			}
			if strings.Contains(msg, "delete") || strings.Count(msg, "\n") != 1 {
				t.Errorf("stderr %q: not one line, or advises deleting", msg)
			}
			if after := tree(t); !slices.Equal(before, after) {
				t.Errorf("the failed run changed the tree:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// tree lists every file and directory under the working directory, with
// each file's contents.
func tree(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			out = append(out, p+"/")
			return nil
		}
		data, err := os.ReadFile(p)
		out = append(out, p+": "+string(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFailedWriteRemovesItsDirectories fails a run after it created the
// directories of its files, at each of its files: the run removes the
// directories it created, and only those, and changes nothing else.
func TestFailedWriteRemovesItsDirectories(t *testing.T) {
	for _, failOn := range []string{"errors.json", "codes.go", "server.go", "report.md"} {
		t.Run(failOn, func(t *testing.T) {
			chdirModule(t)
			os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
			os.Mkdir("existing", 0o755)
			before := tree(t)
			createTemp = func(dir, pattern string) (*os.File, error) {
				if strings.HasPrefix(pattern, "."+failOn+".") {
					return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EROFS}
				}
				return os.CreateTemp(dir, pattern)
			}
			defer func() { createTemp = os.CreateTemp }()
			var stderr strings.Builder
			args := []string{"-docs", "docs.md", "-spec", "existing/new/spec/errors.json", "-out", "a/b/c/pkg", "-report", "r/s/report.md"}
			if got := run(args, &stderr, &stderr); got != exitInput {
				t.Fatalf("exit %d, stderr %q", got, stderr.String())
			}
			if !strings.Contains(stderr.String(), "the file system is read-only (open ") || !strings.Contains(stderr.String(), "; nothing was changed; choose another -") {
				t.Errorf("stderr %q", stderr.String())
			}
			if after := tree(t); !slices.Equal(before, after) {
				t.Errorf("the failed run changed the tree:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// TestReadOnlySpecDirectoryCreatesNothing is the case of issue 8: a
// read-only spec directory made the run leave the package directories it
// had created.
func TestReadOnlySpecDirectoryCreatesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories; TestFailedWriteRemovesItsDirectories fails the spec's write instead")
	}
	chdirModule(t)
	os.WriteFile("docs.md", []byte("| Code | Description | What to Do |\n|-|-|-|\n| 404 | Not Found | Look. |\n"), 0o644)
	os.Mkdir("spec", 0o555)
	defer os.Chmod("spec", 0o755)
	var stderr strings.Builder
	if got := run([]string{"-docs", "docs.md", "-spec", "spec/errors.json", "-out", "a/b/pkg"}, &stderr, &stderr); got != exitInput {
		t.Fatalf("exit %d, stderr %q", got, stderr.String())
	}
	if !strings.Contains(stderr.String(), "gen: spec spec/errors.json: could not write it: permission denied (") {
		t.Errorf("stderr %q", stderr.String())
	}
	if _, err := os.Stat("a"); err == nil {
		t.Error("the failed run left the package directories it created")
	}
}

// TestExplain pins how file system errors are explained: each wraps the
// cause, says what is wrong and names the flag to change.
func TestExplain(t *testing.T) {
	r := role{"package directory", "-out", "pkg"}
	tests := []struct {
		err        error
		what, flag string
	}{
		{&fs.PathError{Op: "mkdir", Path: "pkg", Err: syscall.ENOTDIR}, "a file is in the way", "remove it or choose another -out"},
		{&fs.PathError{Op: "open", Path: "pkg/x", Err: syscall.EISDIR}, "a directory is in the way", "remove it or choose another -out"},
		{&fs.PathError{Op: "open", Path: "pkg/x", Err: syscall.EACCES}, "permission denied", "give yourself access to it or choose another -out"},
		{&fs.PathError{Op: "open", Path: "pkg/x", Err: syscall.EROFS}, "the file system is read-only", "choose another -out"},
		{&fs.PathError{Op: "write", Path: "pkg/x", Err: syscall.ENOSPC}, "the disk is full", "free some space and run gen again"},
		{&fs.PathError{Op: "stat", Path: "pkg/x", Err: syscall.ENAMETOOLONG}, "the path is too long", "choose a shorter -out"},
		{&fs.PathError{Op: "stat", Path: "pkg/x", Err: syscall.ELOOP}, "symbolic links loop", "fix the links or choose another -out"},
		{errors.New("odd"), "cannot be used", "check the path or choose another -out"},
	}
	for _, tt := range tests {
		err := r.fsError("pkg", tt.err)
		want := "package directory pkg: " + tt.what + " (" + tt.err.Error() + "); " + tt.flag
		if err.Error() != want || !errors.Is(err, tt.err) {
			t.Errorf("got  %q\nwant %q (wrapped: %t)", err, want, errors.Is(err, tt.err))
		}
	}
}

// TestTempNames pins which names are gen's temporary files: exactly
// .<target>.errtable-tmp-<digits>, and earlier versions'
// .<target>.tmp<digits>, and only for the targets named.
func TestTempNames(t *testing.T) {
	tests := []struct {
		name, base string
		ours       bool
	}{
		{".codes.go.errtable-tmp-123456", "codes.go", true},
		{".codes.go.tmp123456", "codes.go", true},
		{".errors.json.errtable-journal.errtable-tmp-1", "errors.json.errtable-journal", true},
		{".codes.go.errtable-tmp-", "codes.go", false},
		{".codes.go.errtable-tmp-12x", "codes.go", false},
		{".codes.go.tmp", "codes.go", false},
		{".codes.go.tmpfile", "codes.go", false},
		{"codes.go.errtable-tmp-1", "codes.go", false},
		{".other.go.errtable-tmp-1", "codes.go", false},
		{".codes.go.errtable-tmp-1", "odes.go", false},
	}
	for _, tt := range tests {
		if got := tempFor(tt.name, tt.base); got != tt.ours {
			t.Errorf("tempFor(%q, %q) = %t", tt.name, tt.base, got)
		}
	}
	// In a scope: the package directory's are any name's; elsewhere, only
	// the targets'.
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pkg")
	os.Mkdir(pkg, 0o755)
	files := map[string]bool{
		filepath.Join(dir, ".errors.json.errtable-tmp-1"):    true,
		filepath.Join(dir, ".errors.json.tmp22"):             true,
		filepath.Join(dir, ".errors.json.errtable-journal"):  false, // the journal itself is no temporary file
		filepath.Join(dir, ".notes.md.errtable-tmp-1"):       false, // not a target's
		filepath.Join(dir, ".errors.json.errtable-tmp-1x"):   false,
		filepath.Join(pkg, ".anything.go.errtable-tmp-7"):    true,
		filepath.Join(pkg, ".old.go.tmp7"):                   true,
		filepath.Join(pkg, ".old.go.tmpx"):                   false,
		filepath.Join(pkg, "codes.go"):                       false,
		filepath.Join(pkg, ".hidden.errtable-tmp-notdigits"): false,
	}
	var want []string
	for p, ours := range files {
		os.WriteFile(p, nil, 0o644)
		if ours {
			want = append(want, p)
		}
	}
	slices.Sort(want)
	got := strayTemps(baseScope(filepath.Join(dir, "errors.json"), pkg, ""))
	if !slices.Equal(got, want) {
		t.Errorf("strayTemps:\n got %q\nwant %q", got, want)
	}
}
