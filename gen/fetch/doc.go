// Package fetch downloads an API's docs page over HTTP(S) for the
// generator's -docs flag, and finds the error page in an llms.txt index.
//
// Get makes one bounded GET: http and https only, never credentials in the
// URL, at most five redirects and none from https to http, one timeout for
// the whole exchange including the body, a size cap it never reads past, a
// User-Agent naming errtable, an Accept header preferring Markdown, and a
// conditional request from the validators an earlier run kept in the spec,
// so an unchanged page costs one 304. A non-2xx answer is a *StatusError
// with advice; an HTML page where Markdown was expected is an error matching
// ErrHTML. Saving the snapshot is the caller's job.
//
// Many docs sites publish an index at /llms.txt (https://llmstxt.org): an H1
// title, a "> " summary, "## " sections, and "- [Title](url): notes" links to
// each page's Markdown. IsIndex recognizes one, ParseIndex lists its links,
// ErrorPages keeps those whose title or URL says they are about errors, best
// first, and Choose picks one, or explains which qualify when several do.
//
// A typical caller:
//
//	res, err := fetch.Get(ctx, docsURL, prev, fetch.Options{}) // prev: the spec's validators
//	// ... handle err and res.NotModified
//	u, _ := url.Parse(res.URL)
//	if fetch.IsIndex(u, res.Body) {
//		page, err := fetch.Choose(fetch.ParseIndex(res.Body, u), pickFlag)
//		// ... handle err, then fetch.Get(ctx, page.URL, ...)
//	}
package fetch
