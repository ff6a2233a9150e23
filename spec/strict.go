package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// objKind is the kind of a JSON object in a spec.
type objKind int

const (
	objTop    objKind = iota // the spec itself
	objSource                // "source"
	objEntry                 // an element of "errors"
	objCode                  // an element of "codes"
)

// specKeys lists the keys each kind of object may hold, exactly as
// written: the JSON names of File, Source and Entry.
var specKeys = [...][]string{
	objTop:    {"$schema", "prefix", "source", "code_field", "errors", "codes"},
	objSource: {"path", "url", "etag", "last_modified"},
	objEntry:  {"code", "name", "aliases", "description", "remedy", "retryable", "retryable_from", "tips", "removed"},
	objCode:   {"code", "status", "name", "aliases", "description", "remedy", "retryable", "retryable_from", "removed"},
}

// legacyKeys lists the keys that earlier generators wrote, which Parse
// reads and drops (see fileWire).
var legacyKeys = [...][]string{
	objTop:    nil,
	objSource: {"sha256"},
	objEntry:  {"line"},
	objCode:   nil,
}

// objName names each kind of object, for messages.
var objName = [...]string{
	objTop:    "the spec",
	objSource: `"source"`,
	objEntry:  `an entry of "errors"`,
	objCode:   `an entry of "codes"`,
}

// valueType is the JSON type a key's value must have.
type valueType int

const (
	tString  valueType = iota
	tBool              // true or false
	tInt               // a whole number in digits that fits an int
	tStrings           // an array of strings ("aliases", "tips")
	tSource            // the "source" object
	tErrors            // the "errors" array of entry objects
	tCodes             // the "codes" array of string-code objects
)

// typeName names each valueType, for messages.
var typeName = [...]string{
	tString:  "a string",
	tBool:    "true or false",
	tInt:     "a whole number",
	tStrings: "an array of strings",
	tSource:  "an object",
	tErrors:  "an array of entries",
	tCodes:   "an array of string codes",
}

// keyType returns the type of the value of key, a key of an object of
// kind.
func keyType(kind objKind, key string) valueType {
	switch {
	case kind == objTop && key == "source":
		return tSource
	case kind == objTop && key == "errors":
		return tErrors
	case kind == objTop && key == "codes":
		return tCodes
	case kind == objEntry && (key == "code" || key == "line"), kind == objCode && key == "status":
		return tInt
	case (kind == objEntry || kind == objCode) && (key == "aliases" || key == "tips"):
		return tStrings
	case (kind == objEntry || kind == objCode) && (key == "retryable" || key == "removed"):
		return tBool
	}
	return tString
}

// lineIndex records the lines of a spec file that messages name.
type lineIndex struct {
	// keys maps a key of the spec or its source ("prefix",
	// "source.url") to the line it is on.
	keys map[string]int
	// entries holds one element per element of "errors", and codes one
	// per element of "codes".
	entries []entryLines
	codes   []entryLines
}

// entryLines records the lines of one entry.
type entryLines struct {
	start int              // the line of the entry's "{"
	keys  map[string]int   // each key's line
	items map[string][]int // "aliases" and "tips": each element's line
}

// walker walks the tokens of a spec file to check what decoding into
// structs cannot: that every key is exactly a spec field and appears once
// in its object, that nothing is null, and that codes are whole numbers in
// range. It checks the type of every value too, so that it enters only the
// objects and arrays a spec has: nesting is at most four levels (the spec,
// "errors", an entry, its "tips"), and a value of the wrong type, however
// deep, is reported at its first token. With the caps on entries, tips and
// aliases this bounds the tokens walked; it costs time linear in the
// file's size, and memory linear in its keys. It also records the lines
// messages name.
type walker struct {
	path  string
	data  []byte
	dec   *json.Decoder
	depth int
	lines lineIndex
	// off and line cache the line of an offset, so that recording the
	// line of every key costs linear time: offsets only grow.
	off  int64
	line int
}

// walk checks data as a spec file and returns the lines of its parts.
func walk(path string, data []byte) (lineIndex, error) {
	w := &walker{path: path, data: data, line: 1}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return lineIndex{}, fmt.Errorf("%s:1: the file starts with a byte-order mark (U+FEFF), which the spec may not hold; save it as UTF-8 without one", path)
	}
	if off := invalidUTF8(data); off >= 0 {
		return lineIndex{}, w.errorf(int64(off), "byte 0x%02x is not UTF-8; save the file as UTF-8", data[off])
	}
	w.dec = json.NewDecoder(bytes.NewReader(data))
	w.dec.UseNumber()
	w.lines.keys = map[string]int{}
	tok, off, err := w.next()
	switch {
	case err == io.EOF:
		return lineIndex{}, w.errorf(off, `the spec is empty; a spec is a JSON object with "prefix", "source" and "errors"`)
	case err != nil:
		return lineIndex{}, err
	case tok != json.Delim('{'):
		return lineIndex{}, w.errorf(off, `the spec is %s, not a JSON object; a spec is an object with "prefix", "source" and "errors"`, kindOf(tok))
	}
	w.depth++
	if err := w.object(objTop, nil); err != nil {
		return lineIndex{}, err
	}
	if _, off, err := w.next(); err != io.EOF {
		return lineIndex{}, w.errorf(off, "unexpected data after the spec object; a spec file holds one object")
	}
	return w.lines, nil
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// errorf returns an error about the byte at off.
func (w *walker) errorf(off int64, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", w.path, lineAt(w.data, off), fmt.Sprintf(format, args...))
}

