// Package errcodes is the runtime of every generated error-code package: the
// code in it that does not depend on the docs. The generator embeds these
// files (not this one, and not codes_stub.go) and copies them into each
// package it writes, with the package name set and a generated-file header.
//
// codes_stub.go stands in for the generated codes.go so that this runtime
// compiles and is tested on its own; it is the generator's output for
// gen/testdata/stub.md, with the string codes of gen/testdata/codes.json
// added (stub.md lists none), and a test in gen keeps it so.
package errcodes
