package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

// docsEdit is one change to the committed docs snapshot, as the "When the
// docs change" workflow meets it, and what regeneration must make of it.
type docsEdit struct {
	name  string
	edit  func(docs string) string
	flags []string // beyond -docs, -spec and -out
	// status is the exit status of the regeneration.
	status int
	// stderr must appear in what the run prints.
	stderr []string
	// check inspects the new spec and package source (codes.go) when the
	// run succeeded.
	check func(t *testing.T, f *spec.File, codes string)
}

// docsEdits are the edits of the "Done when" list, applied to the
// seed page. They are shared by TestDocsChanges (in memory, every
// outcome) and TestDocsChangesInRepoCopy (the repository's own tests after
// each edit).
var docsEdits = []docsEdit{
	{
		name:   "reworded description",
		edit:   replace("| 429 | Rate Limit Exceeded |", "| 429 | Too Many Requests Sent |"),
		stderr: []string{"spec/errors.json: 1 changed"},
		check: func(t *testing.T, f *spec.File, codes string) {
			e := entryOf(t, f, 429)
			if e.Name != "RateLimitExceeded" || e.Description != "Too Many Requests Sent" || len(e.Aliases) != 0 {
				t.Errorf("429 = %+v; want the name kept and the description updated", e)
			}
			mustContain(t, codes, "RateLimitExceeded is 429 Too Many Requests Sent.", `return "Too Many Requests Sent"`)
		},
	},
	{
		name:   "changed remedy",
		edit:   replace("Wait for the rate limit to reset or adjust your request frequency.", "Wait 60 seconds."),
		stderr: []string{"spec/errors.json: 1 changed"},
		check: func(t *testing.T, f *spec.File, codes string) {
			if e := entryOf(t, f, 429); !strings.HasSuffix(e.Remedy, "Wait 60 seconds.") || e.Name != "RateLimitExceeded" {
				t.Errorf("429 = %+v", e)
			}
		},
	},
	{
		name:   "new code",
		edit:   replace("| 500 | Internal", "| 503 | Service Unavailable | Down for maintenance; retry later. |\n| 500 | Internal"),
		stderr: []string{"spec/errors.json: 1 added (503 ServiceUnavailable)"},
		check: func(t *testing.T, f *spec.File, codes string) {
			if e := entryOf(t, f, 503); e.Name != "ServiceUnavailable" || !e.Retryable || e.Removed {
				t.Errorf("503 = %+v", e)
			}
			mustContain(t, codes, "ServiceUnavailable Code = 503")
		},
	},
	{
		name:   "removed code",
		edit:   deleteLine("| 402 | Payment Required"),
		stderr: []string{"spec/errors.json: 1 removed (402)"},
		check: func(t *testing.T, f *spec.File, codes string) {
			if e := entryOf(t, f, 402); e.Name != "PaymentRequired" || !e.Removed || e.Description != "Payment Required" {
				t.Errorf("402 = %+v; want it kept, marked removed", e)
			}
			mustContain(t, codes, "// Deprecated: no longer listed in the docs.\n\tPaymentRequired Code = 402",
				"// Deprecated: no longer listed in the docs.\n\tErrPaymentRequired = Sentinel(PaymentRequired)",
				"case BadRequest, PaymentRequired, Forbidden,")
		},
	},
	{
		name:   "rename",
		edit:   func(s string) string { return s },
		flags:  []string{"-rename", "RateLimitExceeded=TooManyRequests"},
		stderr: []string{"spec/errors.json: 1 changed"},
		check: func(t *testing.T, f *spec.File, codes string) {
			if e := entryOf(t, f, 429); e.Name != "TooManyRequests" || len(e.Aliases) != 1 || e.Aliases[0] != "RateLimitExceeded" {
				t.Errorf("429 = %+v; want TooManyRequests with the alias RateLimitExceeded", e)
			}
			mustContain(t, codes, "// Deprecated: use TooManyRequests.\n\tRateLimitExceeded = TooManyRequests",
				"// Deprecated: use ErrTooManyRequests.\n\tErrRateLimitExceeded = ErrTooManyRequests",
				`case "TooManyRequests", "RateLimitExceeded":`)
		},
	},
	{
		name:   "prune without -allow-breaking",
		edit:   deleteLine("| 402 | Payment Required"),
		flags:  []string{"-prune"},
		status: exitUsage,
		stderr: []string{"-prune removes identifiers that importers may use, a breaking change; pass -allow-breaking too"},
	},
	{
		name:   "lines inserted above the table",
		edit:   replace("Common Error Codes\n", "Common Error Codes\n\nA new paragraph.\n\nAnd another, naming no code.\n\n"),
		stderr: []string{"spec/errors.json: no changes"},
	},
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("docs edit: " + old + " not found")
		}
		return strings.Replace(s, old, new, 1)
	}
}

