package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// rename is os.Rename; tests replace it to fail a rename mid-way.
var rename = os.Rename

// target is one file a run writes.
type target struct {
	path string
	data []byte
}

// targets lists where every part of o goes.
func (o *output) targets(specPath, outDir string) []target {
	ts := []target{{specPath, o.spec}}
	for _, name := range o.fileNames() {
		ts = append(ts, target{filepath.Join(outDir, filepath.FromSlash(name)), o.files[name]})
	}
	return append(ts, o.extra...)
}

// checkTargets refuses a run whose targets collide (-spec naming a package
// file, -report naming the spec) or would overwrite a Go file in the
// package directory that gen did not write: -out may be a directory with
// hand-written code in it.
func checkTargets(o *output, specPath, outDir string) error {
	seen := map[string]bool{}
	for _, t := range o.targets(specPath, outDir) {
		abs, err := filepath.Abs(t.path)
		if err != nil {
			return err
		}
		if seen[abs] {
			return fmt.Errorf("%s would be written twice (as the spec, a package file, the snapshot or the report); give -spec, -out and -report distinct paths", t.path)
		}
		seen[abs] = true
	}
	for _, name := range o.fileNames() {
		p := filepath.Join(outDir, filepath.FromSlash(name))
		fi, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("check %s: %w", p, err)
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file; gen writes its package there: move it or choose another -out", p)
		}
		data, err := readBounded(p, maxGoFileSize)
		if err != nil || !generatedByUs(data) {
			return fmt.Errorf("%s exists and gen did not write it (it lacks the %q header); move it, or choose another -out", p, generatedHeader)
		}
	}
	return nil
}

// stale returns the paths whose contents differ from what o would write,
// and generated files in outDir that o would no longer write.
func stale(o *output, specPath, outDir string) ([]string, error) {
	var out []string
	for _, t := range o.targets(specPath, outDir) {
		old, err := os.ReadFile(t.path)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if err != nil || !bytes.Equal(old, t.data) {
			out = append(out, t.path)
		}
	}
	leftovers, err := leftoverFiles(o, outDir)
	if err != nil {
		return nil, err
	}
	return append(out, leftovers...), nil
}

// leftoverFiles returns the files in outDir and errcodestest/ in it that an
// earlier run generated (they start with our header) but this run does not.
func leftoverFiles(o *output, outDir string) ([]string, error) {
	var out []string
	for _, sub := range []string{"", testPkg} {
		found, err := leftoversIn(o, outDir, sub)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// leftoversIn does leftoverFiles for one directory, sub of outDir.
func leftoversIn(o *output, outDir, sub string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(outDir, sub))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if _, ours := o.files[path.Join(sub, e.Name())]; ours {
			continue
		}
		p := filepath.Join(outDir, sub, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(data, []byte(generatedHeader+"\n")) {
			out = append(out, p)
		}
	}
	return out, nil
}

// write puts o on disk all or nothing: every file is first written in full
// to a temporary file beside its target, and only when all of them are
// written are they renamed into place. If a rename fails, the files already
// replaced get their old contents back. Leftover generated files go last.
func write(o *output, specPath, outDir string) (err error) {
	if err := checkTargets(o, specPath, outDir); err != nil {
		return err
	}
	ts := o.targets(specPath, outDir)
	for _, t := range ts {
		if err := os.MkdirAll(filepath.Dir(t.path), 0o755); err != nil {
			return err
		}
	}
	temps := make([]string, 0, len(ts))
	defer func() {
		for _, t := range temps {
			os.Remove(t) // gone already after a successful rename
		}
	}()
	for _, t := range ts {
		tmp, err := writeTemp(t)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	type saved struct {
		path string
		data []byte // nil: the file did not exist
	}
	var done []saved
	for i, t := range ts {
		old, readErr := os.ReadFile(t.path)
		if readErr != nil && !errors.Is(readErr, os.ErrNotExist) {
			err = readErr
		} else {
			err = rename(temps[i], t.path)
		}
		if err != nil {
			for _, s := range done {
				if s.data == nil {
					os.Remove(s.path)
				} else {
					os.WriteFile(s.path, s.data, 0o644)
				}
			}
			return fmt.Errorf("write %s: %w; nothing was changed", t.path, err)
		}
		done = append(done, saved{t.path, old})
	}
	leftovers, err := leftoverFiles(o, outDir)
	if err != nil {
		return err
	}
	for _, p := range leftovers {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

// writeTemp writes t's data to a new temporary file beside t.path.
func writeTemp(t target) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".tmp*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", t.path, err)
	}
	_, werr := f.Write(t.data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", t.path, err)
	}
	return f.Name(), nil
}
