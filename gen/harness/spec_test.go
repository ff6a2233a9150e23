package harness

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errtable/errtable/errcodes"
	"github.com/errtable/errtable/errcodes/errcodestest"
)

// specFile is the part of a spec file these tests read. It is deliberately
// lenient: unknown fields are ignored, so the spec format can grow without
// breaking this check of the package.
type specFile struct {
	Prefix string      `json:"prefix"`
	Errors []specEntry `json:"errors"`
	Codes  []specCode  `json:"codes"`
}

// specCode is one documented string error code of a spec file.
type specCode struct {
	Code        string   `json:"code"`
	Status      int      `json:"status"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"`
	Remedy      string   `json:"remedy"`
	Retryable   bool     `json:"retryable"`
	Removed     bool     `json:"removed"`
}

// specEntry is one documented code of a spec file.
type specEntry struct {
	Code        int    `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Remedy      string `json:"remedy"`
	Retryable   bool   `json:"retryable"`
	// Aliases are former Go names of the code, kept as deprecated
	// constants; UnmarshalText accepts them.
	Aliases []string `json:"aliases"`
	// Removed marks a code the docs no longer list; it stays Known and in
	// Codes(), so code that names it keeps compiling and working.
	Removed bool `json:"removed"`
}

// env returns the environment variable name, or def when it is unset.
func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// readSpec reads the spec file named by ERRTABLE_SPEC, by default the
// repository's spec/errors.json.
func readSpec(t *testing.T) specFile {
	t.Helper()
	path := env("ERRTABLE_SPEC", filepath.Join("..", "..", "spec", "errors.json"))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f specFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(f.Errors) == 0 {
		t.Fatalf("%s lists no errors", path)
	}
	return f
}

// TestCodesMatchSpec checks every entry of the spec against the package:
// name, texts, retry decision, lookups and text round trips, by the entry's
// name, its number and each alias.
func TestCodesMatchSpec(t *testing.T) {
	f := readSpec(t)
	for _, e := range f.Errors {
		t.Run(e.Name, func(t *testing.T) {
			c := errcodes.Code(e.Code)
			checks := []struct {
				what      string
				got, want any
			}{
				{"String()", c.String(), e.Name},
				{"Description()", c.Description(), e.Description},
				{"Remedy()", c.Remedy(), e.Remedy},
				{"Retryable()", c.Retryable(), e.Retryable},
				{"Known()", c.Known(), true},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("Code(%d).%s = %#v, want %#v", e.Code, ch.what, ch.got, ch.want)
				}
			}
			if got, ok := errcodes.Lookup(e.Code); !ok || got != c {
				t.Errorf("Lookup(%d) = %v, %t", e.Code, got, ok)
			}
			text, err := c.MarshalText()
			if err != nil {
				t.Fatalf("MarshalText: %v", err)
			}
			inputs := append([]string{string(text), e.Name, strconv.Itoa(e.Code)}, e.Aliases...)
			for _, in := range inputs {
				var back errcodes.Code
				if err := back.UnmarshalText([]byte(in)); err != nil || back != c {
					t.Errorf("UnmarshalText(%q) = %v, %v; want %v", in, back, err, c)
				}
			}
		})
	}
}

// TestCodesList checks that Codes() holds exactly the spec's codes, removed
// ones included, in ascending order, and that no other status is Known.
func TestCodesList(t *testing.T) {
	f := readSpec(t)
	var want []errcodes.Code
	for _, e := range f.Errors {
		want = append(want, errcodes.Code(e.Code))
	}
	slices.Sort(want)
	if got := errcodes.Codes(); !slices.Equal(got, want) {
		t.Errorf("Codes() = %v, want %v", got, want)
	}
	for s := 100; s <= 599; s++ {
		if slices.Contains(want, errcodes.Code(s)) {
			continue
		}
		if c, ok := errcodes.Lookup(s); ok || errcodes.Code(s).Known() {
			t.Errorf("status %d is not in the spec, but Lookup gives %v, %t and Known() is %t", s, c, ok, errcodes.Code(s).Known())
		}
	}
}

// TestErrorsIs checks that a wrapped *Error matches any *Error of its code,
// as the package's sentinels do, and no other code's.
func TestErrorsIs(t *testing.T) {
	f := readSpec(t)
	for i, e := range f.Errors {
		c := errcodes.Code(e.Code)
		err := fmt.Errorf("x: %w", errcodes.New(c, "m"))
		if !errors.Is(err, &errcodes.Error{Code: c}) || !errors.Is(err, errcodes.New(c, "")) {
			t.Errorf("%v: errors.Is does not see the code through wrapping", c)
		}
		if got, ok := errcodes.CodeOf(err); !ok || got != c {
			t.Errorf("CodeOf(%v) = %v, %t", err, got, ok)
		}
		if errcodes.IsRetryable(err) != e.Retryable {
			t.Errorf("IsRetryable(%v) = %t, want %t", err, !e.Retryable, e.Retryable)
		}
		other := errcodes.Code(f.Errors[(i+1)%len(f.Errors)].Code)
		if other != c && errors.Is(err, &errcodes.Error{Code: other}) {
			t.Errorf("errors.Is(%v, code %v) is true", err, other)
		}
	}
}

// TestFakeAPI asks the generated fake API for each code and reads the
// answer with the generated client helpers.
func TestFakeAPI(t *testing.T) {
	f := readSpec(t)
	srv := errcodestest.NewServer(t, nil)
	for _, e := range f.Errors {
		c := errcodes.Code(e.Code)
		resp, err := http.Get(fmt.Sprintf("%s/status/%d", srv.URL, e.Code))
		if err != nil {
			t.Fatal(err)
		}
		apiErr := errcodes.FromResponse(resp)
		resp.Body.Close()
		if resp.StatusCode != e.Code || !errors.Is(apiErr, &errcodes.Error{Code: c}) {
			t.Errorf("%v: status %d, FromResponse gave %v", c, resp.StatusCode, apiErr)
			continue
		}
		if _, ok := errcodes.RetryAfter(apiErr); ok != e.Retryable {
			t.Errorf("%v: RetryAfter ok = %t, want %t (retryable)", c, ok, e.Retryable)
		}
		if msg := apiErr.Error(); !strings.HasPrefix(msg, f.Prefix+": ") || !strings.Contains(msg, e.Description) {
			t.Errorf("%v: Error() = %q, want the prefix %q and the description %q", c, msg, f.Prefix, e.Description)
		}
	}
}

// TestAliasesDeprecated checks that each alias of the spec is a constant of
// the package whose doc comment marks it deprecated, so that code naming an
// old constant keeps compiling and linters point to the new name. The
// package source is in ERRTABLE_PKG, by default the repository's errcodes/.
func TestAliasesDeprecated(t *testing.T) {
	f := readSpec(t)
	var aliases []string
	for _, e := range f.Errors {
		aliases = append(aliases, e.Aliases...)
	}
	if len(aliases) == 0 {
		t.Skip("the spec has no aliases")
	}
	docs := constDocs(t, env("ERRTABLE_PKG", filepath.Join("..", "..", "errcodes")))
	for _, a := range aliases {
		doc, ok := docs[a]
		if !ok {
			t.Errorf("alias %s is not a constant of the package", a)
		} else if !strings.Contains(doc, "Deprecated: ") {
			t.Errorf("alias %s is not marked deprecated; its doc is %q", a, doc)
		}
	}
}

// constDocs returns the doc comment of each package-level constant of the
// non-test Go files in dir (the doc of its group when it has none).
func constDocs(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil {
					doc = gd.Doc
				}
				for _, n := range vs.Names {
					docs[n.Name] = doc.Text()
				}
			}
		}
	}
	if len(docs) == 0 {
		t.Fatalf("no constants in %s", dir)
	}
	return docs
}
