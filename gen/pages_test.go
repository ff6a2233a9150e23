package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPages reads docs in the shapes of real API error pages (Slate,
// Mintlify, ReadMe, GitBook, Docusaurus, Redoc exports, GitHub READMEs) and
// pins the spec and warnings each gives in testdata/pages/NAME.json and
// NAME.stderr. A NAME.flags file holds -flag=value lines. A page gen
// refuses has its error in NAME.stderr and no NAME.json.
func TestPages(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 70 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			opts := readFlags(t, strings.TrimSuffix(page, ".md")+".flags")
			var stderr strings.Builder
			f, err := buildSpec(docs{path: name + ".md", src: src, source: name + ".md"}, nil, opts, func(w string) { stderr.WriteString(w + "\n") })
			if err != nil {
				// A page gen must refuse: the error is pinned with the
				// warnings, and there is no spec.
				stderr.WriteString("error: " + err.Error() + "\n")
				checkGolden(t, strings.TrimSuffix(page, ".md")+".stderr", []byte(stderr.String()))
				checkNoGolden(t, strings.TrimSuffix(page, ".md")+".json")
				return
			}
			out, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, strings.TrimSuffix(page, ".md")+".json", out)
			if _, err := generate(f, testPkgSpec); err != nil {
				if len(f.Errors) > 0 {
					t.Fatal(err)
				}
				// A page of string codes without statuses: the spec is
				// written, the Go is not (yet); the reason is pinned.
				stderr.WriteString("generate: " + err.Error() + "\n")
			}
			checkGolden(t, strings.TrimSuffix(page, ".md")+".stderr", []byte(stderr.String()))
		})
	}
}

// readFlags reads a page's -flag=value lines into options.
func readFlags(t *testing.T, path string) options {
	var opts options
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return opts
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		name, value, _ := strings.Cut(line, "=")
		switch name {
		case "-table":
			opts.Table = value
		case "-code-col":
			opts.CodeCol = value
		case "-desc-col":
			opts.DescCol = value
		case "-remedy-col":
			opts.RemedyCol = value
		default:
			t.Fatalf("%s: unknown flag %q", path, name)
		}
	}
	return opts
}

// checkNoGolden fails when path exists; with -update it removes it.
func checkNoGolden(t *testing.T, path string) {
	t.Helper()
	if *update {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s exists, but gen refuses the page (run go test ./gen -update and review the diff)", path)
	}
}
