package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// rename is os.Rename; tests replace it to fail a rename mid-way.
var rename = os.Rename

// createTemp is os.CreateTemp; tests replace it to fail writing a file.
var createTemp = os.CreateTemp

// fsync is (*os.File).Sync, for files and directories. It makes a run
// durable across a power loss; a killed process loses nothing the kernel
// has, so the kill test, which runs gen hundreds of times, turns it off.
var fsync = (*os.File).Sync

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

// roles returns the role of each of o.targets, in the same order.
func (o *output) roles(specPath, outDir string) []role {
	rs := []role{specRole(specPath)}
	for range o.files {
		rs = append(rs, pkgRole(outDir))
	}
	for _, t := range o.extra {
		if t.path == o.report {
			rs = append(rs, role{"report", "-report", t.path})
		} else {
			rs = append(rs, role{"snapshot", "-spec", t.path})
		}
	}
	return rs
}

func specRole(p string) role  { return role{"spec", "-spec", p} }
func pkgRole(dir string) role { return role{"package directory", "-out", dir} }

// Symbolic links. gen never writes or removes through a symbolic link in
// the tree it writes: a symlinked errcodestest, or a symlinked spec,
// package file, snapshot or report, is refused (a rename would replace the
// link, or write outside -out). -out itself and the directories above the
// files are the user's to choose and may be links.

// checkTargets refuses a run whose targets collide (-spec naming a package
// file, -report naming the spec, any of them naming the docs page read),
// that would write through a symbolic link, or that would overwrite a Go
// file in the package directory that gen did not write: -out may be a
// directory with hand-written code in it.
func checkTargets(o *output, specPath, outDir string) error {
	seen := map[string]bool{}
	ts, rs := o.targets(specPath, outDir), o.roles(specPath, outDir)
	docsAbs := ""
	if o.docs != "" && !isURL(o.docs) {
		docsAbs, _ = filepath.Abs(o.docs)
	}
	for i, t := range ts {
		abs, err := filepath.Abs(t.path)
		if err != nil {
			return rs[i].fsError(t.path, err)
		}
		if seen[abs] {
			return rs[i].fail(t.path+" would be written twice (as the spec, a package file, the snapshot or the report)", nil, "give -spec, -out and -report distinct paths")
		}
		seen[abs] = true
		if abs == docsAbs || docsAbs != "" && sameFile(abs, docsAbs) {
			return sameAsDocs(rs[i], t.path, o.docs)
		}
	}
	for i, t := range ts {
		if err := checkFileTarget(rs[i], t.path); err != nil {
			return err
		}
		if err := checkDirChain(rs[i], filepath.Dir(t.path)); err != nil {
			return err
		}
	}
	if err := checkTestPkgDir(outDir); err != nil {
		return err
	}
	for _, name := range o.fileNames() {
		p := filepath.Join(outDir, filepath.FromSlash(name))
		fi, err := os.Lstat(p)
		if err != nil {
			continue // missing; checkFileTarget reported any other error
		}
		data, err := readBounded(p, maxGoFileSize)
		if err != nil || !generatedByUs(data) || !fi.Mode().IsRegular() {
			return pkgRole(outDir).fail(fmt.Sprintf("%s exists and gen did not write it (it lacks the %q header)", p, generatedHeader), nil, "move it, or choose another -out")
		}
	}
	return nil
}

// sameAsDocs is the error of an output path that names the docs page.
func sameAsDocs(r role, p, docs string) error {
	return r.fail(fmt.Sprintf("%s the docs page this run reads (-docs %s), and gen would overwrite it", r.subject(p, "is"), docs), errSameAsTheDocs, "give "+r.flag+" a path of its own")
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// checkFileTarget refuses a target path that gen cannot replace with a
// regular file of its own: a symbolic link, a directory, a device.
func checkFileTarget(r role, p string) error {
	fi, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotDirSys):
		return nil // a file in the way of its directory: checkDirChain says which
	case err != nil:
		return r.fsError(p, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return r.fail(r.subject(p, "is")+" a symbolic link, and gen replaces files whole: it would replace the link, not the file it points to", errSymlink, "point "+r.flag+" at the file itself, or remove the link")
	case !fi.Mode().IsRegular():
		return r.fail(fmt.Sprintf("%s %s, not a file gen can replace", r.subject(p, "is"), describeMode(fi.Mode())), errNotRegular, "point "+r.flag+" at a file, or at a path where none exists yet")
	}
	return nil
}

