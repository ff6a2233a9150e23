package errtable

import (
	"archive/zip"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

// errcodesPath is the module path of errcodes/, a module of its own.
const errcodesPath = "github.com/errtable/errtable/errcodes"

// readModFile parses the go.mod file at path.
func readModFile(t *testing.T, path string) *modfile.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// goLine returns the version of f's go line and, after a space, its
// toolchain line's, if any.
func goLine(f *modfile.File) string {
	var s string
	if f.Go != nil {
		s = f.Go.Version
	}
	if f.Toolchain != nil {
		s += " " + f.Toolchain.Name
	}
	return s
}

// TestModuleLayout checks the promises the errcodes module makes to its
// importers: its go line is 1.22 and it requires nothing; and that the
// errtable module does not depend on it, so "go install
// github.com/errtable/errtable/gen@version" needs no replace directive; and
// that errcodes/ carries the license, for copies and for its module zip.
func TestModuleLayout(t *testing.T) {
	ec := readModFile(t, filepath.Join("errcodes", "go.mod"))
	if ec.Module.Mod.Path != errcodesPath || goLine(ec) != "1.22" {
		t.Errorf("errcodes/go.mod: module %s, go %q; want %s, go 1.22 and no toolchain line", ec.Module.Mod.Path, goLine(ec), errcodesPath)
	}
	if len(ec.Require) != 0 || len(ec.Replace) != 0 {
		t.Errorf("errcodes/go.mod has requirements or replacements: %v %v", ec.Require, ec.Replace)
	}
	root := readModFile(t, "go.mod")
	for _, r := range root.Require {
		if strings.HasPrefix(r.Mod.Path, errcodesPath) {
			t.Errorf("go.mod requires %s", r.Mod)
		}
	}
	if len(root.Replace) != 0 {
		t.Errorf("go.mod has replace directives, which go install module@version refuses: %v", root.Replace)
	}
	license, err := os.ReadFile("LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	if copied, err := os.ReadFile(filepath.Join("errcodes", "LICENSE")); err != nil || string(copied) != string(license) {
		t.Errorf("errcodes/LICENSE is not a copy of LICENSE (%v)", err)
	}
}

// xtextVersion is a requirement the consumer in TestConsumer starts with,
// older than the errtable module's own, served from testdata/goproxy (its
// go.mod only: the consumer imports none of its packages).
const (
	xtextVersion   = "v0.9.0"
	xtextGoModHash = "h1:e1OnstbJyHTd6l/uOt8jFFHp6TRDWZR/bV3emEE/zU8="
)

// TestConsumer publishes errcodes/ as version v0.1.0 of its module to a
// throwaway file:// module proxy and uses it from a go 1.22 module that
// requires golang.org/x/text v0.9.0: go get, go build, go mod vendor, go
// build -mod=vendor, with an empty module cache and no other proxy. The
// consumer's go line and requirements must stay as they were, but for one
// new line requiring errcodes, and vendor/ must hold errcodes' files only.
func TestConsumer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	if err := os.CopyFS(proxy, os.DirFS(filepath.Join("testdata", "goproxy"))); err != nil {
		t.Fatal(err)
	}
	publish(t, proxy, "errcodes", module.Version{Path: errcodesPath, Version: "v0.1.0"})

	app := filepath.Join(tmp, "app")
	const goMod = "module example.test/app\n\ngo 1.22\n\nrequire golang.org/x/text " + xtextVersion + "\n"
	const mainGo = `package main

import (
	"fmt"

	"github.com/errtable/errtable/errcodes"
)

func main() { fmt.Println(errcodes.Codes()) }
`
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"go.mod": goMod, "main.go": mainGo} {
		if err := os.WriteFile(filepath.Join(app, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy), "GOSUMDB=off", "GONOSUMDB=", "GOPRIVATE=", "GONOPROXY=",
		"GOFLAGS=-modcacherw", "GOMODCACHE="+filepath.Join(tmp, "modcache"),
		"GOTOOLCHAIN=local", "GOWORK=off", "GOENV=off")
	for _, args := range [][]string{
		{"get", errcodesPath + "@v0.1.0"},
		{"build", "./..."},
		{"mod", "vendor"},
		{"build", "-mod=vendor", "./..."},
	} {
		cmd := exec.Command(goCmd, args...)
		cmd.Dir, cmd.Env = app, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	after := readModFile(t, filepath.Join(app, "go.mod"))
	if goLine(after) != "1.22" {
		t.Errorf("go.mod now has go %q, want go 1.22 and no toolchain line", goLine(after))
	}
	var reqs []string
	for _, r := range after.Require {
		reqs = append(reqs, r.Mod.String())
	}
	slices.Sort(reqs)
	if want := []string{errcodesPath + "@v0.1.0", "golang.org/x/text@" + xtextVersion}; !slices.Equal(reqs, want) {
		t.Errorf("go.mod requires %v, want %v", reqs, want)
	}
	sum, err := os.ReadFile(filepath.Join(app, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sum), "golang.org/x/text "+xtextVersion+"/go.mod "+xtextGoModHash+"\n") {
		t.Errorf("go.sum has not the real hash of x/text's go.mod:\n%s", sum)
	}

	vendor := filepath.Join(app, "vendor")
	var vendored []string
	err = filepath.WalkDir(vendor, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(vendor, p)
		vendored = append(vendored, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range vendored {
		if f != "modules.txt" && !strings.HasPrefix(f, errcodesPath+"/") {
			t.Errorf("vendor/ holds %s, not a file of errcodes", f)
		}
	}
	if !slices.Contains(vendored, errcodesPath+"/LICENSE") || !slices.Contains(vendored, errcodesPath+"/codes.go") {
		t.Errorf("vendor/ lacks errcodes' LICENSE or codes.go: %v", vendored)
	}
}

// publish writes version v of the module in dir to the file:// module
// proxy in proxy: its version list, .info, .mod and .zip. It checks that
// the zip holds the module's LICENSE, which pkg.go.dev needs to show the
// module's documentation.
func publish(t *testing.T, proxy, dir string, v module.Version) {
	t.Helper()
	vdir := filepath.Join(proxy, filepath.FromSlash(v.Path), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	goMod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info := `{"Version":"` + v.Version + `","Time":"` + time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339) + `"}` + "\n"
	for name, data := range map[string]string{"list": v.Version + "\n", v.Version + ".info": info, v.Version + ".mod": string(goMod)} {
		if err := os.WriteFile(filepath.Join(vdir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zipPath := filepath.Join(vdir, v.Version+".zip")
	zf, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := modzip.CreateFromDir(zf, v, dir); err != nil {
		zf.Close()
		t.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !slices.Contains(names, v.String()+"/LICENSE") {
		t.Errorf("the module zip has no LICENSE: %v", names)
	}
}
