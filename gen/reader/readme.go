package reader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// ReadMe's Markdown exports (before its MDX-based editor) write tables as
// "magic blocks": a JSON object between [block:parameters] and [/block],
// with header cells "h-0", "h-1"... and body cells "row-col", each holding
// Markdown. goldmark sees only a paragraph of JSON; the reader reads the
// block from the source.
var (
	readmeOpen  = []byte("[block:parameters]")
	readmeClose = []byte("[/block]")
)

// Bounds on a magic block's declared size: the page bounds its bytes, these
// bound the grid a few bytes of JSON could declare.
const (
	maxReadmeCols = 100
	maxReadmeRows = 10000
	// maxReadmeCells bounds the cells of all blocks of a page: each cell
	// is Markdown, parsed on its own.
	maxReadmeCells = 20000
)

// readmeBlock is the JSON of a [block:parameters] block.
type readmeBlock struct {
	Data map[string]string `json:"data"`
	Cols int               `json:"cols"`
	Rows int               `json:"rows"`
}

// readmeTable reads the magic block that starts at src[start:] (with
// "[block:parameters]") and returns its table and the offset past its
// [/block]; ok is false when the block is no table the reader can read,
// and why says why, for the table report.
func readmeTable(src []byte, start int, lines lineIndex, heading string, budget *int) (t table, end int, why string) {
	body := src[start+len(readmeOpen):]
	stop := bytes.Index(body, readmeClose)
	if stop < 0 {
		return table{}, start, "a [block:parameters] block without its [/block]"
	}
	end = start + len(readmeOpen) + stop + len(readmeClose)
	var b readmeBlock
	if err := json.Unmarshal(body[:stop], &b); err != nil {
		return table{}, end, fmt.Sprintf("a [block:parameters] block whose JSON does not read (%v)", err)
	}
	if b.Cols < 1 || b.Cols > maxReadmeCols || b.Rows < 0 || b.Rows > maxReadmeRows {
		return table{}, end, fmt.Sprintf("a [block:parameters] block of %d columns and %d rows", b.Cols, b.Rows)
	}
	if cells := b.Cols * (b.Rows + 1); cells > *budget {
		return table{}, end, fmt.Sprintf("a [block:parameters] block of %d cells, past the %d the blocks of a page may hold", cells, maxReadmeCells)
	} else {
		*budget -= cells
	}
	firstCells := rowKeys(body[:stop])
	t = table{line: lines.of(start), header: make([]string, b.Cols)}
	if heading != "" {
		t.headings = []string{heading}
	}
	for c := range b.Cols {
		t.header[c] = markdownText(b.Data[fmt.Sprintf("h-%d", c)])
	}
	for r := range b.Rows {
		cells := make([]string, b.Cols)
		filled := 0
		for c := range b.Cols {
			v, ok := b.Data[fmt.Sprintf("%d-%d", r, c)]
			if ok {
				filled++
			}
			cells[c] = markdownText(v)
		}
		// The JSON holds no line per row: each row is at its first cell's
		// key in the block, or at the block's line.
		line := t.line
		if off, ok := firstCells[r]; ok {
			line = lines.of(start + len(readmeOpen) + off)
		}
		t.rows = append(t.rows, row{line: line, cells: cells, rawCells: filled, delimited: true})
	}
	return t, end, ""
}

// markdownText returns the plain text of a cell of Markdown, as inlineText
// gives it for a table cell: markup reduced to its text.
func markdownText(s string) string {
	if s == "" {
		return ""
	}
	if !strings.ContainsAny(s, "*_`[]<>&\\!#|~{\n") {
		return cleanText(s) // no markup: the common cell, without a parse
	}
	src := []byte(s)
	if checkShape("cell", src) != nil {
		// A cell whose JSON escapes hide a shape that makes goldmark
		// slow (thousands of nested quotes) is read as plain text.
		return cleanText(s)
	}
	return inlineText(mdParser.Parse(text.NewReader(src)), src)
}

// rowKeys returns, for each row of a block's JSON, the offset of its key
// "ROW-0", in one pass over the bytes.
func rowKeys(js []byte) map[int]int {
	keys := map[int]int{}
	for i := 0; i < len(js); i++ {
		if js[i] != '"' {
			continue
		}
		j, row := i+1, 0
		for j < len(js) && j-i <= 6 && '0' <= js[j] && js[j] <= '9' {
			row = row*10 + int(js[j]-'0')
			j++
		}
		if j > i+1 && j+2 < len(js) && js[j] == '-' && js[j+1] == '0' && js[j+2] == '"' {
			if _, seen := keys[row]; !seen {
				keys[row] = i
			}
		}
	}
	return keys
}

// readmeStart returns the offset of a line starting with
// "[block:parameters]" in paragraph n, if there is one: goldmark reads the
// block, and any prose glued above it, as one paragraph.
func readmeStart(n ast.Node, src []byte) (int, bool) {
	para, ok := n.(*ast.Paragraph)
	if !ok {
		return 0, false
	}
	segs := para.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if line := src[seg.Start:seg.Stop]; bytes.HasPrefix(bytes.TrimLeft(line, " "), readmeOpen) {
			return seg.Start + bytes.Index(line, readmeOpen), true
		}
	}
	return 0, false
}
