package main

import (
	"bytes"
	"go/parser"
	"go/token"
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