// describeMode names the kind of a file that is not a regular one.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// checkDirChain checks that dir is a directory, or can be made one: its
// nearest existing ancestor is a directory.
func checkDirChain(r role, dir string) error {
	for d := dir; ; {
		fi, err := os.Stat(d)
		switch {
		case err == nil && fi.IsDir():
			return nil
		case err == nil:
			return r.fsError(d, &fs.PathError{Op: "mkdir", Path: dir, Err: errNotDirSys})
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errNotDirSys):
			return r.fsError(dir, err)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil
		}
		d = parent
	}
}

// checkTestPkgDir refuses an errcodestest in outDir that is a symbolic
// link, which would make gen write and delete outside -out, or a file.
func checkTestPkgDir(outDir string) error {
	p := filepath.Join(outDir, testPkg)
	fi, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotDirSys):
		return nil
	case err != nil:
		return pkgRole(outDir).fsError(p, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return pkgRole(outDir).fail(p+" is a symbolic link; gen writes and removes files in it and will not do so outside -out", errSymlink, "replace the link with a directory, or choose another -out")
	case !fi.IsDir():
		return pkgRole(outDir).fsError(p, &fs.PathError{Op: "mkdir", Path: p, Err: errNotDirSys})
	}
	return nil
}

// stale returns the paths whose contents differ from what o would write,
// generated files in outDir that o would no longer write, and temporary
// files that interrupted runs left beside them.
func stale(o *output, specPath, outDir string) ([]string, error) {
	var out []string
	ts, rs := o.targets(specPath, outDir), o.roles(specPath, outDir)
	for i, t := range ts {
		old, err := os.ReadFile(t.path)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, rs[i].fsError(t.path, err)
		}
		if err != nil || !bytes.Equal(old, t.data) {
			out = append(out, t.path)
		}
	}
	leftovers, err := leftoverFiles(o, outDir)
	if err != nil {
		return nil, err
	}
	return append(append(out, leftovers...), strayTemps(o.tempScope(specPath, outDir))...), nil
}

// staleMessage is what -check says of a path stale returned.
func staleMessage(p, command string) string {
	if isTempName(filepath.Base(p)) {
		return fmt.Sprintf("%s is a temporary file an interrupted run left; run %s to remove it", p, command)
	}
	return fmt.Sprintf("%s is out of date; run %s", p, command)
}

// leftoverFiles returns the files in outDir and errcodestest/ in it that an
// earlier run generated (they start with our header) but this run does not.
func leftoverFiles(o *output, outDir string) ([]string, error) {
	var out []string
	for _, sub := range []string{"", testPkg} {
		found, err := leftoversIn(o, outDir, sub)
		if err != nil {
			return nil, pkgRole(outDir).fsError(filepath.Join(outDir, sub), err)
		}
		out = append(out, found...)
	}
	return out, nil
}

// leftoversIn does leftoverFiles for one directory, sub of outDir.
func leftoversIn(o *output, outDir, sub string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(outDir, sub))
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, errNotDirSys) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if _, ours := o.files[path.Join(sub, e.Name())]; ours {
			continue
		}
		p := filepath.Join(outDir, sub, e.Name())
		data, err := readBounded(p, maxGoFileSize)
		if err != nil {
			continue // not ours: gen writes no file this large
		}
		if generatedByUs(data) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Temporary files. Only files named exactly as gen names its temporary
// files are ever removed, and only beside the files gen writes: in the
// package directories, and beside the spec, the journal, the snapshot, the
// report and the docs page.

// tempScope says where temporary files of ours may be: by directory, the
// names of the files they were to become; "" stands for any name (the
// package directories, which are gen's).
type tempScope map[string]map[string]bool

func (s tempScope) add(dir, base string) {
	if s[dir] == nil {
		s[dir] = map[string]bool{}
	}
	s[dir][base] = true
}

