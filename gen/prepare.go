package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// prepare readies the disk for a run, before it reads the spec: it refuses
// a spec that is the docs page, finishes a run that was interrupted while
// replacing its files (with -check, reports it), refuses output paths that
// cannot be written, removes the temporary files of runs killed before
// their journal, and checks the docs page given with -docs. So a run that
// fails on a path fails before it reads, creates or writes anything, and
// says which path, as what, and what to do.
func (c *config) prepare(stderr io.Writer) error {
	if c.docs != "" && !isURL(c.docs) {
		if a, b := absOr(c.docs), absOr(c.spec); a == b || sameFile(a, b) {
			return sameAsDocs(specRole(c.spec), c.spec, c.docs)
		}
		if a, b := absOr(c.docs), absOr(c.report); c.report != "" && (a == b || sameFile(a, b)) {
			return sameAsDocs(role{"report", "-report", c.report}, c.report, c.docs)
		}
	}
	if err := recoverJournal(c.spec, c.check, c.finishCommand(), stderr); err != nil {
		return err
	}
	if err := checkOutputPaths(c.spec, c.out, c.report); err != nil {
		return err
	}
	if !c.check {
		removeStrayTemps(baseScope(c.spec, c.out, c.report))
	}
	step("prepared")
	if c.docs != "" && !isURL(c.docs) {
		return checkDocsPath(c.docs)
	}
	return nil
}

// absOr returns p made absolute, or p.
func absOr(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// checkOutputPaths checks the paths a run will write before it reads
// anything: the spec, the package directory and the report must be files
// gen can replace (or can create) in directories it can create.
func checkOutputPaths(specPath, outDir, report string) error {
	r := specRole(specPath)
	if err := checkFileTarget(r, specPath); err != nil {
		return err
	}
	if err := checkDirChain(r, filepath.Dir(specPath)); err != nil {
		return err
	}
	if err := checkDirChain(pkgRole(outDir), outDir); err != nil {
		return err
	}
	if err := checkTestPkgDir(outDir); err != nil {
		return err
	}
	if report != "" {
		r := role{"report", "-report", report}
		if err := checkFileTarget(r, report); err != nil {
			return err
		}
		if err := checkDirChain(r, filepath.Dir(report)); err != nil {
			return err
		}
	}
	return nil
}

// checkDocsPath checks that the docs page given with -docs is a file.
func checkDocsPath(p string) error {
	r := role{"docs page", "-docs", p}
	fi, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return r.fail("no such file", err, "point -docs at the Markdown page")
	case err != nil:
		return r.fsError(p, err)
	case !fi.Mode().IsRegular():
		return r.fail(fmt.Sprintf("it is %s, not a file", describeMode(fi.Mode())), errNotRegular, "point -docs at the Markdown page")
	}
	return nil
}

// boolFlags are the flags that take no value.
var boolFlags = map[string]bool{"check": true, "fetch": true, "prune": true, "allow-breaking": true, "new-source": true, "q": true}

// finishCommand is the command that finishes an interrupted run, for
// -check to name: any run with the same -spec does; this is the one
// checked, less -check.
func (c *config) finishCommand() string {
	cmd := genCommand()
	for _, kv := range c.given {
		name, value := kv[0], kv[1]
		switch {
		case name == "check", name == "rename": // -rename's value does not print
		case boolFlags[name] && value == "true":
			cmd += " -" + name
		case boolFlags[name]:
			cmd += " -" + name + "=" + value
		default:
			cmd += " -" + name + " " + shellQuote(value)
		}
	}
	return cmd
}
