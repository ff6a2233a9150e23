package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/errtable/errtable/spec"
)

// hostileCase is one input a careless user or an attacker may give gen,
// and what gen must make of it.
type hostileCase struct {
	name string
	docs string   // written to docs.md
	args []string // beyond -docs docs.md -spec spec/errors.json -out pkg
	// status is the exit status; for exitOK, check inspects the spec.
	status int
	stderr []string // each must appear in what gen prints
	// notStderr must not appear in what gen prints.
	notStderr []string
	check     func(t *testing.T, f *spec.File)
}

const hostileHeader = "| Code | Description | What to Do |\n|---|---|---|\n"

// hostileDocs are the red-team cases of the docs reader: pages that would
// make gen run long or large, hide text from a reviewer, or read a wrong
// table without a word. TestHostileCases runs them, and TestHostile*
// elsewhere (hostile specs, docs through the emitter) add to them; the
// README counts them.
var hostileDocs = []hostileCase{
	{
		name: "every fault of a table, in line order",
		docs: hostileHeader + "| 400 | Bad Request | a |\n| 400 | Bad Input | b |\n| 4O4 | Typo | c |\n| 700 | Odd | d |\n",
		stderr: []string{
			"gen: docs.md:4: code 400 is documented twice (first at docs.md:3); remove or fix one of the rows\ndocs.md:5: code \"4O4\" is not an HTTP status",
			"the code column with -code-col\ndocs.md:6: code 700 is outside 100-599",
		},
		status: exitInput,
	},
	{
		name:   "faults past the cap are counted, not listed",
		docs:   hostileHeader + strings.Repeat("| 4O4 | Typo | c |\n", 30),
		status: exitInput,
		stderr: []string{"docs.md:22: code \"4O4\"", "... and 10 more problems like these"},
	},
	{
		name:   "emphasis markers that make goldmark quadratic",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat("*a_", 20000) + "\n",
		status: exitInput,
		stderr: []string{"docs.md:5: the paragraph starting here holds more than 10000 markup characters"},
	},
	{
		name:   "backticks that make goldmark quadratic",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat("`a", 20000) + "\n",
		status: exitInput,
		stderr: []string{"docs.md:5: the paragraph starting here holds more than 10000 markup characters"},
	},
	{
		name:   "link reference definitions in one paragraph",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat("[l]: http://x.test/\n", 6000),
		status: exitInput,
		stderr: []string{"docs.md:5: the paragraph starting here"},
	},
	{
		name:   "a paragraph of thousands of lines",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat("a\n", 6000) + "===\n",
		status: exitInput,
		stderr: []string{"docs.md:5: the paragraph starting here runs over 5000 lines"},
	},
	{
		name:   "a delimiter row of thousands of columns over many lines",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n| a |\n" + strings.Repeat("|-", 20000) + "|\n" + strings.Repeat("x\n", 200),
		status: exitInput,
		stderr: []string{"docs.md:5: with the table starting here, the page's tables would hold more than 2000000 cells (GFM pads each row to its delimiter row, here 20002 cells)"},
	},
	{
		name:   "block quotes nested deep",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat(">", 2000) + " deep\n",
		status: exitInput,
		stderr: []string{"docs.md:5: the line opens 2000 nested block quotes or list items"},
	},
	{
		name:   "lists nested deep",
		docs:   hostileHeader + "| 400 | Bad | x |\n\n" + strings.Repeat("- ", 100) + "deep\n",
		status: exitInput,
		stderr: []string{"docs.md:5: the line opens 100 nested"},
	},
	{
		name: "lists indented deep",
		docs: hostileHeader + "| 400 | Bad | x |\n\n" + func() string {
			var b strings.Builder
			for i := range 200 {
				b.WriteString(strings.Repeat("  ", i) + "- a\n")
			}
			return b.String()
		}(),
		status: exitInput,
		stderr: []string{"is indented 258 columns"},
	},
	{
		name:   "a long table of bold codes is no emphasis bomb",
		docs:   hostileHeader + strings.Repeat("| **400** | **Bad** | *x* |\n", 1) + strings.Repeat("| **200** | **OK** | *fine* |\n", 3000),
		status: exitOK,
	},
	{
		name: "a tip naming hundreds of codes is an overview, not a tip",
		docs: hostileHeader + "| 400 | Bad | x |\n| 404 | Not Found | y |\n| 409 | Conflict | z |\n| 422 | Unprocessable | w |\n| 429 | Slow | v |\n| 500 | Oops | u |\n\n" +
			"Codes: 400, 404, 409, 422, 429, 500 " + strings.Repeat("and more text ", 10) + "\n",
		status: exitOK,
		stderr: []string{"docs.md:10: the passage names 6 codes, more than the 5 of a tip; not attached"},
		check: func(t *testing.T, f *spec.File) {
			for _, e := range f.Errors {
				if len(e.Tips) > 0 {
					t.Errorf("%d got tips %q", e.Code, e.Tips)
				}
			}
		},
	},
	{
		name:   "a huge passage is not a tip",
		docs:   hostileHeader + "| 400 | Bad | x |\n\nIf you get a 400, " + strings.Repeat("read this. ", 400) + "\n",
		status: exitOK,
		stderr: []string{"docs.md:5: the passage naming code 400 is 4417 bytes, more than the 2048 of a tip; not attached"},
	},
	{
		name: "tips per code are capped",
		docs: hostileHeader + "| 400 | Bad | x |\n\n" + func() string {
			var b strings.Builder
			for i := range 25 {
				b.WriteString("- Tip " + itoa3(100+i) + ": a 400 means fix it.\n")
			}
			return b.String()
		}(),
		status: exitOK,
		stderr: []string{"code 400 has 20 tips already; this one is not attached"},
		check: func(t *testing.T, f *spec.File) {
			if n := len(f.Errors[0].Tips); n != spec.MaxTips {
				t.Errorf("%d tips", n)
			}
		},
	},
	{
		name:   "CR-only line endings",
		docs:   strings.ReplaceAll(hostileHeader+"| 400 | Bad Request | Fix it. |\n| 429 | Slow Down | Wait. |\n", "\n", "\r"),
		status: exitOK,
		check: func(t *testing.T, f *spec.File) {
			if len(f.Errors) != 2 || f.Errors[1].Name != "SlowDown" {
				t.Errorf("entries %+v", f.Errors)
			}
		},
	},
	{
		name:   "a decimal is no status",
		docs:   hostileHeader + "| 400 | Bad | x |\n| 429.5 | Half | y |\n",
		status: exitInput,
		stderr: []string{`docs.md:4: code "429.5" is not an HTTP status`},
	},
	{
		name:   "a thousands separator is no status",
		docs:   hostileHeader + "| 400 | Bad | x |\n| 4,290 | Odd | y |\n",
		status: exitInput,
		stderr: []string{`docs.md:4: code "4,290" is not an HTTP status`},
	},
	{
		name:      "many rows of 200 OK are no string catalogue",
		docs:      hostileHeader + strings.Repeat("| 200 | OK | fine |\n", 5000),
		status:    exitInput,
		stderr:    []string{"docs.md:1: the error table lists no error code from 400 to 599", "statuses 200, 200,", "and 4990 more"},
		notStderr: []string{"string error codes"},
	},
	{
		name:      "a bidi control in a header is removed and reported",
		docs:      "| Field\u202E | Type |\n|---|---|\n| id | string |\n",
		status:    exitInput,
		stderr:    []string{"docs.md:1: the text holds characters a reader cannot see (U+202E)", `line 1: "Field" | "Type"`},
		notStderr: []string{"\u202E"},
	},
	{
		name:      "an escape sequence in a cell never reaches the terminal",
		docs:      hostileHeader + "| 4\x1b[2J0 | Bad | x |\n",
		status:    exitInput,
		stderr:    []string{`docs.md:3: code "4 [2J0" is not an HTTP status`},
		notStderr: []string{"\x1b"},
	},
	{
		name:   "hidden characters in a description are removed, and the lines named",
		docs:   hostileHeader + "| 400 | Bad\u200b Re\u2066quest | Fix\U000E0041 it. |\n| 404 | Not\u3164Found | x |\n",
		status: exitOK,
		stderr: []string{"docs.md:3,4: the text holds characters a reader cannot see (U+200B, U+2066, U+E0041, U+3164)"},
		check: func(t *testing.T, f *spec.File) {
			if e := f.Errors[0]; e.Description != "Bad Request" || e.Remedy != "Fix it." || e.Name != "BadRequest" {
				t.Errorf("400 = %+v", e)
			}
			if e := f.Errors[1]; e.Description != "NotFound" {
				t.Errorf("404 = %+v", e)
			}
		},
	},
	{
		name:   "an entity of a bidi control is removed too",
		docs:   hostileHeader + "| 400 | Bad &#x202E;Request | Fix &#0;it. |\n",
		status: exitOK,
		check: func(t *testing.T, f *spec.File) {
			if e := f.Errors[0]; e.Description != "Bad Request" || e.Remedy != "Fix it." {
				t.Errorf("400 = %+v", e)
			}
		},
	},
	{
		name:   "a description too long to be one",
		docs:   hostileHeader + "| 400 | " + strings.Repeat("word ", 150) + "| x |\n",
		status: exitInput,
		stderr: []string{"docs.md:3: the description of 400 is 749 bytes, more than the 500 of a description"},
	},
	{
		name:   "a remedy too long to be one",
		docs:   hostileHeader + "| 400 | Bad | " + strings.Repeat("word ", 1000) + "|\n",
		status: exitInput,
		stderr: []string{"docs.md:3: the remedy of 400 is 4999 bytes, more than the 4096 of a remedy"},
	},
	{
		// The examples are in the external test package: a code may take
		// an example's name.
		name:   "a description that names an example function",
		docs:   hostileHeader + "| 400 | Example | x |\n| 404 | Example Code Of | y |\n| 409 | Example Backoff | z |\n",
		status: exitOK,
		check: func(t *testing.T, f *spec.File) {
			if f.Errors[0].Name != "Example" || f.Errors[1].Name != "ExampleCodeOf" || f.Errors[2].Name != "ExampleBackoff" {
				t.Errorf("names %s", namesOf(f.Errors))
			}
			checkGenerated(t, f)
		},
	},
	{
		name:   "-pkg _",
		docs:   hostileHeader + "| 400 | Bad | x |\n",
		args:   []string{"-pkg", "_"},
		status: exitUsage,
		stderr: []string{`package name "_" cannot name the generated package`},
	},
	{
		name:   "-pkg main",
		docs:   hostileHeader + "| 400 | Bad | x |\n",
		args:   []string{"-pkg", "main"},
		status: exitUsage,
		stderr: []string{`package name "main" cannot name the generated package`},
	},
	{
		name:   "-spec naming a file of the package",
		docs:   hostileHeader + "| 400 | Bad | x |\n",
		args:   []string{"-spec", filepath.Join("pkg", "codes.go")},
		status: exitInput,
		stderr: []string{"codes.go would be written twice"},
	},
	{
		name:   "-report naming the spec",
		docs:   hostileHeader + "| 400 | Bad | x |\n",
		args:   []string{"-report", filepath.Join("spec", "errors.json")},
		status: exitInput,
		stderr: []string{"errors.json would be written twice"},
	},
}

