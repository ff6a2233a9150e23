package main

import (
	"fmt"
	"io"

	"github.com/errtable/errtable/gen/reader"
)

// explain is -explain: it reads the docs page as a run would and prints,
// to stdout, the tables found, each column's role and why, how the
// catalogue was assembled, the entries that would be written and their Go
// names. It writes no file, so it is safe to run on any page before
// adopting gen.
func (c *config) explain(stdout io.Writer, warn func(string)) error {
	prev, err := readPrevSpec(c.spec)
	if err != nil {
		return err
	}
	// Any page may be explained, not only the one the spec records (that
	// check guards writing); a spec of another page lends it no names.
	probe := *c
	probe.newSource = true
	d, err := probe.readDocs(prev, warn)
	if err != nil {
		return err
	}
	if prev != nil && d.docs.source != prev.Source.Path {
		prev = nil
	}
	// The page is read once; the report covers the tables even when the
	// reading fails, and the spec is built from the catalogue as a run
	// builds it, warnings and all.
	cat, readErr := reader.Read(d.docs.path, d.docs.src, c.Options, warn)
	if cat != nil {
		if err := cat.Explain(stdout, d.docs.path); err != nil {
			return err
		}
	}
	if readErr != nil {
		return readErr
	}
	f, err := specOf(d.docs, cat, prev, c.options, warn)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "\nGo names\n"); err != nil {
		return err
	}
	for _, e := range f.Errors {
		state := ""
		if e.Removed {
			state = " (no longer in the docs: deprecated)"
		}
		if _, err := fmt.Fprintf(stdout, "  %d %s%s\n", e.Code, e.Name, state); err != nil {
			return err
		}
	}
	for _, e := range f.Codes {
		state := ""
		if e.Removed {
			state = " (no longer in the docs: deprecated)"
		}
		if _, err := fmt.Fprintf(stdout, "  %q %s%s\n", e.Code, e.Name, state); err != nil {
			return err
		}
	}
	return nil
}
