package reader

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
	"golang.org/x/text/unicode/norm"
)

// This file decides which part of a description cell a Go name is made
// from. Docs write more than a name in that cell: dialect markup that
// survives the reduction to text ("{: external}", "[^1]"), emoji, notes
// ("(deprecated)") and pointers ("see Common Errors"). A name made from
// all of it reads badly ("BadRequestExternal", "PaymentRequiredNotYetActive"),
// and a name made from a sentence or from letters NameFor cannot keep is
// worse than the reason phrase the caller falls back to.

// pointerWords are the words that start a pointer to other docs, in the
// languages docs are written in.
var pointerWords = `(?:` + strings.Join(quoteAll(pointerWordList), "|") + `)`

// pointerWordList lists pointerWords, in lower case; "cf." before "cf",
// as the regular expression tries them in order.
var pointerWordList = []string{"see", "refer to", "cf.", "cf", "siehe", "voir", "véase", "vea", "ver", "vedi", "consulte", "zie", "patrz"}

// quoteAll quotes words for a regular expression.
func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = regexp.QuoteMeta(w)
	}
	return out
}

var (
	// kramdownAttrRE matches kramdown's inline attribute lists ("{: external}",
	// "{: #id .class}", "{:target="_blank"}") and the attribute blocks of
	// Pandoc, Hugo and MkDocs' attr_list ("{#id}", "{ .class }"): always markup.
	kramdownAttrRE = regexp.MustCompile(`\{:[^{}]*\}|\{\s*[#.][\w-][^{}]*\}`)
	// footnoteRE matches footnote references: "[^1]", "[^note]".
	footnoteRE = regexp.MustCompile(`\[\^[^\[\]\s]*\]`)
	// pointerRE matches a trailing pointer to other docs, after a comma,
	// a semicolon, a dash or a full stop: "Conflict, see Common Errors",
	// "Gone - see the FAQ", "Not Found. See below.". Group 1 is the pointer.
	pointerRE = regexp.MustCompile(`(?i)(?:\s*[,;]|\s+[-–—]|\.)\s+(` + pointerWords + `\s[^()]*?)\s*$`)
	// pointerNoteRE matches a note that is a pointer: "see below".
	pointerNoteRE = regexp.MustCompile(`(?i)^` + pointerWords + `(?:\s|$)`)
	// noteRE matches a trailing parenthetical or bracketed note, in ASCII or
	// full-width brackets, with an optional full stop after it. Group 1 or
	// 2 is the note.
	noteRE = regexp.MustCompile(`\s*(?:[(（]([^()（）]*)[)）]|\[([^\[\]]*)\])\s*\.?\s*$`)
	// codeNoteRE matches a note that is a status, an error number or an
	// abbreviation: "429", "TTL", "E1001", "HTTP/2".
	codeNoteRE = regexp.MustCompile(`^[A-Z0-9_./-]+$`)
	// leadingCodeRE matches a status written before the name in the
	// description cell ("429 - Too Many Requests"): the code column says it.
	leadingCodeRE = regexp.MustCompile(`^[1-5]\d\d(?:\s*[-–—:.]\s*|\s+)`)
)

// cleanMarkup returns a cell's plain text without the docs-dialect markup
// that is never content: kramdown and attr_list attribute blocks ("{:
// external}", "{: #id .class}", "{:target="_blank"}", "{#id}"), footnote
// references ("[^1]", "[^note]"), emoji (pictographs, dingbats, emoji
// arrows and their variation selectors, skin tones, keycaps and joiners,
// anywhere in the text) and, at the end only, note markers ("←", "→",
// "*", "†", "‡", "※", superscript digits) that point the reader elsewhere
// on the page. White space is then collapsed with spec.CleanText. Words,
// punctuation and parentheticals are kept: the description keeps saying
// what the docs say. Attribute lists nested deeper than maxMarkupDepth
// lose only their braces (removeMarkup). cleanMarkup(cleanMarkup(s)) ==
// cleanMarkup(s).
func cleanMarkup(s string) string {
	if plainASCII(s) {
		// No emoji or markup: the common case. A marker may still end it.
		if t := spec.CleanText(s); !strings.HasSuffix(t, "*") {
			return t
		}
	}
	// Emoji and hidden runes go first: removing them can join an
	// attribute list ("{🙂#id}"), while removing markup never makes an
	// emoji or a hidden rune.
	s = strings.Map(func(r rune) rune {
		if emojiRune(r) {
			return ' '
		}
		return r
	}, s)
	s = spec.CleanText(removeMarkup(spec.CleanText(s)))
	// Trimming a suffix cannot make markup where there was none, but
	// removing markup can leave a marker at the end ("Foo* {: x}"), so
	// trim until nothing changes.
	for {
		t := strings.TrimRightFunc(s, func(r rune) bool { return trailingMarker(r) || unicode.IsSpace(r) })
		t = spec.CleanText(removeMarkup(t))
		if t == s {
			return s
		}
		s = t
	}
}

