// Package harness holds no code: its tests check a generated errcodes
// package against a spec file.
//
// It is a module of its own, so that the errtable module never imports
// errcodes (a module of its own too) and the go tool still builds and vets
// these tests. Run in place, they check the live errcodes/ against
// spec/errors.json:
//
//	cd gen/harness && go test ./...
//
// The tests of package gen copy them beside a copy of errcodes/ (or of the
// seed package assembled from the golden files) and run them there, with
// ERRTABLE_SPEC and ERRTABLE_PKG naming the spec file and the package
// directory. The tests in seed_test.go, built only with the errtable_seed
// tag, pin the behaviour of the package generated from the MusicGPT seed
// docs, and use its constants: they compile against that package only.
package harness
