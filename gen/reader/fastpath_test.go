package reader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/errtable/errtable/spec"
)

// The scanners below replace slower code kept here as their reference:
// each test compares the two on a table of inputs, and each fuzz target on
// whatever the fuzzer finds.

// fastPathInputs are texts that reach the edges of the scanners: empty,
// ASCII, line ends, mojibake, hidden runes, the separators of parseYesNo
// in both widths, template tags, invalid UTF-8.
var fastPathInputs = []string{
	"", "\n", "\n\n", "a", "plain ASCII text\nand a second line\n",
	"â€™ quote\nok\n", "no\nÃ© here", "caf\u00e9\n", "\x85 C1\n", "\uFFFD\n",
	"ข Thai in many Latin letters here", "ภาษาไทย", "a\u200bb\nc\u202Ed\n\u2060", "\uFEFFbom",
	"x\xffy\n", "\xe2\x80", "Yes, after the wait", "Retry: no", "Retry （no）", "是、可以", "可以，稍后",
	"no; fix it", "retry (yes)", "RETRYABLE", "retryable", "Retry.", "—", "-", "\u212Aelvin",
	"{% hint style=\"info\" %}Retry a 429.{% endhint %}", "[block:callout]x[/block]", "[/block] and {%",
	"[blocks] and {x%}", "a & b", `a \| b`, "  spaced   out  ",
	"a first line of ASCII\na second, longer line of ASCII\nthen caf\u00e9 and \u00e2\u20ac\u2122 on line three\nASCII again\n\u200bhidden\n",
}

// mojibakeLinesReference is mojibakeLines as it was: a copy of the page
// split into lines, each scanned.
func mojibakeLinesReference(src []byte) []int {
	var out []int
	for i, line := range strings.Split(string(src), "\n") {
		if looksMisdecoded(line) {
			out = append(out, i+1)
		}
	}
	return out
}

// hiddenLinesReference is hiddenLines as it was: every rune decoded.
func hiddenLinesReference(src []byte) (lines []int, runes []string) {
	line := 1
	for _, r := range string(src) {
		if r == '\n' {
			line++
			continue
		}
		if r == '\uFFFD' || !spec.HiddenRune(r) {
			continue
		}
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
		if u := fmt.Sprintf("%U", r); len(runes) < 5 && !slices.Contains(runes, u) {
			runes = append(runes, u)
		}
	}
	return lines, runes
}

// checkScanners compares every scanner with its reference on s.
func checkScanners(t *testing.T, s string) {
	t.Helper()
	if got, want := mojibakeLines([]byte(s)), mojibakeLinesReference([]byte(s)); !slices.Equal(got, want) {
		t.Errorf("mojibakeLines(%q) = %v, want %v", s, got, want)
	}
	gotLines, gotRunes := hiddenLines([]byte(s))
	wantLines, wantRunes := hiddenLinesReference([]byte(s))
	if !slices.Equal(gotLines, wantLines) || !slices.Equal(gotRunes, wantRunes) {
		t.Errorf("hiddenLines(%q) = %v %v, want %v %v", s, gotLines, gotRunes, wantLines, wantRunes)
	}
	if got, want := indexAnswerSep(s), strings.IndexAny(s, ",;:(（、，"); got != want {
		t.Errorf("indexAnswerSep(%q) = %d, want %d", s, got, want)
	}
	if got, want := isRetryWord(s), retryWords[strings.ToLower(s)]; got != want {
		t.Errorf("isRetryWord(%q) = %v, want %v", s, got, want)
	}
	if got, want := dropTemplateTags(s), templateTagRE.ReplaceAllString(s, " "); got != want {
		t.Errorf("dropTemplateTags(%q) = %q, want %q", s, got, want)
	}
	gotV, gotOK := parseYesNo(s)
	wantV, wantOK := parseYesNoReference(s)
	if gotV != wantV || gotOK != wantOK {
		t.Errorf("parseYesNo(%q) = %v, %v; want %v, %v", s, gotV, gotOK, wantV, wantOK)
	}
}

// TestScannersMatchReference compares the scanners with their references
// on fastPathInputs, alone and doubled.
func TestScannersMatchReference(t *testing.T) {
	for _, s := range fastPathInputs {
		checkScanners(t, s)
		checkScanners(t, s+"\n"+s)
	}
}

// FuzzScanners compares the scanners with their references on any text.
func FuzzScanners(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(checkScanners)
}

// TestMaxRetryWordLen keeps isRetryWord's bound in step with retryWords.
func TestMaxRetryWordLen(t *testing.T) {
	for w := range retryWords {
		if len(w) > maxRetryWordLen {
			t.Errorf("retry word %q is longer than maxRetryWordLen (%d)", w, maxRetryWordLen)
		}
	}
}

// inlineTextReference is inlineText without its fast path.
func inlineTextReference(n ast.Node, src []byte) string {
	var b strings.Builder
	appendText(&b, n, src)
	return cleanText(b.String())
}

