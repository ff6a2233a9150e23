package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds arbitrary pages to the whole reader: tables, columns and
// the catalogue. Whatever the page, Read returns without panicking, and a
// catalogue it accepts holds each error status 400-599 once, on a line of
// the page, with texts within the spec's bounds.
func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("..", "testdata", "pages", "*.md"))
	for _, p := range pages {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("| Code | Name |\n|---|\n| 400 | Bad |\n\nx.| Status | Meaning |\n|---|---|\n| 404 | Not Found |\n"))
	f.Add([]byte("<table><tr><th>Code</th><th>Name</th></tr><tr><td rowspan=2>400</td><td>Bad</td></tr><tr><td>Worse</td></tr></table>\n"))
	f.Add([]byte("Code\tName\tFix\n400\tBad\tFix it.\n401\tNo\tLog in.\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Read("fuzz.md", src, Options{}, func(string) {})
		if err != nil {
			return
		}
		lines := bytes.Count(crToLF(src), []byte("\n")) + 1 // a lone CR ends a line too
		seen := map[int]bool{}
		for _, e := range c.Entries {
			switch {
			case e.Code < 400 || e.Code > 599:
				t.Fatalf("code %d is no error status", e.Code)
			case seen[e.Code]:
				t.Fatalf("code %d twice", e.Code)
			case e.Line < 1 || e.Line > lines:
				t.Fatalf("code %d on line %d of %d", e.Code, e.Line, lines)
			case len(e.Remedy) > 4096 || len(e.Description) > 500:
				t.Fatalf("code %d: texts of %d and %d bytes", e.Code, len(e.Description), len(e.Remedy))
			}
			seen[e.Code] = true
		}
	})
}
