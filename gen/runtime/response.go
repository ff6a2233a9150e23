package errcodes

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
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
// It never copies request or response headers into the error, so the error
// is safe to log. A nil response gives an *Error with code 0.
func FromResponse(resp *http.Response) error {
	if resp == nil {
		return &Error{Message: "no response"}
	}
	if resp.StatusCode < 400 {
		return nil
	}
	e := &Error{Code: Code(resp.StatusCode), Status: resp.Status}
	if resp.Body != nil {
		// A read error leaves what was read before it: still the best
		// account of the failure there is.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
		e.Body = body
		if len(body) > maxKeptBody {
			// Copy, so the error does not pin the whole read buffer.
			e.Body = bytes.Clone(body[:maxKeptBody])
		}
		e.Message = messageOf(body)
	}
	e.RetryAfter, _ = retryAfterOf(resp.Header)
	return e
}

// messageOf finds the API's explanation in a response body: a JSON object
// of a common error shape, or short plain text. It returns "" for anything
// else (HTML pages, JSON without a message, long or binary bodies).
func messageOf(body []byte) string {
	b := bytes.TrimSpace(body)
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
	case b[0] == '<' || b[0] == '[' || len(b) > maxTextMessage:
		return ""
	}
	return cleanMessage(string(b))
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
// white space collapsed, at most maxMessageLen bytes.
func cleanMessage(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxMessageLen {
		cut := maxMessageLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
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
