package reader

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/errtable/errtable/spec"
)

// CodeEntry is one string code of the catalogue, as the docs give it.
type CodeEntry struct {
	spec.CodeEntry // Name is empty; Line is the docs line of the row
}

// codeCandidate is a table keyed by string codes, with its columns' roles.
type codeCandidate struct {
	t    *table
	cols codeRoles
}

// readCodeRows turns the rows of a string-keyed table into code entries, in
// order, and records every row it cannot read in the returned faults. A
// row's status is its status cell's, else the status the table's headings
// name, else 0 (unknown). A catch-all row ("errors.APIError | 4XX, 5XX")
// stands for every status the others do not list: it is reported, not
// read.
func readCodeRows(docsPath string, t *table, cols codeRoles, catchAlls map[string][]int, warn func(string)) ([]CodeEntry, faults) {
	out := make([]CodeEntry, 0, len(t.rows))
	var problems faults
	for _, r := range t.rows {
		at := pos{docsPath, r.line}
		if filledCells(r.cells) == 0 {
			continue
		}
		raw, statusText := cell(r, cols.key), codeCellText(cell(r, cols.status))
		code := keyText(raw)
		if catchAll(code) || catchAll(statusText) {
			what := fmt.Sprintf("%q for %q", code, cmpOr(statusText, code))
			if len(catchAlls[what]) < maxListed {
				catchAlls[what] = append(catchAlls[what], r.line)
			}
			continue
		}
		if code == "" {
			continue // a group row, or a row continuing the one above
		}
		if !isKey(code) {
			warn(fmt.Sprintf("%s: %q is no string code (letters, digits and . _ - : / only); the row is skipped", at, raw))
			continue
		}
		status := cols.sectionStatus
		if statusText != "" {
			switch c := parseCodeCell(statusText); {
			case c.kind == statusCode && len(c.codes) == 1:
				status = c.codes[0]
			case c.kind == statusCode:
				warn(fmt.Sprintf("%s: code %s stands for several statuses (%s); its status is left unknown", at, code, statusText))
				status = 0
			default:
				warn(fmt.Sprintf("%s: status %q of code %s is no HTTP status; its status is left unknown", at, statusText, code))
				status = 0
			}
		}
		desc := codeCellText(cell(r, cols.desc))
		if desc == "" {
			desc = code
		}
		remedy := codeCellText(cell(r, cols.remedy))
		for _, i := range cols.explain {
			if v := codeCellText(cell(r, i)); v != "" {
				remedy = joinRemedy(remedy, labelOf(t.header[i])+": "+v)
			}
		}
		if len(desc) > spec.MaxDescriptionLen {
			problems.add(r.line, fmt.Errorf("%s: the description of %s is %d bytes, more than the %d of a description; shorten the cell", at, code, len(desc), spec.MaxDescriptionLen))
			continue
		}
		if len(remedy) > spec.MaxRemedyLen {
			problems.add(r.line, fmt.Errorf("%s: the remedy of %s is %d bytes, more than the %d of a remedy; shorten the cell", at, code, len(remedy), spec.MaxRemedyLen))
			continue
		}
		e := spec.CodeEntry{Code: code, Status: status, Description: desc, Remedy: remedy, Line: r.line}
		e.Retryable, e.RetryableFrom = spec.CodeRetryable(code, status)
		words := remedy
		if cols.remedy < 0 && len(cols.explain) == 0 {
			// No column says what to do, so the description does
			// ("... Retry after a short wait.").
			words = joinRemedy(desc, remedy)
		}
		if v, from, ok := docsRetry(r, cols, words, at, warn); ok {
			e.Retryable, e.RetryableFrom = v, from
		}
		out = append(out, CodeEntry{CodeEntry: e})
	}
	return out, problems
}

// docsRetry reads what the docs say of retrying a code: its retry cell
// (FromDocs), else the words of its remedy (FromRemedy; the description's
// when no column gives a remedy); ok is false when
// they say nothing, and the rules decide. A placeholder in the retry column
// ("—") says nothing, rather than no.
func docsRetry(r row, cols codeRoles, remedy string, at pos, warn func(string)) (retryable bool, from string, ok bool) {
	if cols.retry >= 0 && !isPlaceholder(cell(r, cols.retry)) && cell(r, cols.retry) != "" {
		if v, ok := rowRetry(r, roles{retry: cols.retry}, at, warn); ok {
			return v, spec.FromDocs, true
		}
	}
	if v, ok := remedyRetry(remedy); ok {
		return v, spec.FromRemedy, true
	}
	return false, "", false
}

// codeCellText returns a text cell of a code table without markup, or "" for a placeholder.
func codeCellText(s string) string {
	s = cleanMarkup(s)
	if isPlaceholder(s) {
		return ""
	}
	return s
}

