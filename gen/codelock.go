package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

// lockCodes does for the string codes what lock does for the statuses: a
// code's identity is its string, exactly as the API sends it. What the docs
// say (status, texts, a retry column or remedy) follows the docs; the Go
// name, earlier names kept as aliases and a retry override stay as prev has
// them; a code the docs no longer list stays, removed, until -prune. New
// codes are named by spec.NameForCode, unique across the statuses (entries,
// already locked) and the other codes; a clash the docs cause never stops
// the build, it gives the later code a suffixed name and a warning.
// renames are the -rename acts whose old name is a code's.
func lockCodes(docsPath string, prev *spec.File, fresh []reader.CodeEntry, entries []spec.Entry, prune bool, renames []renaming, warn func(string)) ([]spec.CodeEntry, error) {
	old := map[string]spec.CodeEntry{}
	if prev != nil {
		for _, c := range prev.Codes {
			old[c.Code] = c
		}
	}
	listed := map[string]bool{}
	var out, unnamed []spec.CodeEntry
	for _, r := range fresh {
		c := r.CodeEntry
		listed[c.Code] = true
		p, known := old[c.Code]
		if !known {
			unnamed = append(unnamed, c)
			continue
		}
		c.Name, c.Aliases = p.Name, slices.Clone(p.Aliases)
		if p.RetryableFrom == spec.FromOverride {
			c.Retryable, c.RetryableFrom = p.Retryable, spec.FromOverride
		}
		out = append(out, c)
	}
	if prev != nil {
		for _, p := range prev.Codes {
			if listed[p.Code] || prune {
				continue
			}
			p.Removed, p.Line = true, 0
			p.Aliases = slices.Clone(p.Aliases)
			out = append(out, p)
		}
	}
	taken := map[string]bool{}
	declare := func(names ...string) {
		for _, n := range names {
			taken[n], taken["Err"+n] = true, true
		}
	}
	for _, e := range entries {
		declare(append([]string{e.Name}, e.Aliases...)...)
	}
	for _, c := range out {
		declare(append([]string{c.Name}, c.Aliases...)...)
	}
	for i := range unnamed {
		c := &unnamed[i]
		name, why := codeName(c, taken)
		if why != "" {
			warn(fmt.Sprintf("%s:%d: code %s %s; naming it %s", docsPath, c.Line, c.Code, why, name))
		}
		c.Name = name
		declare(name)
	}
	out = append(out, unnamed...)
	slices.SortFunc(out, func(a, b spec.CodeEntry) int { return cmp.Compare(a.Code, b.Code) })
	if prune {
		for i := range out {
			out[i].Aliases = nil
		}
	}
	return out, applyCodeRenames(out, renames)
}

// maxNameTries bounds the numbered names tried for one code.
const maxNameTries = 100

// codeName returns a Go name for a new code that no name in taken
// declares, and, when it is not NameForCode's, why: its name is taken (by
// a status or an earlier code of the page) or is no valid name (reserved,
// too long). The names tried, in order: NameForCode's, it with "Code", it
// with the status ("Status429"), it with "Code2", "Code3" ... Deterministic:
// codes are named in page order, and the first keeps the plain name.
func codeName(c *spec.CodeEntry, taken map[string]bool) (name, why string) {
	base, ok := spec.NameForCode(c.Code)
	switch {
	case base == "":
		base, why = "Code", "gives no Go name"
	case !ok && len(base) > spec.MaxNameLen-len("Status599"):
		base, why = base[:spec.MaxNameLen-len("Status599")], fmt.Sprintf("gives a Go name longer than %d bytes", spec.MaxNameLen)
	case !ok:
		why = fmt.Sprintf("gives the Go name %s, which the generated package declares itself", base)
	}
	free := func(n string) bool { return spec.ValidName(n) && !taken[n] && !taken["Err"+n] }
	if why == "" && free(base) {
		return base, ""
	}
	if why == "" {
		why = fmt.Sprintf("gives the Go name %s, which a status or another code of the spec already declares", base)
	}
	tries := []string{base + "Code"}
	if c.Status != 0 {
		tries = append(tries, base+"Status"+strconv.Itoa(c.Status))
	}
	for _, n := range tries {
		if free(n) {
			return n, why
		}
	}
	for k := 2; k < maxNameTries; k++ {
		if n := base + "Code" + strconv.Itoa(k); free(n) {
			return n, why
		}
	}
	// Unreachable for a spec within its bounds; a valid fallback anyway.
	return base + "Code" + strconv.Itoa(len(taken)), why
}

// applyCodeRenames carries out -rename for codes: the code named from takes
// the name to, and from becomes an alias. Renaming back to an alias swaps
// the two.
func applyCodeRenames(codes []spec.CodeEntry, renames []renaming) error {
	for _, r := range renames {
		if slices.ContainsFunc(codes, func(c spec.CodeEntry) bool { return c.Name == r.to && slices.Contains(c.Aliases, r.from) }) {
			continue // an earlier run did it
		}
		i := slices.IndexFunc(codes, func(c spec.CodeEntry) bool { return c.Name == r.from })
		if i < 0 {
			return fmt.Errorf("-rename %s=%s: no code is named %s", r.from, r.to, r.from)
		}
		c := &codes[i]
		c.Aliases = slices.DeleteFunc(c.Aliases, func(a string) bool { return a == r.to })
		c.Aliases = append(c.Aliases, r.from)
		c.Name = r.to
	}
	return nil
}

// codeRenames splits the -rename acts into those for statuses and those
// for codes: a rename is a code's when its old name (or, done already, its
// new name) is a name a code of prev has or a new code gets first.
func codeRenames(renames []renaming, prev *spec.File, fresh []reader.CodeEntry) (statuses, codes []renaming) {
	names := map[string]bool{}
	if prev != nil {
		for _, c := range prev.Codes {
			names[c.Name] = true
		}
	}
	for _, c := range fresh {
		if n, ok := spec.NameForCode(c.Code); ok {
			names[n] = true
		}
	}
	for _, r := range renames {
		if names[r.from] || names[r.to] {
			codes = append(codes, r)
		} else {
			statuses = append(statuses, r)
		}
	}
	return statuses, codes
}

// codesOnly is the error for a spec of string codes without any HTTP
// status (a code table with no Status column under no status heading): the
// generated package is built on the statuses, and Go for string codes comes
// later. It names the first code's line.
func codesOnly(docsPath string, f *spec.File) error {
	line := 0
	for _, c := range f.Codes {
		if c.Line > 0 && (line == 0 || c.Line < line) {
			line = c.Line
		}
	}
	return fmt.Errorf("%s:%d: the page lists %d string codes but no HTTP status, and gen generates Go for HTTP statuses only so far; give the codes their statuses in the docs (a Status column, or a heading such as \"## 401 Unauthorized\" above their table)", docsPath, max(line, 1), len(f.Codes))
}