// baseScope is the scope a run knows before it reads anything: the spec's
// and the journal's temporary files, the package directories', and the
// report's.
func baseScope(specPath, outDir, report string) tempScope {
	s := tempScope{}
	s.add(filepath.Dir(specPath), filepath.Base(specPath))
	s.add(filepath.Dir(specPath), filepath.Base(journalPath(specPath)))
	s.add(outDir, "")
	if fi, err := os.Lstat(filepath.Join(outDir, testPkg)); err == nil && fi.IsDir() {
		s.add(filepath.Join(outDir, testPkg), "")
	}
	if report != "" {
		s.add(filepath.Dir(report), filepath.Base(report))
	}
	return s
}

// tempScope is baseScope with every target of o and the docs page.
func (o *output) tempScope(specPath, outDir string) tempScope {
	s := baseScope(specPath, outDir, o.report)
	for _, t := range o.extra {
		s.add(filepath.Dir(t.path), filepath.Base(t.path))
	}
	if o.docs != "" && !isURL(o.docs) {
		s.add(filepath.Dir(o.docs), filepath.Base(o.docs))
	}
	return s
}

// legacyGoTemp matches the temporary files of the package that versions of
// gen before the journal wrote: .<name>.go.tmp<digits>.
var legacyGoTemp = regexp.MustCompile(`^\..+\.go\.tmp[0-9]+$`)

// tempName matches the temporary files of this version and earlier ones.
var tempName = regexp.MustCompile(`^\..+\.(errtable-tmp-|tmp)[0-9]+$`)

// isTempName reports whether name has the form of a temporary file's of
// ours.
func isTempName(name string) bool { return tempName.MatchString(name) }

// strayTemps returns the temporary files of ours in s, sorted.
func strayTemps(s tempScope) []string {
	var out []string
	for dir, bases := range s {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if !e.Type().IsRegular() {
				continue
			}
			ours := bases[""] && (tempBase(name) != "" || legacyGoTemp.MatchString(name))
			for base := range bases {
				ours = ours || base != "" && tempFor(name, base)
			}
			if ours {
				out = append(out, filepath.Join(dir, name))
			}
		}
	}
	slices.Sort(out)
	return out
}

// removeStrayTemps removes the temporary files of ours in s: they belong
// to runs killed before they wrote their journal, whose targets they never
// reached.
func removeStrayTemps(s tempScope) {
	for _, p := range strayTemps(s) {
		os.Remove(p)
	}
}

