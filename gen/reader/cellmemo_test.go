package reader

import (
	"reflect"
	"strings"
	"testing"
)

// textOfReference is textOf as it was before cellMemo: every test run on
// every cell of the column.
func textOfReference(t *table, i int) columnText {
	var c columnText
	for _, r := range t.rows {
		v := cell(r, i)
		if v == "" {
			continue
		}
		c.filled++
		switch cc := parseCodeCell(v); {
		case cc.kind == statusCode || cc.kind == statusClass:
			c.statuses++
			if cc.kind == statusCode && cc.codes[0] >= 400 {
				c.errors++
			}
			continue
		case cc.kind == outOfRange && numberRE.MatchString(v):
			c.numbers++ // a plain number: "Error 3" is a name
			continue
		}
		if _, ok := parseYesNo(v); ok && !isRetryWord(strings.Trim(v, " .!")) {
			continue // "Yes", "No": an answer, neither a name nor a sentence
		}
		if isSentence(v) {
			c.sentence++
		} else if isShortName(v) {
			c.names++
		}
	}
	return c
}

// memoCellInputs are cells of every class: statuses, classes, numbers,
// answers, retry words, sentences and names in several scripts.
var memoCellInputs = []string{
	"", "429", "404 Not Found", "`403`", "HTTP 429", "200", "200 OK", "5xx", "500-599", "default", "700", "42",
	"Error 3", "3", "1001", "Yes", "no", "Retry", "Retry.", "retryable", "Yes, after Retry-After", "-", "—",
	"Not Found", "Too Many Requests", "The request is malformed.", "Check the `field_1` of the request and send it again.",
	"Request Header Fields Too Large", "one two three four five six seven", "错误", "请求参数错误，请检查后重试。",
	"はい", "Wait?", "Stop!", "500, 502, 503 - Server Errors", "429 ⚠️", "4,290", "404. Not Found",
}

// checkCellMemo compares textOf, through a page's memo, with its
// reference on a table of one column of cells, read twice so that the
// second reading comes from the memo; and the memo's code cells with
// parseCodeCell.
func checkCellMemo(t *testing.T, cells []string) {
	t.Helper()
	tab := &table{header: []string{"Column"}, memo: cellMemo{}}
	for k, c := range cells {
		tab.rows = append(tab.rows, row{line: k + 1, cells: []string{c}})
	}
	want := textOfReference(tab, 0)
	for range 2 {
		if got := textOf(tab, 0); got != want {
			t.Errorf("textOf of %q = %+v, want %+v", cells, got, want)
		}
	}
	alone := *tab
	alone.memo = nil
	if got := textOf(&alone, 0); got != want {
		t.Errorf("textOf without a memo of %q = %+v, want %+v", cells, got, want)
	}
	for _, c := range cells {
		if got, want := tab.codeCell(c), parseCodeCell(c); !reflect.DeepEqual(got, want) {
			t.Errorf("codeCell(%q) = %+v, want %+v", c, got, want)
		}
	}
}

func TestTextOfMatchesReference(t *testing.T) {
	checkCellMemo(t, memoCellInputs)
	for _, c := range memoCellInputs {
		checkCellMemo(t, []string{c})
		checkCellMemo(t, []string{c, c, "429"})
	}
}

// TestCellMemoBounded checks that a memo stops growing at maxMemoCells
// and still answers for the texts it does not keep, whether the text's
// facts or its info are asked first.
func TestCellMemoBounded(t *testing.T) {
	m := cellMemo{}
	for i := range maxMemoCells + 10 {
		s := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26)
		if i%2 == 1 {
			s = "`" + strings.ToUpper(s) + "_CODE`"
		}
		for round := range 2 {
			if i%2 == round {
				if got, want := m.facts(s), cellFactsOf(s); got != want {
					t.Fatalf("facts(%q) = %+v, want %+v", s, got, want)
				}
				continue
			}
			got, want := m.info(s), cellInfoOf(s)
			if !reflect.DeepEqual(got.code, want.code) || got.class != want.class {
				t.Fatalf("info(%q) = %+v, want %+v", s, got, want)
			}
		}
	}
	if len(m) > maxMemoCells {
		t.Errorf("the memo holds %d texts, more than %d", len(m), maxMemoCells)
	}
}

// FuzzTextOf compares textOf with its reference on the cells of a column
// split from the fuzzer's text at newlines.
func FuzzTextOf(f *testing.F) {
	f.Add(strings.Join(memoCellInputs, "\n"))
	for _, c := range memoCellInputs {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCellMemo(t, strings.Split(s, "\n"))
	})
}
