package main

import (
	"io"

	"github.com/errtable/errtable/gen/reader"
)

// explain is -explain: it reads the docs page as a run would and prints,
// to stdout, the tables found, each column's role and why, how the
// catalogue was assembled and the entries that would be written. It writes
// no file, so it is safe to run on any page before adopting gen.
func (c *config) explain(stdout io.Writer, warn func(string)) error {
	prev, err := readPrevSpec(c.spec)
	if err != nil {
		return err
	}
	d, err := c.readDocs(prev, warn)
	if err != nil {
		return err
	}
	cat, err := reader.Read(d.docs.path, d.docs.src, c.Options, warn)
	if cat != nil {
		if werr := cat.Explain(stdout, d.docs.path); werr != nil {
			return werr
		}
	}
	return err
}
