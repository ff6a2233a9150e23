package reader

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/errtable/errtable/spec"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// inlineText returns the plain text of a node: emphasis, strong, code spans
// and links reduced to their text, backslash escapes and HTML entities
// resolved, raw HTML dropped (a <br> becomes a space), and white space
// collapsed.
//
// The common cell, one run of text with no escape, entity or line break, is
// its text cleaned, without the builder and the copies of appendText.
func inlineText(n ast.Node, src []byte) string {
	return inlineTextSized(n, src, 0)
}

// inlineTextSized is inlineText with room for size bytes made in its
// builder up front: a table cell's text is about as long as its source, so
// the builder grows once rather than by doubling.
func inlineTextSized(n ast.Node, src []byte, size int) string {
	if t, ok := n.FirstChild().(*ast.Text); ok && t.NextSibling() == nil && !t.SoftLineBreak() && !t.HardLineBreak() {
		if v := t.Segment.Value(src); bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
			return cleanText(string(v))
		}
	}
	var b strings.Builder
	if size > 0 {
		b.Grow(size)
	}
	appendText(&b, n, src)
	return cleanText(b.String())
}

func appendText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if v := c.Segment.Value(src); bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
				b.Write(v) // nothing to unescape: no copy
			} else {
				b.WriteString(html.UnescapeString(unescapePunct(v)))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			// Code is literal, but for GFM's "\|" inside table cells.
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Segment.Value(src)), `\|`, "|"))
				}
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			b.WriteByte(' ')
		case *east.Table:
			// A table nested in a list item is read as a table, not as
			// the item's prose.
			b.WriteByte(' ')
		default:
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			appendText(b, c, src)
		}
	}
}

// unescapePunct resolves Markdown backslash escapes, which goldmark leaves
// in Text nodes: a backslash before ASCII punctuation stands for that
// punctuation ("\|", "\*", "\_").
func unescapePunct(s []byte) string {
	if bytes.IndexByte(s, '\\') < 0 {
		return string(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

var (
	htmlTagRE     = regexp.MustCompile(`<[^>]*>`)
	templateTagRE = regexp.MustCompile(`\{%.*?%\}|\[/?block(?::[a-z]+)?\]`)
)

// dropTemplateTags replaces the template tags of docs engines in s with
// spaces, as templateTagRE.ReplaceAllString(s, " ") does; prose without
// the start of a tag, all but a few passages, is returned without running
// the regular expression.
func dropTemplateTags(s string) string {
	if !strings.Contains(s, "{%") && !strings.Contains(s, "[block") && !strings.Contains(s, "[/block") {
		return s
	}
	return templateTagRE.ReplaceAllString(s, " ")
}

// htmlBlockText returns the text of an HTML block, tags removed.
func htmlBlockText(n *ast.HTMLBlock, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
		b.WriteByte(' ')
	}
	text := htmlTagRE.ReplaceAllString(b.String(), " ")
	return cleanText(html.UnescapeString(strings.ReplaceAll(text, "`", "")))
}

// cleanText collapses runs of white space to one space and trims.
func cleanText(s string) string {
	return spec.CleanText(s)
}
