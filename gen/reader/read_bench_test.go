package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// benchPage returns a page of rows error rows: per-endpoint tables of up
// to 100 rows each (400 to 499), repeating one another, as API references
// do, with prose between them.
func benchPage(rows int) []byte {
	var b strings.Builder
	b.WriteString("# Errors\n\nEvery endpoint answers with these errors.\n")
	for done := 0; done < rows; {
		fmt.Fprintf(&b, "\n## POST /v1/things/%d\n\nCreates a thing.\n\n| Code | Name | Solution |\n|---|---|---|\n", done)
		for i := 0; i < 100 && done < rows; i, done = i+1, done+1 {
			fmt.Fprintf(&b, "| %d | Error **%d** | Check the `field_%d` and send the request again. |\n", 400+i, i, i)
		}
	}
	return []byte(b.String())
}

// BenchmarkRead reads whole pages: parse, tables, columns, catalogue.
// Compare with BenchmarkGoldmarkGFM, goldmark's own parse of the same
// bytes: the goal is at most 2x.
func BenchmarkRead(b *testing.B) {
	for _, rows := range []int{100, 1000, 10000} {
		src := benchPage(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Read("bench.md", src, Options{}, func(string) {}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGoldmarkGFM is the floor of BenchmarkRead: goldmark with GitHub's
// tables parsing the same pages, and nothing else.
func BenchmarkGoldmarkGFM(b *testing.B) {
	gfm := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	for _, rows := range []int{100, 1000, 10000} {
		src := benchPage(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				gfm.Parse(text.NewReader(src))
			}
		})
	}
}