// lineOf returns the line of off, which is at least the last offset asked.
func (w *walker) lineOf(off int64) int {
	off = min(max(off, w.off), int64(len(w.data)))
	w.line += bytes.Count(w.data[w.off:off], []byte("\n"))
	w.off = off
	return w.line
}

// next returns the next token and the offset it starts at.
func (w *walker) next() (json.Token, int64, error) {
	// The decoder's offset is the end of the last token; the next one
	// starts after white space and a separator.
	off := w.dec.InputOffset()
	for off < int64(len(w.data)) && strings.IndexByte(" \t\r\n,:", w.data[off]) >= 0 {
		off++
	}
	tok, err := w.dec.Token()
	var syn *json.SyntaxError
	switch {
	case err == nil:
		return tok, off, nil
	case err == io.EOF && w.depth == 0:
		return nil, off, err
	case err == io.EOF || errors.As(err, &syn) && syn.Offset >= int64(len(w.data)):
		return nil, off, w.errorf(int64(len(w.data)), "the spec ends before its closing brackets; it is cut short")
	case syn != nil:
		msg, at := w.syntaxMessage(syn, off)
		return nil, off, w.errorf(at, "%s", msg)
	}
	return nil, off, w.errorf(off, "%v", err)
}

// syntaxMessage returns the message and offset of syn, where off is where
// the token that failed starts. It names a non-ASCII character there by
// its code point: encoding/json quotes its first byte as if it were
// Latin-1 ('Â' for U+00A0), which misleads.
func (w *walker) syntaxMessage(syn *json.SyntaxError, off int64) (string, int64) {
	msg := syn.Error()
	if off >= int64(len(w.data)) || w.data[off] < utf8.RuneSelf {
		return msg, syn.Offset
	}
	quoted := "'" + string(rune(w.data[off])) + "'"
	if !strings.Contains(msg, quoted) {
		return msg, syn.Offset
	}
	r, _ := utf8.DecodeRune(w.data[off:])
	return strings.Replace(msg, quoted, fmt.Sprintf("%U", r), 1) + "; JSON allows only spaces, tabs and line breaks between its tokens", off
}

// close reads the closing delimiter of the object or array being walked.
func (w *walker) close() error {
	_, _, err := w.next()
	w.depth--
	return err
}

// object walks the members of an object of kind whose "{" was just read,
// recording the lines of its keys in el for an entry, in w.lines otherwise.
func (w *walker) object(kind objKind, el *entryLines) error {
	seen := map[string]int{} // key -> line
	for w.dec.More() {
		tok, off, err := w.next()
		if err != nil {
			return err
		}
		key, _ := tok.(string) // the decoder takes nothing else for a key
		line := w.lineOf(off)
		if first, dup := seen[key]; dup {
			return w.errorf(off, "key %q appears twice in this object (first on line %d); JSON readers disagree on which one counts: delete one", short(key), first)
		}
		seen[key] = line
		legacy := slices.Contains(legacyKeys[kind], key)
		if !legacy && !slices.Contains(specKeys[kind], key) {
			return w.badKey(kind, key, off)
		}
		switch kind {
		case objTop:
			w.lines.keys[key] = line
		case objSource:
			w.lines.keys["source."+key] = line
		case objEntry, objCode:
			el.keys[key] = line
		}
		val, voff, err := w.next()
		if err != nil {
			return err
		}
		if err := w.value(val, voff, keyType(kind, key), key, el); err != nil {
			if legacy {
				// A legacy key never holds anything the spec needs.
				return fmt.Errorf("%w; or delete it: gen no longer writes it", err)
			}
			return err
		}
	}
	return w.close()
}

// value walks a value whose first token tok starts at off: the value of
// key, which must have type want, in the entry el (nil outside entries).
func (w *walker) value(tok json.Token, off int64, want valueType, key string, el *entryLines) error {
	switch {
	case tok == nil && (want == tErrors || want == tCodes):
		return w.errorf(off, `%q is null; regenerate the spec with gen, or write its entries`, key)
	case tok == nil:
		return w.errorf(off, "%q is null, which the spec never holds; give it %s or delete the key", key, typeName[want])
	case want == tInt:
		return w.integer(tok, off, key)
	case want == tString && isString(tok), want == tBool && isBool(tok):
		return nil
	case want == tSource && tok == json.Delim('{'):
		w.depth++
		return w.object(objSource, nil)
	case want == tErrors && tok == json.Delim('['):
		w.depth++
		return w.entries("errors", objEntry, &w.lines.entries)
	case want == tCodes && tok == json.Delim('['):
		w.depth++
		return w.entries("codes", objCode, &w.lines.codes)
	case want == tStrings && tok == json.Delim('['):
		w.depth++
		return w.stringList(key, el)
	}
	return w.errorf(off, "%q is %s, not %s", key, kindOf(tok), typeName[want])
}

