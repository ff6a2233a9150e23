package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"strings"
)

// checkNotHTML returns an error matching ErrHTML when contentType names
// HTML or body starts like an HTML document, suggesting where the Markdown
// form of final may be.
func checkNotHTML(contentType string, body []byte, final *url.URL) error {
	var why string
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "text/html" || mt == "application/xhtml+xml" {
		why = "Content-Type " + mt
	} else if looksHTML(body) {
		why = "the body starts with an HTML tag"
	} else {
		return nil
	}
	return fmt.Errorf("%w (%s); %s", ErrHTML, why, markdownHint(final))
}

// looksHTML reports whether b starts, after a byte order mark and white
// space, with the tag "<!doctype html" or "<html", in any case.
func looksHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(b) >= len(p) && strings.EqualFold(string(b[:len(p)]), p) {
			return len(b) == len(p) || strings.IndexByte(" \t\r\n\f>", b[len(p)]) >= 0
		}
	}
	return false
}

// markdownHint suggests the Markdown forms docs sites commonly serve.
func markdownHint(final *url.URL) string {
	root := url.URL{Scheme: final.Scheme, Host: final.Host}
	index := root
	index.Path = "/llms.txt"
	p := strings.TrimSuffix(final.Path, "/")
	if p == "" || strings.HasSuffix(p, ".md") {
		return fmt.Sprintf("pass the page's Markdown URL instead; many docs sites list theirs in %s", &index)
	}
	md := root
	md.Path = p + ".md"
	return fmt.Sprintf("pass the page's Markdown URL instead: many docs sites serve it at %s, or list Markdown URLs in %s", &md, &index)
}
