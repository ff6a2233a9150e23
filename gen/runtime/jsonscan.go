package errcodes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// FromResponse reads a JSON body in one pass of a hand-written scanner
// rather than with encoding/json: json.Unmarshal validates the whole body
// and decodes it again by reflection, once per nested value it is asked
// for, and the message was then copied and cleaned in several more passes.
// The scanner validates the body as json.Unmarshal does (the same grammar,
// the same nesting limit), records where the value of each member it looks
// for sits, and decodes only the winning string, cleaning it as it
// unescapes it. Which member it looks for, and where its value goes, is
// the table topKeys: adding a member is adding a row and a slot.
//
// The same pass records where the candidates for the string error code
// sit (see reasonIn): they have slots of their own, reasonCands, and are
// matched by matchReason rather than through topKeys, because their names
// are matched exactly (as a map's keys are), they sit inside "error", in
// the elements of "errors" and along the spec's code field, and the code
// field is a path known only when the scan starts.

// maxJSONDepth is encoding/json's limit on nesting: a body nested deeper
// is invalid JSON to json.Unmarshal, so it is to the scanner too.
const maxJSONDepth = 10000

// span is where a JSON string's contents (between its quotes, still
// escaped) or a number's text sit in the body. An empty span is no string,
// or the empty string: neither is a message.
type span struct{ start, end int }

// empty reports whether the span holds no bytes.
func (s span) empty() bool { return s.end <= s.start }

// jsonValue is what the scanner keeps of one value.
type jsonValue struct {
	// kind is '"' for a string, '0' for a number, '{' for an object, '['
	// for an array, 'l' for true, false or null, and 0 for no value.
	kind byte
	// raw is a string's contents or a number's text.
	raw span
	// msg is the string messageIn picks from the value: the value itself
	// if it is a string, or the first message found inside an object or
	// array, within the depth it was read at; empty if there is none.
	msg span
}

// Slots of the top-level members the scanner records: the message keys in
// messageOf's order of priority, then the members of a problem details
// object.
const (
	slotMessage = iota
	slotError
	slotDetail
	slotErrors
	slotErrorDescription
	slotTitle
	slotMsg
	numMessageSlots
)

// Slots of the members of a problem details object, after the message
// keys'.
const (
	slotProblemType = numMessageSlots + iota
	slotProblemTitle
	slotProblemDetail
	slotProblemInstance
	slotProblemStatus
	numTopSlots
)

// bodyKey names a member the scanner records, and the slot its value goes
// to.
type bodyKey struct {
	name string
	slot int
	// exact matches the name as written. Otherwise it matches as
	// encoding/json matches a struct field's name, ignoring case by
	// Unicode simple folding ("MESSAGE", "meſſage"), which FromResponse
	// did when it decoded with json.Unmarshal and still does.
	exact bool
}

// topKeys are the top-level members of a JSON body that FromResponse
// reads: those a message may sit in, read at messageDepth, and the members
// of a problem details object, whose values are taken only when they are a
// string (or, for "status", a number). A name may be in several rows.
var topKeys = [...]bodyKey{
	{"message", slotMessage, false},
	{"error", slotError, false},
	{"detail", slotDetail, false},
	{"errors", slotErrors, false},
	{"error_description", slotErrorDescription, false},
	{"title", slotTitle, false},
	{"msg", slotMsg, false},
	{"type", slotProblemType, true},
	{"title", slotProblemTitle, true},
	{"detail", slotProblemDetail, true},
	{"instance", slotProblemInstance, true},
	{"status", slotProblemStatus, true},
}

// messageDepth is how far into the objects and arrays of a top-level
// member a message is looked for: {"error":{"errors":[{"message":"..."}]}}
// is found, one level deeper is not.
const messageDepth = 2

// innerKeys are the members of a nested object that a message may sit in,
// in order of priority; their slots index a [numInnerSlots]jsonValue.
var innerKeys = [...]bodyKey{
	{"message", 0, false},
	{"msg", 1, false},
	{"detail", 2, false},
	{"description", 3, false},
}

// numInnerSlots is the number of slots innerKeys fill.
const numInnerSlots = 4

// maxKeyLen bounds the unescaped length of a member name that can match a
// key: three bytes of UTF-8 for each byte of the longest name, the most a
// rune that folds to an ASCII letter takes (K, the Kelvin sign).
const maxKeyLen = 3 * len("error_description")

// bodyScanner validates a JSON body and records the members of topKeys.
// It lives in the pooled readBuffer: its stack of container kinds is
// large, and reused without being cleared, since each level's bit is set
// when the level opens.
type bodyScanner struct {
	b     []byte
	i     int // the next byte to read
	depth int // the containers open at i
	// cands holds where the string-code candidates' strings sit, by
	// reasonCand; an empty span is no candidate.
	cands [numReasonCands]span
	// objects has bit d set when the container open at depth d is an
	// object rather than an array.
	objects [maxJSONDepth/64 + 1]uint64
}

