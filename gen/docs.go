package main

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/errtable/errtable/spec"
)

// docsInput is the docs page of a run and, for a fetched page, the
// snapshot to save beside the spec.
type docsInput struct {
	docs     docs
	snapshot []target
}

// readDocs finds and reads the docs page: -docs (a file or a URL), else the
// URL the spec records with -fetch, else the snapshot the spec records. A
// page other than the one the spec records is refused unless -new-source
// says so: the spec belongs to one API's docs.
func (c *config) readDocs(prev *spec.File, warn func(string)) (*docsInput, error) {
	switch {
	case c.fetch:
		if prev == nil || prev.Source.URL == "" {
			return nil, fmt.Errorf("-fetch: %s records no URL to fetch the docs from; pass -docs URL once", c.spec)
		}
		return c.fetchDocs(prev.Source.URL, prev, warn)
	case isURL(c.docs):
		return c.fetchDocs(c.docs, prev, warn)
	case c.docs == "" && prev == nil:
		return nil, fmt.Errorf("no -docs, and no spec at %s to take the docs page from; pass -docs with the Markdown page", c.spec)
	}
	docsPath := c.docs
	if docsPath == "" {
		docsPath = filepath.Join(filepath.Dir(c.spec), filepath.FromSlash(prev.Source.Path))
	}
	source, err := relSlash(filepath.Dir(c.spec), docsPath)
	if err != nil {
		return nil, err
	}
	if err := c.checkSource(prev, source, ""); err != nil {
		return nil, err
	}
	src, err := readDocsFile(docsPath)
	if err != nil {
		return nil, err
	}
	d := docs{path: docsPath, src: src, source: source}
	if prev != nil && prev.Source.Path == source {
		// The snapshot of a fetched page, read offline: keep its origin.
		d.fetched = prev.Source
	}
	return &docsInput{docs: d}, nil
}

// checkSource refuses to rebuild a spec from a page other than the one it
// records, which would overwrite one API's spec with another's codes.
func (c *config) checkSource(prev *spec.File, source, pageURL string) error {
	if prev == nil || c.newSource {
		return nil
	}
	switch {
	case pageURL != "" && prev.Source.URL != pageURL:
		recorded := prev.Source.URL
		if recorded == "" {
			recorded = "the file " + prev.Source.Path
		}
		return fmt.Errorf("%s records its docs as %s, not %s; to write a spec for another API, pass -spec and -out with new paths; to rebuild this spec from the new address, pass -new-source", c.spec, recorded, pageURL)
	case pageURL == "" && prev.Source.Path != source:
		return fmt.Errorf("%s records its docs as %s (relative to the spec), not %s; to write a spec for another API, pass -spec and -out with new paths; to rebuild this spec from the new page, pass -new-source", c.spec, prev.Source.Path, source)
	}
	return nil
}

// readDocsFile reads a docs page from disk: a regular file of at most
// maxDocsSize bytes, never read past that.
func readDocsFile(path string) ([]byte, error) {
	fi, err := os.Stat(path) // before opening: opening a FIFO would block
	if err != nil {
		return nil, fmt.Errorf("read docs: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read docs %s: not a regular file; point -docs at the Markdown page", path)
	}
	if fi.Size() > maxDocsSize {
		return nil, fmt.Errorf("%s:1: the file is %d bytes, more than the %d a docs page can be; check -docs", path, fi.Size(), maxDocsSize)
	}
	data, err := readBounded(path, maxDocsSize) // bounded again: it may grow
	if err != nil {
		return nil, fmt.Errorf("read docs: %w; point -docs at the error page", err)
	}
	return data, nil
}

// isURL reports whether a -docs value names a page to fetch.
func isURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// snapshotName picks the file name a fetched page is saved under beside the
// spec, when the spec records none: the URL's last path element, as
// Markdown ("errors.md"), with any character that is unsafe in a file name
// dropped.
func snapshotName(rawURL string) string {
	name := "docs"
	if u, err := url.Parse(rawURL); err == nil && u.Path != "" {
		name = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
				return r
			}
			return -1
		}, path.Base(u.Path))
		name = strings.Trim(name, ".")
	}
	if name == "" || name == "/" {
		name = "docs"
	}
	name = name[:min(len(name), 64)]
	switch path.Ext(name) {
	case ".md", ".markdown", ".mdx", ".txt":
	default:
		name += ".md"
	}
	return name
}

var errNoFetch = errors.New("fetching docs over HTTP is not wired in yet")

// fetchDocs downloads the page at rawURL.
func (c *config) fetchDocs(rawURL string, prev *spec.File, warn func(string)) (*docsInput, error) {
	_ = snapshotName
	return nil, fmt.Errorf("-docs %s: %w", rawURL, errNoFetch)
}

// relSlash returns target relative to dir, slash-separated.
func relSlash(dir, target string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absTarget, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return filepath.ToSlash(absTarget), nil
	}
	return filepath.ToSlash(rel), nil
}
