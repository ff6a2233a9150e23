package main

import (
	"path"
	"strings"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

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
	reader.Options
	lock lockOptions
}

// buildSpec reads the error table of d into a validated spec. prev is the
// spec on disk before this run, or nil: it is the lock file (see lock.go),
// whose names, aliases, retry overrides, prefix and removed codes carry
// over. Problems that do not stop the build go to warn, each naming its
// line.
func buildSpec(d docs, prev *spec.File, opts options, warn func(string)) (*spec.File, error) {
	cat, err := reader.Read(d.path, d.src, opts.Options, warn)
	if err != nil {
		return nil, err
	}
	return specOf(d, cat, prev, opts, warn)
}

// specOf builds the validated spec of a catalogue read from d: see
// buildSpec.
func specOf(d docs, cat *reader.Catalogue, prev *spec.File, opts options, warn func(string)) (*spec.File, error) {
	lockOpts := opts.lock
	var renames []renaming
	lockOpts.renames, renames = codeRenames(opts.lock.renames, prev, cat.Codes)
	entries, err := lock(d.path, prev, cat.Entries, lockOpts, warn)
	if err != nil {
		return nil, err
	}
	codes, err := lockCodes(d.path, prev, cat.Codes, entries, opts.lock.prune, renames, warn)
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
		Codes:  codes,
		// The docs' example decides where the code is; a spec whose
		// maintainer set it keeps it while the docs show none.
		CodeField: cat.CodeField,
	}
	if f.CodeField == "" && prev != nil && len(codes) > 0 {
		f.CodeField = prev.CodeField
	}
	reader.AttachTips(f, d.path, cat.Passages, warn)
	f.SetDocsPath(d.path)
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f, nil
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
