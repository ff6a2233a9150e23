package errcodes

// The implementation of FromResponse before the one-pass scanner, kept as
// the reference the differential tests compare the scanner against: it
// decodes with encoding/json, so it defines what counts as valid JSON,
// which keys match and which message wins.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
)

// oldFromResponse is FromResponse as it was: io.ReadAll, then up to three
// json.Unmarshal calls per nested value, then cleanMessage.
func oldFromResponse(resp *http.Response) error {
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
			body = oldGunzip(body)
		}
		e.Message = truncateMessage(redactString(oldMessageOf(body), secrets))
		body = redactBytes(body, secrets)
		e.Body = body
		if len(body) > maxKeptBody {
			// Copy, so the error does not pin the whole read buffer.
			e.Body = bytes.Clone(body[:maxKeptBody])
		}
	}
	e.RetryAfter, _ = retryAfterOf(resp.Header)
	return e
}

// oldGunzip decompresses a gzip body, to at most MaxBodyBytes: a gzip bomb
// costs no more than reading MaxBodyBytes of it. A body that is not gzip
// after all is returned as it is; a truncated or corrupt one gives what
// could be decompressed before the damage, if anything.
func oldGunzip(body []byte) []byte {
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

// oldMessageOf finds the API's explanation in a response body: a JSON object
// of a common error shape, or short plain text, after any byte order mark
// and white space. It returns "" for anything else (HTML pages, JSON without
// a message, long or binary bodies). The message is cleaned but not yet cut
// to maxMessageLen: redaction comes first, so that a cut cannot leave part
// of a credential.
func oldMessageOf(body []byte) string {
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
			if m := oldMessageIn(raw, 2); m != "" {
				return cleanMessage(m)
			}
		}
		return ""
	case b[0] == '<' || b[0] == '[' || len(b) > maxTextMessage || looksBinary(b):
		return ""
	}
	return cleanMessage(string(b))
}

// oldMessageIn reads a message from a JSON value: a string; an object's
// "message", "msg", "detail" or "description"; or an array's first element
// that has one. depth bounds how far into objects and arrays it looks.
func oldMessageIn(raw json.RawMessage, depth int) string {
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
				if m := oldMessageIn(v, depth-1); m != "" {
					return m
				}
			}
		}
	case '[':
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) == nil {
			for _, el := range arr {
				if m := oldMessageIn(el, depth-1); m != "" {
					return m
				}
			}
		}
	}
	return ""
}