// cmpOr returns a, or b when a is empty.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// assembleCodes reads the string-keyed tables into one list of codes, in
// page order. SDK references repeat an "Errors" table per operation: a code
// read again with the same status is read once, its empty texts filled
// from the repeat; a status the first row left unknown is taken from the
// repeat; a code given two different statuses is an error naming both
// lines.
func assembleCodes(docsPath string, cands []codeCandidate, reports []TableReport, warn func(string)) ([]CodeEntry, faults) {
	var codes []CodeEntry
	var problems faults
	byCode := map[string]int{}
	catchAlls := map[string][]int{} // what the row says -> its lines
	next := 0
	for _, c := range cands {
		rows, probs := readCodeRows(docsPath, c.t, c.cols, catchAlls, warn)
		problems = append(problems, probs...)
		added, repeats := 0, 0
		for _, e := range rows {
			i, known := byCode[e.Code]
			if !known {
				byCode[e.Code] = len(codes)
				codes = append(codes, e)
				added++
				continue
			}
			repeats++
			if err := mergeCode(docsPath, &codes[i], e); err != nil {
				problems.add(e.Line, err)
			}
		}
		use := "read as string codes: adds " + countOf(added, "code")
		if repeats > 0 {
			use += fmt.Sprintf(" and repeats %d read above, each read once", repeats)
		}
		for ; next < len(reports); next++ {
			if reports[next].Line == c.t.line && reports[next].Use == "" {
				reports[next].Use = use
				next++
				break
			}
		}
	}
	order := slices.Collect(maps.Keys(catchAlls))
	slices.SortFunc(order, func(a, b string) int { return catchAlls[a][0] - catchAlls[b][0] })
	for _, what := range order {
		lines := catchAlls[what]
		warn(fmt.Sprintf("%s:%s: %s is a catch-all for the statuses no other row lists; noted, not read as a code", docsPath, joinInts(lines, ","), what))
	}
	return codes, problems
}

// mergeCode adds to a what a later row of the same code says.
func mergeCode(docsPath string, a *CodeEntry, b CodeEntry) error {
	switch {
	case a.Status != 0 && b.Status != 0 && a.Status != b.Status:
		return fmt.Errorf("%s:%d: code %s has status %d here and %d at %s:%d; make the rows agree, or read one table with -table", docsPath, b.Line, b.Code, b.Status, a.Status, docsPath, a.Line)
	case a.RetryableFrom == spec.FromDocs && b.RetryableFrom == spec.FromDocs && a.Retryable != b.Retryable:
		return fmt.Errorf("%s:%d: code %s is retryable on one row and not on the other (line %d); make the rows agree", docsPath, b.Line, b.Code, a.Line)
	}
	if a.Status == 0 && b.Status != 0 {
		a.Status = b.Status
		if a.RetryableFrom == spec.FromRule || a.RetryableFrom == spec.FromExhausted {
			a.Retryable, a.RetryableFrom = spec.CodeRetryable(a.Code, a.Status)
		}
	}
	if a.Description == a.Code && b.Description != b.Code {
		a.Description = b.Description
	}
	if a.Remedy == "" {
		a.Remedy = b.Remedy
	}
	if (a.RetryableFrom == spec.FromRule || a.RetryableFrom == spec.FromExhausted) && (b.RetryableFrom == spec.FromDocs || b.RetryableFrom == spec.FromRemedy) {
		a.Retryable, a.RetryableFrom = b.Retryable, b.RetryableFrom
	}
	return nil
}

// countOf says "1 code" or "n codes".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// maxRemedyCodes bounds the codes a status's derived remedy lists.
const maxRemedyCodes = 20

// linkStatuses gives every status that string codes carry an entry of its
// own when no status table documents it: a page of codes ("invalid_api_key
// | 401") documents its statuses through them. The entry is described by
// the status's HTTP reason phrase ("HTTP 529" for a status without one) and
// its remedy lists its codes; the retry decision is the default rule's.
// The statuses so added are reported in one warning.
func linkStatuses(docsPath string, entries []Entry, codes []CodeEntry, warn func(string)) []Entry {
	have := map[int]bool{}
	for _, e := range entries {
		have[e.Code] = true
	}
	byStatus := map[int][]string{}
	var order []int
	first := map[int]int{}
	for _, c := range codes {
		if c.Status < 400 || have[c.Status] {
			continue
		}
		if len(byStatus[c.Status]) == 0 {
			order = append(order, c.Status)
			first[c.Status] = c.Line
		}
		byStatus[c.Status] = append(byStatus[c.Status], c.Code)
	}
	if len(order) == 0 {
		return entries
	}
	var added []string
	for _, s := range order {
		desc := httpReason(s)
		listed := byStatus[s]
		more := ""
		if len(listed) > maxRemedyCodes {
			more = fmt.Sprintf(" and %d more", len(listed)-maxRemedyCodes)
			listed = listed[:maxRemedyCodes]
		}
		remedy := "The string code tells the cause: " + strings.Join(listed, ", ") + more + "."
		if len(remedy) > spec.MaxRemedyLen {
			remedy = "The string code tells the cause."
		}
		e := spec.Entry{Code: s, Description: desc, Remedy: remedy, Line: first[s], Retryable: spec.DefaultRetryable(s), RetryableFrom: spec.FromRule}
		entries = append(entries, Entry{Entry: e, Title: desc})
		added = append(added, fmt.Sprint(s))
	}
	what := "statuses " + strings.Join(added, ", ") + " are documented only by the string codes that carry them; each gets an entry"
	if len(added) == 1 {
		what = "status " + added[0] + " is documented only by the string codes that carry it; it gets an entry"
	}
	warn(fmt.Sprintf("%s:%d: %s named by its reason phrase, its remedy listing its codes", docsPath, first[order[0]], what))
	return entries
}

// httpReason returns the reason phrase of an error status, or "HTTP 529"
// for one without.
func httpReason(status int) string {
	if r := http.StatusText(status); r != "" {
		return r
	}
	return fmt.Sprintf("HTTP %d", status)
}
