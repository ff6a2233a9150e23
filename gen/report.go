package main

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/errtable/errtable/spec"
)

// What happened to a code between the spec on disk and the new one.
const (
	codeAdded    = "added"    // the docs list a code the spec did not have
	codeRemoved  = "removed"  // the docs no longer list it; kept, deprecated
	codeRestored = "restored" // the docs list again a code marked removed
	codePruned   = "pruned"   // -prune dropped it from the spec and the package
	codeChanged  = "changed"  // its name, texts or retry decision changed
)

// codeChange is what a run changed about one code.
type codeChange struct {
	kind   string
	before *spec.Entry // nil for an added code
	after  *spec.Entry // nil for a pruned code
	fields []fieldChange
}

// code returns the code the change is about.
func (c codeChange) code() int {
	if c.after != nil {
		return c.after.Code
	}
	return c.before.Code
}

// fieldChange is one field of an entry, before and after.
type fieldChange struct {
	field, before, after string
}

// changeReport is what a run changed in a spec, for the summary on stderr
// and the Markdown of -report.
type changeReport struct {
	specPath string
	file     []fieldChange  // changes of the spec's own fields (prefix, source)
	codes    []codeChange   // in ascending code order
	strCodes []stringChange // in code order
	api      []string       // breaking API changes let through by -allow-breaking
}

// diffSpecs compares the spec before a run (nil when there was none) with
// the new one.
func diffSpecs(specPath string, before, after *spec.File) *changeReport {
	r := &changeReport{specPath: specPath}
	old := map[int]*spec.Entry{}
	if before != nil {
		r.file = appendChange(r.file, "prefix", before.Prefix, after.Prefix)
		r.file = appendChange(r.file, "docs", before.Source.Path, after.Source.Path)
		r.file = appendChange(r.file, "docs URL", before.Source.URL, after.Source.URL)
		for i := range before.Errors {
			old[before.Errors[i].Code] = &before.Errors[i]
		}
	}
	seen := map[int]bool{}
	for i := range after.Errors {
		a := &after.Errors[i]
		seen[a.Code] = true
		b, existed := old[a.Code]
		switch {
		case !existed:
			r.codes = append(r.codes, codeChange{kind: codeAdded, after: a})
		case b.Removed && !a.Removed:
			r.codes = append(r.codes, codeChange{kind: codeRestored, before: b, after: a, fields: entryChanges(b, a)})
		case !b.Removed && a.Removed:
			r.codes = append(r.codes, codeChange{kind: codeRemoved, before: b, after: a})
		default:
			if fields := entryChanges(b, a); len(fields) > 0 {
				r.codes = append(r.codes, codeChange{kind: codeChanged, before: b, after: a, fields: fields})
			}
		}
	}
	if before != nil {
		for i := range before.Errors {
			if b := &before.Errors[i]; !seen[b.Code] {
				r.codes = append(r.codes, codeChange{kind: codePruned, before: b})
			}
		}
	}
	slices.SortStableFunc(r.codes, func(x, y codeChange) int { return x.code() - y.code() })
	r.strCodes = diffStringCodes(before, after)
	if before != nil {
		r.file = appendChange(r.file, "code field", before.CodeField, after.CodeField)
	}
	return r
}

// entryChanges lists the fields of an entry that differ.
func entryChanges(b, a *spec.Entry) []fieldChange {
	var out []fieldChange
	out = appendChange(out, "name", b.Name, a.Name)
	out = appendChange(out, "earlier names", strings.Join(b.Aliases, ", "), strings.Join(a.Aliases, ", "))
	out = appendChange(out, "description", b.Description, a.Description)
	out = appendChange(out, "remedy", b.Remedy, a.Remedy)
	out = appendChange(out, "retryable", retryWords(b), retryWords(a))
	out = appendChange(out, "tips", strings.Join(b.Tips, "\n"), strings.Join(a.Tips, "\n"))
	return out
}

func appendChange(out []fieldChange, field, before, after string) []fieldChange {
	if before == after {
		return out
	}
	return append(out, fieldChange{field, before, after})
}

// retryWords says an entry's retry decision and who made it: "yes (rule)".
func retryWords(e *spec.Entry) string {
	v := "no"
	if e.Retryable {
		v = "yes"
	}
	return v + " (" + e.RetryableFrom + ")"
}

// changed reports whether the run changed anything in the spec.
func (r *changeReport) changed() bool {
	return len(r.file) > 0 || len(r.codes) > 0 || len(r.strCodes) > 0
}

