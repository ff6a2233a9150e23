package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/errtable/errtable/spec"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		// gen-crash is gen that kills itself, or sleeps, at the steps of
		// replacing files, as $GEN_CRASH_AT and $GEN_CRASH_SLEEP say
		// (crash_test.go).
		"gen-crash": func() {
			setCrashHook()
			os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script. Each starts with the
// seed snapshot (musicgpt-error-codes.txt) and the docs' own Markdown source
// of that page (musicgpt-source.md) in its work directory.
func TestScripts(t *testing.T) {
	goEnv := map[string]string{}
	if goTool, err := exec.LookPath("go"); err == nil {
		for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOROOT"} {
			out, err := exec.Command(goTool, "env", v).Output()
			if err == nil {
				goEnv[v] = strings.TrimSpace(string(out))
			}
		}
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			for name, from := range map[string]string{
				"musicgpt-error-codes.txt": filepath.Join("testdata", "musicgpt-seed.txt"),
				"musicgpt-source.md":       filepath.Join("testdata", "musicgpt-source.md"),
			} {
				data, err := os.ReadFile(from)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(env.WorkDir, name), data, 0o644); err != nil {
					return err
				}
			}
			// For scripts that build what gen wrote: the go command offline,
			// sharing this machine's build and module caches.
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOTOOLCHAIN", "local")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"samespec": cmdSameSpec,
		},
	})
}

// cmdSameSpec compares the entries of two spec files, ignoring where each
// came from (the docs' path, hash and line numbers differ between two
// renderings of one page).
func cmdSameSpec(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samespec a.json b.json")
	}
	var files [2]*spec.File
	for i, a := range args {
		f, err := spec.Read(ts.MkAbs(a))
		ts.Check(err)
		files[i] = f
	}
	a, b := files[0].Errors, files[1].Errors
	same := slices.EqualFunc(a, b, func(x, y spec.Entry) bool {
		x.Line, y.Line = 0, 0
		return fmt.Sprint(x) == fmt.Sprint(y)
	})
	if same == neg {
		ts.Fatalf("samespec %s %s: same=%t\n%v\n%v", args[0], args[1], same, a, b)
	}
}
