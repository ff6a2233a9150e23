package main

import (
	"fmt"
	"maps"
	"path"
	"slices"

	"github.com/errtable/errtable/spec"
)

// output is everything one run writes: the spec and the package's files,
// and any other file the run produces (a fetched page's snapshot, the
// report).
type output struct {
	spec  []byte            // the spec file's bytes
	files map[string][]byte // slash-separated path in the output directory -> bytes
	extra []target          // other files, by path
	// report is the path of the report among extra, if any: the rest of
	// extra is the docs snapshot.
	report string
	// docs is the docs page the run read, when it is a file: an input,
	// which no file of the output may overwrite.
	docs string
}

// fileNames returns the package's file names, sorted.
func (o *output) fileNames() []string {
	return slices.Sorted(maps.Keys(o.files))
}

// emitter renders one file of the output.
type emitter struct {
	path string // slash-separated, in the output directory
	// emit renders the file: Go source that generate formats, or, when
	// final is set, the file's bytes.
	emit  func() ([]byte, error)
	final bool // a runtime file: our own source, gofmt'd in the repository
}

// emitters lists every file of package p and how to render it: the
// docs-dependent files through jennifer, the runtime copied from source.
func emitters(f *spec.File, p pkgSpec) []emitter {
	es := []emitter{
		{path: "codes.go", emit: func() ([]byte, error) { return renderSource(codesFile(f, p)) }},
		{path: "example_test.go", emit: func() ([]byte, error) { return renderSource(examplesFile(f, p)) }},
		{path: testPkg + "/codes.go", emit: func() ([]byte, error) { return renderSource(testCodesFile(f, p.name)) }},
		{path: testPkg + "/example_test.go", emit: func() ([]byte, error) { return renderSource(testExamplesFile(f, p)) }},
	}
	for _, name := range runtimeFiles {
		filePkg := p.name
		if path.Dir(name) == testPkg {
			filePkg = testPkg
		}
		es = append(es, emitter{path: name, emit: func() ([]byte, error) { return emitRuntime(name, filePkg) }, final: true})
	}
	return es
}

// testHookEmit, when a test sets it, runs before each file is emitted and
// can fail it: it proves that a failure mid-way leaves the disk untouched.
var testHookEmit func(path string) error

// generate renders the spec and every file of package p in memory. Nothing
// is written until all of it has succeeded.
func generate(f *spec.File, p pkgSpec) (*output, error) {
	if len(f.Errors) == 0 {
		// A page of string codes without statuses (a code table with no
		// Status column under no status heading): the package's API is
		// built on the statuses, and Go for string codes comes later.
		return nil, fmt.Errorf("the spec lists %d string codes but no HTTP status, and gen generates Go for HTTP statuses only so far; give the codes their statuses in the docs (a Status column, or a heading such as \"## 401 Unauthorized\" above their table)", len(f.Codes))
	}
	out, unformatted, err := emit(f, p)
	if err != nil {
		return nil, err
	}
	if err := out.format(unformatted); err != nil {
		return nil, err
	}
	return out, nil
}

// emit is generate's first phase: the spec's bytes and every file of
// package p rendered, and the paths of the files still to go through
// go/format, the second (see output.format).
func emit(f *spec.File, p pkgSpec) (out *output, unformatted []string, err error) {
	specBytes, err := f.Marshal()
	if err != nil {
		return nil, nil, err
	}
	out = &output{spec: specBytes, files: map[string][]byte{}}
	for _, e := range emitters(f, p) {
		if testHookEmit != nil {
			if err := testHookEmit(e.path); err != nil {
				return nil, nil, err
			}
		}
		if _, clash := out.files[e.path]; clash {
			return nil, nil, fmt.Errorf("two generated files are named %s", e.path)
		}
		data, err := e.emit()
		if err != nil {
			return nil, nil, err
		}
		out.files[e.path] = data
		if !e.final {
			unformatted = append(unformatted, e.path)
		}
	}
	return out, unformatted, nil
}

// format runs go/format on the files of o at paths, in place: generate's
// second phase.
func (o *output) format(paths []string) error {
	for _, p := range paths {
		data, err := formatSource(o.files[p])
		if err != nil {
			return err
		}
		o.files[p] = data
	}
	return nil
}
