package fetch

import (
	"bytes"
	"net/url"
	"path"
	"strings"
)

// maxTitle bounds a Page's Title and Section, in bytes.
const maxTitle = 300

// Page is one link of an llms.txt index.
type Page struct {
	// Title is the link text, Markdown emphasis and code marks removed;
	// "" for none (or "null", which some generators write for none).
	Title string
	// URL is absolute, http or https, without credentials.
	URL string
	// Section is the heading ("## API reference") the link is under, or ""
	// above the first.
	Section string
	// Line is the link's line in the index, counting from 1.
	Line int
}

// ParseIndex returns the link of every list item (or line) that starts with
// a Markdown link, in order, with URLs resolved against base (nil: relative
// URLs are dropped). Links in fenced code blocks, to schemes other than http
// and https, or holding credentials are dropped. It reads each byte a fixed
// number of times.
func ParseIndex(data []byte, base *url.URL) []Page {
	var pages []Page
	var section string
	var fence string // the opening fence, inside a fenced code block
	n := 0
	for line := range bytes.Lines(data) {
		n++
		s := strings.TrimRight(string(line), "\r\n")
		if fence != "" {
			if closesFence(s, fence) {
				fence = ""
			}
			continue
		}
		if f := openFence(s); f != "" {
			fence = f
			continue
		}
		if level, text := heading(s); level > 0 {
			if level == 1 {
				section = ""
			} else {
				section = cleanTitle(text)
			}
			continue
		}
		title, dest, ok := linkItem(s)
		if !ok {
			continue
		}
		u, ok := resolve(dest, base)
		if !ok {
			continue
		}
		title = cleanTitle(title)
		if title == "null" { // what some generators write for a page without a title
			title = ""
		}
		pages = append(pages, Page{Title: title, URL: u, Section: section, Line: n})
	}
	return pages
}

// IsIndex reports whether the document at u with body is an llms.txt
// index: its file name is llms.txt, or the body has the shape of one (an H1
// first, then mostly lines that start with a link). llms-full.txt, which
// holds whole pages rather than links to them, is judged by its shape.
func IsIndex(u *url.URL, body []byte) bool {
	if u != nil && strings.EqualFold(path.Base(u.Path), "llms.txt") {
		return true
	}
	return hasIndexShape(body)
}

// hasIndexShape reports whether body starts with an H1 and at least three
// lines and half of its content lines (neither blank, headings nor quotes)
// start with a link to another document.
func hasIndexShape(body []byte) bool {
	first := true
	links, content := 0, 0
	for line := range bytes.Lines(body) {
		s := strings.TrimSpace(string(line))
		if s == "" {
			continue
		}
		level, _ := heading(s)
		if first {
			if level != 1 {
				return false
			}
			first = false
			continue
		}
		if level > 0 || strings.HasPrefix(s, ">") {
			continue
		}
		content++
		if _, dest, ok := linkItem(s); ok && !strings.HasPrefix(dest, "#") {
			links++
		}
	}
	return links >= 3 && 2*links >= content
}

// heading returns the level and text of an ATX heading ("## Text"), or 0.
func heading(s string) (int, string) {
	s = trimIndent(s)
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(s) && s[level] != ' ' && s[level] != '\t') {
		return 0, ""
	}
	text := strings.TrimSpace(s[level:])
	if t := strings.TrimRight(text, "#"); t == "" || strings.HasSuffix(t, " ") {
		text = strings.TrimSpace(t) // a closing sequence of #s
	}
	return level, text
}

// openFence returns the fence a line opens (``` or ~~~, three or more), or "".
func openFence(s string) string {
	s = trimIndent(s)
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(s) && s[n] == c {
			n++
		}
		if n >= 3 && (c == '~' || !strings.Contains(s[n:], "`")) {
			return s[:n]
		}
	}
	return ""
}

// closesFence reports whether s closes the code block fence opened.
func closesFence(s, fence string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, fence) && strings.Trim(s, fence[:1]) == ""
}

// trimIndent removes up to three leading spaces.
func trimIndent(s string) string {
	for i := 0; i < 3 && strings.HasPrefix(s, " "); i++ {
		s = s[1:]
	}
	return s
}

// linkItem returns the text and destination of the Markdown link a line
// starts with, after any indentation and list marker ("-", "*", "+", "1.").
func linkItem(s string) (title, dest string, ok bool) {
	s = strings.TrimLeft(s, " \t")
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		s = strings.TrimLeft(s[2:], " \t")
	} else if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && i <= 9 &&
		i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		s = strings.TrimLeft(s[i+2:], " \t")
	}
	if !strings.HasPrefix(s, "[") {
		return "", "", false
	}
	end := closingBracket(s)
	if end < 0 || end+1 >= len(s) || s[end+1] != '(' {
		return "", "", false
	}
	dest, ok = destination(s[end+2:])
	if !ok {
		return "", "", false
	}
	return s[1:end], dest, true
}

// closingBracket returns the index of the "]" matching the "[" s starts
// with, skipping backslash escapes and nested brackets, or -1.
func closingBracket(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// destination parses the link destination s starts with (what follows
// "("): "<...>", or text up to white space or the unbalanced ")". Backslash
// escapes are removed.
func destination(s string) (string, bool) {
	s = strings.TrimLeft(s, " \t")
	if strings.HasPrefix(s, "<") {
		i := strings.IndexAny(s[1:], "<>")
		if i < 0 || s[1+i] != '>' {
			return "", false
		}
		return unescape(s[1 : 1+i]), strings.Contains(s[2+i:], ")")
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return unescape(s[:i]), i > 0
			}
			depth--
		case ' ', '\t':
			if depth == 0 {
				return unescape(s[:i]), i > 0 && strings.Contains(s[i:], ")")
			}
		}
	}
	return "", false
}

// unescape removes the backslash of each backslash escape of ASCII
// punctuation.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isPunct reports whether c is ASCII punctuation.
func isPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

// resolve returns dest resolved against base when it is an http or https
// URL with a host and no credentials.
func resolve(dest string, base *url.URL) (string, bool) {
	ref, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	if (ref.Scheme != "http" && ref.Scheme != "https") || ref.Host == "" || ref.User != nil || ref.Opaque != "" {
		return "", false
	}
	s := ref.String()
	if again, err := url.Parse(s); err != nil || again.Host != ref.Host {
		return "", false
	}
	return s, true
}

// cleanTitle removes Markdown code and emphasis marks and backslash escapes
// from link text, and makes it one printable line of at most maxTitle bytes.
func cleanTitle(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == '`' || c == '*':
		case (c == '_' || c == '~') && (i == 0 || i+1 == len(s) || !isWord(s[i-1]) || !isWord(s[i+1])):
		default:
			b.WriteByte(c)
		}
	}
	return cleanText(b.String(), maxTitle)
}

// isWord reports whether c is an ASCII letter or digit, or part of a
// multi-byte character.
func isWord(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
