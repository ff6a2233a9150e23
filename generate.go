// Package errtable turns an API's error-code table, published as Markdown,
// into a reviewed JSON spec (spec/) and a Go package of typed errors
// (errcodes/). The generator is the command in gen/; this package only
// carries the go:generate line, so that
//
//	go generate ./...
//
// regenerates spec/errors.json and errcodes/ from the committed docs
// snapshot, exactly as "go run ./gen" does.
package errtable

//go:generate go run ./gen
