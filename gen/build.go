package main

import (
	"bytes"
	"fmt"
	"path"
	"slices"
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
	// fetched records, for a page fetched over HTTP, its URL and cache
	// validators; its Path is unused.
	fetched spec.Source
}

// options are the user's choices that shape the spec.
type options struct {
	prefix string // the error-message prefix; "" keeps the spec's
	table  string // pick the table under this heading
	// Header texts naming the columns, overriding the header words.
	codeCol, descCol, remedyCol string
	lock                        lockOptions
}

// buildSpec reads the error table of d into a validated spec. prev is the
// spec on disk before this run, or nil: it is the lock file (see lock.go),
// whose names, aliases, retry overrides, prefix and removed codes carry
// over. Problems that do not stop the build go to warn, each naming its
// line.
func buildSpec(d docs, prev *spec.File, opts options, warn func(string)) (*spec.File, error) {
	src, err := checkDocs(d)
	if err != nil {
		return nil, err
	}
	if lines, runes := hiddenLines(src); len(lines) > 0 {
		warn(fmt.Sprintf("%s:%s: the text holds characters a reader cannot see (%s); gen removes them, but check the page for hidden text", d.path, joinInts(lines, ","), strings.Join(runes, ", ")))
	}
	if lines := mojibakeLines(src); len(lines) > 0 {
		warn(fmt.Sprintf("%s:%s: text looks mis-decoded (UTF-8 read with another code page); the table is unaffected, but re-save the page as UTF-8", d.path, joinInts(lines, ",")))
	}
	p := parsePage(src)
	t, cols, err := chooseTable(d.path, p, opts, warn)
	if err != nil {
		return nil, err
	}
	entries, problems := readRows(d.path, t, cols, warn)
	checkDuplicates(d.path, entries, &problems)
	if err := problems.err(); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s:%d: the error table lists no error code from 400 to 599; check that -docs is the error page, or pick the table with -table", d.path, t.line)
	}
	entries, err = lock(d.path, prev, entries, opts.lock, warn)
	if err != nil {
		return nil, err
	}
	source := d.fetched
	source.Path = d.source
	f := &spec.File{
		Schema: spec.SchemaFile,
		Prefix: choosePrefix(opts.prefix, prev, d.path),
		Source: source,
		Errors: entries,
	}
	attachTips(f, d.path, p.passages, warn)
	f.SetDocsPath(d.path)
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f, nil
}

// checkDocs refuses input that is no docs page and returns the text to parse.
func checkDocs(d docs) ([]byte, error) {
	src := d.src
	switch {
	case len(src) > maxDocsSize:
		return nil, fmt.Errorf("%s:1: the file is %d bytes, more than the %d a docs page can be; check -docs", d.path, len(src), maxDocsSize)
	case len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\uFEFF")))) == 0:
		return nil, fmt.Errorf("%s:1: the file is empty; point -docs at the page with the error table", d.path)
	case bytes.IndexByte(src, 0) >= 0:
		return nil, fmt.Errorf("%s:%d: the file holds a NUL byte, so it is not a text page; point -docs at the Markdown of the docs", d.path, bytes.Count(src[:bytes.IndexByte(src, 0)], []byte("\n"))+1)
	case !utf8.Valid(src):
		return nil, fmt.Errorf("%s:%d: the file is not valid UTF-8; save the page as UTF-8", d.path, invalidUTF8Line(src))
	}
	src = crToLF(bytes.TrimPrefix(src, []byte("\uFEFF")))
	if err := checkShape(d.path, src); err != nil {
		return nil, err
	}
	return src, nil
}

