package spec

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// SchemaFile is the name of the JSON Schema that describes spec files; it
// sits beside the spec and the spec's "$schema" names it.
const SchemaFile = "errors.schema.json"

// MaxSize bounds a spec file: a spec of thousands of codes is a few MiB.
const MaxSize = 32 << 20

// Read reads and parses the spec file at path, which must be a regular
// file of at most MaxSize bytes. It does not validate it.
func Read(path string) (*File, error) {
	// Stat before opening: opening a FIFO would block.
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read spec %s: not a regular file; point -spec at a JSON file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s:1: the spec is larger than %d bytes; point -spec at the spec gen wrote", path, MaxSize)
	}
	return Parse(path, data)
}

// fileWire is the spec file as it is read. Besides File's own fields it
// accepts the fields that specs written by earlier versions of the
// generator hold and this one no longer writes, so that those specs still
// read: the docs' "sha256" and each entry's docs "line", both of which
// changed with every unrelated edit of the page.
type fileWire struct {
	File
	Source struct {
		Source
		LegacySHA256 json.RawMessage `json:"sha256"`
	} `json:"source"`
	Errors []struct {
		Entry
		LegacyLine json.RawMessage `json:"line"`
	} `json:"errors"`
}

// Parse parses spec data read from path (used in messages). It is strict,
// so that what reviewers read is what the generator uses, whichever JSON
// reader they use: every key must be exactly the JSON name of a spec field
// (case-sensitive; the legacy keys of fileWire are read and dropped) and
// appear once in its object; the file is one UTF-8 JSON object without a
// byte-order mark; every value has its field's type (so nothing nests
// deeper than the spec's four levels) and is not null; codes are whole
// numbers in digits that fit an int; and there are at most MaxEntries
// entries of at most MaxTips tips and MaxAliases aliases. Errors name the
// line of the problem and say what to do. Parse does not validate the
// values; see Validate.
func Parse(path string, data []byte) (*File, error) {
	lines, err := walk(path, data)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w fileWire
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, lineAt(data, errorOffset(err, dec)), err)
	}
	f := w.File
	f.Source = w.Source.Source
	f.Errors = make([]Entry, len(w.Errors))
	for i := range w.Errors {
		e := w.Errors[i].Entry
		// "aliases": [] and a missing key mean the same, and marshal the same.
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		if len(e.Tips) == 0 {
			e.Tips = nil
		}
		f.Errors[i] = e
	}
	for i := range f.Codes {
		if len(f.Codes[i].Aliases) == 0 {
			f.Codes[i].Aliases = nil
		}
	}
	if len(f.Codes) == 0 {
		f.Codes = nil
	}
	if len(lines.codes) != len(f.Codes) {
		lines.codes = nil
	}
	if len(lines.entries) != len(f.Errors) {
		// Decoding succeeded, so the walk saw the same entries; be safe anyway.
		lines.entries = nil
	}
	f.path, f.lines = path, lines
	return &f, nil
}

// errorOffset returns the input offset a decoding error is about.
func errorOffset(err error, dec *json.Decoder) int64 {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return syn.Offset
	case errors.As(err, &typ):
		return typ.Offset
	}
	return dec.InputOffset()
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Marshal returns the spec as it is written to disk: entries sorted by code,
// two-space indentation, HTML characters left as they are, and a trailing
// newline. The same File always gives the same bytes.
func (f *File) Marshal() ([]byte, error) {
	if f == nil {
		return nil, errors.New("encode spec: no spec")
	}
	out := *f
	out.Errors = slices.Clone(f.Errors)
	if out.Errors == nil {
		out.Errors = []Entry{} // null would not parse
	}
	slices.SortStableFunc(out.Errors, func(a, b Entry) int { return cmp.Compare(a.Code, b.Code) })
	out.Codes = slices.Clone(f.Codes)
	slices.SortStableFunc(out.Codes, func(a, b CodeEntry) int { return cmp.Compare(a.Code, b.Code) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return nil, fmt.Errorf("encode spec: %w", err)
	}
	return buf.Bytes(), nil
}
