package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// maxGoFileSize bounds a Go file of the package on disk that gen reads back:
// generated files are tens of KiB; a larger one is not ours to parse.
const maxGoFileSize = 16 << 20

// readBounded reads at most limit bytes of the regular file at path, and
// fails when the file holds more, without reading it all, or is not a
// regular file (a directory, or a FIFO, which opening would block on).
func readBounded(path string, limit int64) ([]byte, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a file: %w", path, describeMode(fi.Mode()), errNotRegular)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() { // replaced since the check above
		return nil, fmt.Errorf("%s is %s, not a file: %w", path, describeMode(fi.Mode()), errNotRegular)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return data, nil
}

// generatedByUs reports whether data is a file gen wrote.
func generatedByUs(data []byte) bool {
	return bytes.HasPrefix(data, []byte(generatedHeader+"\n"))
}

// namesOnDisk returns, for each code, the names the package in dir declares
// for it, as gen wrote them: constants "Name Code = 429" and aliases
// "Old = Name" in the generated files. A missing directory has none.
func namesOnDisk(dir string) (map[int][]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the package directory %s: %w", dir, err)
	}
	codes := map[string]int{}      // constant -> code
	aliasOf := map[string]string{} // alias -> constant
	var order []string
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := readBounded(path, maxGoFileSize)
		if err != nil || !generatedByUs(data) {
			continue // not ours: its names are not the docs'
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, data, parser.SkipObjectResolution)
		if err != nil {
			continue // a broken file declares nothing we can keep
		}
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if len(vs.Names) != 1 || len(vs.Values) != 1 || !vs.Names[0].IsExported() {
					continue
				}
				name := vs.Names[0].Name
				switch v := vs.Values[0].(type) {
				case *ast.BasicLit:
					if t, ok := vs.Type.(*ast.Ident); ok && t.Name == "Code" && v.Kind == token.INT {
						if n, err := strconv.Atoi(v.Value); err == nil {
							codes[name] = n
							order = append(order, name)
						}
					}
				case *ast.Ident:
					if vs.Type == nil {
						aliasOf[name] = v.Name
						order = append(order, name)
					}
				}
			}
		}
	}
	out := map[int][]string{}
	for _, name := range order {
		target := name
		if a, ok := aliasOf[name]; ok {
			target = a
		}
		if code, ok := codes[target]; ok && !slices.Contains(out[code], name) {
			out[code] = append(out[code], name)
		}
	}
	return out, nil
}
