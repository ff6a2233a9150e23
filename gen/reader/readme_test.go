package reader

import (
	"strings"
	"testing"
)

// TestReadmeBlocks reads ReadMe's [block:parameters] tables, and refuses
// the ones that cannot be read with a reason.
func TestReadmeBlocks(t *testing.T) {
	block := func(json string) string { return "[block:parameters]\n" + json + "\n[/block]\n" }
	good := `{"data": {"h-0": "Code", "h-1": "Message", "0-0": "` + "`400`" + `", "0-1": "**Bad Request:** Fix it.", "1-0": "429", "1-1": "Too Many Requests"}, "cols": 2, "rows": 2}`
	tests := []struct {
		name string
		md   string
		want []tableWant
		err  string // Read's error, when no table could be read
	}{
		{
			name: "after prose glued above it",
			md:   "These are the codes.\n" + block(good),
			want: []tableWant{{line: 2, header: []string{"Code", "Message"}, rows: []rowWant{
				{3, []string{"400", "Bad Request: Fix it."}},
				{3, []string{"429", "Too Many Requests"}},
			}}},
		},
		{
			name: "rows on the lines of their first cells",
			md:   block("{\"data\": {\n\"h-0\": \"Code\",\n\"0-0\": \"400\",\n\"1-0\": \"404\"\n}, \"cols\": 1, \"rows\": 2}"),
			want: []tableWant{{line: 1, header: []string{"Code"}, rows: []rowWant{{4, []string{"400"}}, {5, []string{"404"}}}}},
		},
		{
			name: "a cell hiding deep nesting behind JSON escapes reads as text",
			md:   block(`{"data": {"h-0": "Code", "h-1": "Name", "0-0": "400", "0-1": "` + strings.Repeat(`\u003e `, 5000) + `x"}, "cols": 2, "rows": 1}`),
			want: []tableWant{{line: 1, header: []string{"Code", "Name"}, rows: []rowWant{{2, []string{"400", strings.Repeat("> ", 5000) + "x"}}}}},
		},
		{name: "no end", md: "[block:parameters]\n{\"data\": {}}\n", err: "a [block:parameters] block without its [/block]"},
		{name: "bad JSON", md: block(`{"data": [}`), err: "a [block:parameters] block whose JSON does not read"},
		{name: "a grid too large", md: block(`{"data": {}, "cols": 100, "rows": 10000}`), err: "a [block:parameters] block of 1000100 cells, past the 20000 the blocks of a page may hold"},
		{name: "a grid too wide", md: block(`{"data": {}, "cols": 101, "rows": 1}`), err: "a [block:parameters] block of 101 columns and 1 rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err != "" {
				_, err := Read("docs.md", []byte(tt.md), Options{}, func(string) {})
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			p := parsePage([]byte(tt.md))
			if len(p.tables) != len(tt.want) {
				t.Fatalf("%d tables, want %d", len(p.tables), len(tt.want))
			}
			for i, w := range tt.want {
				got := p.tables[i]
				if got.line != w.line || strings.Join(got.header, "|") != strings.Join(w.header, "|") || len(got.rows) != len(w.rows) {
					t.Fatalf("table %d: line %d, header %q, %d rows", i, got.line, got.header, len(got.rows))
				}
				for j, r := range w.rows {
					if got.rows[j].line != r.line || strings.Join(got.rows[j].cells, "|") != strings.Join(r.cells, "|") {
						t.Errorf("row %d: line %d, cells %q; want line %d, %q", j, got.rows[j].line, got.rows[j].cells, r.line, r.cells)
					}
				}
			}
		})
	}
}
