package main

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"sync"
)

// runtimeSrc holds the parts of the generated packages that do not depend on
// the docs. They are ordinary Go files in gen/runtime and
// gen/runtime/errcodestest, compiled and tested there against small
// generated stand-ins (codes_stub.go), and copied into every generated
// package with its name and header set.
//
//go:embed runtime/code.go runtime/error.go runtime/json.go runtime/response.go runtime/retry.go
//go:embed runtime/reason.go runtime/reasonbody.go runtime/retrypolicy.go runtime/sentinel.go
//go:embed runtime/errcodestest/server.go
var runtimeSrc embed.FS

// runtimeFiles lists the files of runtimeSrc by their slash-separated path
// in the output directory, which is also their path under runtime/.
var runtimeFiles = []string{"code.go", "error.go", "json.go", "reason.go", "reasonbody.go", "response.go", "retry.go", "retrypolicy.go", "sentinel.go", testPkg + "/server.go"}

// runtimeCache holds rendered runtime files by name and package: they
// depend on nothing else, and tests and fuzzing render them many times.
var runtimeCache sync.Map // name + "\x00" + pkg -> []byte

// emitRuntime returns the runtime file name as it goes into package pkg.
func emitRuntime(name, pkg string) ([]byte, error) {
	key := name + "\x00" + pkg
	if data, ok := runtimeCache.Load(key); ok {
		return bytes.Clone(data.([]byte)), nil
	}
	data, err := renderRuntime(name, pkg)
	if err != nil {
		return nil, err
	}
	runtimeCache.Store(key, data)
	return bytes.Clone(data), nil
}

// renderRuntime parses a runtime file, renames its package and prints it
// with the generated-code header.
func renderRuntime(name, pkg string) ([]byte, error) {
	src, err := runtimeSrc.ReadFile("runtime/" + name)
	if err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	file.Name.Name = pkg
	var buf bytes.Buffer
	buf.WriteString(generatedHeader + "\n\n")
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