// TestHostileCases runs hostileDocs through the command: each exits as it
// should, prints what it should, and a failed run writes nothing.
func TestHostileCases(t *testing.T) {
	for _, tt := range hostileDocs {
		t.Run(tt.name, func(t *testing.T) {
			chdirModule(t)
			if err := os.WriteFile("docs.md", []byte(tt.docs), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"-docs", "docs.md", "-spec", filepath.Join("spec", "errors.json"), "-out", "pkg"}, tt.args...)
			out, status := runGen(args...)
			if status != tt.status {
				t.Fatalf("exit status %d, want %d:\n%.2000s", status, tt.status, out)
			}
			mustContain(t, out, tt.stderr...)
			for _, s := range tt.notStderr {
				if strings.Contains(out, s) {
					t.Errorf("printed %q:\n%.2000s", s, out)
				}
			}
			if tt.status != exitOK {
				if entries, _ := os.ReadDir("."); len(entries) != 2 { // docs.md and go.mod
					t.Errorf("a failed run left files: %v", entries)
				}
				return
			}
			if tt.check != nil {
				f, err := spec.Read(filepath.Join("spec", "errors.json"))
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, f)
			}
		})
	}
}

// TestHostileFiles points -docs and -spec at files that are no pages:
// endless devices, FIFOs, directories. Each is refused before it is read.
func TestHostileFiles(t *testing.T) {
	chdirModule(t)
	os.WriteFile("docs.md", []byte(hostileHeader+"| 400 | Bad | x |\n"), 0o644)
	os.Mkdir("dir", 0o755)
	if err := syscall.Mkfifo("fifo", 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"-docs /dev/zero", []string{"-docs", "/dev/zero"}, "docs page /dev/zero: it is a device, not a file"},
		{"-docs a FIFO", []string{"-docs", "fifo"}, "docs page fifo: it is a named pipe, not a file"},
		{"-docs a directory", []string{"-docs", "dir"}, "docs page dir: it is a directory, not a file"},
		{"-spec /dev/zero", []string{"-docs", "docs.md", "-spec", "/dev/zero"}, "spec /dev/zero: it is a device, not a file gen can replace"},
		{"-spec a FIFO", []string{"-docs", "docs.md", "-spec", "fifo"}, "spec fifo: it is a named pipe, not a file gen can replace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, status := runGen(append(tt.args, "-out", "pkg")...)
			if status != exitInput || !strings.Contains(out, tt.want) {
				t.Errorf("(%d) %s\nwant %q", status, out, tt.want)
			}
		})
	}
}

// TestTerminalSafe checks the last guard of what gen prints: whatever a
// message quotes, no control or format character reaches the terminal.
func TestTerminalSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\n", "plain\n"},
		{"tab\tand newline\n", "tab\tand newline\n"},
		{"bidi \u202Eevil\n", `bidi \u202eevil` + "\n"},
		{"escape \x1b[2J\n", `escape \x1b[2J` + "\n"},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"bad \xff byte", `bad \xff byte`},
		{"real \uFFFD stays", "real \uFFFD stays"},
		{"emoji 🚨 ümlaut", "emoji 🚨 ümlaut"},
	}
	for _, tt := range tests {
		var b strings.Builder
		n, err := terminalSafe{&b}.Write([]byte(tt.in))
		if err != nil || n != len(tt.in) || b.String() != tt.want {
			t.Errorf("Write(%q) = %d, %v, wrote %q; want %q", tt.in, n, err, b.String(), tt.want)
		}
	}
}