// scanTop reads b, a whole body that starts with '{', into slots, and the
// string-code candidates into s.cands, field being the code field's path
// ("" for none). It reports false, and the slots mean nothing, when b is
// not exactly one valid JSON value, as json.Unmarshal would.
func (s *bodyScanner) scanTop(b []byte, slots *[numTopSlots]jsonValue, field string) bool {
	s.b, s.i, s.depth = b, 0, 0
	s.cands = [numReasonCands]span{}
	var rc reasonCtx
	if hasReasons {
		// A package without string codes looks for none.
		rc = reasonCtx{kind: reasonTop, path: field, pathOn: field != ""}
	}
	ok := s.object(topKeys[:], slots[:], messageDepth, rc)
	s.ws()
	return ok && s.i == len(s.b)
}

// ws skips JSON white space.
func (s *bodyScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// push opens a container, reporting false past maxJSONDepth.
func (s *bodyScanner) push(object bool) bool {
	s.depth++
	if s.depth > maxJSONDepth {
		return false
	}
	w, bit := s.depth/64, uint64(1)<<(s.depth%64)
	if object {
		s.objects[w] |= bit
	} else {
		s.objects[w] &^= bit
	}
	return true
}

// inObject reports whether the innermost open container is an object.
func (s *bodyScanner) inObject() bool {
	return s.objects[s.depth/64]&(uint64(1)<<(s.depth%64)) != 0
}

// value reads the value at s.i (after white space). d is the depth at
// which messageIn would read it: below 0 no message is looked for, and
// objects and arrays are only validated unless rc says string-code
// candidates may sit in them.
func (s *bodyScanner) value(d int, rc reasonCtx) (jsonValue, bool) {
	s.ws()
	if s.i >= len(s.b) {
		return jsonValue{}, false
	}
	switch c := s.b[s.i]; c {
	case '"':
		sp, ok := s.str()
		v := jsonValue{kind: '"', raw: sp}
		if d >= 0 {
			v.msg = sp
		}
		return v, ok
	case '{':
		if d < 0 && !rc.inObject() {
			return jsonValue{kind: c}, s.skip()
		}
		var slots [numInnerSlots]jsonValue
		keys := innerKeys[:]
		if d < 0 {
			keys = nil // only candidates for the string code
		}
		ok := s.object(keys, slots[:], d-1, rc)
		v := jsonValue{kind: c}
		for _, slot := range slots {
			if !slot.msg.empty() {
				v.msg = slot.msg
				break
			}
		}
		return v, ok
	case '[':
		if d < 0 && rc.kind&reasonErrors == 0 {
			return jsonValue{kind: c}, s.skip()
		}
		msg, ok := s.array(d-1, rc)
		return jsonValue{kind: c, msg: msg}, ok
	case 't', 'f', 'n':
		return jsonValue{kind: 'l'}, s.literal()
	default:
		start := s.i
		ok := s.number()
		return jsonValue{kind: '0', raw: span{start, s.i}}, ok
	}
}

// object reads the object that opens at s.i, storing in slots[k.slot] the
// value of the last member each key k of keys names (json.Unmarshal too
// keeps the last of duplicate members). Members' values are read at depth
// d when a key names them, and only validated otherwise, unless rc says
// they are, or hold, candidates for the string code.
func (s *bodyScanner) object(keys []bodyKey, slots []jsonValue, d int, rc reasonCtx) bool {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return false
	}
	s.i++
	if !s.push(true) {
		return false
	}
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	// The code field's key at this level, split once for all members.
	pathKey, pathRest, pathMore := strings.Cut(rc.path, ".")
	for {
		name, ok := s.memberName()
		if !ok {
			return false
		}
		raw := s.b[name.start:name.end]
		matched := matchKeys(raw, keys)
		vd := d
		if matched == 0 {
			vd = -1
		}
		var child reasonCtx
		var cands uint32
		if rc.kind != 0 || rc.pathOn {
			child, cands = s.matchReason(raw, rc, pathKey, pathRest, pathMore)
		}
		v, ok := s.value(vd, child)
		if !ok {
			return false
		}
		for j := range keys {
			if matched&(1<<j) != 0 {
				slots[keys[j].slot] = v
			}
		}
		if cands != 0 {
			s.setCands(cands, v)
		}
		s.ws()
		if s.i >= len(s.b) {
			return false
		}
		switch s.b[s.i] {
		case ',':
			s.i++
			s.ws()
		case '}':
			s.i++
			s.depth--
			return true
		default:
			return false
		}
	}
}

