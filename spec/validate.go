package spec

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

var prefixRE = regexp.MustCompile(`^[a-z][a-z0-9._-]{0,39}$`)

// maxValidatorLen bounds the ETag and Last-Modified values the spec keeps:
// real ones are a few dozen bytes.
const maxValidatorLen = 256

// SetDocsPath sets the docs path that validation messages name for a spec
// built in memory from the docs, whose entries carry docs line numbers.
func (f *File) SetDocsPath(path string) {
	f.path, f.lines = "", lineIndex{}
	f.docsPath = path
}

// where names the place an entry came from, for messages: the spec file and
// line when the spec was read from disk, the docs row otherwise.
func (f *File) where(i int) string {
	if f.path != "" && i < len(f.lines.entries) {
		return fmt.Sprintf("%s:%d", f.path, f.lines.entries[i].start)
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

// whereField names the place of a field of entry i, for messages: the line
// of its key in the spec file, or of its element item (counting from 0) for
// "aliases" and "tips" when item >= 0; where(i) otherwise.
func (f *File) whereField(i int, key string, item int) string {
	if f.path != "" && i < len(f.lines.entries) {
		el := f.lines.entries[i]
		if lines := el.items[key]; item >= 0 && item < len(lines) {
			return fmt.Sprintf("%s:%d", f.path, lines[item])
		}
		if line, ok := el.keys[key]; ok {
			return fmt.Sprintf("%s:%d", f.path, line)
		}
	}
	return f.where(i)
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

// topField names the place of a top-level key ("prefix") or a key of the
// source ("source.url"), for messages: its line in the spec file, or top().
func (f *File) topField(key string) string {
	if line, ok := f.lines.keys[key]; ok && f.path != "" {
		return fmt.Sprintf("%s:%d", f.path, line)
	}
	return f.top()
}

// Validate checks everything the generator relies on and returns every
// problem found, joined, each naming the file and line it is about.
//
// Beyond the values the generator needs, it keeps what reviewers read
// honest: no text may hold hidden runes (HiddenRune), control characters
// or line breaks, and texts and lists stay within the caps (MaxEntries,
// MaxDescriptionLen, ...).
func (f *File) Validate() error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	// text reports what is wrong with s, the field what at where, as spec
	// text; it returns whether s is clean.
	text := func(where, what, s string) bool {
		if p := textProblem(s); p != "" {
			bad(where, "%s %s", what, p)
			return false
		}
		return true
	}
	// length reports s, the field what at where, when it is longer than max.
	length := func(where, what, s string, max int) {
		if len(s) > max {
			bad(where, "%s is %d bytes, more than %d; shorten it (gen cuts the docs' text to fit)", what, len(s), max)
		}
	}
	text(f.topField("$schema"), `"$schema"`, f.Schema)
	if text(f.topField("prefix"), "prefix", f.Prefix) && !ValidPrefix(f.Prefix) {
		bad(f.topField("prefix"), "prefix %q is not a lower-case word (a-z, then up to 39 of a-z 0-9 . _ -); set one with -prefix", f.Prefix)
	}
	if f.Source.Path == "" {
		bad(f.topField("source"), "source path is empty; regenerate the spec with gen")
	}
	text(f.topField("source.path"), "source path", f.Source.Path)
	if f.Source.URL != "" && text(f.topField("source.url"), "source url", f.Source.URL) {
		if err := checkSourceURL(f.Source.URL); err != nil {
			bad(f.topField("source.url"), "source url %q %v; fix it or pass -docs with the page's address", f.Source.URL, err)
		}
	}
	for _, v := range [...]struct{ name, value string }{{"etag", f.Source.ETag}, {"last_modified", f.Source.LastModified}} {
		if text(f.topField("source."+v.name), "source "+v.name, v.value) && !validValidator(v.value) {
			bad(f.topField("source."+v.name), "source %s %q is not a short line of printable ASCII; delete it (the next fetch sets it again)", v.name, v.value)
		}
	}
	if len(f.Errors) == 0 && len(f.Codes) == 0 {
		bad(f.topField("errors"), "no error codes; check that the docs hold the error table")
	}
	if f.CodeField != "" && !validCodeField(f.CodeField) {
		bad(f.topField("code_field"), "code_field %q is not a dotted path of JSON keys (letters, digits, _ and -, like error.code); fix it or delete it", f.CodeField)
	}
	if len(f.Errors) > MaxEntries {
		bad(f.where(MaxEntries), "the spec has %d entries, more than %d; a spec holds at most one per HTTP status (100-599)", len(f.Errors), MaxEntries)
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
		if len(e.Aliases) > MaxAliases {
			bad(f.whereField(i, "aliases", MaxAliases), "code %d has %d aliases, more than %d; drop the oldest", e.Code, len(e.Aliases), MaxAliases)
		}
		for k, name := range append([]string{e.Name}, e.Aliases...) {
			kind, what, where := "name", fmt.Sprintf("name of code %d", e.Code), f.whereField(i, "name", -1)
			if k > 0 {
				kind, what, where = "alias", fmt.Sprintf("alias %d of code %d", k, e.Code), f.whereField(i, "aliases", k-1)
			}
			if !text(where, what, name) {
				continue
			}
			if !ValidName(name) {
				bad(at, "%s %q of code %d is not an exported ASCII Go identifier of at most 64 bytes free for a code (reserved: Code, Error, Lookup, ...); choose another name", kind, name, e.Code)
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
		where := f.whereField(i, "description", -1)
		text(where, fmt.Sprintf("description of code %d", e.Code), e.Description)
		length(where, fmt.Sprintf("description of code %d", e.Code), e.Description, MaxDescriptionLen)
		where = f.whereField(i, "remedy", -1)
		text(where, fmt.Sprintf("remedy of code %d", e.Code), e.Remedy)
		length(where, fmt.Sprintf("remedy of code %d", e.Code), e.Remedy, MaxRemedyLen)
		if len(e.Tips) > MaxTips {
			bad(f.whereField(i, "tips", MaxTips), "code %d has %d tips, more than %d; drop some", e.Code, len(e.Tips), MaxTips)
		}
		for k, tip := range e.Tips {
			where, what := f.whereField(i, "tips", k), fmt.Sprintf("tip %d of code %d", k+1, e.Code)
			text(where, what, tip)
			length(where, what, tip, MaxTipLen)
		}
		switch e.RetryableFrom {
		case FromRule:
			if e.Retryable != DefaultRetryable(e.Code) {
				bad(at, "code %d says retryable %t from the rule, but the rule says %t; set retryable_from to %q to override", e.Code, e.Retryable, DefaultRetryable(e.Code), FromOverride)
			}
		case FromDocs, FromOverride:
			// A removed entry keeps its override: the generator carries it
			// over so the decision survives if the code comes back.
		default:
			bad(at, "code %d: retryable_from %q is not %q, %q or %q; use one of them", e.Code, e.RetryableFrom, FromRule, FromDocs, FromOverride)
		}
	}
	f.validateCodes(idents, bad, text, length)
	return errors.Join(errs...)
}

// validateCodes checks the string codes: each well formed and listed once,
// with a status in range or none, names unique across statuses and codes
// (idents holds the statuses' identifiers), clean texts, and a retry
// decision its source allows.
func (f *File) validateCodes(idents map[string]int, bad func(where, format string, args ...any), text func(where, what, s string) bool, length func(where, what, s string, max int)) {
	if len(f.Codes) > MaxCodes {
		bad(f.whereCode(MaxCodes), "the spec has %d string codes, more than %d", len(f.Codes), MaxCodes)
	}
	codes := map[string]int{}
	codeIdents := map[string]int{}
	for i, e := range f.Codes {
		at := f.whereCode(i)
		q := strconv.Quote(e.Code)
		if !validCode(e.Code) {
			bad(at, "string code %s is not 1 to %d of ASCII letters, digits and . _ - : /; fix the row", q, MaxCodeLen)
		}
		if j, dup := codes[e.Code]; dup {
			bad(at, "string code %s is documented twice (first at %s); remove or fix one of the rows", q, f.whereCode(j))
		} else {
			codes[e.Code] = i
		}
		if e.Status != 0 && (e.Status < 100 || e.Status > 599) {
			bad(f.whereCodeField(i, "status"), "status %d of code %s is outside 100-599; use an HTTP status, or delete it when the docs give none", e.Status, q)
		}
		if len(e.Aliases) > MaxAliases {
			bad(f.whereCodeField(i, "aliases"), "code %s has %d aliases, more than %d; drop the oldest", q, len(e.Aliases), MaxAliases)
		}
		for k, name := range append([]string{e.Name}, e.Aliases...) {
			kind := "name"
			if k > 0 {
				kind = fmt.Sprintf("alias %d", k)
			}
			if !text(at, fmt.Sprintf("%s of code %s", kind, q), name) {
				continue
			}
			if !ValidName(name) {
				bad(at, "%s %q of code %s is not an exported ASCII Go identifier of at most 64 bytes free for a code (reserved: Code, Error, Lookup, ...); choose another name", kind, name, q)
				continue
			}
			for _, id := range []string{name, "Err" + name} {
				if j, dup := idents[id]; dup {
					bad(at, "code %s declares %s, which status %d (%s) declares too; rename one in the spec", q, id, f.Errors[j].Code, f.where(j))
					continue
				}
				if j, dup := codeIdents[id]; dup {
					if j == i {
						bad(at, "code %s declares %s twice (as its name or an alias); remove the repeat", q, id)
					} else {
						bad(at, "code %s declares %s, which code %q (%s) declares too; rename one in the spec", q, id, f.Codes[j].Code, f.whereCode(j))
					}
					continue
				}
				codeIdents[id] = i
			}
		}
		if e.Description == "" {
			bad(at, "code %s has an empty description; give the row a description", q)
		}
		where := f.whereCodeField(i, "description")
		text(where, "description of code "+q, e.Description)
		length(where, "description of code "+q, e.Description, MaxDescriptionLen)
		where = f.whereCodeField(i, "remedy")
		text(where, "remedy of code "+q, e.Remedy)
		length(where, "remedy of code "+q, e.Remedy, MaxRemedyLen)
		switch e.RetryableFrom {
		case FromRule, FromExhausted:
			want, from := CodeRetryable(e.Code, e.Status)
			if from != e.RetryableFrom || want != e.Retryable {
				bad(at, "code %s says retryable %t from %q, but the rules give %t from %q; set retryable_from to %q to override", q, e.Retryable, e.RetryableFrom, want, from, FromOverride)
			}
		case FromDocs, FromRemedy, FromOverride:
		default:
			bad(at, "code %s: retryable_from %q is not %q, %q, %q, %q or %q; use one of them", q, e.RetryableFrom, FromDocs, FromRemedy, FromOverride, FromExhausted, FromRule)
		}
	}
}

// validCode reports whether s can be a string code: 1 to MaxCodeLen ASCII
// letters, digits and . _ - : /, which every real catalogue's codes are
// made of, and nothing that could hide or break out of Go source.
func validCode(s string) bool {
	if s == "" || len(s) > MaxCodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._-:/", c) >= 0) {
			return false
		}
	}
	return true
}

// ValidCode reports whether s can be a string code of a spec.
func ValidCode(s string) bool { return validCode(s) }

// validCodeField reports whether p is a dotted path of JSON keys.
func validCodeField(p string) bool {
	if len(p) > 128 {
		return false
	}
	for _, key := range strings.Split(p, ".") {
		if key == "" {
			return false
		}
		for i := 0; i < len(key); i++ {
			c := key[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
				return false
			}
		}
	}
	return true
}

// whereCode names the place string code i came from, for messages: the
// spec file and line, or the docs row.
func (f *File) whereCode(i int) string {
	if f.path != "" && i < len(f.lines.codes) {
		return fmt.Sprintf("%s:%d", f.path, f.lines.codes[i].start)
	}
	if i >= len(f.Codes) || f.Codes[i].Line <= 0 {
		code := ""
		if i < len(f.Codes) {
			code = f.Codes[i].Code
		}
		return fmt.Sprintf("%s (code %q)", f.top(), code)
	}
	docs := f.docsPath
	if docs == "" {
		docs = f.Source.Path
	}
	return fmt.Sprintf("%s:%d", docs, f.Codes[i].Line)
}

// whereCodeField names the line of a key of string code i in the spec
// file, or whereCode(i).
func (f *File) whereCodeField(i int, key string) string {
	if f.path != "" && i < len(f.lines.codes) {
		if line, ok := f.lines.codes[i].keys[key]; ok {
			return fmt.Sprintf("%s:%d", f.path, line)
		}
	}
	return f.whereCode(i)
}

// LookupCode returns the entry for a string code, if the spec documents it.
func (f *File) LookupCode(code string) (*CodeEntry, bool) {
	for i := range f.Codes {
		if f.Codes[i].Code == code {
			return &f.Codes[i], true
		}
	}
	return nil, false
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
