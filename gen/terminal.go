package main

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// terminalSafe writes what gen prints with every character that could hide
// text or move the cursor shown as an escape: control characters other
// than newline and tab (ANSI escape sequences among them), format
// characters (bidi controls, zero-width characters, tags) and invalid
// UTF-8. Messages quote doc text, and doc text is untrusted: a header with
// U+202E must not reorder a reviewer's terminal.
type terminalSafe struct{ w io.Writer }

// Write escapes p and writes it whole; it reports len(p) on success so
// that callers' byte counts stay theirs.
func (t terminalSafe) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, escapeTerminal(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeTerminal returns s with the characters terminalSafe hides escaped
// as \u202e, \x1b and the like.
func escapeTerminal(s string) string {
	if !strings.ContainsFunc(s, hiddenOnTerminal) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case hiddenOnTerminal(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hiddenOnTerminal reports whether r is a character terminalSafe escapes.
func hiddenOnTerminal(r rune) bool {
	return r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
}