// summaryKinds is the order the summary counts kinds of change in.
var summaryKinds = []string{codeAdded, codeRestored, codeRemoved, codePruned, codeChanged}

// summary is the one line a run prints on stderr:
// "spec/errors.json: 1 added (503 ServiceUnavailable), 1 removed (402), 2 changed".
func (r *changeReport) summary() string {
	if !r.changed() {
		return r.specPath + ": no changes"
	}
	var parts []string
	for _, kind := range summaryKinds {
		var which []string
		for _, c := range r.codes {
			if c.kind != kind {
				continue
			}
			switch kind {
			case codeAdded, codeRestored:
				which = append(which, strconv.Itoa(c.code())+" "+c.after.Name)
			default:
				which = append(which, strconv.Itoa(c.code()))
			}
		}
		if len(which) == 0 {
			continue
		}
		part := fmt.Sprintf("%d %s", len(which), kind)
		if kind != codeChanged {
			if len(which) > 5 {
				which = append(which[:5], "...")
			}
			part += " (" + strings.Join(which, ", ") + ")"
		}
		parts = append(parts, part)
	}
	parts = append(parts, stringSummary(r.strCodes)...)
	for _, f := range r.file {
		parts = append(parts, f.field+" changed")
	}
	return r.specPath + ": " + strings.Join(parts, ", ")
}

// markdown renders the report for a pull request's body or a changelog.
// Doc text is untrusted: it goes into code spans, with the characters that
// could end a span, a table cell or a line removed or escaped, so that a
// page cannot add links, mentions or markup to the report.
func (r *changeReport) markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "## Error codes: %s\n\n", md(r.specPath))
	if !r.changed() {
		b.WriteString("No changes.\n")
		return b.Bytes()
	}
	fmt.Fprintf(&b, "%s\n", strings.TrimPrefix(r.summary(), r.specPath+": "))
	if len(r.file) > 0 {
		b.WriteString("\n### The spec\n\n| Field | Before | After |\n|---|---|---|\n")
		for _, f := range r.file {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", f.field, md(f.before), md(f.after))
		}
	}
	of := func(kind string) []codeChange {
		var cs []codeChange
		for _, c := range r.codes {
			if c.kind == kind {
				cs = append(cs, c)
			}
		}
		return cs
	}
	entryTable := func(kind, title, note string, entry func(c codeChange) *spec.Entry) {
		cs := of(kind)
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n### %s\n\n", title)
		if note != "" {
			b.WriteString(note + "\n\n")
		}
		b.WriteString("| Code | Name | Description | Remedy | Retryable |\n|---|---|---|---|---|\n")
		for _, c := range cs {
			e := entry(c)
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s |\n", e.Code, md(e.Name), md(e.Description), md(e.Remedy), retryWords(e))
		}
	}
	entryTable(codeAdded, "Added", "", func(c codeChange) *spec.Entry { return c.after })
	entryTable(codeRestored, "Listed again", "", func(c codeChange) *spec.Entry { return c.after })
	entryTable(codeRemoved, "No longer in the docs",
		"Kept in the package, deprecated (`Known` stays true); `gen -prune -allow-breaking` removes them.",
		func(c codeChange) *spec.Entry { return c.before })
	entryTable(codePruned, "Pruned", "Removed from the spec and the package: a breaking change.",
		func(c codeChange) *spec.Entry { return c.before })
	for _, c := range append(of(codeRestored), of(codeChanged)...) {
		if len(c.fields) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### Changed: %d %s\n\n| Field | Before | After |\n|---|---|---|\n", c.code(), md(c.after.Name))
		for _, f := range c.fields {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", f.field, md(f.before), md(f.after))
		}
	}
	stringMarkdown(&b, r.strCodes)
	if len(r.api) > 0 {
		b.WriteString("\n### Breaking API changes (let through by -allow-breaking)\n\n")
		for _, a := range r.api {
			fmt.Fprintf(&b, "- %s\n", md(a))
		}
	}
	return b.Bytes()
}

// md renders untrusted text as a Markdown code span that is safe in a
// table cell: control, format (bidi, zero-width) and line-breaking
// characters become spaces, pipes are escaped, and the span's backtick
// fence is longer than any run of backticks in the text. Empty text is an
// em dash.
func md(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
	}), " ")
	if s == "" {
		return "—"
	}
	const maxCell = 2000
	if len(s) > maxCell {
		cut := maxCell
		for cut > 0 && !utf8RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