// maxMarkupDepth bounds the passes removeMarkup makes over nested
// attribute lists ("{: {: x}}"). Each pass removes the innermost, so depth
// d costs d passes over the text: without a bound, a hostile cell of
// thousands of nested lists costs seconds. Docs do not nest them at all.
const maxMarkupDepth = 4

// removeMarkup replaces attribute lists and footnote references with
// spaces. Removing an inner attribute list can complete an outer one, so
// it repeats, up to maxMarkupDepth passes; text still holding an attribute
// list after that has its braces replaced with spaces, which leaves no
// list behind. A footnote reference holds no space, so the spaces that
// replace markup never complete one.
func removeMarkup(s string) string {
	if !strings.ContainsAny(s, "{[") {
		return s
	}
	for range maxMarkupDepth {
		t := footnoteRE.ReplaceAllString(kramdownAttrRE.ReplaceAllString(s, ""), "") // they stick to the word before
		if t == s {
			return s
		}
		s = t
	}
	if kramdownAttrRE.MatchString(s) {
		s = strings.NewReplacer("{", " ", "}", " ").Replace(s)
	}
	return s
}

// emojiRune reports whether r belongs to an emoji and to nothing else:
// pictographs, emoticons, transport and map symbols, regional indicators
// and skin tones (U+1F000-U+1FAFF), miscellaneous symbols and dingbats
// (U+2600-U+27BF, which hold ⚠, ✓, ❌), the stars and arrows of U+2B00 and
// the clocks of U+231A-U+23FF, "‼" and "⁉", and the pieces that build
// emoji sequences: the joiner U+200D, the presentation selectors U+FE0E
// and U+FE0F, the keycap U+20E3 and the tags U+E0020-U+E007F. Plain
// arrows ("←") are left to trailingMarker: inside a sentence they say
// something ("A → B").
func emojiRune(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF,
		0x2600 <= r && r <= 0x27BF,
		0x2B00 <= r && r <= 0x2BFF,
		0x231A <= r && r <= 0x23FF,
		0xE0020 <= r && r <= 0xE007F:
		return true
	}
	switch r {
	case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0x203C, 0x2049:
		return true
	}
	return false
}

// trailingMarker reports whether r, at the end of a name or a code, marks
// it rather than being part of it: arrows (U+2190-U+21FF), "*", "†", "‡",
// "※" and superscript digits, which send the reader to a note.
func trailingMarker(r rune) bool {
	switch {
	case 0x2190 <= r && r <= 0x21FF,
		0x2070 <= r && r <= 0x2079:
		return true
	}
	switch r {
	case '*', '†', '‡', '※', '¹', '²', '³':
		return true
	}
	return emojiRune(r)
}

// descriptionText returns the text an entry's Description should hold for
// a description cell's plain text: cleanMarkup's result without the
// trailing pointers that splitTitle moves to the remedy ("Conflict, see
// Common Errors" and "Conflict (see below)" give "Conflict"), which would
// point nowhere in generated code. Other notes in brackets stay: they are
// the docs' words about the code ("Payment Required (not yet active)").
func descriptionText(desc string) string {
	s := cleanMarkup(desc)
	for range maxNotes {
		if rest, p := cutPointer(s); p != "" {
			s = cleanMarkup(rest)
			continue
		}
		rest, note, _, ok := cutNote(s)
		if !ok || rest == "" || !pointerNoteRE.MatchString(note) {
			return s
		}
		s = cleanMarkup(trimSeparators(rest))
	}
	return s
}

// trimSeparators drops the commas, semicolons and spaces left at the end
// of s when a note after them is cut.
func trimSeparators(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
}