// array reads the array that opens at s.i, and returns the message of its
// first element that has one, its elements read at depth d. When rc says
// it is the "errors" array, its first maxReasonCandidates elements are
// read for their "code".
func (s *bodyScanner) array(d int, rc reasonCtx) (span, bool) {
	s.i++
	if !s.push(false) {
		return span{}, false
	}
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		s.depth--
		return span{}, true
	}
	var msg span
	for n := 0; ; n++ {
		vd := d
		if !msg.empty() {
			vd = -1 // found: the rest is only validated
		}
		var child reasonCtx
		if rc.kind&reasonErrors != 0 && n < maxReasonCandidates {
			child = reasonCtx{kind: reasonElement, elem: n}
		}
		v, ok := s.value(vd, child)
		if !ok {
			return span{}, false
		}
		if msg.empty() {
			msg = v.msg
		}
		s.ws()
		if s.i >= len(s.b) {
			return span{}, false
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			s.depth--
			return msg, true
		default:
			return span{}, false
		}
	}
}

// skip validates the object or array that opens at s.i, however deeply
// nested up to maxJSONDepth, without recursion: a stack of a bit per
// level says whether it is an object or an array.
func (s *bodyScanner) skip() bool {
	base := s.depth
	for {
		// s.i is at a value.
		s.ws()
		if s.i >= len(s.b) {
			return false
		}
		switch c := s.b[s.i]; c {
		case '{', '[':
			s.i++
			if !s.push(c == '{') {
				return false
			}
			s.ws()
			if s.i < len(s.b) && s.b[s.i] == c+2 { // '}' or ']'
				s.i++
				s.depth--
				break // an empty container: a whole value
			}
			if c == '{' {
				if _, ok := s.memberName(); !ok {
					return false
				}
			}
			continue // to its first value
		case '"':
			if _, ok := s.str(); !ok {
				return false
			}
		case 't', 'f', 'n':
			if !s.literal() {
				return false
			}
		default:
			if !s.number() {
				return false
			}
		}
		// After a value: close containers until a comma, or the one
		// skip started with.
		for next := false; !next; {
			if s.depth == base {
				return true
			}
			s.ws()
			if s.i >= len(s.b) {
				return false
			}
			object := s.inObject()
			switch c := s.b[s.i]; {
			case c == ',':
				s.i++
				if object {
					s.ws()
					if _, ok := s.memberName(); !ok {
						return false
					}
				}
				next = true
			case object && c == '}', !object && c == ']':
				s.i++
				s.depth--
			default:
				return false
			}
		}
	}
}

// memberName reads a member's name and the colon after it, at s.i.
func (s *bodyScanner) memberName() (span, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return span{}, false
	}
	name, ok := s.str()
	if !ok {
		return span{}, false
	}
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != ':' {
		return span{}, false
	}
	s.i++
	return name, true
}

// str reads the string whose opening quote is at s.i, and returns the span
// of its contents. Like encoding/json it refuses control bytes and unknown
// escapes, and accepts any other bytes, invalid UTF-8 included.
func (s *bodyScanner) str() (span, bool) {
	b := s.b
	start := s.i + 1
	for i := start; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			s.i = i + 1
			return span{start, i}, true
		case c < ' ':
			return span{}, false
		case c == '\\':
			if i+1 >= len(b) {
				return span{}, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					return span{}, false
				}
				i += 6
			default:
				return span{}, false
			}
		default:
			i++
		}
	}
	return span{}, false
}

// literal reads true, false or null at s.i.
func (s *bodyScanner) literal() bool {
	rest := s.b[s.i:]
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(rest) >= len(lit) && string(rest[:len(lit)]) == lit {
			s.i += len(lit)
			return true
		}
	}
	return false
}

// number reads a JSON number at s.i: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *bodyScanner) number() bool {
	b, i := s.b, s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i+1)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		if i+1 >= len(b) || !isDigit(b[i+1]) {
			return false
		}
		i = skipDigits(b, i+1)
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !isDigit(b[i]) {
			return false
		}
		i = skipDigits(b, i)
	}
	s.i = i
	return true
}

// skipDigits returns the index of the first byte from i on that is not an
// ASCII digit.
func skipDigits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// hexValue is the value of the hexadecimal digit c.
func hexValue(c byte) rune {
	switch {
	case c <= '9':
		return rune(c - '0')
	case c >= 'a':
		return rune(c-'a') + 10
	}
	return rune(c-'A') + 10
}

// matchKeys returns a bit set of the keys that a member name, its contents
// still escaped, matches.
func matchKeys(raw []byte, keys []bodyKey) uint32 {
	var buf [maxKeyLen]byte
	name := raw
	ascii := true
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		name, ascii = unescapeKey(raw, buf[:0])
	}
	var matched uint32
	for j, k := range keys {
		var ok bool
		switch {
		case name == nil:
		case k.exact:
			ok = string(name) == k.name
		case ascii:
			ok = equalFoldASCII(name, k.name)
		default:
			ok = bytes.EqualFold(name, []byte(k.name))
		}
		if ok {
			matched |= 1 << j
		}
	}
	return matched
}

