package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// docsBase is where testdata/llms.txt pretends to be served.
var docsBase = mustURL("https://docs.example.com/llms.txt")

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func readIndex(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/llms.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseIndexRealistic(t *testing.T) {
	const d = "https://docs.example.com/"
	want := []Page{
		{"Quickstart", d + "guides/quickstart.md", "Guides", 10},
		{"Handling errors", d + "guides/handling-errors.md", "Guides", 11},   // root-relative
		{"Idempotent requests", d + "guides/idempotency.md", "Guides", 12},   // relative
		{"Webhooks", d + "guides/webhooks.md", "Guides", 13},                 // bold; notes go on over 4 lines
		{"Rate limits", d + "guides/rate-limits.md", "Guides", 17},           //
		{"Introduction", d + "api/introduction.md", "API reference", 21},     // no notes
		{"Create payment", d + "api/create-payment.md", "API reference", 22}, //
		{"Refund a payment", d + "api/refund-payment.md", "API reference", 23},
		{"Generate a report [beta]", d + "api/reports.md", "API reference", 24},  // escaped brackets
		{"Preview [v3] payouts", d + "api/payouts%20v3.md", "API reference", 25}, // nested brackets, <url>
		{"Error codes", d + "api/error-codes.md", "API reference", 26},           // "*" item, link title
		{"", d + "api/errors-legacy.md", "API reference", 27},                    // [null]
		{"Numbered item", d + "api/numbered.md", "Examples", 35},                 // after a fenced block
		{"Changelog", d + "changelog.md", "Optional", 39},
		{"Status page", "https://status.example.com/", "Optional", 40},
		// mailto: and credentials dropped
	}
	got := ParseIndex(readIndex(t), docsBase)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", dumpPages(got), dumpPages(want))
	}
}

func dumpPages(ps []Page) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%d %q %s [%s]\n", p.Line, p.Title, p.URL, p.Section)
	}
	return b.String()
}

