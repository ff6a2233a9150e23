package errcodes

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// maxReasonCandidates bounds how many elements of an "errors" array
// reasonIn looks at: the first few say what went wrong.
const maxReasonCandidates = 8

// reasonIn finds the API's string error code in a response body. Its whole
// contract, which a faster scanner may replace it under:
//
//   - body is at most MaxBodyBytes, already decompressed, after any byte
//     order mark and white space; only a JSON object is looked into;
//     anything else (invalid JSON included) gives "";
//   - the candidates, in order: the value at field (the spec's code_field,
//     a dotted path of object keys), then error.code, error.type, code,
//     error_code, errorCode, type, and the code of each of the first
//     maxReasonCandidates elements of an "errors" array;
//   - a candidate is a JSON string that validReason accepts; numbers,
//     null, objects, and strings of other characters or over MaxReasonLen
//     bytes are not;
//   - a "type" that is a URI (it holds '/', or is "about:blank", as
//     problem+json's is) counts only by its last path segment, and only when
//     that segment is a Known reason;
//   - the first Known candidate wins; failing that, the first candidate;
//     failing that, "".
//
// It returns "" at once when the package documents no reasons (hasReasons
// is false): such a package has no use for them.
func reasonIn(body []byte, field string) Reason {
	if !hasReasons {
		return ""
	}
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' {
		return ""
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil {
		return ""
	}
	var found Reason // the first valid candidate
	// consider reports whether r ends the search: it is Known.
	consider := func(raw json.RawMessage, uri bool) bool {
		r, ok := reasonValue(raw, uri)
		if !ok {
			return false
		}
		if r.Known() {
			found = r
			return true
		}
		if found == "" {
			found = r
		}
		return false
	}
	if field != "" && consider(pathValue(top, field), false) {
		return found
	}
	errObj := objectOf(top["error"])
	for _, c := range []struct {
		raw json.RawMessage
		uri bool
	}{
		{errObj["code"], false},
		{errObj["type"], false},
		{top["code"], false},
		{top["error_code"], false},
		{top["errorCode"], false},
		{top["type"], true},
	} {
		if consider(c.raw, c.uri) {
			return found
		}
	}
	var list []json.RawMessage
	if raw := bytes.TrimSpace(top["errors"]); len(raw) > 0 && raw[0] == '[' && json.Unmarshal(raw, &list) == nil {
		for i, el := range list {
			if i == maxReasonCandidates {
				break
			}
			if consider(objectOf(el)["code"], false) {
				return found
			}
		}
	}
	return found
}

// reasonValue reads a candidate: a JSON string that is a valid reason. For
// a uri candidate, a URI ("https://api.test/problems/out_of_credit",
// "about:blank") gives its last path segment when that is Known, and
// nothing otherwise.
func reasonValue(raw json.RawMessage, uri bool) (Reason, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '"' || len(raw) > 2*MaxReasonLen+16 {
		// Not a string, or too long to be a reason however it is escaped.
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	if uri && (strings.Contains(s, "/") || s == "about:blank") {
		s = strings.TrimRight(s, "/")
		s = s[strings.LastIndexByte(s, '/')+1:]
		r := Reason(s)
		return r, validReason(s) && r.Known()
	}
	return Reason(s), validReason(s)
}

// objectOf decodes a JSON object's members; nil for anything else.
func objectOf(raw json.RawMessage) map[string]json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	return obj
}

// pathValue returns the value at a dotted path of object keys ("error.code")
// in top; nil when a key is missing or a step is not an object.
func pathValue(top map[string]json.RawMessage, path string) json.RawMessage {
	obj := top
	for {
		key, rest, more := strings.Cut(path, ".")
		v, ok := obj[key]
		if !ok || !more {
			return v
		}
		if obj = objectOf(v); obj == nil {
			return nil
		}
		path = rest
	}
}

// responseReason reads the start of a failed response's body, at most
// MaxBodyBytes, and finds its reason, leaving resp.Body reading the same
// bytes and then the rest, and closing the original body when closed: the
// caller (go-retryablehttp, its ErrorHandler, the client) still gets the
// whole body. It reads nothing when the package documents no reasons, or
// the response has no body.
func responseReason(resp *http.Response) Reason {
	if !hasReasons || resp == nil || resp.Body == nil || resp.Body == http.NoBody {
		return ""
	}
	body := resp.Body
	// A read error leaves what was read before it, as in FromResponse;
	// the reader after the replay returns the error again.
	read, _ := io.ReadAll(io.LimitReader(body, MaxBodyBytes))
	resp.Body = replayBody{io.MultiReader(bytes.NewReader(read), body), body}
	if gzipEncoded(resp.Header) {
		rb := readBuffers.Get().(*readBuffer)
		defer readBuffers.Put(rb)
		read = rb.gunzip(read)
	}
	return reasonIn(read, reasonField)
}