// cutPointer splits a trailing pointer from s: "Conflict, see Common
// Errors" gives "Conflict" and "see Common Errors". A pointer in
// parentheses is a note, which cutNote takes. Without a pointer, rest is s.
func cutPointer(s string) (rest, pointer string) {
	if !mayPoint(s) {
		return s, ""
	}
	m := pointerRE.FindStringSubmatchIndex(s)
	if m == nil || m[0] == 0 {
		return s, ""
	}
	pointer = strings.TrimRight(s[m[2]:m[3]], ". ")
	return strings.TrimSpace(s[:m[0]]), pointer
}

// cutNote splits one trailing note in brackets from s: "Payment Required
// (not yet active)" gives "Payment Required" and "not yet active". keep
// is false for a note of one token of ASCII capitals, digits and
// punctuation ("(429)", "(TTL)", "(E1001)"): a status, an error number or
// an abbreviation, which repeats what the row says and is no advice.
func cutNote(s string) (rest, note string, keep, ok bool) {
	if t := strings.TrimRight(s, " ."); !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") && !strings.HasSuffix(t, "]") {
		return s, "", false, false // noteRE needs a closing bracket at the end
	}
	m := noteRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, "", false, false
	}
	for _, g := range [][2]int{{m[2], m[3]}, {m[4], m[5]}} {
		if g[0] >= 0 {
			note = spec.CleanText(s[g[0]:g[1]])
		}
	}
	keep = note != "" && !codeNoteRE.MatchString(note)
	return strings.TrimSpace(s[:m[0]]), note, keep, true
}

// splitTitle reads a description cell's plain text (Markdown reduced to
// text; dialect markup may survive) and returns:
//
//   - title: the text the code's Go name should be made from, or "" when
//     the description does not read as a name. A title is the cleaned
//     description (cleanMarkup) without trailing pointers and bracketed
//     notes, without a leading status ("429 - "), without a final full
//     stop, and with accented Latin letters written in ASCII
//     (transliterate). When title is not "", spec.NameFor(title) gives a
//     valid name, title holds no markup, emoji or letters outside ASCII,
//     is never longer in bytes than desc, and splitTitle(title) returns
//     title, "", "".
//   - moved: the text taken out of the description that belongs in the
//     remedy: trailing notes in brackets ("(not yet active)",
//     "(deprecated)", "（已弃用）", "(see below)") without their brackets,
//     and a trailing pointer (", see Common Errors", " - see the FAQ",
//     ". See below.") without its separator or final full stop, in the
//     order they were written, joined by "; ". It is "" when there is none,
//     and is computed whether or not there is a title. At most maxNotes
//     notes and pointers are taken (a description ending in more has no
//     title). It is never longer in bytes than desc. A note that only
//     repeats a status or an abbreviation ("(429)", "(TTL)") leaves the
//     title but is not moved.
//   - why: when title is "", a short lower-case reason for the user
//     ("the description is a sentence", "the description is not in Latin
//     script"); "" when title is not "".
//
// The Description the caller writes is descriptionText(desc): pointers
// go ("see Common Errors", "(see below)"), other notes stay there too
// (they are the docs' words), so a note appears in both the description
// and the remedy, a pointer only in the remedy. How moved joins the remedy
// is the caller's choice: it is plain text without brackets.
//
// The description reads as a name when, once notes, pointer and a leading
// status are gone, it has a letter, its letters are all Latin script and
// have an ASCII form, it has at most titleWordCap words, it is no
// sentence (readsAsSentence, for the whole text and for the text after a
// ": "), it is at most titleByteCap bytes, and NameFor can make a name of
// it that is valid and not reserved.
// Otherwise why says which of these failed:
//
//	"the description has too many notes" (more than maxNotes)
//	"the description has no letters"
//	"the description is not in Latin script"
//	"the description has letters with no ASCII form"
//	"the description is a sentence"
//	"the name Error is declared by the generated package"
//	"the description is too long for a name"
//	"the description starts with a number"
//	"the description gives no Go name"
func splitTitle(desc string) (title, moved, why string) {
	s, notes, many := cutNotes(cleanMarkup(desc))
	moved = strings.Join(notes, "; ")
	if many {
		return "", moved, whyTooManyNotes
	}
	title, why = nameText(s)
	// Trimming the title (a final full stop, a marker) can uncover a note
	// ("A()*." gives "A()"): read the title again until it is stable, so
	// that splitTitle(title) gives title back. Notes found this way are
	// leftovers, not advice, and are not moved. Each round shortens the
	// title, and two rounds settle any text docs write.
	for range maxNotes {
		if title == "" {
			return "", moved, why
		}
		if plainTitle(title) {
			// Letters, digits and single spaces: nothing to trim, no
			// note to uncover, so nameText would give it back.
			return title, moved, ""
		}
		s, _, many := cutNotes(title)
		if many {
			return "", moved, whyTooManyNotes
		}
		t, w := nameText(s)
		if t == title {
			return title, moved, ""
		}
		title, why = t, w
	}
	return "", moved, "the description gives no Go name"
}

