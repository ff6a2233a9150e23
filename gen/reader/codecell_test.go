package reader

import (
	"slices"
	"testing"
)

// codeCellTests pin what parseCodeCell reads from a code cell: the forms
// it always read, and the markers around a code that it now reads past.
var codeCellTests = []struct {
	in     string
	kind   cellKind
	codes  []int
	name   string
	number string
}{
	// One status, with or without a prefix.
	{in: "429", kind: statusCode, codes: []int{429}},
	{in: " 429 ", kind: statusCode, codes: []int{429}},
	{in: "HTTP 429", kind: statusCode, codes: []int{429}},
	{in: "HTTP/1.1 503", kind: statusCode, codes: []int{503}},
	{in: "Status: 404", kind: statusCode, codes: []int{404}},
	{in: "error code 400", kind: statusCode, codes: []int{400}},
	{in: "200", kind: statusCode, codes: []int{200}},
	// A status and its name.
	{in: "404 Not Found", kind: statusCode, codes: []int{404}, name: "Not Found"},
	{in: "404 - Not Found", kind: statusCode, codes: []int{404}, name: "Not Found"},
	{in: "404: Not Found", kind: statusCode, codes: []int{404}, name: "Not Found"},
	{in: "404. Not Found", kind: statusCode, codes: []int{404}, name: "Not Found"},
	{in: "200 OK", kind: statusCode, codes: []int{200}, name: "OK"},
	// Lists.
	{in: "500, 502", kind: statusCode, codes: []int{500, 502}},
	{in: "500/502/503", kind: statusCode, codes: []int{500, 502, 503}},
	{in: "401 or 403", kind: statusCode, codes: []int{401, 403}},
	{in: "500, 502, 503 - Server Errors", kind: statusCode, codes: []int{500, 502, 503}, name: "Server Errors"},
	{in: "500, 700", kind: outOfRange, number: "700"},
	// Classes and ranges.
	{in: "5xx", kind: statusClass},
	{in: "4XX", kind: statusClass},
	{in: "50x", kind: statusClass},
	{in: "500-599", kind: statusClass},
	{in: "default", kind: statusClass},
	// Numbers that are no status, and text.
	{in: "700", kind: outOfRange, number: "700"},
	{in: "42", kind: outOfRange, number: "42"},
	{in: "4290", kind: outOfRange, number: "4290"},
	{in: "429.5", kind: notACode},
	{in: "4,290", kind: notACode},
	{in: "rate_limited", kind: notACode},
	{in: "", kind: notACode},
	{in: "—", kind: notACode},
	// Markers after the code.
	{in: "429←", kind: statusCode, codes: []int{429}},
	{in: "429 ←", kind: statusCode, codes: []int{429}},
	{in: "429 →", kind: statusCode, codes: []int{429}},
	{in: "429*", kind: statusCode, codes: []int{429}},
	{in: "429 *", kind: statusCode, codes: []int{429}},
	{in: "429**", kind: statusCode, codes: []int{429}},
	{in: "429†", kind: statusCode, codes: []int{429}},
	{in: "429 ‡", kind: statusCode, codes: []int{429}},
	{in: "429¹", kind: statusCode, codes: []int{429}},
	{in: "429⁴", kind: statusCode, codes: []int{429}},
	{in: "429 [^1]", kind: statusCode, codes: []int{429}},
	{in: "429[^rate]", kind: statusCode, codes: []int{429}},
	{in: "429 ⚠️", kind: statusCode, codes: []int{429}},
	{in: "⚠️ 429", kind: statusCode, codes: []int{429}},
	{in: "429 {: #rate-limit}", kind: statusCode, codes: []int{429}},
	{in: "`429`", kind: statusCode, codes: []int{429}},
	{in: "`429`*", kind: statusCode, codes: []int{429}},
	{in: "*429*", kind: statusCode, codes: []int{429}},
	{in: "HTTP 429 †", kind: statusCode, codes: []int{429}},
	{in: "404 Not Found ←", kind: statusCode, codes: []int{404}, name: "Not Found"},
	{in: "500, 502*", kind: statusCode, codes: []int{500, 502}},
	{in: "5xx*", kind: statusClass},
	{in: "700*", kind: outOfRange, number: "700"},
	{in: "`rate_limited`", kind: notACode},
}

func TestParseCodeCell(t *testing.T) {
	for _, tt := range codeCellTests {
		c := parseCodeCell(tt.in)
		if c.kind != tt.kind || !slices.Equal(c.codes, tt.codes) || c.name != tt.name || c.number != tt.number {
			t.Errorf("parseCodeCell(%q) = %+v; want kind %d, codes %v, name %q, number %q", tt.in, c, tt.kind, tt.codes, tt.name, tt.number)
		}
		if got, want := isCodeCell(tt.in), tt.kind == statusCode; got != want {
			t.Errorf("isCodeCell(%q) = %v; want %v", tt.in, got, want)
		}
	}
}

// FuzzParseCodeCell checks that parseCodeCell never panics and that every
// code it reads is an HTTP status.
func FuzzParseCodeCell(f *testing.F) {
	for _, tt := range codeCellTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := parseCodeCell(s)
		if c.kind == statusCode && len(c.codes) == 0 {
			t.Fatalf("parseCodeCell(%q) = %+v: a status without codes", s, c)
		}
		for _, n := range c.codes {
			if n < 100 || n > 599 {
				t.Fatalf("parseCodeCell(%q) = %+v: %d is no HTTP status", s, c, n)
			}
		}
		if c.kind != statusCode && len(c.codes) > 0 {
			t.Fatalf("parseCodeCell(%q) = %+v: codes without a status", s, c)
		}
	})
}
