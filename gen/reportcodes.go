package main

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errtable/errtable/spec"
)

// stringChange is what a run changed about one string code: the same kinds
// of change as a status's (codeAdded, codeRemoved...).
type stringChange struct {
	kind   string
	before *spec.CodeEntry // nil for an added code
	after  *spec.CodeEntry // nil for a pruned code
	fields []fieldChange
}

// code returns the string code the change is about.
func (c stringChange) code() string {
	if c.after != nil {
		return c.after.Code
	}
	return c.before.Code
}

// diffStringCodes compares the string codes of the spec before a run (nil
// when there was none) with the new one's, in the order of their codes.
func diffStringCodes(before, after *spec.File) []stringChange {
	old := map[string]*spec.CodeEntry{}
	if before != nil {
		for i := range before.Codes {
			old[before.Codes[i].Code] = &before.Codes[i]
		}
	}
	var out []stringChange
	seen := map[string]bool{}
	for i := range after.Codes {
		a := &after.Codes[i]
		seen[a.Code] = true
		b, existed := old[a.Code]
		switch {
		case !existed:
			out = append(out, stringChange{kind: codeAdded, after: a})
		case b.Removed && !a.Removed:
			out = append(out, stringChange{kind: codeRestored, before: b, after: a, fields: stringEntryChanges(b, a)})
		case !b.Removed && a.Removed:
			out = append(out, stringChange{kind: codeRemoved, before: b, after: a})
		default:
			if fields := stringEntryChanges(b, a); len(fields) > 0 {
				out = append(out, stringChange{kind: codeChanged, before: b, after: a, fields: fields})
			}
		}
	}
	if before != nil {
		for i := range before.Codes {
			if b := &before.Codes[i]; !seen[b.Code] {
				out = append(out, stringChange{kind: codePruned, before: b})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y stringChange) int { return cmp.Compare(x.code(), y.code()) })
	return out
}

// stringEntryChanges lists the fields of a string code that differ.
func stringEntryChanges(b, a *spec.CodeEntry) []fieldChange {
	var out []fieldChange
	out = appendChange(out, "name", b.Name, a.Name)
	out = appendChange(out, "earlier names", strings.Join(b.Aliases, ", "), strings.Join(a.Aliases, ", "))
	out = appendChange(out, "status", statusWords(b.Status), statusWords(a.Status))
	out = appendChange(out, "description", b.Description, a.Description)
	out = appendChange(out, "remedy", b.Remedy, a.Remedy)
	out = appendChange(out, "retryable", codeRetryWords(b), codeRetryWords(a))
	return out
}

// statusWords writes a string code's status, "none" for 0.
func statusWords(s int) string {
	if s == 0 {
		return "none"
	}
	return strconv.Itoa(s)
}

// codeRetryWords says a string code's retry decision and which rule made
// it: "no (exhausted)".
func codeRetryWords(e *spec.CodeEntry) string {
	v := "no"
	if e.Retryable {
		v = "yes"
	}
	return v + " (" + e.RetryableFrom + ")"
}

// stringSummary is the summary's part about string codes:
// "2 string codes added (insufficient_quota InsufficientQuota, ...)".
func stringSummary(changes []stringChange) []string {
	var parts []string
	for _, kind := range summaryKinds {
		var which []string
		for _, c := range changes {
			if c.kind != kind {
				continue
			}
			switch kind {
			case codeAdded, codeRestored:
				which = append(which, c.code()+" "+c.after.Name)
			default:
				which = append(which, c.code())
			}
		}
		if len(which) == 0 {
			continue
		}
		noun := "string codes"
		if len(which) == 1 {
			noun = "string code"
		}
		part := fmt.Sprintf("%d %s %s", len(which), noun, kind)
		if kind != codeChanged {
			if len(which) > 5 {
				which = append(which[:5], "...")
			}
			part += " (" + strings.Join(which, ", ") + ")"
		}
		parts = append(parts, part)
	}
	return parts
}

// stringMarkdown writes the report's sections about string codes, doc text
// in safe code spans as for statuses.
func stringMarkdown(b *bytes.Buffer, changes []stringChange) {
	table := func(kind, title string, entry func(c stringChange) *spec.CodeEntry) {
		var rows []stringChange
		for _, c := range changes {
			if c.kind == kind {
				rows = append(rows, c)
			}
		}
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(b, "\n### String codes %s\n\n| Code | Status | Name | Description | Remedy | Retryable |\n|---|---|---|---|---|---|\n", title)
		for _, c := range rows {
			e := entry(c)
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", md(e.Code), statusWords(e.Status), md(e.Name), md(e.Description), md(e.Remedy), codeRetryWords(e))
		}
	}
	table(codeAdded, "added", func(c stringChange) *spec.CodeEntry { return c.after })
	table(codeRestored, "listed again", func(c stringChange) *spec.CodeEntry { return c.after })
	table(codeRemoved, "no longer in the docs (kept, deprecated)", func(c stringChange) *spec.CodeEntry { return c.before })
	table(codePruned, "pruned (a breaking change)", func(c stringChange) *spec.CodeEntry { return c.before })
	for _, c := range changes {
		if len(c.fields) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n### Changed: %s %s\n\n| Field | Before | After |\n|---|---|---|\n", md(c.code()), md(c.after.Name))
		for _, f := range c.fields {
			fmt.Fprintf(b, "| %s | %s | %s |\n", f.field, md(f.before), md(f.after))
		}
	}
}
