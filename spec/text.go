package spec

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caps on what one spec holds. They keep a spec reviewable and bound what
// the generated package embeds. The generator cuts the docs' text to them,
// so that the specs it writes validate; Validate reports every violation,
// and Parse refuses a file that exceeds a count (MaxEntries, MaxTips,
// MaxAliases), which bounds the memory a hostile file costs. Lengths are in
// bytes of UTF-8.
const (
	// MaxEntries bounds the entries of a spec: there is at most one per
	// HTTP status, 100 to 599.
	MaxEntries = 500
	// MaxCodes bounds the string codes of a spec: the largest real
	// catalogues list a few thousand.
	MaxCodes = 5000
	// MaxCodeLen bounds a string code, as the API sends it.
	MaxCodeLen = 128
	// MaxAliases bounds the earlier names one entry keeps.
	MaxAliases = 16
	// MaxDescriptionLen bounds an entry's Description, a short line.
	MaxDescriptionLen = 500
	// MaxRemedyLen bounds an entry's Remedy.
	MaxRemedyLen = 4 << 10
	// MaxTips bounds the tips of one entry.
	MaxTips = 20
	// MaxTipLen bounds each of an entry's Tips.
	MaxTipLen = 2 << 10
)

// HiddenRune reports whether r is a character that spec text may not hold
// because a reviewer cannot see it, or because it changes how the text
// around it shows: every format character (Unicode category Cf: the
// bidirectional controls U+202A-U+202E, U+2066-U+2069, U+200E, U+200F and
// U+061C, the zero-width characters U+200B-U+200D, U+2060 and U+FEFF, the
// soft hyphen, ...), the tag characters U+E0000-U+E007F, the variation
// selectors other than the emoji and text presentation selectors U+FE0E and
// U+FE0F, the invisible letters and fillers (U+034F, U+115F, U+1160,
// U+17B4, U+17B5, U+180B-U+180F, U+2800, U+3164, U+FFA0), and the
// replacement character U+FFFD, which marks text lost in decoding.
//
// Control characters and line breaks are not hidden runes: CleanText turns
// them into spaces, and Validate rejects them too.
func HiddenRune(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case unicode.Is(unicode.Cf, r),
		0xE0000 <= r && r <= 0xE007F, // tags, assigned or not
		0xFE00 <= r && r <= 0xFE0D,   // variation selectors
		0xE0100 <= r && r <= 0xE01EF, // variation selectors supplement
		0x180B <= r && r <= 0x180F:   // Mongolian selectors and separator
		return true
	}
	switch r {
	case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0, 0xFFFD:
		return true
	}
	return false
}

// lineBreakOrControl reports whether r is a control character (category
// Cc: C0, DEL, C1, which include tab, newline and NEL) or a Unicode line or
// paragraph separator. Spec text is one line and holds none of them.
func lineBreakOrControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// badRune reports whether spec text may not hold r.
func badRune(r rune) bool { return HiddenRune(r) || lineBreakOrControl(r) }

// CleanText returns s as spec text may hold it: hidden runes (HiddenRune)
// and bytes that are not UTF-8 removed, control characters, line breaks and
// every other kind of white space turned into spaces, runs of spaces
// collapsed into one, and leading and trailing spaces trimmed. The result
// holds nothing Validate rejects as hidden or control characters, and
// CleanText(CleanText(s)) == CleanText(s). It does not cut the text to the
// length caps (MaxDescriptionLen, ...).
func CleanText(s string) string {
	if cleanASCII(s) {
		return s // the common case, without a copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next rune written
	for _, r := range s {
		// Ranging over s gives U+FFFD for each byte that is not UTF-8,
		// which HiddenRune drops.
		switch {
		case HiddenRune(r):
			continue
		case lineBreakOrControl(r) || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// runeKind says what kind of bad rune r is, for messages.
func runeKind(r rune) string {
	switch {
	case r == 0x202A || r == 0x202B || r == 0x202C || r == 0x202D || r == 0x202E,
		0x2066 <= r && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return "a bidirectional control, which reorders the text reviewers see"
	case 0x200B <= r && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return "a zero-width character"
	case 0xE0000 <= r && r <= 0xE007F:
		return "an invisible tag character"
	case r == 0xFFFD:
		return "the replacement character, left where text was lost in decoding"
	case r == '\t':
		return "a tab; spec text is one line"
	case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
		return "a line break; spec text is one line"
	case unicode.IsControl(r):
		return "a control character"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character"
	}
	return "an invisible character"
}

// textProblem says what is wrong with s as spec text, or "" when nothing
// is: bytes that are not UTF-8, or runes that badRune rejects, naming the
// first and counting the rest.
func textProblem(s string) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8; run gen again or fix the text"
	}
	if !strings.ContainsFunc(s, badRune) {
		return ""
	}
	n, first := 0, rune(-1)
	for _, r := range s {
		if badRune(r) {
			if first < 0 {
				first = r
			}
			n++
		}
	}
	msg := fmt.Sprintf("holds %U, %s", first, runeKind(first))
	if n > 1 {
		msg += fmt.Sprintf(" (and %d more such characters)", n-1)
	}
	return msg + "; run gen again, which strips such characters from the docs' text, or edit the text"
}

// cleanASCII reports whether s is printable ASCII with single spaces and
// no space at either end: text CleanText returns as it is.
func cleanASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}
