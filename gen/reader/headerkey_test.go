package reader

import (
	"strings"
	"testing"
)

// headerKeyInputs are headers of every shape normalizeHeader meets: case,
// runs of white space, trailing marks in both widths, long and non-ASCII.
var headerKeyInputs = []string{
	"", " ", "Code", "HTTP Status Code", "  Error\tCode  ", "Retry?", "Retry ?", "Retry? ", "code: ?", "Code:", "Code ::",
	"Name :", ":", "?", " : ", "Descripción", "错误码", "Retry？", "Code\u00a0", "\u0085Code", "a\v\fb\r\nc",
	strings.Repeat("x", maxHeaderKey), strings.Repeat("x", maxHeaderKey+1), strings.Repeat("X ", maxHeaderKey/2),
}

// checkHeaderKey compares normalASCIIHeader, where it answers, and
// headerRank with normalizeHeader, the code they stand for.
func checkHeaderKey(t *testing.T, h string) {
	t.Helper()
	var buf [maxHeaderKey]byte
	if key, ok := normalASCIIHeader(buf[:0], h); ok {
		if want := normalizeHeader(h); string(key) != want {
			t.Errorf("normalASCIIHeader(%q) = %q, want %q", h, key, want)
		}
		if len(h) > maxHeaderKey || !isASCII(h) {
			t.Errorf("normalASCIIHeader(%q) answers for a header it should leave to normalizeHeader", h)
		}
	}
	for _, r := range []role{roleCode, roleName, roleRemedy, roleRetry, roleExplain, roleOther} {
		rank, ok := headerRank(h, r)
		wantRank, wantOK := wordIndex[normalizeHeader(h)][r]
		if rank != wantRank || ok != wantOK {
			t.Errorf("headerRank(%q, %v) = %d %v, want %d %v", h, r, rank, ok, wantRank, wantOK)
		}
	}
}

func TestHeaderKeyMatchesReference(t *testing.T) {
	for _, h := range headerKeyInputs {
		checkHeaderKey(t, h)
	}
	for _, row := range headerWords {
		for _, w := range row.words {
			checkHeaderKey(t, w)
			checkHeaderKey(t, " "+strings.ToUpper(w)+" :")
		}
	}
}

// FuzzHeaderKey compares normalASCIIHeader and headerRank with
// normalizeHeader on any header.
func FuzzHeaderKey(f *testing.F) {
	for _, h := range headerKeyInputs {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		checkHeaderKey(t, h)
	})
}
