package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dave/jennifer/jen"
)

func TestSafeCommentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a\nb\r\nc", "a b c"},
		{"end */ here", "end * / here"},
		{"*/*/", "* /* /"},
		{"bidi \u202Eevil\u202C", "bidi evil"},
		{"zero\u200Bwidth\uFEFF", "zerowidth"},
		{"nul\x00bell\a", "nul bell"},
		{"line\u2028sep\u2029para", "line sep para"},
		{"  spaced \t out  ", "spaced out"},
		{"ümlaut 🚨", "ümlaut 🚨"},
	}
	for _, tt := range tests {
		if got := safeCommentText(tt.in); got != tt.want {
			t.Errorf("safeCommentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJenniferCommentInjection shows why docComment exists: jennifer's own
// Comment turns a newline into a /* */ block that "*/" ends early, so doc
// text could declare code. docComment's output holds only the comment.
func TestJenniferCommentInjection(t *testing.T) {
	const doc = "Remedy.\n*/ func init() { panic(1) } /*"
	render := func(c *jen.Statement) string {
		f := jen.NewFile("p")
		f.Add(c.Var().Id("X").Op("=").Lit(1))
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			return "render error: " + err.Error()
		}
		return buf.String()
	}
	hasInit := func(src string) bool {
		file, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
		if err != nil {
			return false
		}
		return strings.Contains(src, "func init()") && len(file.Decls) > 1
	}
	if naive := render(jen.Comment(doc).Line()); !hasInit(naive) {
		t.Logf("jennifer's Comment no longer injects; docComment is still the safe way:\n%s", naive)
	}
	safe := render(docComment(doc))
	if hasInit(safe) {
		t.Fatalf("docComment let code through:\n%s", safe)
	}
	if !strings.Contains(safe, "// Remedy. * / func init() { panic(1) } /*") {
		t.Errorf("unexpected rendering:\n%s", safe)
	}
}

// safeCommentTextReference is safeCommentText without its fast path.
func safeCommentTextReference(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), unicode.In(r, unicode.Zl, unicode.Zp):
			return ' '
		case unicode.Is(unicode.Cf, r), r == '\uFFFD':
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "*/", "* /")
	return strings.Join(strings.Fields(s), " ")
}

// commentInputs reach the edges of commentReady: ends, doubled spaces,
// "*/", controls, non-ASCII.
var commentInputs = []string{
	"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a*/b", "*/", "a*", "/a", "*", "a * / b",
	"x\x7fy", "x\ny", "café", "a\u200bb", "Wait for `Retry-After` seconds and retry.", "~!@#$%^&()_+",
}

// TestSafeCommentTextMatchesReference compares safeCommentText with its
// reference on commentInputs.
func TestSafeCommentTextMatchesReference(t *testing.T) {
	for _, s := range commentInputs {
		if got, want := safeCommentText(s), safeCommentTextReference(s); got != want {
			t.Errorf("safeCommentText(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzSafeCommentText compares safeCommentText with its reference on any
// text.
func FuzzSafeCommentText(f *testing.F) {
	for _, s := range commentInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := safeCommentText(s), safeCommentTextReference(s); got != want {
			t.Errorf("safeCommentText(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestWrapSafeMatchesWrap compares wrapSafe with wrap on text that
// safeCommentText returned, short and long.
func TestWrapSafeMatchesWrap(t *testing.T) {
	long := strings.Repeat("word ", 40)
	for _, s := range append(commentInputs, long, strings.Repeat("x", 80), strings.Repeat("x", 76), "a "+strings.Repeat("y", 74)) {
		checkWrapSafe(t, s)
	}
}

// checkWrapSafe compares wrapSafe with wrap on safeCommentText(s).
func checkWrapSafe(t *testing.T, s string) {
	t.Helper()
	safe := safeCommentText(s)
	if got, want := wrapSafe(safe), wrap(safe, commentWidth); !slices.Equal(got, want) {
		t.Errorf("wrapSafe(%q) = %q, want %q", safe, got, want)
	}
}

// FuzzWrapSafe compares wrapSafe with wrap on any text made safe.
func FuzzWrapSafe(f *testing.F) {
	for _, s := range commentInputs {
		f.Add(s)
	}
	f.Fuzz(checkWrapSafe)
}

// docCommentReference is docComment as it was: a comment and a line break
// per line.
func docCommentReference(paragraphs ...string) *jen.Statement {
	s := jen.Null()
	for _, l := range commentLines(paragraphs...) {
		s.Comment(l).Line()
	}
	return s
}

// TestDocCommentMatchesReference renders declarations documented by
// docComment and by its reference, and compares the formatted files.
func TestDocCommentMatchesReference(t *testing.T) {
	cases := [][]string{nil, {""}, {"One line."}, {"a", "b"}, {strings.Repeat("long words ", 30), "\tgo run ./gen", "*/ func init() {}"}}
	for _, paragraphs := range cases {
		renderWith := func(doc func(...string) *jen.Statement) string {
			g := jen.NewFile("p")
			g.Const().Defs(doc(paragraphs...).Id("A").Op("=").Lit(1), doc(paragraphs...).Id("B").Op("=").Lit(2))
			g.Add(doc(paragraphs...))
			g.Var().Id("C").Op("=").Lit(3)
			out, err := render(g)
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
		if got, want := renderWith(docComment), renderWith(docCommentReference); got != want {
			t.Errorf("docComment(%q) renders\n%s\nwant\n%s", paragraphs, got, want)
		}
	}
}