// whyTooManyNotes says that a description ends in more notes than
// maxNotes.
const whyTooManyNotes = "the description has too many notes"

// cutNotes takes the trailing pointers and bracketed notes from s, a
// cleaned description, and returns the rest and the notes worth moving,
// in the order they were written. many is true when more than maxNotes
// notes and pointers end s.
func cutNotes(s string) (rest string, notes []string, many bool) {
	for range maxNotes {
		if r, p := cutPointer(s); p != "" {
			notes = append(notes, p)
			s = cleanMarkup(r)
			continue
		}
		r, note, keep, ok := cutNote(s)
		if !ok || r == "" {
			// A description that is only a note ("(reserved)") is read
			// as it stands: the note is all it says.
			break
		}
		if keep {
			notes = append(notes, note)
		}
		s = cleanMarkup(trimSeparators(r))
	}
	slices.Reverse(notes)
	if _, p := cutPointer(s); p != "" {
		return s, notes, true
	}
	if r, _, _, ok := cutNote(s); ok && r != "" {
		return s, notes, true
	}
	return s, notes, false
}

// maxNotes bounds the notes and pointers taken from the end of a
// description. Each cut reads the whole text again, so without a bound a
// hostile cell of thousands of "(x)" costs seconds; docs write one or two,
// and a description with more reads as no name anyway.
const maxNotes = 8

// titleByteCap bounds a title in bytes: NameFor keeps at most
// spec.MaxNameLen of it, so a longer text is mostly punctuation and
// spaces, and reading it again (splitTitle's rounds) stays cheap.
const titleByteCap = 4 * spec.MaxNameLen

// titleWordCap is the most words a title has: more make a sentence, and a
// name longer than NameFor's cap.
const titleWordCap = 6

// nameText turns s, a description without notes or pointer, into a title,
// or says why it is none.
func nameText(s string) (title, why string) {
	if m := leadingCodeRE.FindStringIndex(s); m != nil && strings.ContainsFunc(s[m[1]:], unicode.IsLetter) {
		s = s[m[1]:]
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return "", "the description has no letters"
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) }) {
		return "", "the description is not in Latin script"
	}
	if len(s) > titleByteCap {
		return "", "the description is too long for a name"
	}
	// Transliterate before counting words: a stray combining mark ("iۗs")
	// would otherwise hide a word that decides the shape.
	t, ok := transliterate(s)
	if !ok {
		return "", "the description has letters with no ASCII form"
	}
	words := wordsOf(t)
	if len(words) > titleWordCap {
		return "", "the description is a sentence"
	}
	if before, after, ok := strings.Cut(t, ": "); ok && strings.ContainsFunc(before, unicode.IsLetter) && readsAsSentence(after, wordsOf(after)) {
		return "", "the description is a sentence"
	}
	if readsAsSentence(t, words) {
		return "", "the description is a sentence"
	}
	// A name written with a full stop ("Not found.") is a name. Trimming
	// can uncover a marker, and dropping a stray combining mark can leave
	// a space, so clean until nothing changes.
	for {
		u := cleanMarkup(strings.TrimRight(t, ". "))
		if u == t {
			break
		}
		t = u
	}
	name, ok := spec.NameFor(t)
	switch {
	case ok:
		return t, ""
	case name == "":
		return "", "the description has no letters"
	case spec.Reserved(name):
		return "", "the name " + name + " is declared by the generated package"
	case len(name) > spec.MaxNameLen:
		return "", "the description is too long for a name"
	case name[0] >= '0' && name[0] <= '9':
		return "", "the description starts with a number"
	}
	return "", "the description gives no Go name"
}

// wordsOf returns the white-space separated tokens of s that hold a letter
// or a digit: "500 - Internal Server Error" has four words.
func wordsOf(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			out = append(out, f)
		}
	}
	return out
}

