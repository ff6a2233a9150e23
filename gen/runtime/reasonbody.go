package errcodes

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// maxReasonCandidates bounds how many elements of an "errors" array
// reasonIn looks at: the first few say what went wrong.
const maxReasonCandidates = 8

// reasonIn finds the API's string error code in a response body. Its whole
// contract, which reason_old_test.go holds it to with the encoding/json
// decoder it replaced:
//
//   - body is at most MaxBodyBytes, already decompressed, after any byte
//     order mark and white space; only a JSON object is looked into;
//     anything else (invalid JSON included) gives "";
//   - the candidates, in order: the value at field (the spec's code_field,
//     a dotted path of object keys, followed as deep as it goes), then
//     error.code, error.type, code, error_code, errorCode, type, and the
//     code of each of the first maxReasonCandidates elements of an
//     "errors" array; member names are matched exactly, after unescaping,
//     and the last of duplicate members counts, as for a map;
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
// is false): such a package has no use for them. FromResponse does not
// call it: it takes the candidates from the scan that finds the message.
func reasonIn(body []byte, field string) Reason {
	if !hasReasons {
		return ""
	}
	rb := readBuffers.Get().(*readBuffer)
	defer readBuffers.Put(rb)
	return rb.scan.reasonIn(body, field)
}

// reasonIn is reasonIn with s's memory.
func (s *bodyScanner) reasonIn(body []byte, field string) Reason {
	if !hasReasons {
		return ""
	}
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' {
		return ""
	}
	var slots [numTopSlots]jsonValue
	if !s.scanTop(b, &slots, field) {
		return ""
	}
	return s.reason()
}

// The candidates for the string code, in reasonIn's order of precedence:
// the indexes of bodyScanner.cands.
const (
	candField          = iota // the value at the code field's path
	candErrorCode             // error.code
	candErrorType             // error.type
	candCode                  // code
	candSnakeErrorCode        // error_code
	candCamelErrorCode        // errorCode
	candType                  // type, a URI or a code
	candErrors                // errors[0].code, then the next elements'
	numReasonCands     = candErrors + maxReasonCandidates
)

// Kinds of object or array a string-code candidate may sit in, as bits of
// reasonCtx.kind.
const (
	reasonTop     = 1 << iota // the body's object
	reasonError               // the top-level "error" object
	reasonErrors              // the top-level "errors" array
	reasonElement             // an element of "errors", reasonCtx.elem
)

// reasonCtx says what candidates for the string code the members of an
// object (or the elements of an array) may be. Its zero value says none:
// the value is only validated, or read for a message.
type reasonCtx struct {
	kind int // bits of reasonTop, reasonError, reasonErrors, reasonElement
	elem int // the element's index in "errors", for reasonElement
	// path is what is left of the code field's path at this object, when
	// pathOn: its first key names the member that is, or holds, the
	// value at the path.
	path   string
	pathOn bool
}

// inObject reports whether an object in this context may hold candidates.
func (rc reasonCtx) inObject() bool {
	return rc.pathOn || rc.kind&(reasonTop|reasonError|reasonElement) != 0
}

// matchReason returns, for the member named raw (still escaped) of an
// object in context rc, the context of its value and the bit set of the
// candidates (by index in s.cands) it is. A member that opens a new
// "error", "errors" or step of the path forgets what an earlier member of
// the same name held: the last of duplicate members counts. pathKey,
// pathRest and pathMore are rc.path cut at its first dot.
func (s *bodyScanner) matchReason(raw []byte, rc reasonCtx, pathKey, pathRest string, pathMore bool) (child reasonCtx, cands uint32) {
	plain := true
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	name := raw
	var buf [len("error_code")]byte
	if !plain {
		name = decodeShortName(raw, buf[:0])
	}
	switch {
	case rc.kind&reasonTop != 0:
		switch string(name) {
		case "error":
			s.cands[candErrorCode], s.cands[candErrorType] = span{}, span{}
			child.kind = reasonError
		case "errors":
			clear(s.cands[candErrors:])
			child.kind = reasonErrors
		case "code":
			cands = 1 << candCode
		case "error_code":
			cands = 1 << candSnakeErrorCode
		case "errorCode":
			cands = 1 << candCamelErrorCode
		case "type":
			cands = 1 << candType
		}
	case rc.kind&reasonError != 0:
		switch string(name) {
		case "code":
			cands = 1 << candErrorCode
		case "type":
			cands = 1 << candErrorType
		}
	case rc.kind&reasonElement != 0:
		if string(name) == "code" {
			cands = 1 << (candErrors + rc.elem)
		}
	}
	if rc.pathOn && nameIs(raw, plain, pathKey) {
		if pathMore {
			s.cands[candField] = span{}
			child.path, child.pathOn = pathRest, true
		} else {
			cands |= 1 << candField
		}
	}
	return child, cands
}

