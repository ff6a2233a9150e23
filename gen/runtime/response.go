package errcodes

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
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
// API's message, the problem details of an RFC 9457 body, the start of the
// raw body, and the wait the server asked for in Retry-After or
// retry-after-ms (measured from the response's Date header when it has one,
// and capped at MaxRetryAfter).
//
// The message is found in a body that is, after any byte order marks and
// white space, either short plain text (at most 1 KiB, not HTML, not
// binary) or a valid JSON object (json.Unmarshal's grammar and nesting
// limit) with one of the top-level members "message", "error", "detail",
// "errors", "error_description", "title" or "msg", taken in that order of
// priority and matched as encoding/json matches struct fields (ignoring
// case; the last of duplicate members counts). A member's value gives a
// message when it is a non-empty string, or an object whose "message",
// "msg", "detail" or "description" (in that order) gives one, or an array
// whose first element that gives one does, looking at most two objects or
// arrays deep: {"error":{"message":"..."}}, {"errors":[{"message":"..."}]},
// {"detail":[{"msg":"..."}]}. The message is decoded as json.Unmarshal
// decodes it, cleaned for a log line (valid UTF-8, no control or format
// characters, white space collapsed), stripped of the request's
// credentials, and cut to 1 KiB.
//
// Error.Problem is set for RFC 9457 problem details: a JSON object sent as
// application/problem+json (any case, parameters ignored), or sent as
// application/json with a non-empty string "title", a "status" of three
// digits from 100 to 599, and a string "type", "detail" or "instance",
// member names matched as RFC 9457 spells them; {"type":"error",
// "error":{...}} is none. Its members are cleaned, redacted and cut as the
// message is; the message stays what the rules above give ("detail" before
// "title"), and Code still comes from the response's status.
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
// Problem, Status and Body, of a credential the request carried (see
// requestSecrets) is replaced with "[REDACTED]". So the error is safe to
// log. A nil response gives an *Error with code 0.
//
// Cost: the body is read into a pooled buffer and scanned once, without
// reflection, for the message, the problem members and the string code
// alike; the *Error, its message, its copy of the body, any problem
// members and the string of a code the docs do not list (a documented
// one is its constant) are all that is allocated, but for replacing a
// credential that is found, which also scans the redacted body again for
// the code (the pooled buffer and its gzip decompressor are reused, not
// made for each response). Reading the headers of
// resp.Request allocates nothing; a request with credentials costs one
// scan of the (at most 64 KiB) body and of the message per credential,
// and allocates only to decode Basic credentials.
//
// A response whose X-Should-Retry header says "true" or "false" (any case),
// as Stainless-generated SDKs read it, gives an *Error whose Retryable says
// the same, whatever its code.
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
		rb := readBuffers.Get().(*readBuffer)
		// A read error leaves what was read before it: still the best
		// account of the failure there is.
		body := rb.read(resp.Body)
		if gzipEncoded(resp.Header) {
			body = rb.gunzip(body)
		}
		scanned := rb.describe(e, body, secrets, headerValue(resp.Header, "Content-Type"))
		redactedBody := redactBytes(body, secrets)
		switch {
		case !hasReasons:
		case !sameBytes(redactedBody, body):
			// The code is read from the body the error keeps: an echoed
			// credential is "[REDACTED]" there, which is no code. This
			// second scan is the price of a credential found, as the
			// redaction's copy is.
			e.Reason = rb.scan.reasonIn(redactedBody, reasonField)
		case scanned:
			e.Reason = rb.scan.reason() // from describe's scan
		}
		body = redactedBody
		// A copy: the pool reuses the buffer.
		e.Body = bytes.Clone(body[:min(len(body), maxKeptBody)])
		readBuffers.Put(rb)
	}
	e.RetryAfter, _ = retryAfterOf(resp.Header)
	if retry, ok := shouldRetryHeader(resp.Header); ok {
		e.serverRetry = -1
		if retry {
			e.serverRetry = 1
		}
	}
	return e
}

// readBuffer is FromResponse's working memory. It is pooled: a fresh
// 64 KiB buffer for every response would cost more than reading into it.
type readBuffer struct {
	body [MaxBodyBytes]byte
	// plain holds a decompressed body; it is made for the first
	// compressed one.
	plain *[MaxBodyBytes]byte
	// zr decompresses, reset for each body: a new gzip.Reader allocates
	// tens of kilobytes.
	zr  *gzip.Reader
	src bytes.Reader // zr's input
	// text is where a message is cleaned before it becomes a string.
	text []byte
	scan bodyScanner
}

// readBuffers holds the readBuffers not in use.
var readBuffers = sync.Pool{New: func() any { return new(readBuffer) }}