// checkInlineText compares inlineText with its reference on every node of
// the Markdown page src, and the text readTable gives each cell with the
// reference's text of the same cell parsed by goldmark (refParser).
func checkInlineText(t *testing.T, src []byte) {
	t.Helper()
	doc := mdParser.Parse(text.NewReader(src))
	var got []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if r, ok := n.(cellRow); ok {
			line := string(restOfLine(src, r.Pos()))
			for _, c := range r.rowCells() {
				got = append(got, c.text(src, r.Pos(), line))
			}
			return ast.WalkSkipChildren, nil
		}
		if got, want := inlineText(n, src), inlineTextReference(n, src); got != want {
			t.Errorf("inlineText of a %s in %q = %q, want %q", n.Kind(), src, got, want)
		}
		return ast.WalkContinue, nil
	})
	var want []string
	_ = ast.Walk(refParser.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTableCell {
			want = append(want, inlineTextReference(n, src))
		}
		return ast.WalkContinue, nil
	})
	if !slices.Equal(got, want) {
		t.Errorf("the cells of %q read\n%q\nwant\n%q", src, got, want)
	}
}

// TestInlineTextMatchesReference compares inlineText with its reference
// on the blocks of pages made of fastPathInputs, in cells and prose.
func TestInlineTextMatchesReference(t *testing.T) {
	for _, s := range fastPathInputs {
		checkInlineText(t, []byte("| Code | Name |\n|---|---|\n| 400 | "+s+" |\n\n"+s+"\n\n# "+s+"\n"))
	}
	checkInlineText(t, []byte("A *b* `c` [d](e) &amp; f\\|g<br>h\nnext line  \nhard\n"))
	checkInlineText(t, []byte("| Code | Name |\n|---|---|\n| `429` | `a \\| b` |\n| ` 400 ` | ``a`b`` |\n| `&amp;` | `x` y |\n| `a\tb` | `` |\n"))
	checkInlineText(t, []byte("> | Code | Name |\n> |---|---|\n> | 400 | a *b* |\n\n- x\n  | Code | Name |\n  |---|---|\n  | 400 |\tTab\t|\n\n|a|b|\n|-|-|\n|\\||&amp;|\n|x|`a|b`|\r\n"))
}

// FuzzInlineText compares inlineText with its reference on any cell text.
func FuzzInlineText(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInlineText(t, []byte("| Code | Name |\n|---|---|\n| 400 | "+s+" |\n\n"+s))
		checkInlineText(t, []byte("> | Code | Name |\n> |---|---|\n> | "+s+" | x |\n\n- a\n  | Code | Name |\n  |---|---|\n  | 400 | "+s+" |\n"))
	})
}

// parseYesNoReference is parseYesNo as it was, lower-casing before it
// trims and with no bound on ASCII words.
func parseYesNoReference(s string) (value, ok bool) {
	if len(s) > maxYesNoCell {
		return false, false
	}
	first, rest := strings.TrimSpace(s), ""
	if i := strings.IndexAny(first, ",;:(（、，"); i > 0 {
		first, rest = first[:i], first[i:]
	}
	if retryWords[strings.ToLower(strings.TrimSpace(first))] && strings.TrimLeft(rest, ",;:(（、， ") != "" {
		return parseYesNoReference(strings.TrimRight(strings.TrimLeft(rest, ",;:(（、， "), ")）"))
	}
	if len(first) > maxYesNoLen {
		return false, false
	}
	first = strings.Trim(strings.TrimSpace(strings.ToLower(first)), ".!。")
	switch {
	case yesWords[first]:
		return true, true
	case noWords[first]:
		return false, true
	}
	return false, false
}

// TestParseYesNoMatchesReference compares parseYesNo with its reference on
// every answer word, dressed as cells write them, and fastPathInputs.
func TestParseYesNoMatchesReference(t *testing.T) {
	var inputs []string
	for _, words := range []map[string]bool{yesWords, noWords, retryWords} {
		for w := range words {
			inputs = append(inputs, w, strings.ToUpper(w), " "+w+". ", w+"!!!!!!!!!", w+", after a wait", "Retry: "+w, "Retry ("+w+")", w+"。")
		}
	}
	for _, s := range append(inputs, fastPathInputs...) {
		gotV, gotOK := parseYesNo(s)
		wantV, wantOK := parseYesNoReference(s)
		if gotV != wantV || gotOK != wantOK {
			t.Errorf("parseYesNo(%q) = %v, %v; want %v, %v", s, gotV, gotOK, wantV, wantOK)
		}
	}
}

// TestMaxASCIIAnswerLen keeps parseYesNo's bound in step with the words.
func TestMaxASCIIAnswerLen(t *testing.T) {
	for _, words := range []map[string]bool{yesWords, noWords} {
		for w := range words {
			if isASCII(w) && len(w) > maxASCIIAnswerLen {
				t.Errorf("answer %q is longer than maxASCIIAnswerLen (%d)", w, maxASCIIAnswerLen)
			}
		}
	}
}