// crToLF turns the lone CRs of old Mac line endings into LFs, byte for
// byte, so that offsets and line numbers stay right; CRLF stays as it is.
func crToLF(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := bytes.Clone(src)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// readRows turns the rows of the error table into spec entries, in order,
// and records every row it cannot read in the returned faults.
func readRows(docsPath string, t *table, cols roles, warn func(string)) ([]spec.Entry, faults) {
	var entries []spec.Entry
	var problems faults
	var skipped []string
	for _, r := range t.rows {
		at := fmt.Sprintf("%s:%d", docsPath, r.line)
		if filledCells(r.cells) == 0 {
			continue
		}
		if width := len(t.header); r.rawCells < width {
			warn(fmt.Sprintf("%s: the row has %d cells and the header %d; the missing cells are read as empty", at, r.rawCells, width))
		} else if r.rawCells > width {
			warn(fmt.Sprintf("%s: the row has %d cells and the header %d; GFM drops the cells beyond the header's, so they are not read", at, r.rawCells, width))
		}
		codeText := cell(r, cols.code)
		c := parseCodeCell(codeText)
		switch c.kind {
		case notACode:
			problems.add(r.line, fmt.Errorf("%s: code %q is not an HTTP status (a number from 100 to 599); fix the row, or name the code column with -code-col", at, codeText))
			continue
		case outOfRange:
			problems.add(r.line, fmt.Errorf("%s: code %s is outside 100-599, so it is no HTTP status; fix the row", at, c.number))
			continue
		case statusClass:
			warn(fmt.Sprintf("%s: %q is a class of statuses, not one code; skipped", at, codeText))
			continue
		}
		var codes []int
		for _, code := range c.codes {
			if code < 400 {
				skipped = append(skipped, strconv.Itoa(code))
			} else {
				codes = append(codes, code)
			}
		}
		if len(codes) == 0 {
			continue
		}
		desc, remedy := rowTexts(r, c, cols)
		if len(desc) > spec.MaxDescriptionLen {
			problems.add(r.line, fmt.Errorf("%s: the description of %s is %d bytes, more than the %d of a description; name the description column with -desc-col, or shorten the cell", at, codeText, len(desc), spec.MaxDescriptionLen))
			continue
		}
		if len(remedy) > spec.MaxRemedyLen {
			problems.add(r.line, fmt.Errorf("%s: the remedy of %s is %d bytes, more than the %d of a remedy; name the remedy column with -remedy-col, or shorten the cell", at, codeText, len(remedy), spec.MaxRemedyLen))
			continue
		}
		if remedy == "" {
			warn(fmt.Sprintf("%s: no remedy for %s; the entry's remedy is empty", at, codeText))
		}
		retryable, fromDocs := rowRetry(r, cols, at, warn)
		for _, code := range codes {
			e := spec.Entry{Code: code, Description: desc, Remedy: remedy, Line: r.line,
				Retryable: spec.DefaultRetryable(code), RetryableFrom: spec.FromRule}
			if fromDocs {
				e.Retryable, e.RetryableFrom = retryable, spec.FromDocs
			}
			entries = append(entries, e)
		}
	}
	if len(skipped) > 0 {
		if len(skipped) > 10 {
			skipped = append(skipped[:10], fmt.Sprintf("and %d more", len(skipped)-10))
		}
		warn(fmt.Sprintf("%s:%d: statuses %s are not errors; skipped", docsPath, t.line, strings.Join(skipped, ", ")))
	}
	return entries, problems
}

// rowTexts returns a row's description and remedy. A code cell that names
// its code ("404 Not Found") gives the description when the table has no
// better one, and the text column becomes the remedy; without a remedy
// column, a Slate-style "Name -- remedy" cell is split.
func rowTexts(r row, c codeCell, cols roles) (desc, remedy string) {
	desc, remedy = cell(r, cols.desc), cell(r, cols.remedy)
	if c.name != "" && (cols.desc < 0 || desc == "" || cols.remedy < 0) {
		if remedy == "" {
			remedy = desc
		}
		desc = c.name
	}
	if cols.remedy < 0 && remedy == "" {
		desc, remedy = splitNameRemedy(desc)
	}
	return desc, remedy
}

// rowRetry reads a row's "Retry?" cell; ok is false when the table has none
// or the cell says neither yes nor no (which is reported).
func rowRetry(r row, cols roles, at string, warn func(string)) (retryable, ok bool) {
	if cols.retry < 0 {
		return false, false
	}
	v, ok := parseYesNo(cell(r, cols.retry))
	if !ok {
		warn(fmt.Sprintf("%s: retry cell %q is neither yes nor no; the default rule decides", at, cell(r, cols.retry)))
	}
	return v, ok
}

// checkDuplicates records each code documented on two rows, naming both.
func checkDuplicates(docsPath string, entries []spec.Entry, problems *faults) {
	first := map[int]int{} // code -> line
	for _, e := range entries {
		if line, dup := first[e.Code]; dup {
			problems.add(e.Line, fmt.Errorf("%s:%d: code %d is documented twice (first at %s:%d); remove or fix one of the rows", docsPath, e.Line, e.Code, docsPath, line))
			continue
		}
		first[e.Code] = e.Line
	}
}

// nameRemedySeps split a "Name -- remedy" cell, Slate's style, in order of
// preference.
var nameRemedySeps = []string{" -- ", " — ", " – ", " - "}

// splitNameRemedy splits "Bad Request -- Your request is invalid." into a
// name and a remedy; text without a separator is all name.
func splitNameRemedy(s string) (name, remedy string) {
	for _, sep := range nameRemedySeps {
		if before, after, ok := strings.Cut(s, sep); ok && before != "" && after != "" {
			return strings.TrimSpace(before), strings.TrimSpace(after)
		}
	}
	return s, ""
}

// parseYesNo reads a "Retry?" cell.
func parseYesNo(s string) (value, ok bool) {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(s), ".!")) {
	case "yes", "y", "true", "retryable", "retry", "✓", "✔", "✅", "✔️":
		return true, true
	case "no", "n", "false", "never", "✗", "✘", "❌", "-", "—":
		return false, true
	}
	return false, false
}

// cell returns column i of r, or "" when the table has no such column.
func cell(r row, i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
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
	if !spec.ValidPrefix(base) {
		return "api"
	}
	return base
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

// hiddenLines returns the lines of src that hold characters a reader cannot
// see (spec.HiddenRune: bidi controls, zero-width and tag characters,
// invisible fillers), and those characters, at most five, as U+XXXX.
func hiddenLines(src []byte) (lines []int, runes []string) {
	line := 1
	for _, r := range string(src) {
		if r == '\n' {
			line++
			continue
		}
		if r == '\uFFFD' || !spec.HiddenRune(r) {
			continue // invalid UTF-8 is refused before; U+FFFD is mojibake's
		}
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
		if u := fmt.Sprintf("%U", r); len(runes) < 5 && !slices.Contains(runes, u) {
			runes = append(runes, u)
		}
	}
	return lines, runes
}
