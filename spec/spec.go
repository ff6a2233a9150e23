// Package spec defines the error-code spec: the reviewed JSON file that sits
// between an API's docs page and the generated Go package.
//
// The spec is the model. Every Go name, text and retry decision the generated
// package contains is settled here first, so a pull request that changes the
// docs shows its effect on the spec before any Go code changes. The generator
// only walks a validated File and prints it.
package spec

import "slices"

// File is the whole spec: where the facts came from and one Entry per
// documented error code.
type File struct {
	// Schema names the JSON Schema that describes this file, relative to it.
	Schema string `json:"$schema,omitempty"`
	// Prefix starts every error message of the generated package
	// ("musicgpt: 429 Rate Limit Exceeded"). It is a lower-case word.
	Prefix string `json:"prefix"`
	// Source records the docs page the entries were read from.
	Source Source `json:"source"`
	// CodeField is where the API's error responses carry a string code:
	// the dotted path of object keys in the JSON body ("error.code",
	// "code", "error.type"), as the docs' examples show it. Empty when the
	// docs show none: "error.code" is assumed. Only specs with Codes use
	// it.
	CodeField string `json:"code_field,omitempty"`
	// Errors lists the documented HTTP statuses, sorted by Code.
	Errors []Entry `json:"errors"`
	// Codes lists the documented string error codes, sorted by Code; empty
	// for an API whose errors are told apart by status alone.
	Codes []CodeEntry `json:"codes,omitempty"`

	// path is the file this spec was read from, and lines the lines of
	// its keys and entries; both are empty for a spec built in memory,
	// whose messages name docsPath and each entry's docs line instead.
	path     string
	lines    lineIndex
	docsPath string
}

// Source identifies the docs snapshot a spec was built from. It holds
// nothing that changes when the page changes in ways that do not touch the
// error table (no hash, no line numbers): the spec's diff shows only real
// changes.
type Source struct {
	// Path is the docs file, relative to the spec file's directory and
	// slash-separated, so the spec reads the same on every machine. When the
	// page is fetched from URL, this is the snapshot saved beside the spec.
	Path string `json:"path"`
	// URL is where the page is fetched from, or "" for a page kept only as
	// a file.
	URL string `json:"url,omitempty"`
	// ETag and LastModified are the validators of the last fetch, sent back
	// so that an unchanged page costs one 304 response.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Where a retry decision came from, in Entry.RetryableFrom.
const (
	// FromRule means the default rule (DefaultRetryable) decided.
	FromRule = "rule"
	// FromDocs means the docs say whether to retry (a "Retryable" column).
	FromDocs = "docs"
	// FromOverride means a maintainer set Retryable by hand in the spec; the
	// generator keeps it when it rebuilds the spec from the docs.
	FromOverride = "override"
)

// Entry is one documented error code.
//
// The spec is a lock file: an entry's identity is its Code. When the spec is
// rebuilt from the docs, the docs' fields (Description, Remedy, Tips) follow
// the docs, while Name, Aliases and a retry override stay as the spec has
// them, so that rewording the docs never renames a Go identifier.
type Entry struct {
	// Code is the HTTP status the API answers with, 100 to 599.
	Code int `json:"code"`
	// Name is the exported Go identifier of the Code constant; the sentinel
	// error is "Err" + Name.
	Name string `json:"name"`
	// Aliases are earlier names of the code. Each stays in the generated
	// package as a deprecated constant and sentinel, so that code written
	// against an earlier name keeps compiling, and the code's text form
	// accepts it.
	Aliases []string `json:"aliases,omitempty"`
	// Description is the docs' short text for the code ("Rate Limit Exceeded").
	Description string `json:"description"`
	// Remedy is the docs' advice on what to do about it; empty when the
	// docs give none.
	Remedy string `json:"remedy"`
	// Retryable reports whether a client may send the same request again.
	Retryable bool `json:"retryable"`
	// RetryableFrom says who decided Retryable: FromRule, FromDocs or
	// FromOverride.
	RetryableFrom string `json:"retryable_from"`
	// Tips are passages of the docs outside the table that name this code.
	Tips []string `json:"tips,omitempty"`
	// Removed reports that the docs no longer list the code. The entry keeps
	// its last texts and stays in the generated package, deprecated, until
	// it is pruned.
	Removed bool `json:"removed,omitempty"`

	// Line is the line of the entry's table row in the docs, for messages
	// about a spec built in memory; 0 when unknown. It is never written to
	// the spec file, whose diff would otherwise change with every line
	// added above the table.
	Line int `json:"-"`
}

// retryableByDefault lists the statuses the default rule retries: the server
// timed out waiting for the request (408), refused early data (425), asked the
// client to slow down (429), or failed in a way that is usually transient:
// 500, 502, 503, 504, and the statuses gateways and overloaded APIs send
// without a standard name, Cloudflare's 520-524 (unknown error, web server
// down, connection timed out, origin unreachable, timeout) and 529
// (overloaded: Anthropic's overloaded_error, Qualys SSL Labs' "site is
// overloaded").
//
// Not retried: every other 4xx, which fails the same way again, and 501 and
// 505-511, which describe the server or the request, not a moment: 501 Not
// Implemented, 505 HTTP Version Not Supported, 506 Variant Also Negotiates
// (a misconfigured server), 507 Insufficient Storage, 508 Loop Detected,
// 510 Not Extended and 511 Network Authentication Required (a captive portal
// wants a login). 507 can clear, but not within a retry loop's seconds. Nor
// any other 5xx (512-519, 525-528, 530-599): no standard meaning to rely on,
// and Cloudflare's 525, 526 and 530 are TLS and DNS failures of the origin.
//
// How other clients differ (checked in their source): go-retryablehttp
// v0.7.8 (baseRetryPolicy) retries 429, status 0 and every status from 500
// up except 501, and neither 408 nor 425; the Stainless-generated SDKs
// (openai-go v3.99.0, anthropic-sdk-go v1.84.0, shouldRetry) retry 408, 409,
// 429 and every status from 500 up, 501 included, and obey X-Should-Retry.
// 409 Conflict is not retried here: a conflict with the resource's state
// recurs until something else changes it.
var retryableByDefault = []int{408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 529}

// DefaultRetryable reports whether the default rule retries code.
func DefaultRetryable(code int) bool {
	return slices.Contains(retryableByDefault, code)
}

// DefaultRetryableCodes returns the statuses the default rule retries, in
// ascending order, as a fresh slice.
func DefaultRetryableCodes() []int {
	return slices.Clone(retryableByDefault)
}

// UndocumentedRetryable returns the statuses the default rule retries that
// f does not document, in ascending order: the generated package still
// retries them when a server answers with them.
func (f *File) UndocumentedRetryable() []int {
	var out []int
	for _, c := range retryableByDefault {
		if _, documented := f.Lookup(c); !documented {
			out = append(out, c)
		}
	}
	return out
}

// Lookup returns the entry for code, if the spec documents it.
func (f *File) Lookup(code int) (*Entry, bool) {
	for i := range f.Errors {
		if f.Errors[i].Code == code {
			return &f.Errors[i], true
		}
	}
	return nil, false
}
