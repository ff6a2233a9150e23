package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files and the runtime stub from the generator's output")

// goldenCases are the docs whose whole output is pinned byte for byte in
// testdata/golden/NAME/.
var goldenCases = map[string]string{
	"musicgpt-seed":   "../spec/musicgpt-error-codes.txt",
	"musicgpt-source": "testdata/musicgpt-source.md",
	"stub":            "testdata/stub.md",
}

// generateFrom builds the spec and package for a docs file the way a run
// with -pkg errcodes and no spec on disk does, warnings discarded.
func generateFrom(t *testing.T, docsPath string) (*spec.File, *output) {
	t.Helper()
	src, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := buildSpec(docs{path: docsPath, src: src, source: filepath.Base(docsPath)}, nil, options{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	o, err := generate(f, "errcodes")
	if err != nil {
		t.Fatal(err)
	}
	return f, o
}

func TestGolden(t *testing.T) {
	for name, docsPath := range goldenCases {
		t.Run(name, func(t *testing.T) {
			_, o := generateFrom(t, docsPath)
			dir := filepath.Join("testdata", "golden", name)
			got := map[string][]byte{"errors.json": o.spec}
			for _, file := range o.fileNames() {
				if !isRuntimeFile(file) {
					got[file+".golden"] = o.files[file]
				}
			}
			for file, data := range got {
				checkGolden(t, filepath.Join(dir, filepath.FromSlash(file)), data)
			}
		})
	}
}

func isRuntimeFile(name string) bool {
	return slices.Contains(runtimeFiles, name)
}

// checkGolden compares data with the golden file at path, or rewrites it
// under -update.
func checkGolden(t *testing.T, path string, data []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./gen -update)", err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("%s differs from the generator's output (run go test ./gen -update and review the diff):\n%s", path, firstDiff(want, data))
	}
}

// firstDiff describes the first line where two texts differ.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines, different bytes)"
}

// TestRuntimeStub keeps gen/runtime/codes_stub.go equal to the generator's
// codes.go for testdata/stub.md with its spec, so the runtime is tested
// against real generator output.
func TestRuntimeStub(t *testing.T) {
	src, err := os.ReadFile("testdata/stub.md")
	if err != nil {
		t.Fatal(err)
	}
	prev, err := spec.Read("testdata/stub.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := buildSpec(docs{path: "testdata/stub.md", src: src, source: "stub.md"}, prev, options{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	specBytes, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/stub.json", specBytes)
	code, err := emitCodes(f, "errcodes")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "runtime/codes_stub.go", code)
	testCode, err := emitTestCodes(f, "errcodes")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "runtime/errcodestest/codes_stub.go", testCode)
}

// TestCommittedUpToDate fails when spec/ or errcodes/ is stale: the same
// check as go run ./gen -check, from the module root.
func TestCommittedUpToDate(t *testing.T) {
	t.Chdir("..")
	o, err := produce(config{
		docs: filepath.Join("spec", "musicgpt-error-codes.txt"),
		spec: filepath.Join("spec", "errors.json"),
		out:  "errcodes",
		pkg:  "errcodes",
	}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	paths, err := stale(o, filepath.Join("spec", "errors.json"), "errcodes")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Errorf("%s is stale: run go run ./gen", p)
	}
}
