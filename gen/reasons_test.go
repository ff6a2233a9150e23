package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errtable/errtable/spec"
)

// TestCodesPackageRuns writes the package generated from testdata/codes.json
// (statuses and string codes) into a module of its own and runs go vet and
// go test there: its examples, ExampleReasonOf among them, must print what
// they say, and the runtime must compile against its Reason switches.
func TestCodesPackageRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a module")
	}
	f, err := spec.Read("testdata/codes.json")
	if err != nil {
		t.Fatal(err)
	}
	p := pkgSpec{name: "errcodes", importPath: "example.test/errcodes", command: "go run ./gen"}
	o, err := generate(f, p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"go.mod": []byte("module example.test/errcodes\n\ngo 1.22\n")}
	for name, data := range o.files {
		files[name] = data
	}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
}
