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
