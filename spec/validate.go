package spec

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

var prefixRE = regexp.MustCompile(`^[a-z][a-z0-9._-]{0,39}$`)

// maxValidatorLen bounds the ETag and Last-Modified values the spec keeps:
// real ones are a few dozen bytes.
const maxValidatorLen = 256

// SetDocsPath sets the docs path that validation messages name for a spec
// built in memory from the docs, whose entries carry docs line numbers.
func (f *File) SetDocsPath(path string) {
	f.path, f.lines = "", nil
	f.docsPath = path
}

// where names the place an entry came from, for messages: the spec file and
// line when the spec was read from disk, the docs row otherwise.
func (f *File) where(i int) string {
	if f.path != "" && i < len(f.lines) {
		return fmt.Sprintf("%s:%d", f.path, f.lines[i])
	}
	if f.Errors[i].Line <= 0 {
		// An entry the docs no longer list, carried over from the spec.
		return fmt.Sprintf("%s (code %d)", f.top(), f.Errors[i].Code)
	}
	docs := f.docsPath
	if docs == "" {
		docs = f.Source.Path
	}
	return fmt.Sprintf("%s:%d", docs, f.Errors[i].Line)
}

// top names the spec as a whole, for messages about its top-level fields.
func (f *File) top() string {
	if f.path != "" {
		return f.path
	}
	if f.docsPath != "" {
		return f.docsPath
	}
	if f.Source.Path != "" {
		return f.Source.Path
	}
	return "spec"
}

// Validate checks everything the generator relies on and returns every
// problem found, joined, each naming the file and line it is about.
func (f *File) Validate() error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	if !ValidPrefix(f.Prefix) {
		bad(f.top(), "prefix %q is not a lower-case word (a-z, then up to 39 of a-z 0-9 . _ -); set one with -prefix", f.Prefix)
	}
	if f.Source.Path == "" {
		bad(f.top(), "source path is empty; regenerate the spec with gen")
	}
	if f.Source.URL != "" {
		if err := checkSourceURL(f.Source.URL); err != nil {
			bad(f.top(), "source url %q %v; fix it or pass -docs with the page's address", f.Source.URL, err)
		}
	}
	for _, v := range [...]struct{ name, value string }{{"etag", f.Source.ETag}, {"last_modified", f.Source.LastModified}} {
		if !validValidator(v.value) {
			bad(f.top(), "source %s %q is not a short line of printable ASCII; delete it (the next fetch sets it again)", v.name, v.value)
		}
	}
	if len(f.Errors) == 0 {
		bad(f.top(), "no error codes; check that the docs hold the error table")
	}
	codes := map[int]int{}     // code -> entry index
	idents := map[string]int{} // every identifier an entry declares -> entry index
	for i, e := range f.Errors {
		at := f.where(i)
		if e.Code < 100 || e.Code > 599 {
			bad(at, "code %d is outside 100-599; use an HTTP status", e.Code)
		}
		if j, dup := codes[e.Code]; dup {
			bad(at, "code %d is documented twice (first at %s); remove or fix one of the rows", e.Code, f.where(j))
		} else {
			codes[e.Code] = i
		}
		for k, name := range append([]string{e.Name}, e.Aliases...) {
			what := "name"
			if k > 0 {
				what = "alias"
			}
			if !ValidName(name) {
				bad(at, "%s %q of code %d is not an exported ASCII Go identifier of at most 64 bytes free for a code (reserved: Code, Error, Lookup, ...); choose another name", what, name, e.Code)
				continue
			}
			for _, id := range []string{name, "Err" + name} {
				if j, dup := idents[id]; dup {
					if j == i {
						bad(at, "code %d declares %s twice (as its name or an alias); remove the repeat", e.Code, id)
					} else {
						bad(at, "code %d declares %s, which code %d (%s) declares too; rename one in the spec", e.Code, id, f.Errors[j].Code, f.where(j))
					}
					continue
				}
				idents[id] = i
			}
		}
		if e.Description == "" {
			bad(at, "code %d has an empty description; give the row a description", e.Code)
		}
		for _, s := range append([]string{e.Name, e.Description, e.Remedy}, e.Tips...) {
			if !utf8.ValidString(s) {
				bad(at, "code %d has text that is not valid UTF-8; fix the text", e.Code)
				break
			}
		}
		switch e.RetryableFrom {
		case FromRule:
			if e.Retryable != DefaultRetryable(e.Code) {
				bad(at, "code %d says retryable %t from the rule, but the rule says %t; set retryable_from to %q to override", e.Code, e.Retryable, DefaultRetryable(e.Code), FromOverride)
			}
		case FromDocs, FromOverride:
		default:
			bad(at, "code %d: retryable_from %q is not %q, %q or %q; use one of them", e.Code, e.RetryableFrom, FromRule, FromDocs, FromOverride)
		}
	}
	return errors.Join(errs...)
}

// checkSourceURL says what is wrong with a spec's source URL: it must be an
// absolute http or https URL without credentials, which would otherwise be
// committed with the spec.
func checkSourceURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return errors.New("is not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("is not an http or https URL")
	case u.Host == "":
		return errors.New("has no host")
	case u.User != nil:
		return errors.New("holds credentials")
	case len(raw) > 2048 || strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r >= 0x7f }):
		return errors.New("is too long or holds spaces, control or non-ASCII characters")
	}
	return nil
}

// validValidator reports whether v can be kept as an ETag or Last-Modified:
// printable ASCII, at most maxValidatorLen bytes.
func validValidator(v string) bool {
	if len(v) > maxValidatorLen {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < ' ' || v[i] > '~' {
			return false
		}
	}
	return true
}

// ValidPrefix reports whether p can be a spec's prefix: a lower-case word,
// a-z, then up to 39 of a-z 0-9 . _ -.
func ValidPrefix(p string) bool { return prefixRE.MatchString(p) }