// write puts o on disk all or nothing, and so that a kill at any point
// leaves what the next run completes (see journal.go): every file is
// first written in full to a temporary file beside its target, then a
// journal is written, and only then are they renamed into place. If a
// rename fails, the files already replaced get their old contents back,
// the same way. Leftover generated files go last. Directories the run
// creates are created only once every check passed, and removed if it
// fails.
func write(o *output, specPath, outDir string) (err error) {
	if err := checkTargets(o, specPath, outDir); err != nil {
		return err
	}
	jpath := journalPath(specPath)
	if _, err := os.Lstat(jpath); err == nil {
		return specRole(specPath).fail("another run's journal is there, "+jpath, nil, "wait for that run to end; if none is under way, run gen again to finish the interrupted one")
	}
	step("write")
	ts, rs := o.targets(specPath, outDir), o.roles(specPath, outDir)
	leftovers, err := leftoverFiles(o, outDir)
	if err != nil {
		return err
	}
	removeStrayTemps(o.tempScope(specPath, outDir))

	created, err := makeDirs(ts, rs)
	if err != nil {
		return err
	}
	var temps []string
	journaled := false
	defer func() {
		if err != nil && !journaled {
			for _, t := range temps {
				os.Remove(t)
			}
			removeDirs(created)
		}
	}()
	dirs := map[string]bool{}
	for i, t := range ts {
		tmp, err := writeTemp(t)
		if err != nil {
			return rs[i].writeError(t.path, "write", err)
		}
		temps = append(temps, tmp)
		dirs[filepath.Dir(tmp)] = true
		step("temp %d", i)
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return specRole(specPath).writeError(d, "sync", err)
		}
	}
	jdir := filepath.Dir(jpath)
	j := &journal{}
	for i, t := range ts {
		j.Rename = append(j.Rename, journalRename{Temp: relTo(jdir, temps[i]), To: relTo(jdir, t.path)})
	}
	for _, p := range leftovers {
		j.Remove = append(j.Remove, relTo(jdir, p))
	}
	if err := writeJournal(jpath, j); err != nil {
		return specRole(specPath).writeError(jpath, "write the journal", err)
	}
	journaled = true
	step("journal")

	// From here on, a kill leaves the journal, which the next run carries
	// out; a failed rename is rolled back.
	type saved struct {
		data    []byte
		existed bool
	}
	var done []saved
	for i, t := range ts {
		old, readErr := os.ReadFile(t.path)
		existed := readErr == nil
		if existed || errors.Is(readErr, os.ErrNotExist) {
			readErr = rename(temps[i], t.path)
		}
		if readErr != nil {
			back := &journal{}
			for k, s := range done {
				if !s.existed {
					back.Remove = append(back.Remove, relTo(jdir, ts[k].path))
					continue
				}
				tmp, werr := writeTemp(target{ts[k].path, s.data})
				if werr != nil {
					return rs[i].stuck(t.path, readErr, werr, jpath, back)
				}
				back.Rename = append(back.Rename, journalRename{Temp: relTo(jdir, tmp), To: relTo(jdir, ts[k].path)})
			}
			for _, tmp := range temps[i:] {
				back.Remove = append(back.Remove, relTo(jdir, tmp))
			}
			for _, d := range slices.Backward(created) {
				back.Rmdir = append(back.Rmdir, relTo(jdir, d))
			}
			if werr := writeJournal(jpath, back); werr != nil {
				return rs[i].stuck(t.path, readErr, werr, jpath, back)
			}
			step("rollback journal")
			if _, werr := back.finish(jpath); werr != nil {
				return rs[i].fail(fmt.Sprintf("could not replace %s, and putting back the files already replaced failed", t.path), errors.Join(readErr, werr),
					"fix the cause and run gen again: it finishes putting them back from the journal "+jpath)
			}
			return rs[i].writeError(t.path, "replace", readErr)
		}
		done = append(done, saved{old, existed})
		step("rename %d", i)
	}
	if _, err := j.finish(jpath); err != nil {
		return pkgRole(outDir).fail("the new files are in place, but removing the old generated files or the journal "+jpath+" failed", err,
			"run gen again to finish, or remove them by hand")
	}
	return nil
}

// writeError is the error of a failed write of p, a path of r's, where
// doing is what failed ("write", "replace"): the run changed nothing.
func (r role) writeError(p, doing string, err error) error {
	obj := "it"
	if p != r.path {
		obj = p
	}
	w := fmt.Sprintf("could not %s %s", doing, obj)
	what, advice := explain(err, r.flag)
	if what != "" {
		w += ": " + what
	}
	return r.fail(w, err, "nothing was changed; "+advice)
}

// stuck is the error of a run that could neither finish replacing its
// files nor put the old ones back: the journal of the run stays, and the
// next run finishes it. back holds the temporary files written for the
// roll-back, which are removed.
func (r role) stuck(p string, err, backErr error, jpath string, back *journal) error {
	for _, rn := range back.Rename {
		os.Remove(resolve(filepath.Dir(jpath), rn.Temp))
	}
	return r.fail(fmt.Sprintf("could not replace %s, and could not put back the files already replaced", p), errors.Join(err, backErr),
		"fix the cause and run gen again: it finishes replacing them from the journal "+jpath)
}

// makeDirs creates the missing directories of the targets, outermost first,
// and returns those it created. On failure it removes them again.
func makeDirs(ts []target, rs []role) (created []string, err error) {
	for i, t := range ts {
		var missing []string
		for d := filepath.Dir(t.path); ; d = filepath.Dir(d) {
			if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
				break
			}
			missing = append(missing, d)
		}
		for _, d := range slices.Backward(missing) {
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				removeDirs(created)
				return nil, rs[i].writeError(d, "create the directory", err)
			} else if err == nil {
				created = append(created, d)
			}
		}
	}
	return created, nil
}

// removeDirs removes the directories a failed run created, innermost
// first, each only if it is empty.
func removeDirs(created []string) {
	for _, d := range slices.Backward(created) {
		os.Remove(d)
	}
}

// writeTemp writes t's data to a new temporary file beside t.path, synced
// to disk, and returns its path.
func writeTemp(t target) (string, error) {
	f, err := createTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+tempInfix+"*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(t.data)
	serr := fsync(f)
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