func deleteLine(prefix string) func(string) string {
	return func(s string) string {
		var out []string
		for _, l := range strings.SplitAfter(s, "\n") {
			if !strings.HasPrefix(l, prefix) {
				out = append(out, l)
			}
		}
		return strings.Join(out, "")
	}
}

func entryOf(t *testing.T, f *spec.File, code int) spec.Entry {
	t.Helper()
	e, ok := f.Lookup(code)
	if !ok {
		t.Fatalf("the spec has no code %d", code)
	}
	return *e
}

func mustContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("missing %q", p)
		}
	}
}

// seedRepo lays out, in a new temp dir that becomes the working directory,
// the seed snapshot and its spec and package as go run ./gen leaves them,
// and returns the arguments of that run.
func seedRepo(t *testing.T) []string {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("testdata", "musicgpt-seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	chdirModule(t)
	if err := os.MkdirAll("spec", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("spec", "musicgpt-error-codes.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-q", "-docs", filepath.Join("spec", "musicgpt-error-codes.txt")}
	if out, status := runGen(args...); status != exitOK {
		t.Fatalf("first run: %s", out)
	}
	return args
}

// runGen runs the command in the working directory and returns what it
// printed and its exit status.
func runGen(args ...string) (string, int) {
	var out strings.Builder
	status := run(args, &out, &out)
	return out.String(), status
}

// TestDocsChanges applies each docs edit to the seed snapshot and checks
// what regeneration makes of it: the spec, the package, the summary, and
// that the package's exported API only grows (the API guard lets it through
// without -allow-breaking).
func TestDocsChanges(t *testing.T) {
	for _, tt := range docsEdits {
		t.Run(tt.name, func(t *testing.T) {
			args := seedRepo(t)
			docsPath := filepath.Join("spec", "musicgpt-error-codes.txt")
			before, _ := os.ReadFile(docsPath)
			specBefore, _ := os.ReadFile(filepath.Join("spec", "errors.json"))
			if err := os.WriteFile(docsPath, []byte(tt.edit(string(before))), 0o644); err != nil {
				t.Fatal(err)
			}
			out, status := runGen(append(args, tt.flags...)...)
			if status != tt.status {
				t.Fatalf("exit status %d, want %d:\n%s", status, tt.status, out)
			}
			mustContain(t, out, tt.stderr...)
			specAfter, _ := os.ReadFile(filepath.Join("spec", "errors.json"))
			if tt.status != exitOK || strings.Contains(out, "no changes") {
				if string(specAfter) != string(specBefore) {
					t.Errorf("the spec changed:\n%s", specAfter)
				}
				return
			}
			f, err := spec.Read(filepath.Join("spec", "errors.json"))
			if err != nil {
				t.Fatal(err)
			}
			codes, _ := os.ReadFile(filepath.Join("errcodes", "codes.go"))
			if tt.check != nil {
				tt.check(t, f, string(codes))
			}
			// The run is a fixed point: again, nothing changes.
			if out, status := runGen(append(args, tt.flags...)...); status != exitOK || !strings.Contains(out, "no changes") {
				t.Errorf("second run (%d): %s", status, out)
			}
			if out, status := runGen(append(args, "-check")...); status != exitOK {
				t.Errorf("-check after the run (%d): %s", status, out)
			}
		})
	}
}

// TestRenameInSpec renames a code by editing the spec, as a reviewer may:
// the next run keeps the new name and the old one as an alias, read back
// from the package on disk.
func TestRenameInSpec(t *testing.T) {
	args := seedRepo(t)
	specPath := filepath.Join("spec", "errors.json")
	data, _ := os.ReadFile(specPath)
	edited := strings.Replace(string(data), `"name": "RateLimitExceeded"`, `"name": "Throttled"`, 1)
	if err := os.WriteFile(specPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, status := runGen(args...)
	if status != exitOK || !strings.Contains(out, "spec/errors.json: 1 changed") {
		t.Fatalf("(%d) %s", status, out)
	}
	f, err := spec.Read(specPath)
	if err != nil {
		t.Fatal(err)
	}
	if e := entryOf(t, f, 429); e.Name != "Throttled" || strings.Join(e.Aliases, ",") != "RateLimitExceeded" {
		t.Errorf("429 = %+v", e)
	}
	// Renaming back swaps the two.
	if out, status := runGen(append(args, "-rename", "Throttled=RateLimitExceeded")...); status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	f, _ = spec.Read(specPath)
	if e := entryOf(t, f, 429); e.Name != "RateLimitExceeded" || strings.Join(e.Aliases, ",") != "Throttled" {
		t.Errorf("after renaming back, 429 = %+v", e)
	}
	if out, status := runGen(append(args, "-rename", "Nope=Other")...); status != exitInput || !strings.Contains(out, "no code is named Nope") {
		t.Errorf("renaming an unknown name (%d): %s", status, out)
	}
}

// TestPrune drops a code the docs no longer list, and the aliases, only
// with -allow-breaking, and reports what broke.
func TestPrune(t *testing.T) {
	args := seedRepo(t)
	docsPath := filepath.Join("spec", "musicgpt-error-codes.txt")
	if out, status := runGen(append(args, "-rename", "RateLimitExceeded=TooManyRequests")...); status != exitOK {
		t.Fatal(out)
	}
	data, _ := os.ReadFile(docsPath)
	os.WriteFile(docsPath, []byte(deleteLine("| 402 |")(string(data))), 0o644)
	if out, status := runGen(args...); status != exitOK || !strings.Contains(out, "1 removed (402)") {
		t.Fatalf("(%d) %s", status, out)
	}
	out, status := runGen(append(args, "-prune", "-allow-breaking", "-report", "report.md")...)
	if status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	mustContain(t, out, "spec/errors.json: 1 pruned (402), 1 changed")
	f, _ := spec.Read(filepath.Join("spec", "errors.json"))
	if _, ok := f.Lookup(402); ok {
		t.Error("402 is still in the spec")
	}
	if e := entryOf(t, f, 429); len(e.Aliases) != 0 {
		t.Errorf("429 keeps aliases %v after -prune", e.Aliases)
	}
	report, _ := os.ReadFile("report.md")
	mustContain(t, string(report), "### Pruned", "| 402 | `PaymentRequired` |",
		"### Breaking API changes (let through by -allow-breaking)", "`errcodes: PaymentRequired: removed`", "`errcodes: RateLimitExceeded: removed`")
}

// TestAPIGuard puts on disk a package that exports an identifier the new
// one would not (as an older generator might have written): the run stops
// naming it, and -allow-breaking lets it through.
func TestAPIGuard(t *testing.T) {
	args := seedRepo(t)
	extra := generatedHeader + "\n\npackage errcodes\n\n// Legacy is from an older generator.\nfunc Legacy() Code { return BadRequest }\n\n// Answer changes type.\nconst Answer = 42\n"
	os.WriteFile(filepath.Join("errcodes", "legacy.go"), []byte(extra), 0o644)
	codes, _ := os.ReadFile(filepath.Join("errcodes", "codes.go"))
	before := snapshot(t, ".")
	out, status := runGen(args...)
	if status != exitInput {
		t.Fatalf("exit status %d, want %d:\n%s", status, exitInput, out)
	}
	mustContain(t, out, "gen: errcodes: Legacy: removed", "gen: errcodes: Answer: removed",
		"the exported API of errcodes would break (2 changes above); nothing was written")
	sameSnapshot(t, before, snapshot(t, "."))
	out, status = runGen(append(args, "-allow-breaking")...)
	if status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	if _, err := os.Stat(filepath.Join("errcodes", "legacy.go")); !os.IsNotExist(err) {
		t.Error("the leftover file is still there")
	}
	after, _ := os.ReadFile(filepath.Join("errcodes", "codes.go"))
	if string(after) != string(codes) {
		t.Error("codes.go changed")
	}
}

// TestAPIGuardFastPath checks the comparison that spares type-checking:
// declarations that differ only in comments are the same API.
func TestAPIGuardFastPath(t *testing.T) {
	parse := func(src string) map[string]string {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		return exportedDecls(fset, []*ast.File{f})
	}
	base := parse("package p\n\n// A is a.\nconst A Code = 1\n\ntype Code int\n\n// S is s.\nfunc (c Code) S() string { return \"a\" }\n")
	tests := []struct {
		name, src string
		same      bool
	}{
		{"comments and bodies", "package p\n\n// A is b.\nconst A Code = 1\n\ntype Code int\n\n// S is t.\nfunc (c Code) S() string { return \"b\" }\n", true},
		{"an addition", "package p\n\nconst A Code = 1\nconst B Code = 2\n\ntype Code int\n\nfunc (c Code) S() string { return \"a\" }\n", true},
		{"a value", "package p\n\nconst A Code = 2\n\ntype Code int\n\nfunc (c Code) S() string { return \"a\" }\n", false},
		{"a removal", "package p\n\nconst A Code = 1\n\ntype Code int\n", false},
		{"a signature", "package p\n\nconst A Code = 1\n\ntype Code int\n\nfunc (c *Code) S() string { return \"a\" }\n", false},
	}
	for _, tt := range tests {
		if got := onlyAdds(base, parse(tt.src)); got != tt.same {
			t.Errorf("%s: onlyAdds = %t, want %t", tt.name, got, tt.same)
		}
	}
}

// TestLostSpec is a docs edit that would break importers: with the spec
// (the lock file) deleted, a dropped row would delete its constant. The API
// guard stops it; a reworded description, though, keeps its old name as an
// alias, read back from the package on disk.
func TestLostSpec(t *testing.T) {
	args := seedRepo(t)
	docsPath := filepath.Join("spec", "musicgpt-error-codes.txt")
	data, _ := os.ReadFile(docsPath)
	edited := deleteLine("| 402 |")(replace("| 429 | Rate Limit Exceeded |", "| 429 | Slow Down |")(string(data)))
	os.WriteFile(docsPath, []byte(edited), 0o644)
	os.Remove(filepath.Join("spec", "errors.json"))
	out, status := runGen(args...)
	if status != exitInput {
		t.Fatalf("exit status %d, want %d:\n%s", status, exitInput, out)
	}
	mustContain(t, out, "gen: errcodes: PaymentRequired: removed", "gen: errcodes: ErrPaymentRequired: removed", "(2 changes above); nothing was written")
	if strings.Contains(out, "RateLimitExceeded") {
		t.Errorf("the reworded code is reported as breaking:\n%s", out)
	}
	if out, status := runGen(append(args, "-allow-breaking")...); status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	f, _ := spec.Read(filepath.Join("spec", "errors.json"))
	if e := entryOf(t, f, 429); e.Name != "SlowDown" || strings.Join(e.Aliases, ",") != "RateLimitExceeded" {
		t.Errorf("429 = %+v", e)
	}
}

// TestAnotherAPIsDocs points gen, with the default -spec and -out, at
// another API's page: it refuses to overwrite this spec, and says what to
// pass.
func TestAnotherAPIsDocs(t *testing.T) {
	seedRepo(t)
	os.WriteFile("acme.md", []byte("| Code | Description | What to Do |\n|---|---|---|\n| 401 | Unauthorized | Log in. |\n"), 0o644)
	before := snapshot(t, ".")
	out, status := runGen("-docs", "acme.md", "-out", filepath.Join("internal", "acme"))
	if status != exitInput {
		t.Fatalf("exit status %d:\n%s", status, out)
	}
	mustContain(t, out, "spec/errors.json records its docs as musicgpt-error-codes.txt (relative to the spec), not ../acme.md",
		"pass -spec and -out with new paths", "pass -new-source")
	sameSnapshot(t, before, snapshot(t, "."))
	out, status = runGen("-docs", "acme.md", "-spec", filepath.Join("internal", "acme", "errors.json"), "-out", filepath.Join("internal", "acme"))
	if status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	f, _ := spec.Read(filepath.Join("internal", "acme", "errors.json"))
	if f.Prefix != "acme" {
		t.Errorf("prefix %q, want acme (from the docs file's name, never another API's spec)", f.Prefix)
	}
	codes, _ := os.ReadFile(filepath.Join("internal", "acme", "codes.go"))
	mustContain(t, string(codes), "\tgo run github.com/errtable/errtable/gen -out internal/acme -spec internal/acme/errors.json\n")
}

// TestOverrideOfRemovedCode keeps a maintainer's retry override on a code
// the docs drop: the entry stays, removed, with its decision.
func TestOverrideOfRemovedCode(t *testing.T) {
	args := seedRepo(t)
	specPath := filepath.Join("spec", "errors.json")
	data, _ := os.ReadFile(specPath)
	edited := string(data)
	i := strings.Index(edited, `"code": 409`)
	j := i + strings.Index(edited[i:], `"retryable": false,`)
	k := j + strings.Index(edited[j:], `"retryable_from": "rule"`)
	edited = edited[:j] + `"retryable": true,` + edited[j+len(`"retryable": false,`):k] + `"retryable_from": "override"` + edited[k+len(`"retryable_from": "rule"`):]
	os.WriteFile(specPath, []byte(edited), 0o644)
	docsPath := filepath.Join("spec", "musicgpt-error-codes.txt")
	docs, _ := os.ReadFile(docsPath)
	os.WriteFile(docsPath, []byte(deleteLine("| 409 |")(string(docs))), 0o644)
	if out, status := runGen(args...); status != exitOK || !strings.Contains(out, "1 removed (409)") {
		t.Fatalf("(%d) %s", status, out)
	}
	f, _ := spec.Read(specPath)
	if e := entryOf(t, f, 409); !e.Removed || !e.Retryable || e.RetryableFrom != spec.FromOverride {
		t.Errorf("409 = %+v; want it removed with its override", e)
	}
}
