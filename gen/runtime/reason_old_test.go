package errcodes

import (
	"bytes"
	"encoding/json"
	"strings"
)

// oldReasonIn is the reference reasonIn is held to: reasonIn as it was
// before it joined the one-pass scanner, decoding with encoding/json. It
// finds the API's string error code in a response body. Its whole contract:
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
func oldReasonIn(body []byte, field string) Reason {
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
		r, ok := oldReasonValue(raw, uri)
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
	if field != "" && consider(oldPathValue(top, field), false) {
		return found
	}
	errObj := oldObjectOf(top["error"])
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
			if consider(oldObjectOf(el)["code"], false) {
				return found
			}
		}
	}
	return found
}

// oldReasonValue reads a candidate: a JSON string that is a valid reason. For
// a uri candidate, a URI ("https://api.test/problems/out_of_credit",
// "about:blank") gives its last path segment when that is Known, and
// nothing otherwise.
func oldReasonValue(raw json.RawMessage, uri bool) (Reason, bool) {
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

// oldObjectOf decodes a JSON object's members; nil for anything else.
func oldObjectOf(raw json.RawMessage) map[string]json.RawMessage {
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

// oldPathValue returns the value at a dotted path of object keys ("error.code")
// in top; nil when a key is missing or a step is not an object.
func oldPathValue(top map[string]json.RawMessage, path string) json.RawMessage {
	obj := top
	for {
		key, rest, more := strings.Cut(path, ".")
		v, ok := obj[key]
		if !ok || !more {
			return v
		}
		if obj = oldObjectOf(v); obj == nil {
			return nil
		}
		path = rest
	}
}
