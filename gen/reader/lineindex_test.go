package reader

import (
	"slices"
	"testing"
)

// newLineIndexReference is newLineIndex as it was: every byte looked at,
// the index grown by appending.
func newLineIndexReference(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func TestNewLineIndexMatchesReference(t *testing.T) {
	for _, s := range fastPathInputs {
		if got, want := newLineIndex([]byte(s)), newLineIndexReference([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("newLineIndex(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzNewLineIndex compares newLineIndex with its reference on any text.
func FuzzNewLineIndex(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := newLineIndex([]byte(s)), newLineIndexReference([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("newLineIndex(%q) = %v, want %v", s, got, want)
		}
	})
}

// checkNext compares next with of for every offset of s, from every line
// at or before it (and from no line).
func checkNext(t *testing.T, s string) {
	idx := newLineIndex([]byte(s))
	for off := -1; off <= len(s)+1; off++ {
		want := idx.of(off)
		for from := 0; from <= want; from++ {
			if got := idx.next(from, off); got != want {
				t.Fatalf("in %q, next(%d, %d) = %d, want %d", s, from, off, got, want)
			}
		}
	}
}

func TestNextMatchesOf(t *testing.T) {
	for _, s := range append(fastPathInputs, "", "\n", "\n\n\n", "a\nb", "a\n\nb\n", "| a |\n|---|\n| 1 |\n| 2 |\n") {
		checkNext(t, s)
	}
}

// FuzzNext compares next with of on any text.
func FuzzNext(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return // every offset from every line: quadratic
		}
		checkNext(t, s)
	})
}
