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
	"strings"
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

// Parse parses spec data read from path (used in messages). Unknown fields
// are errors, so a misspelt key is never silently ignored. Errors name the
// line of the problem.
func Parse(path string, data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w fileWire
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, lineAt(data, errorOffset(data, err, dec)), err)
	}
	f := w.File
	f.Source = w.Source.Source
	f.Errors = nil
	if w.Errors != nil {
		f.Errors = make([]Entry, len(w.Errors))
		for i := range w.Errors {
			f.Errors[i] = w.Errors[i].Entry
		}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s:%d: unexpected data after the spec object", path, lineAt(data, dec.InputOffset()))
	}
	lines, err := entryLines(data)
	if err != nil || len(lines) != len(f.Errors) {
		// Decode succeeded, so the token walk cannot fail; be safe anyway.
		lines = nil
	}
	f.path, f.lines = path, lines
	return &f, nil
}

// errorOffset returns the input offset a decoding error is about.
func errorOffset(data []byte, err error, dec *json.Decoder) int64 {
	// encoding/json reports an unknown field without its offset, after
	// reading the whole object: find the key before that point.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if i := bytes.LastIndex(data[:min(dec.InputOffset(), int64(len(data)))], []byte(name)); i >= 0 {
			return int64(i)
		}
	}
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

// entryLines walks the JSON tokens to find the line each element of the
// top-level "errors" array starts on.
func entryLines(data []byte) ([]int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	var lines []int
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if key != "errors" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
			continue
		}
		if _, err := dec.Token(); err != nil { // [ (or null)
			return nil, err
		}
		for dec.More() {
			start := dec.InputOffset()
			if i := bytes.IndexByte(data[start:], '{'); i >= 0 {
				start += int64(i)
			}
			lines = append(lines, lineAt(data, start))
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, err
		}
	}
	return lines, nil
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
	slices.SortStableFunc(out.Errors, func(a, b Entry) int { return cmp.Compare(a.Code, b.Code) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return nil, fmt.Errorf("encode spec: %w", err)
	}
	return buf.Bytes(), nil
}
