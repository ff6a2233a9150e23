package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// refParser is the parser mdParser replaced: goldmark's own GFM tables,
// every cell parsed by goldmark, and our tolerant tables with every cell
// parsed too. Pages must read the same with both.
var refParser = goldmark.New(goldmark.WithExtensions(extension.Table, tolerantTables{parseCells: true})).Parser()

// checkSamePage compares parsePage of src with its reading by refParser.
func checkSamePage(t *testing.T, name string, src []byte) {
	t.Helper()
	got, want := parsePageWith(mdParser, src), parsePageWith(refParser, src)
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got.tables) != len(want.tables) {
		t.Fatalf("%s: %d tables, goldmark's tables give %d", name, len(got.tables), len(want.tables))
	}
	for i := range got.tables {
		if !reflect.DeepEqual(got.tables[i], want.tables[i]) {
			t.Fatalf("%s: table %d reads\n%+v\ngoldmark's tables give\n%+v", name, i, got.tables[i], want.tables[i])
		}
	}
	t.Fatalf("%s: the page reads\n%+v\ngoldmark's tables give\n%+v", name, got, want)
}

// referencePages returns every page the tests know, by name: the pages of
// gen's page tests, the reader's own cases and the table shapes.
func referencePages(t testing.TB) map[string][]byte {
	pages := map[string][]byte{}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "pages", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join("..", "testdata", "musicgpt-source.md"), filepath.Join("..", "testdata", "musicgpt-seed.txt"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(p)] = src
	}
	for _, c := range allPageCases() {
		pages["case "+c.name] = []byte(c.src)
	}
	for i, s := range wellFormed {
		pages["wellFormed "+string(rune('a'+i))] = []byte(s)
	}
	for i, s := range readTablePages {
		pages["readTablePages "+string(rune('a'+i))] = []byte(s)
	}
	for i, s := range fastPathInputs {
		pages["fastPathInputs "+string(rune('a'+i))] = []byte("| Code | Name |\n|---|---|\n| 400 | " + s + " |\n\n" + s + "\n")
	}
	pages["shapes"] = shapesPage(300)
	return pages
}

// TestGFMTablesMatchGoldmark reads every page the tests know with the
// reader's tables and with goldmark's own: the pages must read the same.
func TestGFMTablesMatchGoldmark(t *testing.T) {
	pages := referencePages(t)
	if len(pages) < 100 {
		t.Fatalf("only %d pages to compare", len(pages))
	}
	for name, src := range pages {
		checkSamePage(t, name, src)
	}
}

