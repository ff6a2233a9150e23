package main

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// page is what the generator needs of a docs page: its tables and the
// passages of prose outside them, with the lines they start on.
type page struct {
	tables   []table
	passages []passage
}

// table is one GFM table as a reader sees it.
type table struct {
	line    int      // line of the header row
	heading string   // the heading or line of text just above the table
	header  []string // plain text of the header cells
	rows    []row
}

// row is one body row of a table.
type row struct {
	line  int
	cells []string // plain text, padded by GFM to the header's width
	// delimited reports whether the row's source line holds a cell
	// delimiter at all. GFM continues a table with any non-blank line,
	// pipe or not, so a line of prose right after the last row turns up
	// here as a row; this tells it apart.
	delimited bool
}

// passage is a paragraph or list item of prose outside the tables.
type passage struct {
	line int
	text string
}

// mdParser is goldmark with GitHub's tables, the only extension that changes
// what we read. It is safe for concurrent use.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// parsePage parses Markdown source into a page.
func parsePage(src []byte) *page {
	lines := newLineIndex(src)
	doc := mdParser.Parse(text.NewReader(src))
	p := &page{}
	var prev ast.Node // the block before the current one, for headings
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *east.Table:
			p.tables = append(p.tables, readTable(n, prev, src, lines))
		case *ast.Paragraph:
			p.passages = append(p.passages, passage{lines.of(blockStart(n)), inlineText(n, src)})
		case *ast.List:
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				p.passages = append(p.passages, passage{lines.of(blockStart(item)), inlineText(item, src)})
			}
		}
		prev = n
	}
	return p
}

// readTable turns a goldmark table into a table; prev is the block before it.
func readTable(t *east.Table, prev ast.Node, src []byte, lines lineIndex) table {
	out := table{heading: headingAbove(t, prev, src)}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, inlineText(c, src))
		}
		pos := blockStart(r)
		if _, ok := r.(*east.TableHeader); ok {
			out.line, out.header = lines.of(pos), cells
			continue
		}
		out.rows = append(out.rows, row{
			line:      lines.of(pos),
			cells:     cells,
			delimited: hasCellDelimiter(lines.text(src, pos)),
		})
	}
	return out
}

// headingAbove returns the text that titles a table: a heading right before
// it, or the last line of a paragraph that runs straight into it (scraped
// pages lose their "#" and leave the heading glued to the table).
func headingAbove(t *east.Table, prev ast.Node, src []byte) string {
	switch prev := prev.(type) {
	case *ast.Heading:
		return inlineText(prev, src)
	case *ast.Paragraph:
		if t.HasBlankPreviousLines() {
			return ""
		}
		lines := prev.Lines()
		if lines.Len() == 0 {
			return ""
		}
		last := lines.At(lines.Len() - 1)
		return cleanText(string(last.Value(src)))
	}
	return ""
}

// blockStart returns the byte offset a block starts at, or -1.
func blockStart(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos := blockStart(c); pos >= 0 {
			return pos
		}
	}
	return -1
}

// hasCellDelimiter reports whether a table line holds an unescaped "|".
func hasCellDelimiter(line []byte) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			return true
		}
	}
	return false
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets of line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// of returns the line of offset off; 0 when off is unknown (negative).
func (idx lineIndex) of(off int) int {
	if off < 0 {
		return 0
	}
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// text returns the source line holding offset off, without its newline.
func (idx lineIndex) text(src []byte, off int) []byte {
	if off < 0 || off > len(src) {
		return nil
	}
	start := idx[idx.of(off)-1]
	end := len(src)
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	return bytes.TrimSuffix(src[start:end], []byte("\r"))
}

// inlineText returns the plain text of a node: emphasis, strong, code spans
// and links reduced to their text, raw HTML dropped (a <br> becomes a space),
// "\|" unescaped and white space collapsed.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	appendText(&b, n, src)
	return cleanText(b.String())
}

func appendText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			b.WriteByte(' ')
		default:
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			appendText(b, c, src)
		}
	}
}

// cleanText unescapes "\|", which GFM leaves in cell text, and collapses
// runs of white space to one space.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, `\|`, "|")
	return strings.Join(strings.Fields(s), " ")
}
