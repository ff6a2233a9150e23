// Command gen turns an API's error-code table, published as Markdown, into a
// reviewed JSON spec and a Go package of typed errors.
//
//	docs page (Markdown) --> spec (JSON, reviewed in PRs) --> Go package
//
// Run from the module root with no flags, it reads the docs snapshot the
// spec records (spec/musicgpt-error-codes.txt), writes spec/errors.json and
// regenerates package errcodes in errcodes/:
//
//	go run ./gen
//
// Flags that shape the output:
//
//	-docs PATH|URL the docs page: a Markdown file, or an http(s) URL to fetch
//	               (a page, or an llms.txt index to find the error page in);
//	               default: the page the spec records
//	-spec PATH     the spec file to write (default spec/errors.json)
//	-out DIR       the package directory to write (default errcodes)
//	-pkg NAME      the package name (default: $GOPACKAGE under go generate
//	               with -out ., else the last element of -out)
//	-prefix WORD   the word error messages start with (default: the spec's,
//	               else the first word of the docs file's name)
//	-page TEXT     with an llms.txt index, the error page whose title holds TEXT
//	-table TEXT    read only the tables under a heading containing TEXT
//	               (default: every table whose code column holds statuses)
//	-code-col H    the column headed H holds the codes
//	-desc-col H    the column headed H holds the descriptions
//	-remedy-col H  the column headed H holds the remedies
//	               (default: decided by content and header words)
//
// Flags for one run:
//
//	-check          write nothing; exit 1 naming every file that is out of date
//	-explain        write nothing; print the tables found, each column's role
//	                and why, and the entries and names that would be written
//	-fetch          download the page again from the URL the spec records
//	-rename OLD=NEW rename a code's Go name; OLD stays as a deprecated alias
//	-prune          drop the codes the docs no longer list (breaking)
//	-allow-breaking write even if the package's exported API would break
//	-new-source     let -docs replace the page the spec records
//	-report FILE    write the change report as Markdown to FILE
//	-q              print no warnings
//
// Reading the page is package reader's job (gen/reader): the tables as a
// person reads them, their columns, one catalogue over several tables.
// The spec is a lock file (see lock.go): names, aliases and retry overrides
// in it survive regeneration, a code the docs drop stays, deprecated, and a
// run that would remove or change an exported identifier stops (see
// apiguard.go). Every run that writes prints a one-line summary of what
// changed on stderr.
//
// Nothing is written unless everything succeeds: the spec and all package
// files are generated in memory, written to temporary files, listed in a
// journal beside the spec and then moved into place (see journal.go); a
// run killed midway is finished by the next one.
//
// Exit status: 0 on success, 1 for bad input, stale files with -check or a
// breaking change, 2 for bad usage. Every input error names the file and
// line.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/errtable/errtable/spec"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// run is the command, apart from the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	stderr = terminalSafe{stderr}
	c, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	warn := func(msg string) {
		if !c.quiet {
			fmt.Fprintln(stderr, "gen: warning:", msg)
		}
	}
	do := func() error { return c.execute(stderr, warn) }
	if c.explaining {
		do = func() error { return c.explain(stdout, warn) }
	}
	if err := do(); err != nil {
		if !errors.Is(err, errStale) {
			fmt.Fprintln(stderr, "gen:", err)
		}
		return exitInput
	}
	return exitOK
}

// execute runs a parsed configuration.
func (c *config) execute(stderr io.Writer, warn func(string)) error {
	if err := c.prepare(stderr); err != nil {
		return err
	}
	prev, err := readPrevSpec(c.spec)
	if err != nil {
		return err
	}
	d, err := c.readDocs(prev, warn)
	if err != nil {
		return err
	}
	if c.lock.onDisk, err = namesOnDisk(c.out); err != nil {
		return err
	}
	f, err := buildSpec(d.docs, prev, c.options, warn)
	if err != nil {
		return err
	}
	if len(f.Errors) == 0 {
		return codesOnly(d.docs.path, f)
	}
	imp, err := importPath(c.out)
	if err != nil {
		return err
	}
	command := c.regenCommand(f)
	o, err := generate(f, pkgSpec{name: c.pkg, importPath: imp, command: command})
	if err != nil {
		return err
	}
	o.extra, o.docs = d.snapshot, d.docs.path
	if c.check {
		paths, err := stale(o, c.spec, c.out)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Fprintln(stderr, "gen: "+staleMessage(p, command))
		}
		if len(paths) > 0 {
			return errStale
		}
		return nil
	}
	if err := checkTargets(o, c.spec, c.out); err != nil {
		return err
	}
	breaks, err := apiBreaks(o, c.out)
	if err != nil {
		return err
	}
	if len(breaks) > 0 && !c.allowBreaking {
		for _, b := range breaks {
			fmt.Fprintf(stderr, "gen: %s\n", b)
		}
		return fmt.Errorf("the exported API of %s would break (%d changes above); nothing was written. Keep names with the spec (see -rename), or pass -allow-breaking and release the change as breaking", c.out, len(breaks))
	}
	report := diffSpecs(filepath.ToSlash(c.spec), prev, f)
	report.api = breaks
	if c.report != "" {
		o.extra, o.report = append(o.extra, target{c.report, report.markdown()}), c.report
	}
	if err := write(o, c.spec, c.out); err != nil {
		return err
	}
	fmt.Fprintln(stderr, report.summary())
	return nil
}

// errStale is the error of -check when files are out of date; the files
// are named already.
var errStale = errors.New("generated files are out of date")

// readPrevSpec reads and validates the spec on disk before this run, or
// returns nil when there is none.
func readPrevSpec(path string) (*spec.File, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	prev, err := spec.Read(path)
	if err == nil {
		err = prev.Validate()
	}
	if err != nil {
		return nil, fmt.Errorf("%w; fix the spec on disk, or delete it to start afresh (gen keeps the names and decisions in it, so it must be valid)", err)
	}
	return prev, nil
}
