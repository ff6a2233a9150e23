package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
)

// How much a page is about errors, as rank returns it.
const (
	notErrors   = iota
	errorsURL   // only the URL's last path segment names errors
	errorsWord  // the title mentions errors: "Handling errors", "Webhook errors"
	errorsTitle // the title is just errors: "Errors", "API errors", "Error reference", "Status codes"
	errorCodes  // the title names error codes: "Error codes", "Inference error codes"
)

// maxListed bounds the pages an error of Choose lists.
const maxListed = 20

// filler are title words that say nothing about what a page holds.
var filler = map[string]bool{
	"a": true, "all": true, "an": true, "api": true, "apis": true, "common": true,
	"complete": true, "docs": true, "documentation": true, "full": true, "guide": true,
	"http": true, "list": true, "of": true, "overview": true, "reference": true,
	"rest": true, "standard": true, "the": true,
}

// justErrors are titles, filler removed, that say a page is about errors
// and nothing else.
var justErrors = []string{"error", "errors", "status codes", "status code", "response codes"}

// ErrorPages returns the pages whose title, or else whose URL's last path
// segment, says they are about errors, best first: titles naming error
// codes, then titles that are just about errors ("Errors", "API errors",
// "Status codes"), then titles mentioning errors ("Error handling"), then
// URLs alone. Links to the same document (URLs equal but for the fragment)
// count once, as the best of them. The order is otherwise the index's.
func ErrorPages(pages []Page) []Page {
	type ranked struct {
		Page
		rank int
	}
	var out []ranked
	at := map[string]int{} // document -> index in out
	for _, p := range pages {
		r := rank(p)
		if r == notErrors {
			continue
		}
		doc := document(p.URL)
		if i, ok := at[doc]; ok {
			if r > out[i].rank {
				out[i] = ranked{p, r}
			}
			continue
		}
		at[doc] = len(out)
		out = append(out, ranked{p, r})
	}
	slices.SortStableFunc(out, func(a, b ranked) int { return b.rank - a.rank })
	res := make([]Page, len(out))
	for i, r := range out {
		res[i] = r.Page
	}
	return res
}

// Choose returns one page of pages, an index's or ErrorPages'. With pick
// "", it is the best of ErrorPages, and an error listing the candidates
// when none is about errors or several are equally. Otherwise pick selects
// the page whose URL it is, else the page whose title contains it (case
// insensitive), preferring one titled exactly pick; several matches are an
// error listing them.
func Choose(pages []Page, pick string) (Page, error) {
	if pick == "" {
		cands := ErrorPages(pages)
		if len(cands) == 0 {
			return Page{}, fmt.Errorf("none of the index's %d pages says by its title or URL that it is about errors; choose one by title or URL", len(pages))
		}
		best := rank(cands[0])
		tied := 1
		for tied < len(cands) && rank(cands[tied]) == best {
			tied++
		}
		if tied == 1 {
			return cands[0], nil
		}
		return Page{}, fmt.Errorf("%d pages of the index are equally about errors; choose one by title or URL:%s", tied, list(cands[:tied]))
	}

	for _, p := range pages {
		if p.URL == pick {
			return p, nil
		}
	}
	var matches, exact []Page
	for _, p := range pages {
		if strings.EqualFold(p.Title, pick) {
			exact = append(exact, p)
		}
		if strings.Contains(strings.ToLower(p.Title), strings.ToLower(pick)) {
			matches = append(matches, p)
		}
	}
	for _, m := range [][]Page{exact, matches} {
		if m = distinct(m); len(m) == 1 {
			return m[0], nil
		} else if len(m) > 1 {
			return Page{}, fmt.Errorf("%d pages of the index match %q; choose one by a longer part of its title, or its URL:%s", len(m), pick, list(m))
		}
	}
	msg := fmt.Sprintf("no page of the index has %q in its title or as its URL", pick)
	if cands := ErrorPages(pages); len(cands) > 0 {
		return Page{}, fmt.Errorf("%s; these are about errors:%s", msg, list(cands))
	}
	return Page{}, errors.New(msg)
}

// rank says how much p is about errors.
func rank(p Page) int {
	words := splitWords(p.Title)
	for i := range words {
		if words[i] == "errorcodes" || words[i] == "errorcode" ||
			i+1 < len(words) && isErrorWord(words[i]) && (words[i+1] == "code" || words[i+1] == "codes") {
			return errorCodes
		}
	}
	kept := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return filler[w] })
	if slices.Contains(justErrors, strings.Join(kept, " ")) {
		return errorsTitle
	}
	if slices.ContainsFunc(words, isErrorWord) || strings.Contains(strings.Join(words, " "), "status code") {
		return errorsWord
	}
	if u, err := url.Parse(p.URL); err == nil {
		last := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
		if slices.ContainsFunc(splitWords(last), isErrorWord) {
			return errorsURL
		}
	}
	return notErrors
}

// isErrorWord reports whether w is "error", "errors" or one word for error
// codes.
func isErrorWord(w string) bool {
	return w == "error" || w == "errors" || w == "errorcodes" || w == "errorcode"
}

// splitWords returns the lower-case runs of letters and digits of s.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// document is u without its fragment: the document a link points into.
func document(u string) string {
	d, _, _ := strings.Cut(u, "#")
	return d
}

// distinct drops the pages linking to a document an earlier one links to.
func distinct(pages []Page) []Page {
	seen := map[string]bool{}
	return slices.DeleteFunc(slices.Clone(pages), func(p Page) bool {
		d := document(p.URL)
		dup := seen[d]
		seen[d] = true
		return dup
	})
}

// list formats pages one a line, at most maxListed of them.
func list(pages []Page) string {
	var b strings.Builder
	for i, p := range pages {
		if i == maxListed {
			fmt.Fprintf(&b, "\n\t... and %d more", len(pages)-maxListed)
			break
		}
		title := cleanText(p.Title, 80)
		if title == "" {
			title = "(untitled)"
		}
		if s := cleanText(p.Section, 40); s != "" {
			title += " [" + s + "]"
		}
		fmt.Fprintf(&b, "\n\t%s: %s", title, cleanText(p.URL, 200))
	}
	return b.String()
}