// gfmEdgeCases are the corners of extension.Table's rules that gfmTables
// copies: delimiter rows of every shape, headers wider and narrower than
// their delimiter row, escaped pipes, indentation, and the white space
// \s matches and util.IsSpace does not (or the other way round).
var gfmEdgeCases = []string{
	"| a | b |\n|:-|-:|\n| 1 | 2 |\n",
	"| a | b |\n| :-: | --- |\n| 1 | 2 | 3 |\n| 4 |\n",
	"a | b\n--|--\n1 | 2\n",
	"| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n",
	"| a |\n|---|---|\n| 1 | 2 | 3 |\n",
	"|a|\n|-|\n|1|\n",
	"| a | b |\n|---|---|\n| `x \\| y` | \\| |\n| a\\\\| b |\n",
	"| a | b |\n    |---|---|\n| 1 | 2 |\n",
	"| a | b |\n   |---|---|\n| 1 | 2 |\n",
	"| a | b |\n|---|\v---|\n| 1 | 2 |\n",
	"| a | b |\n|---|\f---|\n| 1 | 2 |\n",
	"| a | b |\n|---|---\r|\n| 1 | 2 |\n",
	"| a | b |\n|---|-- -|\n| 1 | 2 |\n",
	"| a | b |\n|::|--|\n| 1 | 2 |\n",
	"| a | b |\n| : | - |\n| 1 | 2 |\n",
	"| a | b |\n---|---\n| 1 | 2 |\n",
	"text\n| a | b |\n|---|---|\n| 1 | 2 |\nafter\n",
	"text\nmore\n| a | b |\n|---|---|\n",
	"| a | b |\n|---|---|\n|\n||\n|||\n| |\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\n| c | d |\n|---|---|\n| 3 | 4 |\n",
	"| a | b |\n|---|---|\n| *x* | _y_ |\n| [l](u) | ![i](s) |\n| <b>x</b> | &amp; |\n| \\* | a]b |\n| a!b | x_y_z |\n",
	"- item\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
	"-\t| a | b |\n\t|---|---|\n\t| 1\t| 2 |\n",
	"| a | b |\n|---|---|\n| café | ü\u200b |\n| \x00 | \xff\xfe |\n",
	"Title | a | b |\n|---|---|\n| 1 | 2 |\n",
	"| a | b |\n|---|\n| 1 | 2 |\n",
	"a\tb\tc\n1\t2\t3\n4\t5\t6\n",
	"# H\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	"| a | b |\n|---|---|\n| 1 | 2 |    \n| 3 | 4 |\\\n| 5 | 6 |\n",
	// From a red-team pass: CRLF, tabs in block quotes and list items, lazy
	// lines, setext underlines, escaped pipes in code spans, odd white space.
	"| a | b |\r\n|---|---|\r\n| `x` | y |\r\n| `` ` `` | `a\r` |\r\n",
	">\t| a | b |\n>\t|---|---|\n>\t| `a` | b |\n>  `c`\t| d\n",
	"- x\n\t| a | b |\n\t|---|---|\n\t|\t`a`\t|\tb\t|\n",
	"1. | a | b |\n   |---|---|\n   | `1` | 2 |\nlazy `x` | y\n",
	"| a | b |\n|---|---|\n| `1` | 2 |\n---\n",
	"x\n| a | b |\n|---|---|\n| `1` | 2 |\n===\n",
	"0\n-:\n-\n",
	"| a | b |\n|---|---|\n| `a\\|b` | c\\|d |\n| `a\\\\|b` | `\\|` |\n",
	"| a | b |\n|---|---|\n| ` ` | `  ` |\n| `\x00` | `\xff` |\n| `\v` | \v`a`\v |\n",
	"| a | b |\n|---|---|\n| `x` &amp; | &#124; |\n| ``` | `` |\n",
	"| a | b\\|\n|---|---|\n| 1 | 2\\|\n",
	"|a|b|\n|-|-|\n|`a`|`b`|\n|`` a` ``|x`y|\n",
	"| a | b |\n|---|---|\n| \u00a0`a`\u00a0 | \u3000 |\n",
	"| a | b |\n|---|---|\n| `a`  | b\t\t|\n| `a`\f | \f |\n",
	"> | a | b |\n|---|---|\n> | `1` | 2 |\n",
	"| `a` | `b` |\n|---|---|\n| 1 | 2 |\n\n`a` | `b`\n---|---\n",
	"| a | b |\n| --- | --- |\n| 1 | 2 |\n| `x` |\n|\n| `y` | `z` | `w` |\n",
	"- | a | b |\n  |---|---|\n  | `1` | 2 |\n- | c |\n  |---|\n  | `3` |\n",
	"| a | b |\n|---|---|\n| http://x.y | <http://x.y> |\n| a~~b~~ | x*y |\n",
}

// TestGFMEdgeCases compares the reader's tables with goldmark's on the
// corners of GFM's rules.
func TestGFMEdgeCases(t *testing.T) {
	for _, src := range gfmEdgeCases {
		checkSamePage(t, strings.ReplaceAll(src, "\n", "⏎"), []byte(src))
	}
}

