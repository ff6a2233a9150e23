package errcodes

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxBodyBytes is the most FromResponse reads of a response body, whatever
// the server sends.
const MaxBodyBytes = 64 << 10

// Limits on what an *Error keeps of a response.
const (
	maxKeptBody    = 4 << 10 // Error.Body
	maxMessageLen  = 1 << 10 // Error.Message, in bytes
	maxTextMessage = 1 << 10 // a plain-text body longer than this is no message
)

// FromResponse turns a failed response into an *Error, and returns nil for a
// status below 400. The *Error carries the status (documented or not), the
// API's message when the body is JSON of a common shape or short plain text,
// the start of the raw body, and the wait the server asked for in
// Retry-After or retry-after-ms (measured from the response's Date header
// when it has one, and capped at MaxRetryAfter).
//
// FromResponse reads at most MaxBodyBytes of resp.Body and does not close
// it: the caller still owns the body and must close it, as for any response.
// A body the transport left compressed (Content-Encoding: gzip, as when the
// request set its own Accept-Encoding or the transport disables compression)
// is decompressed, to at most MaxBodyBytes too, and Body holds the
// decompressed text. A binary body (gzip or other compressed data, images,
// text that is mostly control bytes or invalid UTF-8) gives no Message; its
// start stays in Body, which Error and LogValue never show.
//
// It never copies request or response headers into the error, and it
// removes credentials the server echoes back: every occurrence, in Message,
// Status and Body, of a credential the request carried (see requestSecrets)
// is replaced with "[REDACTED]". So the error is safe to log. A nil response
// gives an *Error with code 0.
//
// Cost: reading the headers of resp.Request allocates nothing; a request
// with credentials costs one scan of the (at most 64 KiB) body and of the
// message per credential, and allocates only to decode Basic credentials and
// to replace a credential that is found.
func FromResponse(resp *http.Response) error {
	if resp == nil {
		return &Error{Message: "no response"}
	}
	if resp.StatusCode < 400 {
		return nil
	}
	var buf [16]string
	secrets := requestSecrets(resp.Request, buf[:0])
	e := &Error{Code: Code(resp.StatusCode), Status: redactString(resp.Status, secrets)}
	if resp.Body != nil {
		// A read error leaves what was read before it: still the best
		// account of the failure there is.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
		if gzipEncoded(resp.Header) {
			body = gunzip(body)
		}
		e.Message = truncateMessage(redactString(messageOf(body), secrets))
		body = redactBytes(body, secrets)
		e.Reason = reasonIn(body, reasonField)
		e.Body = body
		if len(body) > maxKeptBody {
			// Copy, so the error does not pin the whole read buffer.
			e.Body = bytes.Clone(body[:maxKeptBody])
		}
	}
	e.RetryAfter, _ = retryAfterOf(resp.Header)
	return e
}

// gzipEncoded reports whether h says the body is gzip and nothing else. The
// transport removes the header when it decompresses the body itself.
func gzipEncoded(h http.Header) bool {
	ce := strings.TrimSpace(h.Get("Content-Encoding"))
	return strings.EqualFold(ce, "gzip") || strings.EqualFold(ce, "x-gzip")
}

