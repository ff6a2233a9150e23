package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// maxGoModSize bounds the go.mod files gen reads to find a module's path.
const maxGoModSize = 1 << 20

// importPath returns the import path of the package in dir: the path of
// the module whose go.mod is in dir or the nearest directory above it, joined
// with dir's place in that module. The generated examples need it: they are
// in the external test package, which imports the package by path.
func importPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find the module of %s: %w", dir, err)
	}
	for root := abs; ; {
		goMod := filepath.Join(root, "go.mod")
		data, err := readBounded(goMod, maxGoModSize)
		switch {
		case err == nil:
			mod := modfile.ModulePath(data)
			if mod == "" {
				return "", fmt.Errorf("%s has no module line: the generated examples import the package by a path that starts with it; add one (go mod edit -module example.com/yours)", goMod)
			}
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return "", fmt.Errorf("find the module of %s: %w", dir, err)
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("find the module of %s: %w", dir, err)
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("no go.mod in %s or any folder above it: gen writes the package into a Go module, whose path its examples import; run go mod init first, or choose an -out inside a module", dir)
		}
		root = parent
	}
}