// entries walks the elements of the array key ("errors" or "codes"),
// whose "[" was just read: objects of kind, whose lines it appends to
// lines.
func (w *walker) entries(key string, kind objKind, lines *[]entryLines) error {
	limit, why := MaxEntries, "a spec holds at most one per HTTP status (100-599)"
	if kind == objCode {
		limit, why = MaxCodes, "split the API's catalogue, or raise the limit if it is real"
	}
	for i := 0; w.dec.More(); i++ {
		tok, off, err := w.next()
		switch {
		case err != nil:
			return err
		case i == limit:
			return w.errorf(off, `%q holds more than %d entries; %s`, key, limit, why)
		case tok == nil:
			return w.errorf(off, `entry %d of %q is null; delete it`, i+1, key)
		case tok != json.Delim('{'):
			return w.errorf(off, `entry %d of %q is %s, not an object`, i+1, key, kindOf(tok))
		}
		*lines = append(*lines, entryLines{start: w.lineOf(off), keys: map[string]int{}, items: map[string][]int{}})
		w.depth++
		if err := w.object(kind, &(*lines)[len(*lines)-1]); err != nil {
			return err
		}
	}
	return w.close()
}

// stringList walks the elements of "aliases" or "tips" (key) of the entry el,
// whose "[" was just read, recording their lines.
func (w *walker) stringList(key string, el *entryLines) error {
	limit := MaxTips
	if key == "aliases" {
		limit = MaxAliases
	}
	for i := 0; w.dec.More(); i++ {
		tok, off, err := w.next()
		switch {
		case err != nil:
			return err
		case i == limit:
			return w.errorf(off, "%q holds more than %d items; keep at most %d", key, limit, limit)
		case tok == nil:
			return w.errorf(off, "item %d of %q is null; delete it", i+1, key)
		case !isString(tok):
			return w.errorf(off, "item %d of %q is %s, not a string", i+1, key, kindOf(tok))
		}
		el.items[key] = append(el.items[key], w.lineOf(off))
	}
	return w.close()
}

func isString(tok json.Token) bool { _, ok := tok.(string); return ok }
func isBool(tok json.Token) bool   { _, ok := tok.(bool); return ok }

// integer checks that tok, the value of key at off, is a whole number in
// digits that fits an int: encoding/json would reject 429.0 with a less
// helpful message, and a code must read the same to every JSON reader.
func (w *walker) integer(tok json.Token, off int64, key string) error {
	n, ok := tok.(json.Number)
	if !ok {
		return w.errorf(off, "%q is %s, not a whole number; write digits only, like 429", key, kindOf(tok))
	}
	s := n.String()
	if strings.ContainsAny(s, ".eE") {
		return w.errorf(off, "%q is %s, not a whole number in digits; write digits only, like 429", key, short(s))
	}
	if _, err := strconv.ParseInt(s, 10, 0); err != nil {
		return w.errorf(off, "%q is %s, which is out of range; use an HTTP status", key, short(s))
	}
	return nil
}

// badKey returns the error for key, which is not a key of kind, at off:
// what it may have meant, or which keys there are.
func (w *walker) badKey(kind objKind, key string, off int64) error {
	msg := fmt.Sprintf("key %q is not a spec field", short(key))
	known := append(slices.Clone(specKeys[kind]), legacyKeys[kind]...)
	clean := CleanText(key)
	for _, k := range known {
		switch {
		case strings.EqualFold(key, k):
			return w.errorf(off, "%s; did you mean %q? keys are case-sensitive", msg, k)
		case clean != key && strings.EqualFold(clean, k):
			return w.errorf(off, "%s; did you mean %q? the key holds hidden, control or space characters", msg, k)
		}
	}
	for other, keys := range specKeys {
		if objKind(other) != kind && slices.Contains(keys, key) {
			return w.errorf(off, "%s; %q belongs in %s", msg, key, objName[other])
		}
	}
	if len(key) <= 64 {
		for _, k := range known {
			if editDistance(strings.ToLower(key), k) <= 2 {
				return w.errorf(off, "%s; did you mean %q?", msg, k)
			}
		}
		for other, keys := range specKeys {
			for _, k := range keys {
				if objKind(other) != kind && editDistance(strings.ToLower(key), k) <= 2 {
					return w.errorf(off, "%s; did you mean %q? it belongs in %s", msg, k, objName[other])
				}
			}
		}
	}
	return w.errorf(off, "%s; the keys of %s are %s: rename or delete it", msg, objName[kind], strings.Join(specKeys[kind], ", "))
}

// editDistance returns the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// kindOf names the kind of JSON value tok starts, for messages.
func kindOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

// short cuts s to at most 64 bytes, at a rune boundary, for messages.
func short(s string) string {
	if len(s) <= 64 {
		return s
	}
	i := 64
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
