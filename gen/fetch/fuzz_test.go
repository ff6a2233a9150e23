package fetch

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode"
)

// FuzzParseIndex checks that ParseIndex, IsIndex, ErrorPages and Choose
// never panic, that every URL is absolute http(s) with a host and no
// credentials, that lines increase within the input, and that titles and
// sections are printable single lines.
func FuzzParseIndex(f *testing.F) {
	if b, err := os.ReadFile("testdata/llms.txt"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"# T\n> s\n## S\n- [a](a.md): n\n",
		"- [a [b] \\] c](<x y.md>)\n",
		"```\n- [a](a)\n```\n- [b](//h/b)\n",
		"- [a](http://u:p@h/)\n- [b](javascript:x)\n- [c](https://h/%zz)\n",
		"- [a](../../../../x)\r\n1) [b](?q#f)\n",
	} {
		f.Add([]byte(s))
	}
	bases := []*url.URL{nil, mustURL("https://docs.example.com/v2/llms.txt"), mustURL("http://h")}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		for _, base := range bases {
			pages := ParseIndex(data, base)
			last := 0
			for _, p := range pages {
				u, err := url.Parse(p.URL)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || !u.IsAbs() {
					t.Fatalf("URL %q (base %v): %v", p.URL, base, err)
				}
				if p.Line <= last || p.Line > lines {
					t.Fatalf("line %d after %d, of %d", p.Line, last, lines)
				}
				last = p.Line
				for _, s := range []string{p.Title, p.Section} {
					if len(s) > maxTitle+3 || strings.IndexFunc(s, func(r rune) bool {
						return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
					}) >= 0 {
						t.Fatalf("title or section %q", s)
					}
				}
			}
			ErrorPages(pages)
			Choose(pages, "")
			Choose(pages, "error")
			IsIndex(base, data)
		}
	})
}