// gunzip decompresses a gzip body, to at most MaxBodyBytes: a gzip bomb
// costs no more than reading MaxBodyBytes of it. A body that is not gzip
// after all is returned as it is; a truncated or corrupt one gives what
// could be decompressed before the damage, if anything.
func gunzip(body []byte) []byte {
	if !bytes.HasPrefix(body, gzipMagic) {
		return body
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return body
	}
	out, _ := io.ReadAll(io.LimitReader(zr, MaxBodyBytes))
	if len(out) == 0 {
		return body
	}
	return out
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// utf8BOM is the byte order mark some servers put before JSON or HTML.
const utf8BOM = "\uFEFF"

// trimBody removes leading and trailing white space and any leading UTF-8
// byte order marks.
func trimBody(body []byte) []byte {
	b := bytes.TrimSpace(body)
	for bytes.HasPrefix(b, []byte(utf8BOM)) {
		b = bytes.TrimSpace(b[len(utf8BOM):])
	}
	return b
}

// messageOf finds the API's explanation in a response body: a JSON object
// of a common error shape, or short plain text, after any byte order mark
// and white space. It returns "" for anything else (HTML pages, JSON without
// a message, long or binary bodies). The message is cleaned but not yet cut
// to maxMessageLen: redaction comes first, so that a cut cannot leave part
// of a credential.
func messageOf(body []byte) string {
	b := trimBody(body)
	switch {
	case len(b) == 0:
		return ""
	case b[0] == '{':
		// A struct, not a map: the decoder skips every other key
		// without allocating for it.
		var top struct {
			Message          json.RawMessage `json:"message"`
			Error            json.RawMessage `json:"error"`
			Detail           json.RawMessage `json:"detail"`
			Errors           json.RawMessage `json:"errors"`
			ErrorDescription json.RawMessage `json:"error_description"`
			Title            json.RawMessage `json:"title"`
			Msg              json.RawMessage `json:"msg"`
		}
		if json.Unmarshal(b, &top) != nil {
			return ""
		}
		for _, raw := range []json.RawMessage{top.Message, top.Error, top.Detail, top.Errors, top.ErrorDescription, top.Title, top.Msg} {
			if m := messageIn(raw, 2); m != "" {
				return cleanMessage(m)
			}
		}
		return ""
	case b[0] == '<' || b[0] == '[' || len(b) > maxTextMessage || looksBinary(b):
		return ""
	}
	return cleanMessage(string(b))
}

// looksBinary reports whether a body is data rather than text: it starts
// with the gzip magic number, holds a NUL byte, or more than a fifth of its
// bytes are control characters (but tab, newline and carriage return) or
// bytes of invalid UTF-8. Text in a legacy encoding with a few accented
// letters is still text, its stray bytes shown as U+FFFD. Only the first
// 512 bytes are looked at, as http.DetectContentType does.
func looksBinary(b []byte) bool {
	if bytes.HasPrefix(b, gzipMagic) {
		return true
	}
	sampled := len(b) > 512
	if sampled {
		b = b[:512]
	}
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				return true
			case c < ' ' && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if sampled && !utf8.FullRune(b[i:]) {
				break // a rune cut by the sample's end
			}
			bad++
		}
		i += size
	}
	return bad*5 > len(b)
}

// messageIn reads a message from a JSON value: a string; an object's
// "message", "msg", "detail" or "description"; or an array's first element
// that has one. depth bounds how far into objects and arrays it looks.
func messageIn(raw json.RawMessage, depth int) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || depth < 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case '{':
		var obj struct {
			Message     json.RawMessage `json:"message"`
			Msg         json.RawMessage `json:"msg"`
			Detail      json.RawMessage `json:"detail"`
			Description json.RawMessage `json:"description"`
		}
		if json.Unmarshal(raw, &obj) == nil {
			for _, v := range []json.RawMessage{obj.Message, obj.Msg, obj.Detail, obj.Description} {
				if m := messageIn(v, depth-1); m != "" {
					return m
				}
			}
		}
	case '[':
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) == nil {
			for _, el := range arr {
				if m := messageIn(el, depth-1); m != "" {
					return m
				}
			}
		}
	}
	return ""
}