// verbish are words that make a short text ending in a full stop a
// sentence rather than a name written with one ("Not found." is a name;
// "Key is invalid." is not): auxiliaries, modals, pronouns and
// instructions in the languages docs are written in, transliterated as
// titles are ("está" is "esta"). Words that are also common conjunctions
// (Portuguese "é" is "e", Italian "and") are left out.
var verbish = map[string]bool{
	// English
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true,
	"have": true, "had": true, "do": true, "does": true, "did": true, "can": true, "cannot": true,
	"can't": true, "could": true, "must": true, "should": true, "will": true, "would": true,
	"may": true, "might": true, "please": true, "you": true, "your": true, "we": true, "it": true,
	"this": true, "there": true, "try": true, "check": true, "use": true,
	// German
	"ist": true, "sind": true, "wurde": true, "wurden": true, "kann": true, "sie": true, "bitte": true,
	// French
	"est": true, "sont": true, "ete": true, "vous": true, "veuillez": true,
	// Spanish, Portuguese, Italian
	"es": true, "esta": true, "son": true, "fue": true, "usted": true, "foi": true, "sono": true,
}

// readsAsSentence reports whether s, with the given words, reads as a sentence:
// it ends in ".", "!" or "?" and has more than three words or a verb-like
// one ("Key is invalid."), or it has four words or more and a verb-like
// one without the full stop ("The request is invalid"). "Key is invalid"
// and "Request failed." still read as names.
func readsAsSentence(s string, words []string) bool {
	s = strings.TrimSpace(s)
	verb := false
	for _, w := range words {
		if verbish[strings.ToLower(strings.Trim(w, ".,;:!?\"'"))] {
			verb = true
		}
	}
	if verb && len(words) >= 4 {
		return true
	}
	if s == "" || !strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "...") {
		return false
	}
	return verb || len(words) > 3
}

// asciiFor writes the Latin letters that do not decompose into a base
// letter and marks: ligatures, stroked and special letters. German "ß"
// becomes "ss" as German writes it without the letter; the others take
// their usual Latin transcription.
var asciiFor = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ø': "o", 'Ø': "O",
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "Th",
	'ı': "i", 'ħ': "h", 'Ħ': "H", 'ŋ': "ng", 'Ŋ': "Ng", 'ĸ': "k", 'ŀ': "l", 'Ŀ': "L",
	'ſ': "s", 'ƒ': "f", 'ĳ': "ij", 'Ĳ': "IJ", 'ŧ': "t", 'Ŧ': "T", 'ɨ': "i", 'ƀ': "b",
}

// transliterate writes the Latin letters of s in ASCII so that NameFor,
// which keeps only ASCII letters, keeps them all: "Requête" gives
// "Requete", "Łódź" "Lodz", "Straße" "Strasse". Letters are decomposed
// (NFD) and their combining marks dropped; the rule is the same for every
// language, because the page does not say which one it is in, so German
// "Über" gives "Uber", not "Ueber". Letters that do not decompose come
// from asciiFor, then from their compatibility decomposition (full-width
// "Ｎ", "ﬁ"). ok is false when a letter has no ASCII form at all: it is
// never dropped. Runes other than letters are kept as they are; the
// result is never longer in bytes than s.
func transliterate(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case unicode.Is(unicode.M, r):
			// A combining mark of a decomposed letter, or a stray mark of
			// another script, which no name spells.
		case asciiFor[r] != "":
			b.WriteString(asciiFor[r])
		case unicode.IsLetter(r):
			ascii := ""
			for _, c := range norm.NFKD.String(string(r)) {
				if c < utf8.RuneSelf {
					ascii += string(c)
				} else if !unicode.Is(unicode.Mn, c) {
					return "", false
				}
			}
			if ascii == "" {
				return "", false
			}
			b.WriteString(ascii)
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// plainASCII reports whether s is ASCII without the characters that start
// the markup cleanMarkup removes ("{", "[").
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '{' || c == '[' {
			return false
		}
	}
	return true
}

// mayPoint reports whether s may hold a pointer (see pointerRE): a text
// without any of pointerWordList holds none, and pointerRE need not run.
func mayPoint(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range pointerWordList {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// plainTitle reports whether a title is ASCII letters and digits in words
// separated by single spaces: a title splitTitle gives back as it is.
func plainTitle(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return s != ""
}
