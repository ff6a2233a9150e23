package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// keyStatsOfReference is how codeTable summed up a column before
// isKeyColumn: every row read, whatever the first rows said.
func keyStatsOfReference(t *table, i int) keyStats {
	var k keyStats
	seen := map[string]bool{}
	for _, r := range t.rows {
		v := keyText(cell(r, i))
		if v == "" || catchAll(v) {
			continue
		}
		k.filled++
		if !isKey(v) {
			continue
		}
		k.keys++
		if strongKey(v) {
			k.strong++
		} else if pascalRE.MatchString(v) {
			k.pascal++
		} else if lowerWordRE.MatchString(v) {
			k.lower++
		}
		if seen[v] {
			k.repeated = true
		}
		seen[v] = true
	}
	return k
}

// typeColumnReference is typeColumn before it stopped early.
func typeColumnReference(t *table, i int) bool {
	filled, types := 0, 0
	for _, r := range t.rows {
		v := strings.TrimSpace(unwrapCode(cell(r, i)))
		if v == "" || isPlaceholder(v) {
			continue
		}
		filled++
		if len(v) < 40 && typeNamesRE.MatchString(v) {
			types++
		}
	}
	return filled > 0 && 2*types > filled
}

// columnTestPages are pages whose tables' columns isKeyColumn and
// typeColumn must read as their references do: gen's test pages and
// columns mixing codes, words, type names, repeats and placeholders in
// every proportion around the thresholds.
func columnTestPages(t *testing.T) map[string][]byte {
	pages := map[string][]byte{}
	paths, err := filepath.Glob("../testdata/pages/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = src
	}
	cells := []string{"rate_limited", "INVALID_REQUEST", "NotFound", "maintenance", "OK", "Some words", "string", "integer",
		"-", "", "4XX", "400", "`card.declined`", "rate_limited", "array of objects"}
	for n := 1; n <= 12; n++ {
		for seed := range 40 {
			var b strings.Builder
			b.WriteString("| Error code | Type | Description |\n|---|---|---|\n")
			for r := range n {
				c := cells[(seed*7+r*(seed%5+1))%len(cells)]
				if seed%3 == 0 && r%4 != 3 {
					c = fmt.Sprintf("code_%d", r) // mostly codes, some others
				}
				ty := cells[(seed+r*3)%len(cells)]
				if seed%4 == 1 && r%3 != 2 {
					ty = "string"
				}
				fmt.Fprintf(&b, "| %s | %s | Something went wrong. |\n", c, ty)
			}
			pages[fmt.Sprintf("synthetic-%d-%d", n, seed)] = []byte(b.String())
		}
	}
	return pages
}

func TestColumnTestsMatchReference(t *testing.T) {
	keys, types := 0, 0 // columns the references take, to show both answers are tested
	for name, src := range columnTestPages(t) {
		// Without a memo, and with the page's memo as Read shares it,
		// filled by the first column's checks and read by the next.
		for _, memo := range []cellMemo{nil, {}} {
			p := parsePage(src)
			for ti := range p.tables {
				tb := &p.tables[ti]
				tb.memo = memo
				for i, h := range tb.header {
					if got, want := isKeyColumn(tb, i, h), keyStatsOfReference(tb, i).keyColumn(h); got != want {
						t.Errorf("%s: table %d column %d (%q): isKeyColumn = %v, want %v", name, ti, i, h, got, want)
					}
					if keyStatsOfReference(tb, i).keyColumn(h) {
						keys++
					}
					if typeColumnReference(tb, i) {
						types++
					}
					if got, want := typeColumn(tb, i), typeColumnReference(tb, i); got != want {
						t.Errorf("%s: table %d column %d (%q): typeColumn = %v, want %v", name, ti, i, h, got, want)
					}
				}
			}
		}
	}
	if keys < 20 || types < 20 {
		t.Errorf("only %d key and %d type columns among the tables: the comparison tests too few", keys, types)
	}
}