// setCands records v as each candidate of the bit set cands: where its
// string sits, or nothing for any other value.
func (s *bodyScanner) setCands(cands uint32, v jsonValue) {
	sp := span{}
	if v.kind == '"' {
		sp = v.raw
	}
	for i := range s.cands {
		if cands&(1<<i) != 0 {
			s.cands[i] = sp
		}
	}
}

// decodeShortName appends the ASCII member name raw (still escaped),
// unescaped, to buf; it returns nil when the name is longer than buf can
// hold or not ASCII, and so is none of matchReason's fixed names.
func decodeShortName(raw, buf []byte) []byte {
	for i := 0; i < len(raw); {
		r, n := nextRune(raw, i)
		i += n
		if r >= utf8.RuneSelf || len(buf) == cap(buf) {
			return nil
		}
		buf = append(buf, byte(r))
	}
	return buf
}

// nameIs reports whether the member name raw (still escaped; plain when
// it holds no escape and no byte above ASCII) is key once unescaped, as
// encoding/json decodes a map's key.
func nameIs(raw []byte, plain bool, key string) bool {
	if plain {
		return string(raw) == key
	}
	var enc [utf8.UTFMax]byte
	for i := 0; i < len(raw); {
		r, n := nextRune(raw, i)
		i += n
		e := utf8.AppendRune(enc[:0], r)
		if !strings.HasPrefix(key, string(e)) {
			return false
		}
		key = key[len(e):]
	}
	return key == ""
}

// maxReasonRaw is the longest a candidate string's contents, still
// escaped, may be: a longer string is too long to be a reason however it
// is escaped.
const maxReasonRaw = 2*MaxReasonLen + 16 - 2

// reason picks the string code from the candidates the scan recorded, by
// reasonIn's rules. Only candidates are decoded, and nothing is allocated
// but the string of a reason that is not Known: a Known one is returned
// as its constant.
func (s *bodyScanner) reason() Reason {
	var buf [3 * maxReasonRaw]byte // each byte decodes to at most 3
	first := -1                    // the first valid candidate's index
	for i, sp := range s.cands {
		if sp.empty() || sp.end-sp.start > maxReasonRaw {
			continue
		}
		text := reasonText(s.b[sp.start:sp.end], buf[:0])
		if i == candType && (bytes.IndexByte(text, '/') >= 0 || string(text) == "about:blank") {
			// A problem type URI: only a Known last segment counts.
			text = bytes.TrimRight(text, "/")
			text = text[bytes.LastIndexByte(text, '/')+1:]
			if validReasonText(text) {
				if r := knownReason(text); r != "" {
					return r
				}
			}
			continue
		}
		if !validReasonText(text) {
			continue
		}
		if r := knownReason(text); r != "" {
			return r
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return ""
	}
	sp := s.cands[first]
	return Reason(reasonText(s.b[sp.start:sp.end], buf[:0]))
}

// reasonText returns a candidate string's contents unescaped, as
// json.Unmarshal decodes them: raw itself when it holds no escape and no
// byte above ASCII, or raw decoded into buf, which must hold three bytes
// for each byte of raw.
func reasonText(raw, buf []byte) []byte {
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			for i := 0; i < len(raw); {
				r, n := nextRune(raw, i)
				i += n
				buf = utf8.AppendRune(buf, r)
			}
			return buf
		}
	}
	return raw
}

// responseReason reads the start of a failed response's body, at most
// MaxBodyBytes, and finds its reason, leaving resp.Body reading the same
// bytes and then the rest, and closing the original body when closed: the
// caller (go-retryablehttp, its ErrorHandler, the client) still gets the
// whole body. It reads nothing when the package documents no reasons, or
// the response has no body. It reads into FromResponse's pooled buffer and
// scans there; the bytes read are copied once, for the replay.
func responseReason(resp *http.Response) Reason {
	if !hasReasons || resp == nil || resp.Body == nil || resp.Body == http.NoBody {
		return ""
	}
	body := resp.Body
	rb := readBuffers.Get().(*readBuffer)
	defer readBuffers.Put(rb)
	// A read error leaves what was read before it, as in FromResponse;
	// the reader after the replay returns the error again.
	read := rb.read(body)
	resp.Body = replayBody{io.MultiReader(bytes.NewReader(bytes.Clone(read)), body), body}
	if gzipEncoded(resp.Header) {
		read = rb.gunzip(read)
	}
	return rb.scan.reasonIn(read, reasonField)
}
