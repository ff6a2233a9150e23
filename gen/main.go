// Command gen turns an API's error-code table, published as Markdown, into a
// reviewed JSON spec and a Go package of typed errors.
//
//	docs page (Markdown) --> spec (JSON, reviewed in PRs) --> Go package
//
// Run from the module root with no flags, it reads the committed docs
// snapshot spec/musicgpt-error-codes.txt, writes spec/errors.json and
// regenerates package errcodes in errcodes/:
//
//	go run ./gen
//
// Flags:
//
//	-docs PATH    the Markdown docs page to read (default spec/musicgpt-error-codes.txt)
//	-spec PATH    the spec file to write (default spec/errors.json)
//	-out DIR      the package directory to write (default errcodes)
//	-pkg NAME     the package name (default: the last element of -out)
//	-prefix WORD  the word error messages start with (default: the spec's, else
//	              the first word of the docs file's name)
//	-table TEXT   read the table under the heading containing TEXT
//	-code-col H   the column headed H holds the codes
//	-desc-col H   the column headed H holds the descriptions
//	-remedy-col H the column headed H holds the remedies
//	-check        write nothing; exit 1 naming every file that is out of date
//
// Without -table and the column flags, gen reads the first table whose code
// column holds HTTP statuses, finding its columns by their header words
// (see columns.go and the README).
//
// The spec keeps what a maintainer decided by hand: an entry whose
// "retryable_from" is "override" keeps its "retryable" value when the spec is
// rebuilt from the docs.
//
// Nothing is written unless everything succeeds: the spec and all package
// files are generated in memory and then moved into place together.
//
// Exit status: 0 on success, 1 for bad input or stale files with -check, 2
// for bad usage. Every input error names the file and line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
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

// config is what the flags ask for.
type config struct {
	docs, spec, out, pkg string
	check                bool
	options
}

// run is the command, apart from the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	var c config
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.docs, "docs", filepath.Join("spec", "musicgpt-error-codes.txt"), "the Markdown docs `page` to read")
	fs.StringVar(&c.spec, "spec", filepath.Join("spec", "errors.json"), "the spec `file` to write")
	fs.StringVar(&c.out, "out", "errcodes", "the package `directory` to write")
	fs.StringVar(&c.pkg, "pkg", "", "the package `name` (default: the last element of -out)")
	fs.StringVar(&c.prefix, "prefix", "", "the `word` error messages start with (default: the spec's, else the docs file's first word)")
	fs.StringVar(&c.table, "table", "", "read the table under the heading containing `text`")
	fs.StringVar(&c.codeCol, "code-col", "", "the `header` of the column holding the codes")
	fs.StringVar(&c.descCol, "desc-col", "", "the `header` of the column holding the descriptions")
	fs.StringVar(&c.remedyCol, "remedy-col", "", "the `header` of the column holding the remedies")
	fs.BoolVar(&c.check, "check", false, "write nothing; exit 1 naming each file that is out of date")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-docs page.md] [-spec errors.json] [-out dir] [-pkg name] [-prefix word]\n           [-table heading] [-code-col header] [-desc-col header] [-remedy-col header] [-check]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q; all input is named by flags\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	if c.pkg == "" {
		c.pkg = filepath.Base(filepath.Clean(c.out))
	}
	if !token.IsIdentifier(c.pkg) {
		fmt.Fprintf(stderr, "gen: package name %q is not a Go identifier; set -pkg\n", c.pkg)
		return exitUsage
	}
	if c.prefix != "" && !spec.ValidPrefix(c.prefix) {
		fmt.Fprintf(stderr, "gen: -prefix %q is not a lower-case word (a-z, then a-z 0-9 . _ -)\n", c.prefix)
		return exitUsage
	}

	warn := func(msg string) { fmt.Fprintln(stderr, "gen: warning:", msg) }
	o, err := produce(c, warn)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitInput
	}
	if c.check {
		paths, err := stale(o, c.spec, c.out)
		if err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return exitInput
		}
		for _, p := range paths {
			fmt.Fprintf(stderr, "gen: %s is out of date; run go run ./gen\n", p)
		}
		if len(paths) > 0 {
			return exitInput
		}
		return exitOK
	}
	if err := write(o, c.spec, c.out); err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitInput
	}
	return exitOK
}

// produce reads the docs and the spec on disk and renders every output in
// memory.
func produce(c config, warn func(string)) (*output, error) {
	src, err := os.ReadFile(c.docs)
	if err != nil {
		return nil, fmt.Errorf("read docs: %w", err)
	}
	var prev *spec.File
	if _, err := os.Stat(c.spec); err == nil {
		if prev, err = spec.Read(c.spec); err == nil {
			err = prev.Validate()
		}
		if err != nil {
			return nil, fmt.Errorf("%w; fix the spec on disk or delete it (gen keeps the decisions in it, so it must be valid)", err)
		}
	}
	source, err := relSlash(filepath.Dir(c.spec), c.docs)
	if err != nil {
		return nil, err
	}
	f, err := buildSpec(docs{path: c.docs, src: src, source: source}, prev, c.options, warn)
	if err != nil {
		return nil, err
	}
	return generate(f, c.pkg)
}

// relSlash returns target relative to dir, slash-separated.
func relSlash(dir, target string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absTarget, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return filepath.ToSlash(absTarget), nil
	}
	return filepath.ToSlash(rel), nil
}
