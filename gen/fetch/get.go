package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults of Options.
const (
	// DefaultTimeout bounds a whole exchange when Options.Timeout is 0.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxBytes caps a body when Options.MaxBytes is 0.
	DefaultMaxBytes = 8 << 20
	// DefaultUserAgent is sent when Options.UserAgent is "".
	DefaultUserAgent = "errtable-gen (+https://github.com/errtable/errtable)"
	// MaxRedirects is how many redirects Get follows.
	MaxRedirects = 5
)

// accept prefers Markdown, then plain text, then anything.
const accept = "text/markdown, text/plain;q=0.9, */*;q=0.1"

// maxValidator bounds a validator Get records or sends: a longer one is
// dropped rather than kept in the spec.
const maxValidator = 512

// Validators are the cache validators of an earlier response, kept in the
// spec so that the next run asks for the page conditionally.
type Validators struct {
	ETag         string // the ETag header, quotes and W/ included
	LastModified string // the Last-Modified header, verbatim
}

// Options tune Get. The zero value is ready to use.
type Options struct {
	// Client makes the request; nil means a client on
	// http.DefaultTransport. Get uses a copy whose redirect policy is its
	// own, and its own timeout and size cap apply whatever the client's.
	Client *http.Client
	// Timeout bounds the whole exchange, body included; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body accepted; a larger one is an error and
	// is never read past MaxBytes+1. 0 means DefaultMaxBytes.
	MaxBytes int64
	// UserAgent is sent as the User-Agent header; "" means
	// DefaultUserAgent.
	UserAgent string
}

// Result is a successful answer.
type Result struct {
	// URL is the URL that answered, after redirects.
	URL string
	// Body is the page, at most Options.MaxBytes long; nil when
	// NotModified.
	Body []byte
	// NotModified reports that the server answered 304 to the validators:
	// the page saved by the earlier run is current.
	NotModified bool
	// Validators are those of this answer to keep for the next run; on a
	// 304, the earlier ones, each replaced where the server sent a new one.
	Validators Validators
}

// Get downloads rawURL, an http or https URL, conditionally on prev (its
// zero value asks unconditionally). A 2xx answer returns the body; a 304
// returns NotModified. Every failure is an error naming the URL: a
// *StatusError for other statuses, ErrHTML for an HTML page, an error
// matching context.DeadlineExceeded when the timeout passes, and the
// context's error when ctx ends first.
func Get(ctx context.Context, rawURL string, prev Validators, opts Options) (*Result, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	opts = opts.withDefaults()

	exchange, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(exchange, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", accept)
	conditional := false
	if validValidator(prev.ETag) {
		req.Header.Set("If-None-Match", prev.ETag)
		conditional = true
	}
	if validValidator(prev.LastModified) {
		req.Header.Set("If-Modified-Since", prev.LastModified)
		conditional = true
	}

	resp, err := client(opts.Client).Do(req)
	if err != nil {
		return nil, exchangeError(ctx, exchange, u, nil, opts.Timeout, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL

	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return &Result{
			URL:         final.String(),
			NotModified: true,
			Validators:  validators(resp.Header, prev),
		}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, wrap(u, final, statusError(resp, final, conditional))
	}
	if err := checkNotHTML(resp.Header.Get("Content-Type"), nil, final); err != nil {
		return nil, wrap(u, final, err)
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, wrap(u, final, tooLarge(opts.MaxBytes))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, exchangeError(ctx, exchange, u, final, opts.Timeout, fmt.Errorf("reading the body: %w", err))
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, wrap(u, final, tooLarge(opts.MaxBytes))
	}
	if err := checkNotHTML("", body, final); err != nil {
		return nil, wrap(u, final, err)
	}
	return &Result{
		URL:        final.String(),
		Body:       body,
		Validators: validators(resp.Header, Validators{}),
	}, nil
}

// withDefaults fills in the zero (or negative) fields.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}

// client returns a copy of c, or of a default client, with Get's redirect
// policy; c itself is left alone.
func client(c *http.Client) *http.Client {
	var cp http.Client
	if c != nil {
		cp = *c
	}
	cp.CheckRedirect = checkRedirect
	return &cp
}

// checkURL parses rawURL and refuses what Get must not fetch. Its errors
// never repeat a password.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the url.Error would repeat rawURL, password and all
		}
		return nil, fmt.Errorf("fetch %q: not a valid URL: %w", redactRaw(rawURL), err)
	}
	switch {
	case u.Scheme == "":
		return nil, fmt.Errorf("fetch %q: not a URL (no scheme); pass an http:// or https:// URL", redactRaw(rawURL))
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("fetch %s: the %s scheme is not supported; pass an http:// or https:// URL, or save the page and pass its file", u.Redacted(), u.Scheme)
	case u.User != nil:
		return nil, fmt.Errorf("fetch %s: the URL holds credentials, which would end up in the spec; errtable fetches public pages only: make the page public, or save it and pass its file", u.Redacted())
	case u.Host == "":
		return nil, fmt.Errorf("fetch %s: the URL has no host", u.Redacted())
	}
	return u, nil
}

// redactRaw hides the password of a URL that url.Parse refused.
func redactRaw(raw string) string {
	i := strings.Index(raw, "://")
	if i < 0 {
		return raw
	}
	rest := raw[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
		return raw[:i+3] + "xxxxx@" + rest[at+1:]
	}
	return raw
}

// validators returns the validators of h, each falling back to old's.
func validators(h http.Header, old Validators) Validators {
	v := old
	if e := h.Get("ETag"); validValidator(e) {
		v.ETag = e
	}
	if lm := h.Get("Last-Modified"); validValidator(lm) {
		v.LastModified = lm
	}
	return v
}

// validValidator reports whether s can be kept in the spec and sent back as
// a header value: not empty, not too long, printable ASCII and spaces.
func validValidator(s string) bool {
	if s == "" || len(s) > maxValidator {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// wrap names the requested URL, and the final one when a redirect led there.
func wrap(u, final *url.URL, err error) error {
	if final != nil && final.String() != u.String() {
		return fmt.Errorf("fetch %s (redirected to %s): %w", u, final, err)
	}
	return fmt.Errorf("fetch %s: %w", u, err)
}

// exchangeError explains err, which the client or the body read returned:
// the caller's context ended, the timeout passed, a redirect was refused,
// or the network failed.
func exchangeError(ctx, exchange context.Context, u, final *url.URL, timeout time.Duration, err error) error {
	switch {
	case ctx.Err() != nil:
		return wrap(u, final, context.Cause(ctx))
	case exchange.Err() != nil:
		return wrap(u, final, fmt.Errorf("no complete answer within %v: %w", timeout, context.DeadlineExceeded))
	}
	var re *redirectError
	if errors.As(err, &re) {
		return wrap(u, final, re)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // drop the url.Error's "Get <url>:" prefix
	}
	return wrap(u, final, err)
}