// unescapeKey appends a member name, decoded, to buf, and reports whether
// it is ASCII; it returns nil for a name longer than buf can hold, which
// matches no key.
func unescapeKey(raw, buf []byte) (name []byte, ascii bool) {
	name, ascii = buf, true
	for i := 0; i < len(raw); {
		r, n := nextRune(raw, i)
		i += n
		if len(name)+utf8.RuneLen(r) > cap(buf) {
			return nil, false // too long to match any key, however it folds
		}
		ascii = ascii && r < utf8.RuneSelf
		name = utf8.AppendRune(name, r)
	}
	return name, ascii
}

// equalFoldASCII reports whether the ASCII text name equals the lower-case
// key, ignoring case.
func equalFoldASCII(name []byte, key string) bool {
	return len(name) == len(key) && hasPrefixFold(string(name), key)
}

// nextRune decodes the rune at s[i] of a valid JSON string's contents, and
// returns it and the bytes it took, as encoding/json decodes it: an escape
// is its character, a UTF-16 surrogate pair escaped as two \u escapes is
// one rune, a lone surrogate is U+FFFD, and so is each byte of invalid
// UTF-8.
func nextRune(s []byte, i int) (rune, int) {
	c := s[i]
	if c >= utf8.RuneSelf {
		return utf8.DecodeRune(s[i:]) // (RuneError, 1) for a bad byte
	}
	if c != '\\' || i+1 >= len(s) {
		return rune(c), 1
	}
	switch s[i+1] {
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		r, ok := hex4(s, i)
		if !ok {
			return unicode.ReplacementChar, 2 // not from a scanned string
		}
		if utf16.IsSurrogate(r) {
			if r2, ok := hex4(s, i+6); ok {
				if pair := utf16.DecodeRune(r, r2); pair != unicode.ReplacementChar {
					return pair, 12
				}
			}
			return unicode.ReplacementChar, 6
		}
		return r, 6
	}
	return rune(s[i+1]), 2 // \" \\ \/
}

// hex4 decodes the escape \uXXXX at s[i], if there is one.
func hex4(s []byte, i int) (rune, bool) {
	if i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range s[i+2 : i+6] {
		if !isHex(c) {
			return 0, false
		}
		r = r<<4 | hexValue(c)
	}
	return r, true
}

// cleaner appends text as cleanMessage leaves it: control and format
// characters and runs of white space become one space between words,
// none at either end.
type cleaner struct {
	dst   []byte
	start int  // where the text starts in dst
	space bool // a separator came since the last word
}

// addASCII appends the ASCII character b, or notes a separator.
func (c *cleaner) addASCII(b byte) {
	if b <= ' ' || b == 0x7f {
		c.space = true
		return
	}
	if c.space {
		c.separate()
	}
	c.dst = append(c.dst, b)
}

// add appends r, or notes a separator.
func (c *cleaner) add(r rune) {
	if r < utf8.RuneSelf {
		c.addASCII(byte(r))
		return
	}
	if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
		c.space = true
		return
	}
	if c.space {
		c.separate()
	}
	c.dst = utf8.AppendRune(c.dst, r)
}

// separate puts the space a run of separators leaves between two words.
func (c *cleaner) separate() {
	if len(c.dst) > c.start {
		c.dst = append(c.dst, ' ')
	}
	c.space = false
}

// appendCleanJSON appends the contents of a valid JSON string, unescaped
// and cleaned, to dst: cleanMessage of what json.Unmarshal would decode,
// in one pass.
func appendCleanJSON(dst, raw []byte) []byte {
	c := cleaner{dst: dst, start: len(dst)}
	for i := 0; i < len(raw); {
		if b := raw[i]; b < utf8.RuneSelf && b != '\\' {
			c.addASCII(b) // most messages are plain ASCII
			i++
			continue
		}
		r, n := nextRune(raw, i)
		i += n
		c.add(r)
	}
	return c.dst
}

// appendCleanText appends cleanMessage(string(text)) to dst, in one pass:
// each run of invalid UTF-8 becomes one U+FFFD, as strings.ToValidUTF8
// makes it.
func appendCleanText(dst, text []byte) []byte {
	c := cleaner{dst: dst, start: len(dst)}
	invalid := false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(text[i:])
		}
		i += n
		if r == utf8.RuneError && n == 1 {
			if invalid {
				continue
			}
			invalid = true
		} else {
			invalid = false
		}
		c.add(r)
	}
	return c.dst
}
