package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Crash safety. A run replaces several files (the spec, the package's
// files, a snapshot, a report) and no file system renames several files at
// once. So write goes in three steps:
//
//  1. every new file is written in full to a temporary file beside its
//     target (named .<target>.errtable-tmp-<digits>) and synced;
//  2. a journal, listing each temporary file and its target and the old
//     generated files to remove, is written atomically (itself through a
//     temporary file and a rename) beside the spec and synced;
//  3. the temporary files are renamed onto their targets, the old files
//     removed, and the journal removed last.
//
// A run killed in step 1 leaves only temporary files, which the next run
// removes: they are ours by their exact name, and beside our targets. A run
// killed in step 3 leaves a journal; the next run, before it reads the spec,
// finishes it: it renames each temporary file that is still there (a
// temporary file in the journal is complete: it was synced before the
// journal was written, and one that is gone was renamed already) and
// removes the journal. -check reports an unfinished journal and changes
// nothing. So after a kill at any point the next run leaves all old files
// or all new ones.
//
// The journal lives beside the spec, named after it
// (spec/.errors.json.errtable-journal): every run names its spec, under
// go generate as by hand, and the spec is the file a run is about; two
// specs may share a directory, so the name is the spec's. Paths in the
// journal are relative to its directory, so that a moved checkout, or a
// run from another working directory, still finishes it.
//
// An in-process failure in step 3 (a rename refused) rolls back with the
// same machinery: the old contents go to new temporary files, a journal
// that puts them back replaces the first, and it is carried out as above;
// a kill during the roll-back is finished by the next run the same way.

// tempInfix marks the temporary files gen writes: .<name>.errtable-tmp-<digits>.
const tempInfix = ".errtable-tmp-"

// journalSuffix ends the journal's name: .<spec name>.errtable-journal.
const journalSuffix = ".errtable-journal"

// journalPath is where the journal of a run writing specPath goes.
func journalPath(specPath string) string {
	return filepath.Join(filepath.Dir(specPath), "."+filepath.Base(specPath)+journalSuffix)
}

// tempFor reports whether name is the name of a temporary file of ours for
// a file named base, in the form this version writes or the form earlier
// versions wrote (.<base>.tmp<digits>, left by runs killed before the
// journal existed).
func tempFor(name, base string) bool {
	for _, infix := range []string{tempInfix, ".tmp"} {
		if rest, ok := strings.CutPrefix(name, "."+base+infix); ok {
			return allDigits(rest)
		}
	}
	return false
}

// tempBase returns the target name of a temporary file of ours in the form
// this version writes, or "" when name is not one.
func tempBase(name string) string {
	i := strings.LastIndex(name, tempInfix)
	if !strings.HasPrefix(name, ".") || i < 2 || !allDigits(name[i+len(tempInfix):]) {
		return ""
	}
	return name[1:i]
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// journal is what a run still has to do to finish replacing its files.
type journal struct {
	// Version is journalVersion; a journal of another version is not
	// carried out.
	Version int `json:"errtable-journal"`
	// Rename lists the temporary files to rename onto their targets, in
	// order.
	Rename []journalRename `json:"rename"`
	// Remove lists the files to remove once all are renamed: generated
	// files the run no longer writes, and leftover temporary files.
	Remove []string `json:"remove,omitempty"`
	// Rmdir lists directories to remove if empty, last: those a rolled
	// back run created.
	Rmdir []string `json:"rmdir,omitempty"`
}

type journalRename struct {
	Temp string `json:"temp"`
	To   string `json:"to"`
}

const journalVersion = 1

// maxJournalSize bounds the journal gen reads back; one lists a few dozen
// paths.
const maxJournalSize = 1 << 20

// testHookStep, when a test sets it, runs at each step of replacing files
// (after each temporary file, the journal, each rename); the crash test
// kills gen there.
var testHookStep func(step string)

func step(format string, args ...any) {
	if testHookStep != nil {
		testHookStep(fmt.Sprintf(format, args...))
	}
}

// relTo returns p relative to dir, slash-separated, or p made absolute when
// it has no relative form.
func relTo(dir, p string) string {
	rel, err := relSlash(dir, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return rel
}

// resolve returns a journal path relative to dir as a path to use.
func resolve(dir, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// writeJournal writes j to path atomically and durably: through a synced
// temporary file, renamed into place, and the directory synced.
func writeJournal(path string, j *journal) error {
	j.Version = journalVersion
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := writeTemp(target{path, append(data, '\n')})
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// readJournal reads the journal at path, or returns nil when there is none.
func readJournal(path string) (*journal, error) {
	if _, err := os.Lstat(path); err != nil {
		return nil, nil // none, or the spec's path is unusable, which the run reports
	}
	data, err := readBounded(path, maxJournalSize)
	if err != nil {
		return nil, err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("%s is not a journal gen wrote: %w", path, err)
	}
	if j.Version != journalVersion {
		return nil, fmt.Errorf("%s was written by another version of gen (journal version %d, not %d)", path, j.Version, journalVersion)
	}
	// Only ever move a temporary file of ours onto the file it is named
	// for, beside it.
	for _, r := range j.Rename {
		temp, to := filepath.FromSlash(r.Temp), filepath.FromSlash(r.To)
		if filepath.Dir(temp) != filepath.Dir(to) || !strings.HasPrefix(filepath.Base(temp), "."+filepath.Base(to)+tempInfix) || !tempFor(filepath.Base(temp), filepath.Base(to)) {
			return nil, fmt.Errorf("%s is not a journal gen wrote: it renames %s onto %s", path, r.Temp, r.To)
		}
	}
	return &j, nil
}

// pending returns how many of j's renames are still to do.
func (j *journal) pending(dir string) int {
	n := 0
	for _, r := range j.Rename {
		if _, err := os.Lstat(resolve(dir, r.Temp)); err == nil {
			n++
		}
	}
	return n
}

// finish carries out j, the journal at path, and removes it. It can be
// run any number of times: each step is done or skipped. It returns how
// many files it renamed.
func (j *journal) finish(path string) (int, error) {
	dir := filepath.Dir(path)
	renamed := 0
	synced := map[string]bool{}
	for i, r := range j.Rename {
		tmp, to := resolve(dir, r.Temp), resolve(dir, r.To)
		if _, err := os.Lstat(tmp); errors.Is(err, os.ErrNotExist) {
			continue // renamed already
		}
		if err := rename(tmp, to); err != nil {
			return renamed, err
		}
		renamed++
		synced[filepath.Dir(to)] = false
		step("rename %d", i)
	}
	for _, p := range j.Remove {
		p = resolve(dir, p)
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return renamed, err
		}
		synced[filepath.Dir(p)] = false
	}
	for d := range synced {
		if err := syncDir(d); err != nil && !errors.Is(err, os.ErrNotExist) {
			return renamed, err
		}
	}
	step("renamed")
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return renamed, err
	}
	// Last, as the journal may be in one of them: a kill before leaves
	// empty directories, no more.
	for _, d := range j.Rmdir {
		os.Remove(resolve(dir, d)) // only if empty; a directory in use stays
	}
	if err := syncDir(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return renamed, err
	}
	return renamed, nil
}

// recoverJournal finishes the run that the journal beside specPath says
// was interrupted, and says so on stderr; with check, it only reports it,
// as errStale, naming the command that finishes it.
func recoverJournal(specPath string, check bool, finishCmd string, stderr io.Writer) error {
	path := journalPath(specPath)
	r := role{"spec", "-spec", specPath}
	j, err := readJournal(path)
	if err != nil {
		return r.fail(fmt.Sprintf("an earlier run left a journal, %s, that cannot be read", path), err,
			"if no other run of gen is under way, remove the journal and run gen again")
	}
	if j == nil {
		return nil
	}
	dir := filepath.Dir(path)
	if check {
		fmt.Fprintf(stderr, "gen: an earlier run was interrupted while replacing its files: %d of %d are not in place yet (journal %s); run %s to finish it\n",
			j.pending(dir), len(j.Rename), path, finishCmd)
		return errStale
	}
	n, err := j.finish(path)
	if err != nil {
		return r.fail(fmt.Sprintf("an earlier run was interrupted while replacing its files, and finishing it from its journal %s failed", path), err,
			"fix the cause and run gen again: it finishes the run from the journal")
	}
	fmt.Fprintf(stderr, "gen: an earlier run was interrupted while replacing its files; finished it from its journal %s (%d files moved into place)\n", path, n)
	return nil
}

// syncDir makes the renames and removals in dir durable, as far as the
// system allows: not every file system syncs a directory, and Windows
// cannot open one, so only a missing directory is an error.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err == nil {
		fsync(f)
		f.Close()
	}
	return nil
}
