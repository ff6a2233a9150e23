package reader

import (
	"bytes"
	"testing"
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