// FuzzGFMTables compares the reader's tables with goldmark's on any page
// gen would parse.
func FuzzGFMTables(f *testing.F) {
	for _, src := range gfmEdgeCases {
		f.Add([]byte(src))
	}
	for _, c := range allPageCases() {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > MaxPageSize || checkShape("fuzz.md", src) != nil {
			return // gen refuses these before parsing
		}
		checkSamePage(t, "fuzz", src)
	})
}

// goldmarkCell parses a table of one cell, v, with goldmark's GFM tables,
// and returns the page, the cell and its trimmed source.
func goldmarkCell(t *testing.T, v string) (src []byte, cell ast.Node, seg text.Segment) {
	t.Helper()
	src = []byte("| h |\n|---|\n| " + v + " |\n")
	tab, ok := goldmarkGFM.Parse(text.NewReader(src)).FirstChild().(*east.Table)
	if !ok || tab.ChildCount() != 2 {
		t.Fatalf("%q: not a table of one row", src)
	}
	cell = tab.LastChild().FirstChild()
	return src, cell, cell.Lines().At(0)
}

// checkPlainCell checks isPlainCell's promise on v, a cell's text: when
// it holds none of inlineStart, goldmark's GFM tables parse the cell as
// one text node of exactly the cell's source, or none when it is empty.
func checkPlainCell(t *testing.T, v string) {
	if !isPlainCell([]byte(v)) || strings.ContainsAny(v, "|\r\n") {
		return
	}
	src, cell, seg := goldmarkCell(t, v)
	switch n := cell.FirstChild().(type) {
	case nil:
		if seg.Len() != 0 {
			t.Fatalf("%q: no text node for the cell %q", src, seg.Value(src))
		}
	case *ast.Text:
		if n.NextSibling() != nil || n.Segment.Start != seg.Start || n.Segment.Stop != seg.Stop || n.SoftLineBreak() || n.HardLineBreak() {
			t.Fatalf("%q: the cell %q is not one text node of its source", src, seg.Value(src))
		}
	default:
		t.Fatalf("%q: the cell %q parses as a %s", src, seg.Value(src), n.Kind())
	}
}

// TestPlainCells checks isPlainCell on the texts of the reader's test
// inputs.
func TestPlainCells(t *testing.T) {
	for _, s := range append(fastPathInputs, "plain", "", "a b\tc", "100 %", "x#y", "~~x~~", "$x$", "a:b", "http://x.y", "www.example.com", "a--b", "\"q\"", "'s", "a\u00a0b", "{x}", "(x)") {
		checkPlainCell(t, s)
	}
}

// FuzzPlainCell checks isPlainCell on any cell text.
func FuzzPlainCell(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(checkPlainCell)
}

// gfmOnly and goldmarkGFM are gfmTables and extension.Table alone, without
// the tolerant tables that would read what one of them refused.
var (
	gfmOnly     = goldmark.New(goldmark.WithExtensions(gfmTables{})).Parser()
	goldmarkGFM = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
)

