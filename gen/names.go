package main

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

// assignNames gives every entry its Go name: the CamelCase of its title
// (the reader's reading of the description as a name), or, when the
// description reads as no name, when that is impossible or two entries would share a
// name, of its code's standard HTTP reason phrase ("Too Many Requests"),
// with a warning. Real pages do this: 422 and 429 both "Request throttled",
// or one "Server error" row for 500, 502, 503 and 504. The description
// stays as the docs wrote it. When the reason phrases still collide, the
// error names both lines. taken holds the identifiers that other codes of
// the spec already declare (their names, aliases and sentinels); a new name
// may not take one.
func assignNames(docsPath string, entries []spec.Entry, titles map[int]reader.Entry, taken map[string]bool, warn func(string)) error {
	fallback := func(i int, why string) error {
		e := &entries[i]
		name, ok := spec.NameFor(http.StatusText(e.Code))
		if !ok {
			return fmt.Errorf("%s:%d: %s, and code %d has no standard reason phrase to name it by; reword the description in the docs", docsPath, e.Line, why, e.Code)
		}
		if name != e.Name {
			warn(fmt.Sprintf("%s:%d: %s; naming code %d %s, from its HTTP reason phrase", docsPath, e.Line, why, e.Code, name))
		}
		e.Name = name
		return nil
	}
	// Descriptions that read as no name for one reason (a page in
	// Japanese, a table of sentences) are reported in one warning.
	untitled := map[string][]int{} // the reader's note -> entries
	var notes []string
	for i := range entries {
		e := &entries[i]
		title := e.Description
		if t, ok := titles[e.Code]; ok {
			if t.Title == "" && e.Description != "" {
				if len(untitled[t.TitleNote]) == 0 {
					notes = append(notes, t.TitleNote)
				}
				untitled[t.TitleNote] = append(untitled[t.TitleNote], i)
				continue
			}
			title = t.Title
		}
		name, ok := spec.NameFor(title)
		e.Name = name
		if ok || e.Description == "" {
			continue // an empty description is reported by Validate
		}
		why := fmt.Sprintf("description %q gives no Go name", e.Description)
		if len(name) > spec.MaxNameLen {
			why = fmt.Sprintf("description %.40q... gives a Go name longer than %d bytes", e.Description, spec.MaxNameLen)
		} else if spec.Reserved(name) {
			why = fmt.Sprintf("description %q gives the Go name %s, which the generated package declares itself", e.Description, name)
		}
		if err := fallback(i, why); err != nil {
			return err
		}
	}
	for _, note := range notes {
		group := untitled[note]
		if len(group) < 3 {
			for _, i := range group {
				if err := fallback(i, fmt.Sprintf("description %q gives no Go name: %s", entries[i].Description, note)); err != nil {
					return err
				}
			}
			continue
		}
		var lines, named []string
		for _, i := range group {
			e := &entries[i]
			name, ok := spec.NameFor(http.StatusText(e.Code))
			if !ok {
				return fmt.Errorf("%s:%d: description %q gives no Go name: %s, and code %d has no standard reason phrase to name it by; reword the description in the docs", docsPath, e.Line, e.Description, note, e.Code)
			}
			e.Name = name
			lines = append(lines, strconv.Itoa(e.Line))
			named = append(named, fmt.Sprintf("%d %s", e.Code, name))
		}
		warn(fmt.Sprintf("%s:%s: %d descriptions give no Go name: %s; naming their codes from the HTTP reason phrases (%s)", docsPath, strings.Join(lines, ","), len(group), note, strings.Join(named, ", ")))
	}
	for round := 0; round < 2; round++ {
		clashes := nameClashes(entries, taken)
		if len(clashes) == 0 {
			return nil
		}
		for _, c := range clashes {
			if round == 1 {
				if len(c) == 1 {
					e := entries[c[0]]
					return fmt.Errorf("%s:%d: code %d gets the Go name %s, even from its HTTP reason phrase, and another code of the spec already has it; reword the description in the docs, or rename the other code with -rename", docsPath, e.Line, e.Code, e.Name)
				}
				a, b := entries[c[0]], entries[c[1]]
				return fmt.Errorf("%s:%d: code %d and code %d (line %d) both get the Go name %s, even from their HTTP reason phrases; reword one description in the docs", docsPath, b.Line, b.Code, a.Code, a.Line, b.Name)
			}
			for _, i := range c {
				why := fmt.Sprintf("description %q gives the same Go name as another row's", entries[i].Description)
				if err := fallback(i, why); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// nameClashes returns the groups of entries (by index, in order) that
// declare the same identifier: a code constant X or its sentinel ErrX. An
// entry that declares an identifier in taken is a group of its own.
func nameClashes(entries []spec.Entry, taken map[string]bool) [][]int {
	byIdent := map[string][]int{}
	for i, e := range entries {
		if e.Name == "" {
			continue
		}
		for _, id := range []string{e.Name, "Err" + e.Name} {
			byIdent[id] = append(byIdent[id], i)
		}
	}
	var out [][]int
	for id, group := range byIdent {
		if len(group) > 1 || taken[id] {
			out = append(out, group)
		}
	}
	slices.SortFunc(out, slices.Compare)
	out = slices.CompactFunc(out, slices.Equal)
	return out
}
