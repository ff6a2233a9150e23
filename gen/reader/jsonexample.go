package reader

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Bounds on the code blocks read for the body shape: a JSON example of an
// error response is a few hundred bytes.
const (
	maxExamples      = 200      // code blocks kept per page
	maxExampleBytes  = 64 << 10 // bytes of one block; a larger one is skipped
	maxExampleDepth  = 32       // nesting read; deeper values are skipped
	maxExampleTokens = 20000    // JSON tokens read of one block
	maxCodeFieldLen  = 128      // bytes of a path, as the spec allows
)

// example is one code block of the page: a JSON example of an error
// response, perhaps. Its codes are never rows of the catalogue; only the
// place a documented code stands in it is read (see codeField).
type example struct {
	line int
	text []byte
}

// exampleOf returns the text of code block n, unless the page already has
// maxExamples (have) or the block is too large to be an example.
func exampleOf(n ast.Node, src []byte, lines lineIndex, have int) (example, bool) {
	if have >= maxExamples {
		return example{}, false
	}
	segs := n.Lines()
	if segs == nil || segs.Len() == 0 {
		return example{}, false
	}
	var b []byte
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if len(b)+seg.Len() > maxExampleBytes {
			return example{}, false
		}
		b = append(b, seg.Value(src)...)
	}
	return example{line: lines.of(segs.At(0).Start), text: b}, true
}

// codeField returns where the page's JSON examples carry a string code: the
// path of object keys, joined by dots, to the first string value in them
// that is one of codes ({"error": {"code": "rate_limit_exceeded"}} gives
// "error.code"). An array is stepped into without a step of the path, as
// clients read its first element: {"errors": [{"code": "x"}]} gives
// "errors.code". The first example that holds a code decides; "" when none
// does. A block that is not JSON, or not only JSON (a status line before
// the body, comments), is read from its first "{" up to where it stops
// being JSON.
func codeField(examples []example, codes map[string]bool) (path string, line int) {
	if len(codes) == 0 {
		return "", 0
	}
	for _, ex := range examples {
		if p := jsonCodePath(ex.text, codes); p != "" {
			return p, ex.line
		}
	}
	return "", 0
}

// jsonCodePath returns the path to the first string value of the JSON
// object at the first "{" of text that is one of codes, or "". Paths with a
// key that the spec cannot hold (a key with a dot, a space or no letters)
// are passed over.
func jsonCodePath(text []byte, codes map[string]bool) string {
	start := bytes.IndexByte(text, '{')
	if start < 0 {
		return ""
	}
	dec := json.NewDecoder(bytes.NewReader(text[start:]))
	// keys[i] is the key of the value being read at depth i+1 when that
	// container is an object (inObject[i]); expectKey says whether the
	// next string is a key.
	var keys []string
	var inObject []bool
	expectKey := false
	for n := 0; n < maxExampleTokens; n++ {
		tok, err := dec.Token()
		if err != nil {
			return "" // the end, or no more JSON here
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if len(keys) >= maxExampleDepth {
					return ""
				}
				keys = append(keys, "")
				inObject = append(inObject, v == '{')
				expectKey = v == '{'
				continue
			default: // '}' or ']'
				if len(keys) == 0 {
					return ""
				}
				keys, inObject = keys[:len(keys)-1], inObject[:len(inObject)-1]
			}
		case string:
			if expectKey {
				keys[len(keys)-1] = v
				expectKey = false
				continue
			}
			if codes[v] {
				if p := joinPath(keys, inObject); p != "" {
					return p
				}
			}
		}
		// After a value (or a closed container) inside an object, a key
		// comes next.
		expectKey = len(inObject) > 0 && inObject[len(inObject)-1]
		if len(keys) == 0 {
			return "" // the first object is read
		}
	}
	return ""
}

// joinPath joins the object keys of a path, leaving out array steps; ""
// when a key cannot stand in a spec's code_field or the path is too long.
func joinPath(keys []string, inObject []bool) string {
	var parts []string
	for i, k := range keys {
		if !inObject[i] {
			continue
		}
		if !fieldKey(k) {
			return ""
		}
		parts = append(parts, k)
	}
	p := strings.Join(parts, ".")
	if len(p) > maxCodeFieldLen {
		return ""
	}
	return p
}

// fieldKey reports whether k can be one key of a code_field: ASCII
// letters, digits, _ and -, as spec.Validate requires.
func fieldKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