// treeOf describes the blocks of md's parse of src, one line each: kind,
// position, children and lines, a table's alignments, and each cell of a
// row by its text (see refCellText). Cells' own positions and alignments,
// which the reader never reads, are left out: a plain cell has none.
func treeOf(md parser.Parser, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(md.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s pos=%d", n.Kind(), n.Pos())
		if k := n.Kind(); k == east.KindTableRow || k == east.KindTableHeader {
			for _, c := range refCellTexts(n, src) {
				fmt.Fprintf(&b, " | %q", c)
			}
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		fmt.Fprintf(&b, " children=%d", n.ChildCount())
		if t, ok := n.(*east.Table); ok {
			fmt.Fprintf(&b, " align=%v", t.Alignments)
		}
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			fmt.Fprintf(&b, " [%d,%d)", seg.Start, seg.Stop)
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// refCellTexts returns the texts of the cells of a row: of a cell goldmark
// parsed, its inline text as the reference reads it; of a cell it did not,
// the reader's text of its source. A row the reader built holds its cells in rowCells; a
// row of goldmark's tables has them as children.
func refCellTexts(row ast.Node, src []byte) []string {
	var out []string
	if r, ok := row.(cellRow); ok {
		for _, c := range r.rowCells() {
			if c.node != nil {
				out = append(out, inlineTextReference(c.node, src))
			} else {
				out = append(out, c.text(src, -1, "")) // the source, read by codeSpansText if it holds backticks
			}
		}
		return out
	}
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, inlineTextReference(c, src))
	}
	return out
}

// checkSameTree compares gfmTables' tree of src with extension.Table's.
func checkSameTree(t *testing.T, src []byte) {
	t.Helper()
	if got, want := treeOf(gfmOnly, src), treeOf(goldmarkGFM, src); got != want {
		t.Fatalf("%q: gfmTables' tree\n%s\nextension.Table's\n%s", src, got, want)
	}
}

// TestGFMTreeMatchesGoldmark compares the trees of gfmTables and
// extension.Table, node for node, on every page the tests know.
func TestGFMTreeMatchesGoldmark(t *testing.T) {
	for _, src := range gfmEdgeCases {
		checkSameTree(t, []byte(src))
	}
	for _, src := range referencePages(t) {
		checkSameTree(t, src)
	}
}

// FuzzGFMTree compares the trees of gfmTables and extension.Table on any
// page gen would parse.
func FuzzGFMTree(f *testing.F) {
	for _, src := range gfmEdgeCases {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > MaxPageSize || checkShape("fuzz.md", src) != nil {
			return
		}
		checkSameTree(t, src)
	})
}

// checkSpansCell checks codeSpansText on v, a cell's text: when its only
// markup outside code spans is backticks, the reader's text of the cell is
// the text goldmark's GFM tables give it.
func checkSpansCell(t *testing.T, v string) {
	if markupOf([]byte(v)) != markupSpans || strings.ContainsAny(v, "|\r\n") {
		return
	}
	src, cell, seg := goldmarkCell(t, v)
	got, ok := codeSpansText(seg.Value(src))
	if !ok {
		return // markup outside the spans: goldmark parses the cell
	}
	if want := inlineTextReference(cell, src); cleanText(got) != want {
		t.Fatalf("codeSpansText of the cell %q reads %q, goldmark %q", seg.Value(src), got, want)
	}
}

// codeSpanCells are cells of code spans in every shape CommonMark reads:
// runs of one to three backticks, unclosed and unmatched runs, spaces
// trimmed or not, blank spans, and backticks at the ends.
var codeSpanCells = []string{
	"`a`", "`` a ` b ``", "` a `", "`  a  `", "` `", "`  `", "``", "```", "`a", "a`", "`a``", "``a`", "a `b` c `d`",
	"`a` `b`", "```a``b```", "`` `a` ``", "` a`", "`a `", "x` y `z", "`\ta\t`", "` \ta `", "a ``` b", "`a`b`c`",
	"``a`` `b`", "` `a` `", "`a\\`", "café `ü` ñ",
	"`field_1`", "Check the `field_1` of the request.", "`*a*` and `_b_`", "`a_b", "a_b `c`", "`List<String>`", "`a[0]` `![x](y)`",
	"`&amp;`", "`a` *b*", "`a`_b_", "``a_`` _", "`<b>` <b>", "**`a`**", "`a`&amp;",
	"` a  `", "`  a `", "`\x00`", "`\v a \v`", "`\xa0a\xa0`", "` \t `", "`\t`", "`` ` ``", "` `` `", "x```y``z`", "`a``b`", "````", "`a` ``` `b`", "a`b`c`d", "`  `` ", "`\ta `",
}

func TestCodeSpansText(t *testing.T) {
	for _, v := range codeSpanCells {
		checkSpansCell(t, v)
	}
}

// FuzzCodeSpans checks codeSpansText on any cell text.
func FuzzCodeSpans(f *testing.F) {
	for _, v := range codeSpanCells {
		f.Add(v)
	}
	f.Fuzz(checkSpansCell)
}
