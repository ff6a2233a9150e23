package main

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// role is a path a run reads or writes, by what it is to the run: every
// file system error names it, says what is wrong in words and what to do.
type role struct {
	name string // "docs page", "spec", "package directory", "snapshot", "report"
	flag string // the flag that chooses the path
	path string
}

// fail returns the error "<role> <path>: <what> (<err>); <advice>", which
// wraps err; err may be nil.
func (r role) fail(what string, err error, advice string) error {
	if err == nil {
		return fmt.Errorf("%s %s: %s; %s", r.name, r.path, what, advice)
	}
	return fmt.Errorf("%s %s: %s (%w); %s", r.name, r.path, what, err, advice)
}

// subject starts a sentence about p, a path of r's, with verb: "it is"
// for r's own path, else the path.
func (r role) subject(p, verb string) string {
	if p == r.path {
		return "it " + verb
	}
	return p + " " + verb
}

// fsError explains err, a file system error on r's path or on subject, a
// path under it (subject may equal r.path).
func (r role) fsError(subject string, err error) error {
	what, advice := explain(err, r.flag)
	if what == "" {
		what = "cannot be used"
	}
	if subject != r.path {
		what = subject + ": " + what
	}
	return r.fail(what, err, advice)
}

// The errors explain tells apart, and the ones gen makes up when it finds a
// problem before the system call that would fail on it.
var (
	errNotDirSys     error = syscall.ENOTDIR
	errIsDirSys      error = syscall.EISDIR
	errNotRegular          = errors.New("not a regular file")
	errSymlink             = errors.New("a symbolic link")
	errNameTooLong   error = syscall.ENAMETOOLONG
	errReadOnlyFS    error = syscall.EROFS
	errNoSpace       error = syscall.ENOSPC
	errSymlinkLoop   error = syscall.ELOOP
	errCrossDevice   error = syscall.EXDEV
	errSameAsTheDocs       = errors.New("the same file as the docs page")
)

// explain says in words what err means for a path of the role chosen by
// flag ("" when it cannot tell), and what to do about it.
func explain(err error, flag string) (what, advice string) {
	other := "choose another " + flag
	switch {
	case errors.Is(err, errNotDirSys):
		return "a file is in the way", "remove it or " + other
	case errors.Is(err, errIsDirSys):
		return "a directory is in the way", "remove it or " + other
	case errors.Is(err, fs.ErrNotExist):
		return "it does not exist", "check " + flag
	case errors.Is(err, fs.ErrPermission):
		return "permission denied", "give yourself access to it or " + other
	case errors.Is(err, errReadOnlyFS):
		return "the file system is read-only", other
	case errors.Is(err, errNoSpace):
		return "the disk is full", "free some space and run gen again"
	case errors.Is(err, errNameTooLong):
		return "the path is too long", "choose a shorter " + flag
	case errors.Is(err, errSymlinkLoop):
		return "symbolic links loop", "fix the links or " + other
	case errors.Is(err, errCrossDevice):
		return "it is on another file system than its temporary file", other
	}
	return "", "check the path or " + other
}