// read reads r into rb.body until it is full, r ends or r fails, and
// returns what it read: at most MaxBodyBytes, never nil.
func (rb *readBuffer) read(r io.Reader) []byte {
	n := 0
	for n < len(rb.body) {
		m, err := r.Read(rb.body[n:])
		if m < 0 || m > len(rb.body)-n {
			break // a broken Reader: trust none of it
		}
		n += m
		if err != nil {
			break
		}
	}
	return rb.body[:n]
}

// gunzip decompresses a gzip body into rb.plain, to at most MaxBodyBytes:
// a gzip bomb costs no more than reading MaxBodyBytes of it. A body that is
// not gzip after all is returned as it is; a truncated or corrupt one gives
// what could be decompressed before the damage, if anything.
func (rb *readBuffer) gunzip(body []byte) []byte {
	if !bytes.HasPrefix(body, gzipMagic) {
		return body
	}
	rb.src.Reset(body)
	if rb.zr == nil {
		zr, err := gzip.NewReader(&rb.src)
		if err != nil {
			return body
		}
		rb.zr = zr
	} else if rb.zr.Reset(&rb.src) != nil {
		return body
	}
	if rb.plain == nil {
		rb.plain = new([MaxBodyBytes]byte)
	}
	n := 0
	for n < len(rb.plain) {
		m, err := rb.zr.Read(rb.plain[n:])
		n += m
		if err != nil {
			break
		}
	}
	if n == 0 {
		return body
	}
	return rb.plain[:n]
}

// describe sets e's Message, and its Problem if the body is one, from a
// body (decompressed) and its Content-Type. It reports whether the body
// is a valid JSON object, whose candidates for the string code rb.scan
// then holds.
func (rb *readBuffer) describe(e *Error, body []byte, secrets []string, contentType string) bool {
	b := trimBody(body)
	switch {
	case len(b) == 0:
	case b[0] == '{':
		var slots [numTopSlots]jsonValue
		if !rb.scan.scanTop(b, &slots, reasonField) {
			return false
		}
		var msg span
		for _, slot := range slots[:numMessageSlots] {
			if !slot.msg.empty() {
				msg = slot.msg
				e.Message = rb.finish(appendCleanJSON(rb.text[:0], b[msg.start:msg.end]), secrets)
				break
			}
		}
		if isProblem(contentType, &slots, b) {
			p := &Problem{
				Type:     rb.member(slots[slotProblemType], b, secrets),
				Title:    rb.member(slots[slotProblemTitle], b, secrets),
				Instance: rb.member(slots[slotProblemInstance], b, secrets),
			}
			if detail := slots[slotProblemDetail]; detail.kind == '"' && detail.raw == msg {
				p.Detail = e.Message // the same string: no second copy
			} else {
				p.Detail = rb.member(detail, b, secrets)
			}
			e.Problem = p
		}
		return true
	case b[0] == '<' || b[0] == '[' || len(b) > maxTextMessage || looksBinary(b):
	default:
		e.Message = rb.finish(appendCleanText(rb.text[:0], b), secrets)
	}
	return false
}

// sameBytes reports whether a and b are the same slice of the same memory:
// redactBytes returns its argument itself when it finds no credential.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// member returns a problem member's cleaned text, or "" if v is no string.
func (rb *readBuffer) member(v jsonValue, b []byte, secrets []string) string {
	if v.kind != '"' {
		return ""
	}
	return rb.finish(appendCleanJSON(rb.text[:0], b[v.raw.start:v.raw.end]), secrets)
}

// finish turns cleaned text, held in rb.text's memory, into a message:
// credentials redacted, then cut to maxMessageLen, so that a cut cannot
// leave part of a credential. Only the string allocates, unless a
// credential is found.
func (rb *readBuffer) finish(text []byte, secrets []string) string {
	rb.text = text[:0] // keep the grown buffer
	if len(text) == 0 {
		return ""
	}
	text = redactBytes(text, secrets)
	if len(text) > maxMessageLen {
		cut := maxMessageLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = append(text[:cut], "…"...)
	}
	return string(text)
}

// headerValue is h.Get(key) for a key already in canonical form, without
// canonicalizing it again on every call: the first value, or "".
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// gzipEncoded reports whether h says the body is gzip and nothing else. The
// transport removes the header when it decompresses the body itself.
func gzipEncoded(h http.Header) bool {
	ce := strings.TrimSpace(headerValue(h, "Content-Encoding"))
	return strings.EqualFold(ce, "gzip") || strings.EqualFold(ce, "x-gzip")
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
	if d, ok := parseRetryAfterMs(headerValue(h, "Retry-After-Ms")); ok {
		return d, true
	}
	v := strings.TrimSpace(headerValue(h, "Retry-After"))
	if v == "" {
		return 0, false
	}
	var now time.Time // delay-seconds need no clock
	if !isDigits(v) {
		now = time.Now()
		if date, err := http.ParseTime(headerValue(h, "Date")); err == nil {
			now = date
		}
	}
	return ParseRetryAfter(v, now)
}
