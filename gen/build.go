package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

// maxDocsSize bounds the docs we read: an error page is a few KiB, and a
// larger file is a wrong path or a hostile input.
const maxDocsSize = 8 << 20

// docs is a docs page to build a spec from.
type docs struct {
	path   string // as the user named it, for messages
	src    []byte
	source string // the path recorded in the spec: relative to the spec's directory
}

// buildSpec reads the error table of d into a validated spec. prev is the
// spec on disk before this run, or nil: hand-made decisions in it (retry
// overrides, the prefix) carry over. prefix, when not empty, sets the prefix.
// Problems that do not stop the build go to warn.
func buildSpec(d docs, prev *spec.File, prefix string, warn func(string)) (*spec.File, error) {
	src := d.src
	switch {
	case len(src) > maxDocsSize:
		return nil, fmt.Errorf("%s: the file is %d bytes, more than the %d a docs page can be; check -docs", d.path, len(src), maxDocsSize)
	case len(bytes.TrimSpace(src)) == 0:
		return nil, fmt.Errorf("%s:1: the file is empty; point -docs at the page with the error table", d.path)
	case !utf8.Valid(src):
		return nil, fmt.Errorf("%s:%d: the file is not valid UTF-8; save the page as UTF-8", d.path, invalidUTF8Line(src))
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if lines := mojibakeLines(src); len(lines) > 0 {
		warn(fmt.Sprintf("%s:%s: text looks mis-decoded (UTF-8 read with another code page); the table is unaffected, but re-save the page as UTF-8", d.path, joinInts(lines, ",")))
	}

	p := parsePage(src)
	t, cols, err := errorTable(d.path, p)
	if err != nil {
		return nil, err
	}
	f := &spec.File{
		Schema: spec.SchemaFile,
		Prefix: choosePrefix(prefix, prev, d.path),
		Source: spec.Source{Path: d.source, SHA256: sha256Hex(d.src)},
	}
	for _, r := range t.rows {
		codeText := cell(r, cols[colCode])
		code, isCode := parseCode(codeText)
		if !r.delimited && !isCode {
			// A line of prose GFM appended to the table: the table ended
			// on the line before.
			break
		}
		if !isCode {
			return nil, fmt.Errorf("%s:%d: code %q is not an HTTP status (a number from 100 to 599); fix the row or drop it", d.path, r.line, codeText)
		}
		e := spec.Entry{
			Code:        code,
			Description: cell(r, cols[colDesc]),
			Remedy:      cell(r, cols[colRemedy]),
			Line:        r.line,
		}
		name, ok := spec.NameFor(e.Description)
		if !ok && spec.Reserved(name) {
			return nil, fmt.Errorf("%s:%d: description %q of code %d gives the Go name %s, which the generated package declares itself; reword the description", d.path, r.line, e.Description, code, name)
		}
		if !ok && e.Description != "" {
			return nil, fmt.Errorf("%s:%d: cannot make a Go name for code %d from %q; reword the description", d.path, r.line, code, e.Description)
		}
		e.Name = name
		e.Retryable, e.RetryableFrom = spec.DefaultRetryable(code), spec.FromRule
		if old, ok := lookup(prev, code); ok && old.RetryableFrom == spec.FromOverride {
			e.Retryable, e.RetryableFrom = old.Retryable, spec.FromOverride
		}
		f.Errors = append(f.Errors, e)
	}
	attachTips(f, p.passages)
	f.SetDocsPath(d.path)
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f, nil
}

// errorTable picks the page's error table: the first whose header has a
// code column and a description column.
func errorTable(docsPath string, p *page) (*table, [numColumns]int, error) {
	var seen []string
	for i := range p.tables {
		t := &p.tables[i]
		cols := columnsOf(t.header)
		if cols[colCode] >= 0 && cols[colDesc] >= 0 {
			return t, cols, nil
		}
		seen = append(seen, fmt.Sprintf("line %d: %s", t.line, strings.Join(t.header, " | ")))
	}
	if len(seen) == 0 {
		return nil, [numColumns]int{}, fmt.Errorf("%s:1: no table found; the error codes must be a Markdown table with a header row and a |---| delimiter row", docsPath)
	}
	return nil, [numColumns]int{}, fmt.Errorf("%s:%d: no table has a code column and a description column (tables seen: %s); rename the headers, e.g. | Code | Description | What to Do |", docsPath, p.tables[0].line, strings.Join(seen, "; "))
}

// cell returns column i of r, or "" when the table has no such column.
func cell(r row, i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// parseCode reads a cell holding an HTTP status.
func parseCode(s string) (int, bool) {
	if len(s) != 3 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}

func lookup(f *spec.File, code int) (*spec.Entry, bool) {
	if f == nil {
		return nil, false
	}
	return f.Lookup(code)
}

// choosePrefix picks the error-message prefix: the flag, else the one the
// spec already has, else the first word of the docs file's name.
func choosePrefix(flag string, prev *spec.File, docsPath string) string {
	if flag != "" {
		return flag
	}
	if prev != nil && prev.Prefix != "" {
		return prev.Prefix
	}
	base := strings.ToLower(path.Base(strings.ReplaceAll(docsPath, `\`, "/")))
	if i := strings.IndexAny(base, "-_. "); i > 0 {
		base = base[:i]
	}
	if base == "" {
		return "api"
	}
	return base
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// invalidUTF8Line returns the line of the first invalid UTF-8 sequence.
func invalidUTF8Line(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}

// joinInts joins numbers with sep.
func joinInts(ns []int, sep string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}
