package main

import (
	"bytes"
	"embed"
	"fmt"
)

// runtimeSrc holds the parts of the generated packages that do not depend on
// the docs. They are ordinary Go files in gen/runtime and
// gen/runtime/errcodestest, compiled and tested there against small
// generated stand-ins (codes_stub.go), and copied into every generated
// package with its name and header set.
//
//go:embed runtime/code.go runtime/error.go runtime/json.go runtime/jsonscan.go runtime/problem.go
//go:embed runtime/reason.go runtime/reasonbody.go runtime/response.go runtime/retry.go runtime/retrypolicy.go runtime/sentinel.go
//go:embed runtime/errcodestest/server.go
var runtimeSrc embed.FS

// runtimeFiles lists the files of runtimeSrc by their slash-separated path
// in the output directory, which is also their path under runtime/.
var runtimeFiles = []string{"code.go", "error.go", "json.go", "jsonscan.go", "problem.go", "reason.go", "reasonbody.go", "response.go", "retry.go", "retrypolicy.go", "sentinel.go", testPkg + "/server.go"}

// emitRuntime returns the runtime file name as it goes into package pkg:
// the generated-code header, then the file with its package clause, its
// first line, naming pkg.
//
// The files are our own, gofmt'd, and start with their package clause, so
// replacing that line is all a rename takes: nothing is parsed or printed
// at run time, and a run costs a copy. TestEmitRuntimeIsFormatted proves
// the result equal, for every runtime file, to go/parser's tree of the file
// with its package renamed, printed by go/format.
func emitRuntime(name, pkg string) ([]byte, error) {
	src, err := runtimeSrc.ReadFile("runtime/" + name)
	if err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	nl := bytes.IndexByte(src, '\n')
	if nl < 0 || !bytes.HasPrefix(src, []byte("package ")) {
		return nil, fmt.Errorf("runtime %s: the file does not start with its package clause", name)
	}
	out := make([]byte, 0, len(generatedHeader)+len("\n\npackage ")+len(pkg)+len(src)-nl)
	out = append(out, generatedHeader+"\n\npackage "...)
	out = append(out, pkg...)
	return append(out, src[nl:]...), nil
}