// cleanMessage makes server text fit for an error string and a log line:
// valid UTF-8, no control characters (a newline could forge log lines),
// white space collapsed. truncateMessage then cuts it to maxMessageLen.
func cleanMessage(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// truncateMessage cuts a cleaned message to at most maxMessageLen bytes, on
// a rune boundary, marking the cut with an ellipsis.
func truncateMessage(s string) string {
	if len(s) > maxMessageLen {
		cut := maxMessageLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// redacted replaces every credential FromResponse finds in an error.
const redacted = "[REDACTED]"

// minSecretLen is the shortest credential value that is redacted: a shorter
// one ("1", "en") would blank ordinary words of the message, and is no
// credential worth the name.
const minSecretLen = 8

// requestSecrets appends to list the credentials req carried, longest
// first, for redaction from what the server answered:
//
//   - the values of every header whose name holds "auth", "key", "token",
//     "secret", "session", "signature", "password", "passwd", "credential"
//     or "cookie", case-insensitively (Authorization, Proxy-Authorization,
//     Cookie, X-Api-Key, Api-Key, X-Auth-Token...): each whole value; the
//     part after an auth scheme ("Bearer <token>"); each name=value
//     parameter's value (Cookie pairs, Digest and AWS Signature parameters);
//     and a Basic value's decoded user name and password;
//   - the user name and password of the URL's userinfo;
//   - the values of query parameters whose names hold those words or end in
//     "sig", as sent and decoded.
//
// Values shorter than minSecretLen are left out. A value that holds '/' is
// also listed with it escaped as JSON may escape it ("\/"), and one that holds
// white space also as cleanMessage leaves it. Collecting allocates nothing
// until list outgrows its capacity, except to decode Basic credentials.
func requestSecrets(req *http.Request, list []string) []string {
	if req == nil {
		return list
	}
	for name, values := range req.Header {
		if !secretName(name) {
			continue
		}
		for _, v := range values {
			list = addSecretValue(list, v)
		}
	}
	if u := req.URL; u != nil {
		if u.User != nil {
			list = addSecret(list, u.User.Username())
			pass, _ := u.User.Password()
			list = addSecret(list, pass)
		}
		for q := u.RawQuery; q != ""; {
			var pair string
			pair, q, _ = strings.Cut(q, "&")
			name, value, _ := strings.Cut(pair, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if !secretName(name) && !hasSuffixFold(name, "sig") {
				continue
			}
			list = addSecret(list, value)
			if v, err := url.QueryUnescape(value); err == nil && v != value {
				list = addSecret(list, v)
			}
		}
	}
	// Longest first: a credential that holds another is replaced whole.
	slices.SortFunc(list, func(a, b string) int { return len(b) - len(a) })
	return list
}

// secretName reports whether a header or query parameter name looks like
// it carries a credential.
func secretName(name string) bool {
	for _, word := range [...]string{"auth", "key", "token", "secret", "session", "signature", "password", "passwd", "credential", "cookie"} {
		if containsFold(name, word) {
			return true
		}
	}
	return false
}

// addSecretValue adds a credential header's value, and its parts: what
// follows an auth scheme, the values of name=value parameters separated by
// ',' or ';', and the user name and password of Basic credentials.
func addSecretValue(list []string, v string) []string {
	v = strings.TrimSpace(v)
	list = addSecret(list, v)
	if scheme, rest, ok := strings.Cut(v, " "); ok && !strings.Contains(scheme, "=") {
		rest = strings.TrimSpace(rest)
		list = addSecret(list, rest)
		if strings.EqualFold(scheme, "Basic") {
			if dec, err := base64.StdEncoding.DecodeString(rest); err == nil {
				user, pass, _ := strings.Cut(string(dec), ":")
				list = addSecret(list, user)
				list = addSecret(list, pass)
			}
		}
	}
	for rest := v; rest != ""; {
		i := strings.IndexAny(rest, ",;")
		part := rest
		if i < 0 {
			rest = ""
		} else {
			part, rest = rest[:i], rest[i+1:]
		}
		if _, value, ok := strings.Cut(part, "="); ok {
			list = addSecret(list, strings.Trim(value, " \t\""))
		}
	}
	return list
}

// addSecret adds s, and the forms an echo of it may take, unless it is too
// short or already listed.
func addSecret(list []string, s string) []string {
	if len(s) < minSecretLen {
		return list
	}
	list = appendNew(list, s)
	if !cleanASCII(s) {
		s = cleanMessage(s) // as the message shows it
		if len(s) >= minSecretLen {
			list = appendNew(list, s)
		}
	}
	if strings.Contains(s, "/") {
		list = appendNew(list, strings.ReplaceAll(s, "/", "\\/")) // as JSON may escape it
	}
	return list
}

// appendNew appends s to list unless list holds it.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// cleanASCII reports whether cleanMessage would leave s as it is, for
// printable ASCII: no control characters, no leading, trailing or double
// spaces.
func cleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// redactString replaces every occurrence of each secret in s, longest first.
func redactString(s string, secrets []string) string {
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, redacted)
		}
	}
	return s
}

// redactBytes is redactString for a body. It returns b itself, and
// allocates nothing, when b holds no secret.
func redactBytes(b []byte, secrets []string) []byte {
	for _, secret := range secrets {
		if indexString(b, secret) >= 0 {
			b = bytes.ReplaceAll(b, []byte(secret), []byte(redacted))
		}
	}
	return b
}

// indexString is bytes.Index(b, []byte(s)) without converting s, which
// allocates for a long s (a JWT, say).
func indexString(b []byte, s string) int {
	if s == "" {
		return 0
	}
	for i := 0; len(b)-i >= len(s); i++ {
		j := bytes.IndexByte(b[i:len(b)-len(s)+1], s[0])
		if j < 0 {
			return -1
		}
		i += j
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

// containsFold reports whether s contains word, ignoring ASCII case; word
// is lower case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if hasPrefixFold(s[i:], word) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with word, ignoring ASCII case; word
// is lower case.
func hasSuffixFold(s, word string) bool {
	return len(s) >= len(word) && hasPrefixFold(s[len(s)-len(word):], word)
}

// hasPrefixFold reports whether s starts with word, ignoring ASCII case;
// word is lower case.
func hasPrefixFold(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}

// retryAfterOf reads the wait a response asks for: retry-after-ms (as the
// major API SDKs do, it is more precise) and then Retry-After, with an
// HTTP-date measured from the response's Date header when it has one.
func retryAfterOf(h http.Header) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	if d, ok := parseRetryAfterMs(h.Get("Retry-After-Ms")); ok {
		return d, true
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	var now time.Time // delay-seconds need no clock
	if !isDigits(v) {
		now = time.Now()
		if date, err := http.ParseTime(h.Get("Date")); err == nil {
			now = date
		}
	}
	return ParseRetryAfter(v, now)
}
