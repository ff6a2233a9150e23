package reader

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// htmlTableStart returns the offset of the "<table" that an HTML block
// starts with, if it starts with one (after wrapper tags such as <div>).
func htmlTableStart(n ast.Node, src []byte) (int, bool) {
	b, ok := n.(*ast.HTMLBlock)
	if !ok || b.Lines().Len() == 0 {
		return 0, false
	}
	start := b.Lines().At(0).Start
	end := b.Lines().At(b.Lines().Len() - 1).Stop
	i := bytes.Index(bytes.ToLower(src[start:end]), []byte("<table"))
	if i < 0 {
		return 0, false
	}
	return start + i, true
}

// htmlTables reads the HTML table starting at src[start:] (and any table
// nested in it) and returns it with the offset just past its </table>.
// heading is the text of the last Markdown heading above it.
//
// TODO(issue 9): read with golang.org/x/net/html.
func htmlTables(src []byte, start int, lines lineIndex, heading string) ([]table, int) {
	return nil, start
}
