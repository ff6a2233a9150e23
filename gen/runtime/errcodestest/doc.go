// Package errcodestest is the runtime of every generated errcodestest
// package: the fake API server. The generator embeds server.go (not this
// file, not codes_stub.go) and copies it into each package it writes.
// codes_stub.go is the generator's output for gen/testdata/stub.md.
package errcodestest
