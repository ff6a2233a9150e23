package main

import (
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where doc comment text wraps.
const commentWidth = 76

// safeCommentText makes untrusted text fit inside a // line comment: control
// characters (newlines among them) become spaces; format characters, which
// hold the bidi controls of Trojan Source (CVE-2021-42574) and the
// zero-width ones, are dropped; "*/" is broken up; white space collapses.
//
// Text of printable ASCII, with no "*/" and single spaces between words,
// the common doc text, is returned as it is, without the three copies.
func safeCommentText(s string) string {
	if commentReady(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), unicode.In(r, unicode.Zl, unicode.Zp):
			return ' '
		case unicode.Is(unicode.Cf, r), r == '\uFFFD':
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "*/", "* /")
	return strings.Join(strings.Fields(s), " ")
}

// commentReady reports whether safeCommentText would return s unchanged
// because it is printable ASCII (no control or format characters, which
// are all outside it or below space), holds no "*/", and is white space
// collapsed already: no space at either end or next to another.
func commentReady(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ' || c > '~':
			return false
		case c == ' ' && s[i+1] == ' ', c == '*' && i+1 < len(s) && s[i+1] == '/':
			return false
		}
	}
	return true
}

// wrap breaks text into lines of at most width bytes where it can.
func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// wrapSafe is wrap(s, commentWidth) for text safeCommentText returned:
// its words are joined by single spaces already, so text that fits on a
// line, most doc text, is that line, without splitting and joining it.
func wrapSafe(s string) []string {
	if len(s) <= commentWidth {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	return wrap(s, commentWidth)
}

// commentLines renders paragraphs of possibly untrusted text as the lines of
// a // comment, each starting with "//" and a blank "//" line between
// paragraphs. Handed to jennifer starting with "//", a line is written as it
// is: jennifer never chooses the /* */ form, whose "*/" a doc could use to
// end the comment early. A paragraph that starts with a tab is a code
// block of one line (a command), kept unwrapped.
func commentLines(paragraphs ...string) []string {
	var out []string
	for _, p := range paragraphs {
		lines := wrapSafe(safeCommentText(p))
		if code, ok := strings.CutPrefix(p, "\t"); ok && safeCommentText(code) != "" {
			lines = []string{"\t" + safeCommentText(code)}
		}
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, "//")
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "\t") {
				out = append(out, "//"+l)
			} else {
				out = append(out, "// "+l)
			}
		}
	}
	return out
}

// docComment is commentLines as a statement, for a declaration in a group.
//
// The lines go to jennifer as one comment of lines joined by newlines:
// jennifer writes a comment starting with "//" as it is, so the source
// is the same as with a comment and a line break per line, with a third
// of the statements to build and render.
func docComment(paragraphs ...string) *jen.Statement {
	lines := commentLines(paragraphs...)
	if len(lines) == 0 {
		return jen.Null()
	}
	return jen.Null().Comment(strings.Join(lines, "\n")).Line()
}

// fileComment adds commentLines to g as top-level comments, which jennifer
// attaches to the declaration that follows.
func fileComment(g *jen.File, paragraphs ...string) {
	for _, l := range commentLines(paragraphs...) {
		g.Comment(l)
	}
}
