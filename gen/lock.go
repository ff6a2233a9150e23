package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

// The spec is a lock file. An entry's identity is its code: when the spec is
// rebuilt from the docs, what the docs say (description, remedy, tips, a
// retry column) follows the docs, while what a maintainer decided (the Go
// name, earlier names kept as aliases, a retry override) stays as the spec
// has it. A reworded description therefore never renames a constant, a
// code the docs drop stays (deprecated) until -prune, and renaming is a
// deliberate act: an edit of the name in the spec, or -rename.

// lockOptions are the deliberate acts a run may take on the lock file.
type lockOptions struct {
	renames []renaming // -rename Old=New, in the order given
	// prune drops every deprecated identifier: the codes the docs no
	// longer list and the aliases (earlier names).
	prune bool
	// onDisk maps each code to the names the package on disk declares for
	// it (constants and their aliases). A name there that the spec no
	// longer gives the code (a maintainer renamed it by editing the spec,
	// or the spec was deleted) is kept as an alias, so importers keep
	// compiling.
	onDisk map[int][]string
}

// renaming is one -rename Old=New.
type renaming struct{ from, to string }

// parseRenaming reads a -rename value.
func parseRenaming(s string) (renaming, error) {
	from, to, ok := strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	switch {
	case !ok || from == "" || to == "":
		return renaming{}, fmt.Errorf("-rename %q is not OldName=NewName", s)
	case !spec.ValidName(to):
		return renaming{}, fmt.Errorf("-rename %q: %q is not an exported ASCII Go identifier of at most %d bytes free for a code", s, to, spec.MaxNameLen)
	case from == to:
		return renaming{}, fmt.Errorf("-rename %q renames a name to itself", s)
	}
	return renaming{from, to}, nil
}

// lock merges the entries read from the docs (fresh, named from their
// descriptions only when new) with the spec on disk before this run (prev,
// or nil), and returns the entries of the new spec sorted by code.
func lock(docsPath string, prev *spec.File, fresh []reader.Entry, opts lockOptions, warn func(string)) ([]spec.Entry, error) {
	old := map[int]spec.Entry{}
	if prev != nil {
		for _, e := range prev.Errors {
			old[e.Code] = e
		}
	}
	listed := map[int]bool{}
	titles := map[int]reader.Entry{}
	var out, unnamed []spec.Entry
	for _, r := range fresh {
		e := r.Entry
		listed[e.Code], titles[e.Code] = true, r
		p, known := old[e.Code]
		if !known {
			unnamed = append(unnamed, e)
			continue
		}
		e.Name, e.Aliases = p.Name, slices.Clone(p.Aliases)
		if p.RetryableFrom == spec.FromOverride {
			e.Retryable, e.RetryableFrom = p.Retryable, spec.FromOverride
		}
		out = append(out, e)
	}
	if prev != nil {
		for _, p := range prev.Errors {
			if listed[p.Code] || opts.prune {
				continue
			}
			p.Removed, p.Line = true, 0
			p.Aliases, p.Tips = slices.Clone(p.Aliases), slices.Clone(p.Tips)
			out = append(out, p)
		}
	}
	taken := map[string]bool{}
	for _, e := range out {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			taken[n], taken["Err"+n] = true, true
		}
	}
	if err := assignNames(docsPath, unnamed, titles, taken, warn); err != nil {
		return nil, err
	}
	out = append(out, unnamed...)
	slices.SortFunc(out, func(a, b spec.Entry) int { return cmp.Compare(a.Code, b.Code) })
	if opts.prune {
		for i := range out {
			out[i].Aliases = nil
		}
	} else {
		keepDiskNames(out, opts.onDisk)
	}
	if err := applyRenames(out, opts.renames); err != nil {
		return nil, err
	}
	return out, nil
}

// keepDiskNames adds to each entry, as aliases, the names the package on
// disk declares for its code that the entry no longer has.
func keepDiskNames(entries []spec.Entry, onDisk map[int][]string) {
	for i := range entries {
		e := &entries[i]
		for _, n := range onDisk[e.Code] {
			if n != e.Name && !slices.Contains(e.Aliases, n) && spec.ValidName(n) {
				e.Aliases = append(e.Aliases, n)
			}
		}
	}
}

// applyRenames carries out -rename: the entry named from takes the name to,
// and from becomes an alias. Renaming back to an alias swaps the two.
func applyRenames(entries []spec.Entry, renames []renaming) error {
	for _, r := range renames {
		done := slices.IndexFunc(entries, func(e spec.Entry) bool { return e.Name == r.to && slices.Contains(e.Aliases, r.from) })
		if done >= 0 {
			continue // an earlier run did it; -rename may stay in a go:generate line
		}
		i := slices.IndexFunc(entries, func(e spec.Entry) bool { return e.Name == r.from })
		if i < 0 {
			return fmt.Errorf("-rename %s=%s: no code is named %s; the names are %s", r.from, r.to, r.from, namesOf(entries))
		}
		e := &entries[i]
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == r.to })
		e.Aliases = append(e.Aliases, r.from)
		e.Name = r.to
	}
	return nil
}

// namesOf lists the entries' names for a message.
func namesOf(entries []spec.Entry) string {
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name
	}
	return strings.Join(names, ", ")
}