func TestParseIndexLines(t *testing.T) {
	tests := []struct {
		name, in string
		base     *url.URL
		want     []Page
	}{
		{"crlf and tabs", "# X\r\n## S\r\n\t- [A](/a.md)\r\n", docsBase,
			[]Page{{"A", "https://docs.example.com/a.md", "S", 3}}},
		{"no base drops relative", "- [A](/a.md)\n- [B](http://x.example/b)\n", nil,
			[]Page{{"B", "http://x.example/b", "", 2}}},
		{"bare link line, plus item", "[A](a.md)\n+ [B](b.md)\n", docsBase,
			[]Page{{"A", "https://docs.example.com/a.md", "", 1}, {"B", "https://docs.example.com/b.md", "", 2}}},
		{"closing hashes, h1 resets", "## Errors ##\n- [A](a)\n# Next\n- [B](b)\n", docsBase,
			[]Page{{"A", "https://docs.example.com/a", "Errors", 2}, {"B", "https://docs.example.com/b", "", 4}}},
		{"inline link mid-line ignored", "See [A](a.md) too.\n- Text then [B](b.md)\n", docsBase, nil},
		{"image, unclosed, no parens", "- ![i](i.png)\n- [A](a.md\n- [B]\n- [C] (c.md)\n- [D]()\n", docsBase, nil},
		{"tilde fence and unclosed fence", "~~~\n- [A](a)\n~~~\n- [B](b)\n```go\n- [C](c)\n", docsBase,
			[]Page{{"B", "https://docs.example.com/b", "", 4}}},
		{"parens and escapes in URL", `- [W](https://en.example.org/wiki/Error_(computing)) x` + "\n" + `- [E](a\)b.md)` + "\n", docsBase,
			[]Page{{"W", "https://en.example.org/wiki/Error_(computing)", "", 1}, {"E", "https://docs.example.com/a)b.md", "", 2}}},
		{"schemes", "- [a](javascript:alert(1))\n- [b](HTTPS://X.example/b)\n- [c](//cdn.example/c)\n- [d](ftp://x/d)\n", docsBase,
			[]Page{{"b", "https://X.example/b", "", 2}, {"c", "https://cdn.example/c", "", 3}}},
		{"markup in titles", "- [`errors` **API** _v2_ \\*x\\* snake_case ~~old~~](a)\n", docsBase,
			[]Page{{"errors API v2 *x* snake_case old", "https://docs.example.com/a", "", 1}}},
		{"control characters in titles", "- [a\x00b\u202e c](a)\n", docsBase,
			[]Page{{"a b c", "https://docs.example.com/a", "", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseIndex([]byte(tt.in), tt.base)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

func TestParseIndexLinear(t *testing.T) {
	// Each line is a worst case for one scanner; 4 MiB of them take well
	// under a second unless some step is quadratic, when they take
	// minutes. The bound is that generous so that a loaded machine never
	// fails it: BenchmarkParseIndexWorstCase measures the cost.
	data := worstIndex()
	start := time.Now()
	ParseIndex(data, docsBase)
	IsIndex(nil, data)
	if took := time.Since(start); took > time.Minute {
		t.Errorf("took %v for %d bytes", took, len(data))
	}
}

func TestIsIndex(t *testing.T) {
	mdPage := "# Errors\n\nEvery error has a code.\n\n| Code | Meaning |\n| --- | --- |\n| 400 | Bad |\n| 401 | No key |\n\n- [Back](/docs)\n- [Home](/)\n- [API](/api)\n"
	full := "# Quickstart\nSource: https://docs.example.com/quickstart\n\nTake a first payment.\n\n```sh\ncurl ...\n```\n\n# Errors\nSource: https://docs.example.com/errors\n\n| Code | Meaning |\n| --- | --- |\n| 400 | Bad |\n"
	tests := []struct {
		name string
		url  string
		body string
		want bool
	}{
		{"realistic", "https://docs.example.com/", string(readIndex(t)), true},
		{"by name, whatever the body", "https://docs.example.com/LLMS.TXT", "", true},
		{"error page", "https://docs.example.com/errors.md", mdPage, false},
		{"llms-full.txt holds pages", "https://docs.example.com/llms-full.txt", full, false},
		{"no H1 first", "https://docs.example.com/x", "Intro\n# T\n- [a](a)\n- [b](b)\n- [c](c)\n", false},
		{"table of contents", "https://docs.example.com/x", "# T\n- [a](#a)\n- [b](#b)\n- [c](#c)\n", false},
		{"small index", "https://docs.example.com/x", "# T\n> s\n## S\n- [a](a)\n- [b](b)\n- [c](c): notes\nmore notes\n", true},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		var u *url.URL
		if tt.url != "" {
			u = mustURL(tt.url)
		}
		if got := IsIndex(u, []byte(tt.body)); got != tt.want {
			t.Errorf("%s: IsIndex = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// BenchmarkParseIndexWorstCase measures the lines TestParseIndexLinear
// feeds ParseIndex, beside BenchmarkParseIndexWorstCaseBaselineScan, a
// plain pass over the same bytes.
func BenchmarkParseIndexWorstCase(b *testing.B) {
	data := worstIndex()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ParseIndex(data, docsBase)
		IsIndex(nil, data)
	}
}

// BenchmarkParseIndexWorstCaseBaselineScan is one bytes.Count over the
// worst-case lines: the least any reader of them costs.
func BenchmarkParseIndexWorstCaseBaselineScan(b *testing.B) {
	data := worstIndex()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sinkInt = bytes.Count(data, []byte("\n"))
	}
}

// sinkInt keeps benchmark results alive.
var sinkInt int

// worstIndex is the worst-case input of TestParseIndexLinear.
func worstIndex() []byte {
	return []byte(strings.Join([]string{
		"- [" + strings.Repeat("[", 1<<20),
		"- [a](" + strings.Repeat("(", 1<<20),
		"- [a](<" + strings.Repeat("x", 1<<20),
		strings.Repeat("\\", 1<<20),
		strings.Repeat("- [a](b)\n", 1<<17),
	}, "\n"))
}
