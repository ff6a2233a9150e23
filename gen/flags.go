package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/errtable/errtable/spec"
)

// config is what the flags ask for.
type config struct {
	docs, spec, out, pkg string
	page                 string // with an llms.txt index: the page to pick
	report               string // -report: where to write the Markdown report
	check, fetch         bool
	explaining           bool // -explain
	allowBreaking        bool
	newSource            bool
	quiet                bool
	// given are the flags set on the command line, in name order, as
	// name and value; regenCommand picks from them.
	given [][2]string
	options
}

// oneRunFlags are the flags that act on one run rather than shape the
// output: the regeneration command leaves them out.
var oneRunFlags = map[string]bool{
	"check": true, "fetch": true, "rename": true, "prune": true, "allow-breaking": true,
	"new-source": true, "report": true, "q": true, "explain": true,
}

// parseFlags reads the command line. ok is false when the run should stop
// with status.
func parseFlags(args []string, stderr io.Writer) (c *config, status int, ok bool) {
	c = &config{}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.docs, "docs", "", "the docs `page`: a Markdown file or an http(s) URL (default: the page the spec records)")
	fs.StringVar(&c.spec, "spec", filepath.Join("spec", "errors.json"), "the spec `file` to write")
	fs.StringVar(&c.out, "out", "errcodes", "the package `directory` to write")
	fs.StringVar(&c.pkg, "pkg", "", "the package `name` (default: $GOPACKAGE under go generate with -out ., else the last element of -out)")
	fs.StringVar(&c.prefix, "prefix", "", "the `word` error messages start with (default: the spec's, else the docs file's first word)")
	fs.StringVar(&c.page, "page", "", "with an llms.txt index as -docs, the error page whose title holds `text`")
	fs.StringVar(&c.Table, "table", "", "read the table under the heading containing `text`")
	fs.StringVar(&c.CodeCol, "code-col", "", "the `header` of the column holding the codes")
	fs.StringVar(&c.DescCol, "desc-col", "", "the `header` of the column holding the descriptions")
	fs.StringVar(&c.RemedyCol, "remedy-col", "", "the `header` of the column holding the remedies")
	fs.BoolVar(&c.check, "check", false, "write nothing; exit 1 naming each file that is out of date")
	fs.BoolVar(&c.explaining, "explain", false, "write nothing; print the tables found, each column's role and why, and the entries that would be written")
	fs.BoolVar(&c.fetch, "fetch", false, "download the page again from the URL the spec records")
	fs.Func("rename", "rename a code: `Old=New`; Old stays as a deprecated alias (repeatable)", func(s string) error {
		r, err := parseRenaming(s)
		if err == nil {
			c.lock.renames = append(c.lock.renames, r)
		}
		return err
	})
	fs.BoolVar(&c.lock.prune, "prune", false, "drop the codes the docs no longer list (a breaking change: needs -allow-breaking)")
	fs.BoolVar(&c.allowBreaking, "allow-breaking", false, "write even if an exported identifier would disappear or change")
	fs.BoolVar(&c.newSource, "new-source", false, "let -docs replace the docs page the spec records")
	fs.StringVar(&c.report, "report", "", "write the change report as Markdown to `file`")
	fs.BoolVar(&c.quiet, "q", false, "print no warnings (errors and the change summary still print)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-docs page.md|URL] [-spec errors.json] [-out dir] [-pkg name] [-prefix word] [-page title]\n           [-table heading] [-code-col header] [-desc-col header] [-remedy-col header]\n           [-check | -explain | -fetch | -rename Old=New | -prune | -allow-breaking | -new-source | -report file | -q]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		}
		return nil, exitUsage, false
	}
	usage := func(format string, args ...any) (*config, int, bool) {
		fmt.Fprintf(stderr, "gen: "+format+"\n", args...)
		return nil, exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q; all input is named by flags\n", fs.Arg(0))
		fs.Usage()
		return nil, exitUsage, false
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case c.explaining && (c.check || c.report != "" || c.lock.prune || len(c.lock.renames) > 0):
		return usage("-explain writes nothing and names nothing; drop -check, -report, -rename and -prune")
	case c.check && (c.fetch || c.report != ""):
		return usage("-check writes nothing and fetches nothing; drop -fetch and -report")
	case c.fetch && set["docs"]:
		return usage("-fetch downloads the page the spec records; with -docs URL, drop -fetch")
	case c.lock.prune && !c.allowBreaking:
		return usage("-prune removes identifiers that importers may use, a breaking change; pass -allow-breaking too")
	}
	if c.pkg == "" {
		c.pkg = defaultPkg(c.out)
	}
	if !token.IsIdentifier(c.pkg) || c.pkg == "_" || c.pkg == "main" {
		return usage("package name %q cannot name the generated package (a Go identifier other than _ and main); set -pkg", c.pkg)
	}
	if c.prefix != "" && !spec.ValidPrefix(c.prefix) {
		return usage("-prefix %q is not a lower-case word (a-z, then a-z 0-9 . _ -)", c.prefix)
	}
	fs.Visit(func(f *flag.Flag) { c.given = append(c.given, [2]string{f.Name, f.Value.String()}) })
	return c, exitOK, true
}

// defaultPkg names the package in out: under go generate with the output
// in the directory of the //go:generate line, the package there; else the
// directory's name.
func defaultPkg(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return filepath.Base(filepath.Clean(out))
	}
	if gopkg := os.Getenv("GOPACKAGE"); gopkg != "" {
		if wd, err := os.Getwd(); err == nil && wd == abs {
			return strings.TrimSuffix(gopkg, "_test")
		}
	}
	return filepath.Base(abs)
}

// ourModule is the module path of this repository, where the generator runs
// as go run ./gen; anywhere else it is go run ourModule/gen.
const ourModule = "github.com/errtable/errtable"

// regenCommand returns the command that regenerates what a run writes,
// for the package doc and the hints of -check: the flags given that shape
// the output, in a fixed order, with their values as given, less those the
// spec f records (the docs page, fetched or not, and the prefix), which
// the spec supplies on the next run. So it reads like the //go:generate
// line that ran it, works offline, and stays the same whether the page was
// just fetched or is read from its snapshot.
func (c *config) regenCommand(f *spec.File) string {
	cmd := genCommand()
	for _, kv := range c.given {
		name, value := kv[0], kv[1]
		switch {
		case oneRunFlags[name], name == "docs", name == "page", name == "prefix" && value == f.Prefix:
			continue
		}
		cmd += " -" + name + " " + shellQuote(value)
	}
	return cmd
}

// genCommand is how gen is run from the working directory: go run ./gen
// in this repository, go run ourModule/gen anywhere else.
func genCommand() string {
	if inOurModule() {
		return "go run ./gen"
	}
	return "go run " + ourModule + "/gen"
}

// inOurModule reports whether the working directory is this repository's
// module root.
func inOurModule() bool {
	data, err := readBounded("go.mod", 1<<20)
	if err != nil {
		return false
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if f := strings.Fields(string(line)); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == ourModule {
			return true
		}
	}
	return false
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@+,%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
