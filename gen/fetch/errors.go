package fetch

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrHTML is matched (errors.Is) by the error Get returns for an HTML page:
// Markdown was expected. The error's message suggests the Markdown form.
var ErrHTML = errors.New("got an HTML page where Markdown was expected")

// maxExcerpt bounds the text of an error body a StatusError quotes.
const maxExcerpt = 200

// StatusError is a non-2xx answer (a 304 Get asked for is no error).
type StatusError struct {
	// URL answered, after redirects.
	URL string
	// StatusCode is the HTTP status.
	StatusCode int
	// Status is the status line ("404 Not Found"), cleaned of control
	// characters.
	Status string
	// Advice says what to do about it, or is "".
	Advice string
	// Excerpt is the start of a text body, at most about 200 bytes,
	// cleaned of control characters; "" for none or an HTML one.
	Excerpt string
}

// Error returns the status line, the advice and the excerpt; the caller's
// wrapping names the URL.
func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString("the server answered ")
	b.WriteString(e.Status)
	if e.Advice != "" {
		b.WriteString("; ")
		b.WriteString(e.Advice)
	}
	if e.Excerpt != "" {
		fmt.Fprintf(&b, "; it said %q", e.Excerpt)
	}
	return b.String()
}

// statusError reads a little of resp's body and builds its StatusError.
func statusError(resp *http.Response, final *url.URL, conditional bool) *StatusError {
	code := resp.StatusCode
	status := cleanText(resp.Status, 100)
	if !strings.HasPrefix(status, strconv.Itoa(code)) {
		status = strconv.Itoa(code) + " " + http.StatusText(code)
	}
	status = strings.TrimSpace(status)
	var advice string
	switch {
	case code == http.StatusNotModified && !conditional:
		advice = "Not Modified, though Get sent no validators"
	case code >= 300 && code <= 399:
		advice = "a redirect Get could not follow (no usable Location)"
	case code == http.StatusNotFound || code == http.StatusGone:
		advice = "check the URL"
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		advice = "the page is not public; errtable sends no credentials, so save the page yourself and pass its file"
	case code == http.StatusTooManyRequests || code >= 500:
		advice = "try again later"
		if ra := cleanText(resp.Header.Get("Retry-After"), 40); ra != "" {
			advice += " (Retry-After: " + ra + ")"
		}
	}
	return &StatusError{
		URL:        final.String(),
		StatusCode: code,
		Status:     status,
		Advice:     advice,
		Excerpt:    excerpt(resp),
	}
}

// excerpt returns the start of resp's body when it is text and not HTML.
func excerpt(resp *http.Response) string {
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	textual := mt == "" || strings.HasPrefix(mt, "text/") || strings.HasSuffix(mt, "json") || strings.HasSuffix(mt, "+xml")
	if !textual || mt == "text/html" {
		return ""
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4*maxExcerpt))
	if looksHTML(b) {
		return ""
	}
	return cleanText(string(b), maxExcerpt)
}

// tooLarge is the error for a body over the cap.
func tooLarge(max int64) error {
	return fmt.Errorf("the page is larger than %s, the size cap", formatBytes(max))
}

// formatBytes prints n in MiB or KiB when it is a whole number of them.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB (%d bytes)", n>>20, n)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB (%d bytes)", n>>10, n)
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanText makes s safe to print in a message: invalid UTF-8 replaced,
// control and format characters (bidi overrides too) turned into spaces,
// runs of space collapsed, and the result cut to at most max bytes on a
// rune boundary, with "..." when cut.
func cleanText(s string, max int) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			space = b.Len() > 0
			continue
		}
		n := utf8.RuneLen(r)
		if space {
			n++
		}
		if b.Len()+n > max {
			b.WriteString("...")
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
