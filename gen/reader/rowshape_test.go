package reader

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// hasCellDelimiterReference is hasCellDelimiter as it was, before rowShape
// counted a row's pipes once for its cells and its delimiter.
func hasCellDelimiterReference(line []byte) bool {
	return countPipes(line) > 0 || bytes.IndexByte(bytes.TrimSpace(line), '\t') >= 0
}

// countCellsReference is countCells as it was, before cellsOf was cut out
// of it for rowShape.
func countCellsReference(line []byte) int {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return 0
	}
	n := countPipes(line) + 1
	if line[0] == '|' {
		n--
	}
	if len(line) > 1 && line[len(line)-1] == '|' && line[len(line)-2] != '\\' {
		n--
	}
	return max(n, 1)
}

// rowShapeInputs are table lines of every shape: pipes leading, trailing,
// escaped, none; tabs; white space of both widths around them.
var rowShapeInputs = []string{
	"", " ", "|", "||", "| a | b |", "a | b", "| a | b", "a | b |", `| a \| b |`, `a \|`, `\|`, `| a |\`,
	"a\tb\tc", "\ta\t", " a\tb | c ", "no delimiter", "\u00a0| a |\u00a0", "\u0085|x", "|\u3000", `\\|`, "|-|-|",
}

// checkRowShape compares rowShape with rowCells and the old
// hasCellDelimiter on line, and countCells with its old code.
func checkRowShape(t *testing.T, line []byte) {
	t.Helper()
	cells, delimited := rowShape(line)
	if want := rowCells(line); cells != want {
		t.Errorf("rowShape(%q) cells = %d, want %d", line, cells, want)
	}
	if got, want := countCells(line), countCellsReference(line); got != want {
		t.Errorf("countCells(%q) = %d, want %d", line, got, want)
	}
	if want := hasCellDelimiterReference(line); delimited != want {
		t.Errorf("rowShape(%q) delimited = %v, want %v", line, delimited, want)
	}
}

func TestRowShapeMatchesReference(t *testing.T) {
	for _, s := range append(rowShapeInputs, fastPathInputs...) {
		checkRowShape(t, []byte(s))
	}
}

// FuzzRowShape compares rowShape with its reference on any line.
func FuzzRowShape(f *testing.F) {
	for _, s := range rowShapeInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkRowShape(t, []byte(s))
	})
}

// readTableReference is readTable as it was: a copy of each row's line, a
// cells slice per row, and the row's cells and delimiter counted apart.
func readTableReference(t *east.Table, titles []string, src []byte, lines lineIndex) table {
	out := table{headings: titles, rows: make([]row, 0, max(t.ChildCount()-1, 0))}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		pos := blockStart(r)
		raw := restOfLine(src, pos)
		line := string(raw)
		cells := make([]string, 0, r.ChildCount())
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, inlineTextReference(c, src))
		}
		if r.Kind() == east.KindTableHeader {
			out.line, out.header = lines.of(pos), cells
			continue
		}
		if len(out.rows) > MaxRows {
			break
		}
		out.rows = append(out.rows, row{
			line:         lines.of(pos),
			cells:        cells,
			rawCells:     rowCells(raw),
			delimited:    hasCellDelimiterReference(raw),
			delimiterRow: delimiterCells(raw) > 0,
			raw:          strings.TrimSpace(line),
		})
	}
	return out
}

// checkReadTable compares readTable with its reference on every table of
// the Markdown page src, and returns how many it compared. The reference
// reads the page as parsed by refParser, every cell parsed by goldmark.
func checkReadTable(t *testing.T, src []byte) (tables int) {
	t.Helper()
	lines := newLineIndex(src)
	got, want := tableNodes(mdParser, src), tableNodes(refParser, src)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tables, goldmark's tables give %d", src, len(got), len(want))
	}
	for i := range got {
		if g, w := readTable(got[i], nil, src, lines), readTableReference(want[i], nil, src, lines); !reflect.DeepEqual(g, w) {
			t.Errorf("readTable in %q = %+v, want %+v", src, g, w)
		}
	}
	return len(got)
}

// tableNodes returns the tables md finds in src, in page order.
func tableNodes(md parser.Parser, src []byte) []*east.Table {
	var out []*east.Table
	_ = ast.Walk(md.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if tab, ok := n.(*east.Table); ok && entering {
			out = append(out, tab)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// readTablePages are pages of tables of every kind the parse makes: GFM,
// in block quotes and list items, glued to prose, with a short delimiter
// row, copied with tabs, with CRLF line ends and code spans.
var readTablePages = []string{
	"| Code | Name |\n|---|---|\n| 400 | Bad |\n| `401` | `a \\| b` |\n| 402 |\n| 403 | x | extra |\nlazy line\n",
	"> | Code | Name |\n> |---|---|\n> | 400 | a *b* |\n\n- x\n  | Code | Name |\n  |---|---|\n  | 400 |\tTab\t|\n",
	"Errors | Code | Name |\n|---|\n| 400 | Bad |\n",
	"Code\tName\tFix\n400\tBad\tFix it.\n401\tNo\tLog in.\n",
	"| Code | Name |\r\n|---|---|\r\n| 400 | Bad &amp; worse |\r\n| 401 | [x](y) <br> z |\r\n",
	"|a|b|\n|-|-|\n|\\||&amp;|\n|x|`a|b`|\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| A | B |\n|---|---|\n| 3 | 4 |\n",
}

func TestReadTableMatchesReference(t *testing.T) {
	for _, p := range readTablePages {
		if checkReadTable(t, []byte(p)) == 0 {
			t.Errorf("no table in %q", p)
		}
	}
	for _, s := range fastPathInputs {
		checkReadTable(t, []byte("| Code | Name |\n|---|---|\n| 400 | "+s+" |\n"+s+"\n| 401 | `"+s+"` |\n"))
	}
}

// FuzzReadTable compares readTable with its reference on the tables of
// any page.
func FuzzReadTable(f *testing.F) {
	for _, p := range readTablePages {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkReadTable(t, []byte(s))
		checkReadTable(t, []byte("| Code | Name |\n|---|---|\n| 400 | "+s+" |\n"))
	})
}
