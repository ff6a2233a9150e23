package main

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
)

// runtimeSrc holds the parts of the generated package that do not depend on
// the docs. They are ordinary Go files in gen/runtime, compiled and tested
// there against a small generated stand-in (codes_stub.go), and copied into
// every generated package with its name and header set.
//
//go:embed runtime/code.go runtime/error.go runtime/response.go runtime/retry.go
var runtimeSrc embed.FS

// runtimeFiles lists the files of runtimeSrc in the order they are written.
var runtimeFiles = []string{"code.go", "error.go", "response.go", "retry.go"}

// emitRuntime returns the runtime file name as it goes into package pkg.
func emitRuntime(name, pkg string) ([]byte, error) {
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
