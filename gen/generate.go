package main

import (
	"fmt"
	"maps"
	"path"
	"slices"

	"github.com/errtable/errtable/spec"
)

// output is everything one run writes: the spec and the package's files.
type output struct {
	spec  []byte            // the spec file's bytes
	files map[string][]byte // slash-separated path in the output directory -> bytes
}

// fileNames returns the package's file names, sorted.
func (o *output) fileNames() []string {
	return slices.Sorted(maps.Keys(o.files))
}

// generate renders the spec and every file of package pkg in memory. Nothing
// is written until all of it has succeeded.
func generate(f *spec.File, pkg string) (*output, error) {
	specBytes, err := f.Marshal()
	if err != nil {
		return nil, err
	}
	out := &output{spec: specBytes, files: map[string][]byte{}}
	if out.files["codes.go"], err = emitCodes(f, pkg); err != nil {
		return nil, err
	}
	if out.files["example_test.go"], err = emitExamples(f, pkg); err != nil {
		return nil, err
	}
	if out.files[testPkg+"/codes.go"], err = emitTestCodes(f, pkg); err != nil {
		return nil, err
	}
	if out.files[testPkg+"/example_test.go"], err = emitTestExamples(f); err != nil {
		return nil, err
	}
	for _, name := range runtimeFiles {
		if _, clash := out.files[name]; clash {
			return nil, fmt.Errorf("runtime file %s clashes with a generated one", name)
		}
		filePkg := pkg
		if path.Dir(name) == testPkg {
			filePkg = testPkg
		}
		if out.files[name], err = emitRuntime(name, filePkg); err != nil {
			return nil, err
		}
	}
	return out, nil
}
