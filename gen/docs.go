package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/errtable/errtable/gen/fetch"
	"github.com/errtable/errtable/gen/reader"
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
// reader.MaxPageSize bytes, never read past that.
func readDocsFile(path string) ([]byte, error) {
	page := role{"docs page", "-docs", path}
	fi, err := os.Stat(path) // before opening: opening a FIFO would block
	if err != nil {
		return nil, page.fsError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, page.fail("not a regular file", nil, "point -docs at the Markdown page")
	}
	if fi.Size() > reader.MaxPageSize {
		return nil, fmt.Errorf("%s:1: the file is %d bytes, more than the %d a docs page can be; check -docs", path, fi.Size(), reader.MaxPageSize)
	}
	data, err := readBounded(path, reader.MaxPageSize) // bounded again: it may grow
	if err != nil {
		return nil, page.fsError(path, err)
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

// fetchDocs downloads the page at rawURL, or, when rawURL is an llms.txt
// index, the error page it lists. The page is saved as a snapshot beside
// the spec (at the path the spec records, else under the URL's name), so
// that later runs read it offline; the spec keeps the URL and the cache
// validators, so that an unchanged page costs one 304 response.
func (c *config) fetchDocs(rawURL string, prev *spec.File, warn func(string)) (*docsInput, error) {
	ctx := context.Background()
	validatorsFor := func(pageURL string) fetch.Validators {
		if prev != nil && prev.Source.URL == pageURL {
			return fetch.Validators{ETag: prev.Source.ETag, LastModified: prev.Source.LastModified}
		}
		return fetch.Validators{}
	}
	res, err := fetch.Get(ctx, rawURL, validatorsFor(rawURL), fetch.Options{})
	if err != nil {
		return nil, err
	}
	pageURL := rawURL
	if u, perr := url.Parse(res.URL); perr == nil && !res.NotModified && fetch.IsIndex(u, res.Body) {
		page, err := chooseIndexPage(res.Body, u, c.page)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", rawURL, err)
		}
		warn(fmt.Sprintf("%s: reading the error page %q, %s", rawURL, page.Title, page.URL))
		pageURL = page.URL
		if err := c.checkSource(prev, "", pageURL); err != nil {
			return nil, err
		}
		if res, err = fetch.Get(ctx, pageURL, validatorsFor(pageURL), fetch.Options{}); err != nil {
			return nil, err
		}
	} else if c.page != "" {
		return nil, fmt.Errorf("-page %q: %s is not an llms.txt index; drop -page", c.page, rawURL)
	} else if err := c.checkSource(prev, "", pageURL); err != nil {
		return nil, err
	}

	specDir := filepath.Dir(c.spec)
	snapshot := filepath.Join(specDir, snapshotName(pageURL))
	if prev != nil && prev.Source.Path != "" {
		snapshot = filepath.Join(specDir, filepath.FromSlash(prev.Source.Path))
	}
	body := res.Body
	if res.NotModified {
		if body, err = readDocsFile(snapshot); err != nil {
			// The snapshot is gone: fetch the page whole.
			if res, err = fetch.Get(ctx, pageURL, fetch.Validators{}, fetch.Options{}); err != nil {
				return nil, err
			}
			body = res.Body
		}
	}
	source, err := relSlash(specDir, snapshot)
	if err != nil {
		return nil, err
	}
	d := docs{
		path: pageURL, src: body, source: source,
		fetched: spec.Source{URL: pageURL, ETag: res.Validators.ETag, LastModified: res.Validators.LastModified},
	}
	in := &docsInput{docs: d}
	if !res.NotModified {
		in.snapshot = []target{{snapshot, body}}
	}
	return in, nil
}

// chooseIndexPage picks the error page of an llms.txt index: the one pick
// names, else the single best page about errors.
func chooseIndexPage(index []byte, base *url.URL, pick string) (fetch.Page, error) {
	pages := fetch.ParseIndex(index, base)
	if pick != "" {
		p, err := fetch.Choose(pages, pick)
		if err != nil {
			return p, fmt.Errorf("-page %q: %w", pick, err)
		}
		return p, nil
	}
	candidates := fetch.ErrorPages(pages)
	if len(candidates) == 0 {
		return fetch.Page{}, fmt.Errorf("the llms.txt index lists %d pages and none is about errors by its title or URL; pass -docs with the error page's Markdown URL, or -page with its title", len(pages))
	}
	p, err := fetch.Choose(candidates, "")
	if err != nil {
		return p, fmt.Errorf("%w; pass -page with the title (or URL) of the one to read", err)
	}
	return p, nil
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
