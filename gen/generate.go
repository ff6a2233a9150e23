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
	emit func() ([]byte, error)
}

// emitters lists every file of package p and how to render it: the
// docs-dependent files through jennifer, the runtime copied from source.
func emitters(f *spec.File, p pkgSpec) []emitter {
	es := []emitter{
		{"codes.go", func() ([]byte, error) { return emitCodes(f, p) }},
		{"example_test.go", func() ([]byte, error) { return emitExamples(f, p) }},
		{testPkg + "/codes.go", func() ([]byte, error) { return emitTestCodes(f, p.name) }},
		{testPkg + "/example_test.go", func() ([]byte, error) { return emitTestExamples(f, p) }},
	}
	for _, name := range runtimeFiles {
		filePkg := p.name
		if path.Dir(name) == testPkg {
			filePkg = testPkg
		}
		es = append(es, emitter{name, func() ([]byte, error) { return emitRuntime(name, filePkg) }})
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
	specBytes, err := f.Marshal()
	if err != nil {
		return nil, err
	}
	out := &output{spec: specBytes, files: map[string][]byte{}}
	for _, e := range emitters(f, p) {
		if testHookEmit != nil {
			if err := testHookEmit(e.path); err != nil {
				return nil, err
			}
		}
		if _, clash := out.files[e.path]; clash {
			return nil, fmt.Errorf("two generated files are named %s", e.path)
		}
		data, err := e.emit()
		if err != nil {
			return nil, err
		}
		out.files[e.path] = data
	}
	return out, nil
}
